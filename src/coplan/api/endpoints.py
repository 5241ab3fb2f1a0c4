"""The HTTP API, `/api/v1/` (docs/decisions/0017; a guide in docs/api.md).

Every project-scoped operation reaches its project through
`projects.access.member_allowed`, the path the pages take: a stranger gets 404, a
role without the page's permission 403. What each role sees inside an answer follows
the pages too.
"""

import datetime
import hashlib
import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import parse_etags, urlencode
from ninja import NinjaAPI, Path, Query
from ninja.errors import AuthenticationError, HttpError, ValidationError

from coplan.api import schemas
from coplan.api.auth import TokenAuth
from coplan.api.problems import PROBLEM_TYPE, ApiProblemError, Problem, problem_response
from coplan.feedback import rules as feedback_rules
from coplan.feedback import selectors as feedback_selectors
from coplan.feedback.models import YouSaidWeDid
from coplan.guides import rules as guides_rules
from coplan.guides import selectors as guides_selectors
from coplan.guides.engine.workbook import OutcomeStatus
from coplan.meetings import rules as meetings_rules
from coplan.meetings import selectors as meetings_selectors
from coplan.meetings.models import Reply
from coplan.projects import rules as project_rules
from coplan.projects import selectors as project_selectors
from coplan.projects.access import member_allowed
from coplan.projects.models import Membership, Project

logger = logging.getLogger("coplan.api")

PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 10_000
MAX_ID = 2**31 - 1

# What every operation with a token may answer besides its own success.
TOKEN_PROBLEMS = {401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}


class CoplanAPI(NinjaAPI):
    """NinjaAPI with our answers: an ETag on every read (304 for a matching
    If-None-Match), never kept by a shared cache when a token was used, and problem
    details documented as `application/problem+json`."""

    def create_response(
        self,
        request: HttpRequest,
        data: Any,
        *,
        status: int | None = None,
        temporal_response: HttpResponse | None = None,
    ) -> HttpResponse:
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        return _finish(request, response)

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for code, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if int(code) >= 400 and "application/json" in content:
                        answer["content"] = {PROBLEM_TYPE: content["application/json"]}
                    if int(code) == 200 and operation.get("security"):
                        answer.setdefault("headers", {})["ETag"] = {
                            "schema": {"type": "string"},
                            "description": "Send it back as If-None-Match: 304 if unchanged.",
                        }
        return schema


def _finish(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if getattr(request, "auth", None) is not None:
        response["Cache-Control"] = "private, no-store"
    if request.method != "GET" or response.status_code != 200:
        return response
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    wanted = parse_etags(request.headers.get("If-None-Match", ""))
    if etag in wanted or "*" in wanted:
        not_modified = HttpResponse(status=304)
        for header in ("ETag", "Cache-Control"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response


api = CoplanAPI(
    title="Co-production Planner API",
    version="1",
    description=(
        "The same rules as the pages: you see through the API exactly what you see on "
        "the pages. Send a personal access token (made on Your account) as "
        "`Authorization: Bearer coplan_...`. See docs/api.md."
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
)


# Problems -------------------------------------------------------------------------


@api.exception_handler(ApiProblemError)
def _problem(request: HttpRequest, error: ApiProblemError) -> HttpResponse:
    return problem_response(request, error.status, error.detail, headers=error.headers)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem_response(
        request, 404, "There is nothing here, or it is in a project you are not a member of."
    )


@api.exception_handler(PermissionDenied)
def _not_allowed(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return problem_response(request, 403, "Your role in this project does not allow this.")


@api.exception_handler(AuthenticationError)
def _no_token(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return problem_response(
        request,
        401,
        "Send your API token in the Authorization header: Bearer coplan_... "
        "You make tokens on Your account.",
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = [
        {"where": ".".join(str(part) for part in each.get("loc", ())), "problem": each.get("msg")}
        for each in error.errors
    ]
    words = "; ".join(f"{each['where']}: {each['problem']}" for each in errors)
    return problem_response(request, 422, f"Check what you sent. {words}", errors=errors)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return problem_response(request, error.status_code, str(error.message))


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, error: Exception) -> HttpResponse:
    request_id = getattr(request, "request_id", "")
    logger.exception("api error request_id=%s", request_id)
    return problem_response(
        request,
        500,
        f"Something went wrong on our side. If it happens again, tell us the request id "
        f"{request_id}.",
    )


# Paging ---------------------------------------------------------------------------


def _page_links(
    request: HttpRequest, *, count: int, page: int, per_page: int
) -> dict[str, int | str | None]:
    def link(to: int) -> str:
        query = {**request.GET.dict(), "page": to, "per_page": per_page}
        return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")

    last = max(1, -(-count // per_page))
    return {
        "count": count,
        "page": page,
        "per_page": per_page,
        "next": link(page + 1) if page < last else None,
        "previous": link(min(page - 1, last)) if page > 1 else None,
    }


def _slice(page: int, per_page: int) -> tuple[int, int]:
    start = (page - 1) * per_page
    return start, start + per_page


PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Which page, from 1.")
PerPage = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE, description="How many on a page.")
# Meetings come with their checks: as many on a page as on the meetings page, unless asked.
MeetingsPerPage = Query(
    meetings_selectors.MEETINGS_PER_PAGE, ge=1, le=MAX_PER_PAGE, description="How many on a page."
)
ProjectId = Path(..., ge=1, le=MAX_ID)
FromDate = Query(None, description="Only those on or after this date.")
ToDate = Query(None, description="Only those on or before this date.")


# Projects -------------------------------------------------------------------------


def _project_out(membership: Membership, workbooks: list) -> dict:
    project: Project = membership.project
    shown = workbooks if membership.may(guides_rules.VIEW_PLAN) else []
    return {
        "id": project.pk,
        "name": project.name,
        "description": project.description,
        "organisation": project.organisation.name,
        "your_role": membership.role,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "readiness": [
            {
                "guide": workbook.key,
                "title": workbook.guide.title,
                "status": workbook.workbook.readiness.status.value,
                "summary": workbook.workbook.readiness.summary,
                "answered": workbook.workbook.readiness.answered,
                "total": workbook.workbook.readiness.total,
                "stops": workbook.workbook.readiness.stops,
                "warnings": workbook.workbook.readiness.warnings,
                "reminders": workbook.workbook.readiness.reminders,
            }
            for workbook in shown
        ],
        "open_problems": [
            {
                "guide": workbook.key,
                "level": outcome.level.value,
                "message": outcome.message,
                "waiting_for_agreement": outcome.status is OutcomeStatus.WAITING_FOR_AGREEMENT,
            }
            for workbook in shown
            for outcome in workbook.workbook.outcomes
            if outcome.is_open
        ],
    }


@api.get(
    "/projects",
    response={200: schemas.ProjectPage, 304: None, **TOKEN_PROBLEMS},
    tags=["projects"],
    summary="Your projects, with readiness and open problems",
)
def projects(request: HttpRequest, page: int = PageNumber, per_page: int = PerPage):
    """Every project you are a member of, by name, with your role, whether each guide
    is ready and the problems still open (stops, warnings and reminders)."""
    memberships: QuerySet[Membership] = project_selectors.memberships_for_user(
        user=request.auth.user
    )
    count = memberships.count()
    start, end = _slice(page, per_page)
    shown = list(memberships[start:end])
    workbooks = guides_selectors.workbooks_for_projects(
        projects=[membership.project for membership in shown]
    )
    return {
        **_page_links(request, count=count, page=page, per_page=per_page),
        "items": [
            _project_out(membership, workbooks.get(membership.project_id, []))
            for membership in shown
        ],
    }


@api.get(
    "/projects/{project_id}",
    response={200: schemas.ProjectOut, 304: None, **TOKEN_PROBLEMS},
    tags=["projects"],
    summary="One project, with readiness and open problems",
)
def project(request: HttpRequest, project_id: int = ProjectId):
    membership = member_allowed(request.auth.user, project_id, project_rules.VIEW_PROJECT)
    workbooks = guides_selectors.project_workbooks(project=membership.project)
    return _project_out(membership, workbooks)


# Meetings -------------------------------------------------------------------------


@api.get(
    "/projects/{project_id}/meetings",
    response={200: schemas.MeetingPage, 304: None, **TOKEN_PROBLEMS},
    tags=["meetings"],
    summary="A project's meetings and workshops",
)
def meetings(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = MeetingsPerPage,
    from_date: datetime.date | None = FromDate,
    to_date: datetime.date | None = ToDate,
):
    """By date and start time. For staff, each meeting to come has its checks (notice,
    venue, everyone's needs, food, joining online, papers, paperwork) as on the
    meeting's page; leads and facilitators also get how many gave each reply."""
    membership = member_allowed(request.auth.user, project_id, meetings_rules.VIEW_MEETINGS)
    see_checks = membership.may(meetings_rules.VIEW_READINESS)
    see_replies = membership.may(meetings_rules.MANAGE_INVITED)
    start, _ = _slice(page, per_page)
    found = meetings_selectors.meetings_slice(
        project=membership.project,
        offset=start,
        limit=per_page,
        from_date=from_date,
        to_date=to_date,
    )
    items = []
    for checked in found.meetings:
        meeting = checked.meeting
        readiness = checked.readiness if see_checks else None
        replies = found.replies.get(meeting.pk, {})
        items.append(
            {
                "id": meeting.pk,
                "title": meeting.title,
                "format": meeting.format,
                "date": meeting.meets_on,
                "starts_at": meeting.starts_at.strftime("%H:%M"),
                "length_minutes": meeting.length_minutes,
                "venue": meeting.venue.name if meeting.venue_id else None,
                "invited": checked.invited_count,
                "ready": readiness.ready if readiness else None,
                "checks": [
                    {
                        "key": check.key,
                        "title": check.title,
                        "ready": check.ready,
                        "summary": check.summary,
                        "next_step": check.next_step,
                    }
                    for check in readiness.checks
                ]
                if readiness
                else None,
                "replies": {reply.value: replies.get(reply.value, 0) for reply in Reply}
                if see_replies
                else None,
            }
        )
    return {
        **_page_links(request, count=found.total, page=page, per_page=per_page),
        "items": items,
    }


# You said, we did -----------------------------------------------------------------


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
    start, end = _slice(page, per_page)
    return {
        **_page_links(request, count=entries.count(), page=page, per_page=per_page),
        "items": [_entry_out(entry) for entry in entries[start:end]],
    }


@api.get(
    "/projects/{project_id}/you-said-we-did",
    response={200: schemas.YouSaidWeDidPage, 304: None, **TOKEN_PROBLEMS},
    tags=["you said, we did"],
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


@api.get(
    "/public/projects/{project_id}/you-said-we-did",
    auth=None,
    response={200: schemas.YouSaidWeDidPage, 304: None, 404: Problem, 422: Problem},
    tags=["you said, we did"],
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
