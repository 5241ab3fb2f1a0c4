import logging

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string

from coplan.core.statement import statement

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("projects:list")
    return render(request, "core/home.html")


def security_and_data_protection(request: HttpRequest) -> HttpResponse:
    """What we keep about people, why, for how long, who sees it and how it is protected:
    public, so anyone can read it before they give us anything."""
    return render(request, "core/security_and_data_protection.html", {"statement": statement()})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database cannot be reached")
        return False
    return True


def _pages_ok() -> bool:
    """Can the app show a page? The home page uses the base layout every page uses, and
    its static files: without them (collectstatic not run, or a file missing from its
    manifest) every page, even the error page, fails."""
    try:
        render_to_string("core/home.html")
    except Exception:
        logger.exception("Health check: pages cannot be shown")
        return False
    return True


def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and uptime checks: can the app reach its database and show pages?"""
    checks = {
        "database": "ok" if _database_ok() else "unreachable",
        "pages": "ok" if _pages_ok() else "failing",
    }
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
