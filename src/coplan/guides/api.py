"""The API's projects: yours, each with whether its guides are ready and the problems
still open (decision 0017; registered in `contributions.py`). Here, not in the projects
app, because readiness is the guides'; the project is reached as its overview is."""

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema

from coplan.core.api_parts import (
    TOKEN_PROBLEMS,
    PageLinks,
    PageNumber,
    PerPage,
    ProjectId,
    page_links,
    page_slice,
)
from coplan.guides import rules as guides_rules
from coplan.guides import selectors as guides_selectors
from coplan.guides.engine.workbook import OutcomeStatus
from coplan.projects import rules as project_rules
from coplan.projects import selectors as project_selectors
from coplan.projects.access import member_allowed
from coplan.projects.models import Membership, Project

router = Router(tags=["projects"])


class GuideReadiness(Schema):
    guide: str
    title: str
    status: str
    summary: str
    answered: int
    total: int
    stops: int
    warnings: int
    reminders: int


class OpenProblem(Schema):
    guide: str
    level: str
    message: str
    waiting_for_agreement: bool


class ProjectOut(Schema):
    id: int
    name: str
    description: str
    organisation: str
    your_role: str
    start_date: datetime.date
    end_date: datetime.date
    readiness: list[GuideReadiness]
    open_problems: list[OpenProblem]


class ProjectPage(PageLinks):
    items: list[ProjectOut]


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


@router.get(
    "/projects",
    response={200: ProjectPage, 304: None, **TOKEN_PROBLEMS},
    summary="Your projects, with readiness and open problems",
)
def projects(request: HttpRequest, page: int = PageNumber, per_page: int = PerPage):
    """Every project you are a member of, by name, with your role, whether each guide
    is ready and the problems still open (stops, warnings and reminders)."""
    memberships: QuerySet[Membership] = project_selectors.memberships_for_user(
        user=request.auth.user
    )
    count = memberships.count()
    start, end = page_slice(page, per_page)
    shown = list(memberships[start:end])
    workbooks = guides_selectors.workbooks_for_projects(
        projects=[membership.project for membership in shown]
    )
    return {
        **page_links(request, count=count, page=page, per_page=per_page),
        "items": [
            _project_out(membership, workbooks.get(membership.project_id, []))
            for membership in shown
        ],
    }


@router.get(
    "/projects/{project_id}",
    response={200: ProjectOut, 304: None, **TOKEN_PROBLEMS},
    summary="One project, with readiness and open problems",
)
def project(request: HttpRequest, project_id: int = ProjectId):
    membership = member_allowed(request.auth.user, project_id, project_rules.VIEW_PROJECT)
    workbooks = guides_selectors.project_workbooks(project=membership.project)
    return _project_out(membership, workbooks)
