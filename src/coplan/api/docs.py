"""The API's own page, `/api/v1/docs`: how to use it, every operation in a table, and
Swagger UI to try each call.

django-ninja's own page loads Swagger UI from a CDN unless ninja is an installed app,
and is a bare page (no language, no heading, no main landmark). This one is one of our
pages (the layout, the menu, plain words) and takes Swagger UI from the files the pinned
django-ninja package ships (`settings.NINJA_FILES`, served as our static files), so it
works offline and under our Content Security Policy.
"""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

from coplan.core.api_parts import PER_PAGE

METHODS = ("get", "post", "put", "patch", "delete")

# What Swagger UI shows first: every call folded, no schemas at the end, "Try it out"
# one click away. No deep links: Swagger puts them as links inside the buttons that open
# each call, which screen readers cannot reach (axe: nested-interactive). No colours on
# JSON: its theme's colours are too faint to read (app.scss sets the rest).
SWAGGER_SETTINGS = {
    "layout": "BaseLayout",
    "deepLinking": False,
    "docExpansion": "none",
    "defaultModelsExpandDepth": -1,
    "displayRequestDuration": True,
    "syntaxHighlight": False,
}


def operations(schema: dict) -> list[dict]:
    """Each operation of the OpenAPI document, in the document's order: its method,
    path, summary and whether it needs a token."""
    found = []
    for path, by_method in schema.get("paths", {}).items():
        for method in METHODS:
            operation = by_method.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "token": bool(operation.get("security")),
                    "tag": (operation.get("tags") or [""])[0],
                }
            )
    return found


class CoplanDocs(DocsBase):
    template = "api/docs.html"

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        openapi_url = self.get_openapi_url(api, kwargs)
        schema = api.get_openapi_schema(path_params=kwargs)
        return render(
            request,
            self.template,
            {
                "openapi_url": openapi_url,
                "operations": operations(schema),
                "swagger_settings": json.dumps({**SWAGGER_SETTINGS, "url": openapi_url}),
                "nav_section": "account",
                "per_page": PER_PAGE,
                "rate_limit": settings.API_RATE_LIMIT_PER_MINUTE,
            },
        )
