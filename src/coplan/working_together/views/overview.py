"""Working together at a glance, and the live wording check for the project."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from coplan import language
from coplan.plain_words.forms import allowed_words
from coplan.plain_words.presenters import report_view
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.working_together import rules, selectors
from coplan.working_together.views.common import SECTION


@project_view(rules.VIEW_WORKING_TOGETHER)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    return SECTION.page(
        request,
        membership,
        "working_together/home.html",
        counts=selectors.overview(project=project),
        sessions=selectors.session_records(project=project)[:3],
        definitions=selectors.shared_definitions(project=project),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
@require_POST
def wording_live(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The live wording check for this project: its shared definitions are never flagged."""
    field_name = request.POST.get("field_name", "")
    text = request.POST.get(field_name, "") if field_name else ""
    mode = request.POST.get("mode", language.PLAIN)
    if mode not in (language.PLAIN, language.EASY_READ):
        mode = language.PLAIN
    allowed = allowed_words(request.POST.get(request.POST.get("allowed_field", ""), ""))
    allowed += selectors.defined_words(project=membership.project)
    return render(
        request,
        "plain_words/_findings.html",
        {
            "checked": report_view(text, mode=mode, allowed=allowed),
            "field_id": request.POST.get("field_id", ""),
        },
    )
