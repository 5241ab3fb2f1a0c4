"""The API's "you said, we did" (decision 0017; registered in `contributions.py`): what
is published for everyone, and what is not yet for those who write it."""

import datetime

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Router, Schema

from coplan.core.api_parts import (
    TOKEN_PROBLEMS,
    PageLinks,
    PageNumber,
    PerPage,
    Problem,
    ProjectId,
    paged,
)
from coplan.feedback import rules as feedback_rules
from coplan.feedback import selectors as feedback_selectors
from coplan.feedback.models import YouSaidWeDid
from coplan.projects.access import member_allowed

router = Router(tags=["you said, we did"])


class YouSaidWeDidOut(Schema):
    id: int
    you_said: str
    we_did: str
    status: str
    status_words: str
    published_at: datetime.datetime | None


class YouSaidWeDidPage(PageLinks):
    items: list[YouSaidWeDidOut]


def _entry_out(entry: YouSaidWeDid) -> dict:
    return {
        "id": entry.pk,
        "you_said": entry.you_said,
        "we_did": entry.we_did,
        "status": entry.status,
        "status_words": entry.get_status_display(),
        "published_at": entry.published_at,
    }


def _entries_page(request: HttpRequest, entries: QuerySet, page: int, per_page: int) -> dict:
    return paged(request, entries, page=page, per_page=per_page, out=_entry_out)


@router.get(
    "/projects/{project_id}/you-said-we-did",
    response={200: YouSaidWeDidPage, 304: None, **TOKEN_PROBLEMS},
    summary="What people said and what the project did",
)
def you_said_we_did(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """Newest first. Those who write "you said, we did" also get what is not published
    yet (`published_at` is null); everyone else, what is published."""
    membership = member_allowed(request.auth.user, project_id, feedback_rules.VIEW_YOU_SAID_WE_DID)
    entries = feedback_selectors.you_said_we_did_list(
        project_id=membership.project_id,
        published_only=not membership.may(feedback_rules.EDIT_YOU_SAID_WE_DID),
    )
    return _entries_page(request, entries, page, per_page)


@router.get(
    "/public/projects/{project_id}/you-said-we-did",
    auth=None,
    response={200: YouSaidWeDidPage, 304: None, 404: Problem, 422: Problem},
    summary="What a project published, for anyone (no token)",
)
def you_said_we_did_public(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """For a public website: what the project has published, newest first. A project
    that has published nothing is not found."""
    entries = feedback_selectors.you_said_we_did_list(project_id=project_id, published_only=True)
    if not entries.exists():
        raise Http404
    return _entries_page(request, entries, page, per_page)
