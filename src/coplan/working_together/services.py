"""Writes for working together.

Views pass objects they found through the member's project; these functions
check the rules that cross rows (an owner must be in the same project, a
session must be the project's own, an answered item stays answered) and raise
WorkingTogetherError in plain words, naming the field when there is one.
"""

import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from coplan.core.errors import RuleError
from coplan.meetings.models import Meeting
from coplan.projects.models import Membership, Project
from coplan.working_together import telling
from coplan.working_together.models import (
    Action,
    ActionStatus,
    Agreement,
    AgreementChange,
    AgreementRevisit,
    AgreementVersion,
    CarParkItem,
    CarParkStatus,
    Comment,
    DecisionArea,
    RevisitOutcome,
    SessionRecord,
    SharedDefinition,
)


class WorkingTogetherError(RuleError):
    """Something the rules do not allow, said in plain words."""


def _same_project(project_id: int, member: Membership | None, *, field: str) -> None:
    if member is not None and member.project_id != project_id:
        raise WorkingTogetherError("Choose someone in this project", field=field)


def _own_meeting(project_id: int, meeting: Meeting | None) -> None:
    if meeting is not None and meeting.project_id != project_id:
        raise WorkingTogetherError("Choose a meeting of this project", field="meeting")


_MEETING_TAKEN = "That meeting already has a session record: choose another, or none"


def _own_session(project_id: int, session: SessionRecord | None) -> None:
    if session is not None and session.project_id != project_id:
        raise WorkingTogetherError("Choose a session of this project", field="session")


# Sessions -------------------------------------------------------------------


@transaction.atomic
def session_record_create(
    *,
    project: Project,
    by: AbstractBaseUser,
    held_on: datetime.date,
    title: str,
    came: list[Membership] = (),
    others_came: str = "",
    agreed: str = "",
    decided: str = "",
    meeting: Meeting | None = None,
) -> SessionRecord:
    for member in came:
        _same_project(project.pk, member, field="came")
    _own_meeting(project.pk, meeting)
    try:
        with transaction.atomic():
            session = SessionRecord.objects.create(
                project=project,
                meeting=meeting,
                held_on=held_on,
                title=title,
                others_came=others_came,
                agreed=agreed,
                decided=decided,
                created_by=by,
            )
    except IntegrityError as error:
        raise WorkingTogetherError(_MEETING_TAKEN, field="meeting") from error
    session.came.set(came)
    return session


@transaction.atomic
def session_record_update(
    *,
    session: SessionRecord,
    held_on: datetime.date,
    title: str,
    came: list[Membership],
    others_came: str,
    agreed: str,
    decided: str,
    meeting: Meeting | None = None,
) -> SessionRecord:
    for member in came:
        _same_project(session.project_id, member, field="came")
    _own_meeting(session.project_id, meeting)
    session.meeting = meeting
    session.held_on = held_on
    session.title = title
    session.others_came = others_came
    session.agreed = agreed
    session.decided = decided
    try:
        with transaction.atomic():
            session.save(
                update_fields=["meeting", "held_on", "title", "others_came", "agreed", "decided"]
            )
    except IntegrityError as error:
        raise WorkingTogetherError(_MEETING_TAKEN, field="meeting") from error
    session.came.set(came)
    return session


def session_essentials_record(
    *, session: SessionRecord, checked: list[str], known: tuple[str, ...]
) -> SessionRecord:
    """Which key essentials were in place at this session: ids of the guide's items."""
    unknown = set(checked) - set(known)
    if unknown:
        raise WorkingTogetherError("Choose from the key essentials listed", field="checked")
    session.essentials_checked = [item for item in known if item in checked]
    session.save(update_fields=["essentials_checked"])
    return session


def session_record_remove(*, session: SessionRecord) -> None:
    """Car park items and actions from it stay, no longer tied to a session."""
    session.delete()


# Agreements -----------------------------------------------------------------


def _next_version(agreement: Agreement) -> int:
    latest = agreement.versions.aggregate(latest=Max("number"))["latest"]
    return (latest or 0) + 1


@transaction.atomic
def agreement_write(
    *, project: Project, text: str, by: AbstractBaseUser, session: SessionRecord | None = None
) -> Agreement:
    _own_session(project.pk, session)
    agreement = Agreement.objects.create(project=project, text=text)
    AgreementVersion.objects.create(
        agreement=agreement,
        number=1,
        text=text,
        change=AgreementChange.WRITTEN,
        session=session,
        changed_by=by,
    )
    return agreement


def _current(agreement: Agreement) -> Agreement:
    locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
    if locked.removed_at is not None:
        raise WorkingTogetherError("This agreement has been taken out, so it cannot be changed")
    return locked


@transaction.atomic
def agreement_change(
    *,
    agreement: Agreement,
    text: str,
    by: AbstractBaseUser,
    session: SessionRecord | None = None,
) -> Agreement:
    """New wording for an agreement; the earlier wording stays as a version."""
    _own_session(agreement.project_id, session)
    locked = _current(agreement)
    if locked.text == text:
        return locked
    locked.text = text
    locked.save(update_fields=["text"])
    AgreementVersion.objects.create(
        agreement=locked,
        number=_next_version(locked),
        text=text,
        change=AgreementChange.CHANGED,
        session=session,
        changed_by=by,
    )
    return locked


@transaction.atomic
def agreement_remove(
    *, agreement: Agreement, by: AbstractBaseUser, session: SessionRecord | None = None
) -> Agreement:
    """Take an agreement out; it keeps every version, and when and by whom it was taken out."""
    _own_session(agreement.project_id, session)
    locked = _current(agreement)
    locked.removed_at = timezone.now()
    locked.save(update_fields=["removed_at"])
    AgreementVersion.objects.create(
        agreement=locked,
        number=_next_version(locked),
        text=locked.text,
        change=AgreementChange.REMOVED,
        session=session,
        changed_by=by,
    )
    return locked


def agreement_revisit(
    *, session: SessionRecord, outcome: str, what_changed: str, by: AbstractBaseUser
) -> AgreementRevisit:
    """Record, at the start of a session, that the group is still happy or what changed.

    Recording it again replaces the earlier record for that session.
    """
    if outcome not in RevisitOutcome.values:
        raise WorkingTogetherError("Select whether the group is still happy", field="outcome")
    if outcome == RevisitOutcome.CHANGED and not what_changed:
        raise WorkingTogetherError("Enter what changed", field="what_changed")
    revisit, _ = AgreementRevisit.objects.update_or_create(
        session=session,
        defaults={
            "outcome": outcome,
            "what_changed": what_changed if outcome == RevisitOutcome.CHANGED else "",
            "recorded_by": by,
            "recorded_at": timezone.now(),
        },
    )
    return revisit


# Car park -------------------------------------------------------------------


def car_park_item_add(
    *,
    project: Project,
    text: str,
    by: AbstractBaseUser,
    session: SessionRecord | None = None,
    today: datetime.date | None = None,
) -> CarParkItem:
    """Park something. Raised at a session, it dates from the session."""
    _own_session(project.pk, session)
    raised_on = session.held_on if session is not None else (today or timezone.localdate())
    return CarParkItem.objects.create(
        project=project, text=text, session=session, raised_on=raised_on, raised_by=by
    )


def car_park_item_reword(*, item: CarParkItem, text: str) -> CarParkItem:
    item.text = text
    item.save(update_fields=["text"])
    return item


def car_park_item_follow_up(
    *,
    item: CarParkItem,
    owner: Membership,
    next_step: str,
    due_on: datetime.date | None,
) -> CarParkItem:
    """Who owns it, what will happen to it and by when. An answered item stays answered."""
    _same_project(item.project_id, owner, field="owner")
    if owner is None:
        raise WorkingTogetherError("Select who will follow it up", field="owner")
    item.owner = owner
    item.next_step = next_step
    item.due_on = due_on
    if item.status == CarParkStatus.ADDED:
        item.status = CarParkStatus.FOLLOWING_UP
    item.save(update_fields=["owner", "next_step", "due_on", "status"])
    return item


def car_park_item_answer(
    *,
    item: CarParkItem,
    answer: str,
    by: AbstractBaseUser,
    today: datetime.date | None = None,
) -> CarParkItem:
    """The answer, shared back with every member. Answering again changes the answer."""
    if not answer:
        raise WorkingTogetherError("Enter the answer", field="answer")
    item.answer = answer
    item.status = CarParkStatus.ANSWERED
    item.answered_on = item.answered_on or today or timezone.localdate()
    item.answered_by = by
    item.save(update_fields=["answer", "status", "answered_on", "answered_by"])
    telling.car_park_answered(item, by=by)
    return item


def car_park_item_remove(*, item: CarParkItem) -> None:
    item.delete()


def comment_add(
    *,
    project: Project,
    author: AbstractBaseUser,
    text: str,
    car_park_item: CarParkItem | None = None,
    session: SessionRecord | None = None,
) -> Comment:
    on = [thing for thing in (car_park_item, session) if thing is not None]
    if len(on) != 1 or on[0].project_id != project.pk:
        raise WorkingTogetherError("Comment on one car park item or one session")
    return Comment.objects.create(
        project=project, author=author, text=text, car_park_item=car_park_item, session=session
    )


# Actions --------------------------------------------------------------------


def action_add(
    *,
    project: Project,
    what: str,
    owner: Membership | None,
    due_on: datetime.date,
    by: AbstractBaseUser,
    session: SessionRecord | None = None,
) -> Action:
    _same_project(project.pk, owner, field="owner")
    _own_session(project.pk, session)
    action = Action.objects.create(
        project=project, what=what, owner=owner, due_on=due_on, session=session, created_by=by
    )
    telling.action_given(action, by=by)
    return action


def action_update(
    *,
    action: Action,
    what: str,
    owner: Membership | None,
    due_on: datetime.date,
    status: str,
    session: SessionRecord | None,
    today: datetime.date | None = None,
) -> Action:
    _same_project(action.project_id, owner, field="owner")
    _own_session(action.project_id, session)
    if status not in ActionStatus.values:
        raise WorkingTogetherError("Select where it is up to", field="status")
    action.what = what
    action.owner = owner
    action.due_on = due_on
    action.session = session
    _set_status(action, status, today)
    action.save(update_fields=["what", "owner", "due_on", "session", "status", "done_on"])
    telling.action_given(action, by=None)
    return action


def _set_status(action: Action, status: str, today: datetime.date | None) -> None:
    if status == ActionStatus.DONE and action.status != ActionStatus.DONE:
        action.done_on = today or timezone.localdate()
    elif status != ActionStatus.DONE:
        action.done_on = None
    action.status = status


def action_mark_done(*, action: Action, today: datetime.date | None = None) -> Action:
    _set_status(action, ActionStatus.DONE, today)
    action.save(update_fields=["status", "done_on"])
    return action


def action_remove(*, action: Action) -> None:
    action.delete()


# Shared definitions ---------------------------------------------------------

_SAME_WORD = "‘{word}’ already has a shared definition in this project: change that one"


def definition_add(
    *, project: Project, word: str, meaning: str, by: AbstractBaseUser
) -> SharedDefinition:
    try:
        with transaction.atomic():
            return SharedDefinition.objects.create(
                project=project, word=word, meaning=meaning, updated_by=by
            )
    except IntegrityError as error:
        raise WorkingTogetherError(_SAME_WORD.format(word=word), field="word") from error


def definition_update(
    *, definition: SharedDefinition, word: str, meaning: str, by: AbstractBaseUser
) -> SharedDefinition:
    definition.word = word
    definition.meaning = meaning
    definition.updated_by = by
    definition.updated_at = timezone.now()
    try:
        with transaction.atomic():
            definition.save(update_fields=["word", "meaning", "updated_by", "updated_at"])
    except IntegrityError as error:
        raise WorkingTogetherError(_SAME_WORD.format(word=word), field="word") from error
    return definition


def definition_remove(*, definition: SharedDefinition) -> None:
    definition.delete()


# What can and cannot change ---------------------------------------------------


def decision_area_add(
    *,
    project: Project,
    area: str,
    fixed: str,
    why_fixed: str,
    open_to_influence: str,
    by: AbstractBaseUser,
) -> DecisionArea:
    return DecisionArea.objects.create(
        project=project,
        area=area,
        fixed=fixed,
        why_fixed=why_fixed,
        open_to_influence=open_to_influence,
        updated_by=by,
    )


def decision_area_update(
    *,
    decision_area: DecisionArea,
    area: str,
    fixed: str,
    why_fixed: str,
    open_to_influence: str,
    by: AbstractBaseUser,
) -> DecisionArea:
    decision_area.area = area
    decision_area.fixed = fixed
    decision_area.why_fixed = why_fixed
    decision_area.open_to_influence = open_to_influence
    decision_area.updated_by = by
    decision_area.updated_at = timezone.now()
    decision_area.save()
    return decision_area


def decision_area_remove(*, decision_area: DecisionArea) -> None:
    decision_area.delete()
