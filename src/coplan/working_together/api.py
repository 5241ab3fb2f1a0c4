"""The API's car park and actions of a project (decision 0017; registered in
`contributions.py`): every member sees them, as on the working together pages."""

import datetime
from typing import Literal

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from ninja import Query, Router, Schema

from coplan.core.api_parts import TOKEN_PROBLEMS, PageLinks, PageNumber, PerPage, ProjectId, paged
from coplan.projects.access import member_allowed
from coplan.projects.presenters import member_name, person_name
from coplan.working_together import rules, selectors
from coplan.working_together.models import Action, ActionStatus, CarParkItem, CarParkStatus
from coplan.working_together.presenters import NO_ONE_YET

router = Router(tags=["working together"])

CarParkShow = Query(
    selectors.WAITING,
    description="waiting: not answered yet, raised first first; answered: the newest answer first.",
)
ActionsShow = Query(
    "to_do",
    description="to_do: not done yet, the soonest due first; done: the latest done first.",
)


class CarParkItemOut(Schema):
    id: int
    text: str
    status: str
    status_words: str
    raised_on: datetime.date
    raised_by: str
    session: str | None
    owner: str
    next_step: str
    due_on: datetime.date | None
    answer: str
    answered_on: datetime.date | None
    answered_by: str | None


class CarParkPage(PageLinks):
    items: list[CarParkItemOut]


class ActionOut(Schema):
    id: int
    what: str
    status: str
    status_words: str
    due_on: datetime.date
    done_on: datetime.date | None
    owner: str
    session: str | None


class ActionPage(PageLinks):
    items: list[ActionOut]


def _item_out(item: CarParkItem) -> dict:
    answered = item.status == CarParkStatus.ANSWERED
    return {
        "id": item.pk,
        "text": item.text,
        "status": item.status,
        "status_words": item.get_status_display(),
        "raised_on": item.raised_on,
        "raised_by": person_name(item.raised_by),
        "session": item.session.title if item.session_id else None,
        "owner": member_name(item.owner, nobody=NO_ONE_YET),
        "next_step": item.next_step,
        "due_on": item.due_on,
        "answer": item.answer,
        "answered_on": item.answered_on,
        "answered_by": person_name(item.answered_by) if answered else None,
    }


def _action_out(action: Action) -> dict:
    return {
        "id": action.pk,
        "what": action.what,
        "status": action.status,
        "status_words": action.get_status_display(),
        "due_on": action.due_on,
        "done_on": action.done_on,
        "owner": member_name(action.owner, nobody=NO_ONE_YET),
        "session": action.session.title if action.session_id else None,
    }


@router.get(
    "/projects/{project_id}/car-park",
    response={200: CarParkPage, 304: None, **TOKEN_PROBLEMS},
    summary="A project's car park: what is waiting for an answer, or answered",
)
def car_park(
    request: HttpRequest,
    project_id: int = ProjectId,
    status: Literal["waiting", "answered"] = CarParkShow,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """As on the car park page: what is waiting (added or being followed up), the
    longest waiting first; or what was answered, the newest answer first."""
    membership = member_allowed(request.auth.user, project_id, rules.VIEW_WORKING_TOGETHER)
    items = CarParkItem.objects.filter(project=membership.project).select_related(
        "owner__user", "raised_by", "answered_by", "session"
    )
    if status == selectors.ANSWERED:
        items = items.filter(status=CarParkStatus.ANSWERED).order_by("-answered_on", "-pk")
    else:
        items = items.exclude(status=CarParkStatus.ANSWERED).order_by("raised_on", "pk")
    return paged(request, items, page=page, per_page=per_page, out=_item_out)


@router.get(
    "/projects/{project_id}/actions",
    response={200: ActionPage, 304: None, **TOKEN_PROBLEMS},
    summary="A project's actions: to do, or done",
)
def actions(
    request: HttpRequest,
    project_id: int = ProjectId,
    status: Literal["to_do", "done"] = ActionsShow,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """As on the actions page: what is not done yet (to do or being done), the soonest
    due first; or what is done, the latest done first."""
    membership = member_allowed(request.auth.user, project_id, rules.VIEW_WORKING_TOGETHER)
    found = Action.objects.filter(project=membership.project).select_related(
        "owner__user", "session"
    )
    if status == "done":
        found = found.filter(status=ActionStatus.DONE).order_by(
            Coalesce("done_on", "due_on").desc(), "-pk"
        )
    else:
        found = found.filter(~Q(status=ActionStatus.DONE)).order_by(F("due_on").asc(), "pk")
    return paged(request, found, page=page, per_page=per_page, out=_action_out)
