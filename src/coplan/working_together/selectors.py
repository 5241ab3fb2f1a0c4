"""Reads for working together.

Every function takes the project and filters by it, so an object of another
project is never found. Each list is one query (or a fixed few), whatever its
size. What a session's agenda carries from the car park and which actions are
overdue are worked out here from dates and statuses, never stored.
"""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from coplan.core.formats import long_date
from coplan.guides import engine
from coplan.guides.models import ProjectGuide
from coplan.guides.selectors import guide_for_version
from coplan.meetings.models import Meeting
from coplan.projects.models import Membership, Project
from coplan.working_together.models import (
    Action,
    ActionStatus,
    Agreement,
    AgreementVersion,
    CarParkItem,
    CarParkStatus,
    Comment,
    DecisionArea,
    SessionRecord,
    SharedDefinition,
)

KEY_ESSENTIALS_GUIDE = "key-essentials"
KEY_ESSENTIALS_QUESTION = "essentials"


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


# Sessions -------------------------------------------------------------------


def session_records(*, project: Project) -> list[SessionRecord]:
    """Newest first, with how many car park items and actions each has. One query."""
    return list(
        SessionRecord.objects.filter(project=project).annotate(
            parked_count=Count("car_park_items", distinct=True),
            action_count=Count("actions", distinct=True),
        )
    )


def session_record(*, project: Project, session_id: int) -> SessionRecord | None:
    return (
        SessionRecord.objects.filter(project=project, pk=session_id)
        .select_related("revisit__recorded_by", "meeting")
        .first()
    )


def meetings_for_choice(*, project: Project, session: SessionRecord | None = None) -> list[Meeting]:
    """The project's planned meetings without a session record yet (and this one's). One query."""
    free = Q(session_record__isnull=True)
    if session is not None:
        free |= Q(session_record=session)
    return list(Meeting.objects.filter(project=project).filter(free).order_by("meets_on", "pk"))


def meeting_for_start(*, project: Project, meeting_id: int) -> Meeting | None:
    return Meeting.objects.filter(project=project, pk=meeting_id).first()


def session_for_meeting(*, meeting: Meeting) -> SessionRecord | None:
    """The session record of a planned meeting, for the meeting's page to link to."""
    return SessionRecord.objects.filter(meeting=meeting, project_id=meeting.project_id).first()


def next_meeting(*, project: Project, today: datetime.date | None = None) -> Meeting | None:
    """The project's next planned meeting, today's included, with its venue and session
    record if it has one: the facilitator's next session. One query."""
    return (
        Meeting.objects.filter(project=project, meets_on__gte=_today(today))
        .select_related("venue", "session_record")
        .order_by("meets_on", "starts_at", "pk")
        .first()
    )


def session_records_for_choice(*, project: Project) -> list[SessionRecord]:
    return list(SessionRecord.objects.filter(project=project).only("pk", "title", "held_on"))


def session_came(*, session: SessionRecord) -> list[Membership]:
    return sorted(
        session.came.select_related("user"), key=lambda m: (m.user.full_name.lower(), m.pk)
    )


def _items_with_people() -> QuerySet[CarParkItem]:
    return CarParkItem.objects.select_related(
        "owner__user", "raised_by", "answered_by", "session"
    ).annotate(comment_count=Count("comments"))


def car_park_carried_to(*, session: SessionRecord) -> list[CarParkItem]:
    """Items raised before this session and still open at it: its agenda from the car park.

    Open now, or answered on or after the session's day. Worked out, never copied.
    """
    return list(
        _items_with_people()
        .filter(project_id=session.project_id, raised_on__lt=session.held_on)
        .filter(~Q(status=CarParkStatus.ANSWERED) | Q(answered_on__gte=session.held_on))
        .order_by("raised_on", "pk")
    )


def car_park_raised_at(*, session: SessionRecord) -> list[CarParkItem]:
    return list(_items_with_people().filter(session=session).order_by("pk"))


def session_actions(*, session: SessionRecord) -> list[Action]:
    return list(Action.objects.filter(session=session).select_related("owner__user"))


def session_comments(*, session: SessionRecord) -> list[Comment]:
    return list(Comment.objects.filter(session=session).select_related("author"))


def key_essentials(*, project: Project) -> tuple[engine.Option, ...]:
    """The key essentials checklist from the project's own version of the guide.

    One query. A project without the guide yet reads the guide that ships with coplan.
    """
    project_guide = (
        ProjectGuide.objects.filter(project=project, guide_key=KEY_ESSENTIALS_GUIDE)
        .select_related("guide_version")
        .first()
    )
    if project_guide is not None:
        guide = guide_for_version(project_guide.guide_version)
    else:
        guide = next(g for g in engine.default_guides() if g.id == KEY_ESSENTIALS_GUIDE)
    question = guide.question(KEY_ESSENTIALS_QUESTION)
    return question.items if question is not None else ()


# Agreements -----------------------------------------------------------------


def agreements_current(*, project: Project) -> list[Agreement]:
    return list(Agreement.objects.filter(project=project, removed_at__isnull=True))


def agreements_latest(*, project: Project) -> QuerySet[Agreement]:
    """The current agreements, newest first."""
    return Agreement.objects.filter(project=project, removed_at__isnull=True).order_by(
        "-created_at", "-pk"
    )


def agreement(*, project: Project, agreement_id: int) -> Agreement | None:
    return Agreement.objects.filter(
        project=project, pk=agreement_id, removed_at__isnull=True
    ).first()


def agreement_history(*, project: Project) -> list[Agreement]:
    """Every agreement, taken out ones too, each with all its versions. Two queries."""
    versions = AgreementVersion.objects.select_related("changed_by", "session").order_by("number")
    return list(
        Agreement.objects.filter(project=project).prefetch_related(
            Prefetch("versions", queryset=versions)
        )
    )


# Car park -------------------------------------------------------------------


CAR_PARK_PER_PAGE = 25


WAITING, ANSWERED = "waiting", "answered"


@dataclass(frozen=True)
class CarParkPage:
    """A page of the items waiting for an answer (oldest first) or of the answered ones
    (newest answer first), and how many there are of each."""

    show: str
    page: Page
    waiting: int
    answered: int


def car_park_page(*, project: Project, show: str = WAITING, page: int | str = 1) -> CarParkPage:
    """Two queries (how many of each; the page), however full the car park is."""
    counts = CarParkItem.objects.filter(project=project).aggregate(
        waiting=Count("pk", filter=~Q(status=CarParkStatus.ANSWERED)),
        answered=Count("pk", filter=Q(status=CarParkStatus.ANSWERED)),
    )
    items = _items_with_people().filter(project=project)
    if show == ANSWERED:
        items = items.filter(status=CarParkStatus.ANSWERED).order_by("-answered_on", "-pk")
    else:
        show = WAITING
        items = items.exclude(status=CarParkStatus.ANSWERED).order_by("raised_on", "pk")
    paginator = Paginator(items, CAR_PARK_PER_PAGE)
    paginator.count = counts[show]  # counted above, with the other
    return CarParkPage(show, paginator.get_page(page), counts[WAITING], counts[ANSWERED])


def car_park_raised_by(*, project: Project, user_id: int) -> QuerySet[CarParkItem]:
    """What a member raised in the car park, latest news first (answered or raised)."""
    return (
        _items_with_people()
        .filter(project=project, raised_by_id=user_id)
        .order_by(Coalesce("answered_on", "raised_on").desc(), "-pk")
    )


def car_park_item(*, project: Project, item_id: int) -> CarParkItem | None:
    return (
        CarParkItem.objects.filter(project=project, pk=item_id)
        .select_related("owner__user", "raised_by", "answered_by", "session")
        .first()
    )


def car_park_comments(*, item: CarParkItem) -> list[Comment]:
    return list(Comment.objects.filter(car_park_item=item).select_related("author"))


def car_park_open(*, project: Project) -> QuerySet[CarParkItem]:
    """Items not answered yet, the soonest due first, those with no date last."""
    return (
        CarParkItem.objects.filter(project=project)
        .exclude(status=CarParkStatus.ANSWERED)
        .select_related("owner__user")
        .order_by(F("due_on").asc(nulls_last=True), "raised_on", "pk")
    )


def car_park_open_count(*, project: Project) -> int:
    return (
        CarParkItem.objects.filter(project=project).exclude(status=CarParkStatus.ANSWERED).count()
    )


# Actions --------------------------------------------------------------------


def actions(*, project: Project) -> list[Action]:
    """Not done first by date, then done ones (latest done first). One query."""
    found = list(
        Action.objects.filter(project=project)
        .select_related("owner__user", "session")
        .order_by("due_on", "pk")
    )
    done = [a for a in found if a.status == ActionStatus.DONE]
    done.sort(key=lambda a: (a.done_on or a.due_on, a.pk), reverse=True)
    return [a for a in found if a.status != ActionStatus.DONE] + done


def actions_due(*, project: Project) -> QuerySet[Action]:
    """Actions not done yet, the soonest due (or most overdue) first."""
    return (
        Action.objects.filter(project=project)
        .exclude(status=ActionStatus.DONE)
        .select_related("owner__user")
        .order_by("due_on", "pk")
    )


def action(*, project: Project, action_id: int) -> Action | None:
    return (
        Action.objects.filter(project=project, pk=action_id)
        .select_related("owner__user", "session")
        .first()
    )


@dataclass(frozen=True)
class Overdue:
    actions: int
    car_park_items: int


def overdue_count_expressions(today: datetime.date) -> dict[str, Coalesce]:
    """How many actions not done, and car park items not answered, are past their date
    (the car park's "Late"), as expressions on the project's row."""

    def count_of(rows: QuerySet) -> Coalesce:
        counted = rows.order_by().values("project").annotate(count=Count("pk")).values("count")
        return Coalesce(Subquery(counted, output_field=IntegerField()), 0)

    return {
        "overdue_actions": count_of(
            Action.objects.filter(project=OuterRef("pk"), due_on__lt=today).exclude(
                status=ActionStatus.DONE
            )
        ),
        "late_car_park": count_of(
            CarParkItem.objects.filter(project=OuterRef("pk"), due_on__lt=today).exclude(
                status=CarParkStatus.ANSWERED
            )
        ),
    }


def overdue_from_counts(counts: dict[str, int]) -> Overdue:
    return Overdue(actions=counts["overdue_actions"], car_park_items=counts["late_car_park"])


def overdue_counts(*, project: Project, today: datetime.date | None = None) -> Overdue:
    """Actions not done, and car park items not answered, whose date has passed (the
    car park's "Late"). One query."""
    expressions = overdue_count_expressions(_today(today))
    return overdue_from_counts(Project.objects.filter(pk=project.pk).values(**expressions).get())


# Shared definitions and what can change --------------------------------------------


def shared_definitions(*, project: Project) -> list[SharedDefinition]:
    return list(SharedDefinition.objects.filter(project=project))


def shared_definitions_latest(*, project: Project) -> QuerySet[SharedDefinition]:
    """The definitions, those agreed or changed last first."""
    return SharedDefinition.objects.filter(project=project).order_by("-updated_at", "-pk")


def shared_definition(*, project: Project, definition_id: int) -> SharedDefinition | None:
    return SharedDefinition.objects.filter(project=project, pk=definition_id).first()


def defined_words(*, project: Project) -> tuple[str, ...]:
    """The project's defined words, which the wording check never flags in this project."""
    return tuple(SharedDefinition.objects.filter(project=project).values_list("word", flat=True))


def decision_areas(*, project: Project) -> list[DecisionArea]:
    return list(DecisionArea.objects.filter(project=project))


def decision_area(*, project: Project, decision_area_id: int) -> DecisionArea | None:
    return DecisionArea.objects.filter(project=project, pk=decision_area_id).first()


# Members ------------------------------------------------------------------------


def members_for_choice(*, project: Project) -> list[Membership]:
    """Everyone in the project, by name. One query."""
    found = Membership.objects.filter(project=project).select_related("user")
    return sorted(found, key=lambda m: (m.user.full_name.lower(), m.pk))


@dataclass(frozen=True)
class Overview:
    """Counts for the working together home page."""

    agreements: int
    open_car_park: int
    actions_not_done: int
    overdue_actions: int
    definitions: int
    decision_areas: int


def overview(*, project: Project, today: datetime.date | None = None) -> Overview:
    """One query per table, five in all, whatever the numbers."""
    today = _today(today)
    action_counts = Action.objects.filter(project=project).aggregate(
        not_done=Count("pk", filter=~Q(status=ActionStatus.DONE)),
        overdue=Count("pk", filter=~Q(status=ActionStatus.DONE) & Q(due_on__lt=today)),
    )
    return Overview(
        agreements=Agreement.objects.filter(project=project, removed_at__isnull=True).count(),
        open_car_park=car_park_open_count(project=project),
        actions_not_done=action_counts["not_done"],
        overdue_actions=action_counts["overdue"],
        definitions=SharedDefinition.objects.filter(project=project).count(),
        decision_areas=DecisionArea.objects.filter(project=project).count(),
    )


def _at(moment: datetime.datetime | datetime.date | None) -> str | None:
    if isinstance(moment, datetime.datetime):
        return moment.isoformat(timespec="seconds")
    return moment.isoformat() if moment else None


def working_together_held_about(
    *, user, organisation_id: int | None = None
) -> dict[str, list[dict]]:
    """What working together keeps with this person's name, for "everything we hold"
    (coplan.people): comments, car park items they raised or answered, actions that
    are theirs and session records they wrote. Only in the organisation's projects when
    `organisation_id` is given."""
    scope = {"project__organisation_id": organisation_id} if organisation_id else {}
    comments = Comment.objects.filter(author=user, **scope).select_related(
        "project", "car_park_item", "session"
    )
    raised = CarParkItem.objects.filter(raised_by=user, **scope).select_related("project")
    answered = (
        CarParkItem.objects.filter(answered_by=user, **scope)
        .select_related("project")
        .order_by("answered_on", "pk")
    )
    owned = Action.objects.filter(owner__user=user, **scope).select_related("project")
    written = (
        SessionRecord.objects.filter(created_by=user, **scope)
        .select_related("project")
        .order_by("held_on", "pk")
    )
    return {
        "comments": [
            {
                "when": _at(comment.created_at),
                "project": comment.project.name,
                "what": f"Comment on the car park item ‘{comment.car_park_item.text[:80]}’"
                if comment.car_park_item_id
                else f"Comment on the session record ‘{comment.session.title}’",
                "words": comment.text,
            }
            for comment in comments
        ],
        "car_park_items_raised": [
            {
                "when": _at(item.raised_on),
                "project": item.project.name,
                "what": f"Raised in the car park ({item.get_status_display().lower()})",
                "words": item.text,
            }
            for item in raised
        ],
        "car_park_items_answered": [
            {
                "when": _at(item.answered_on),
                "project": item.project.name,
                "what": f"Answered the car park item ‘{item.text[:80]}’",
                "words": item.answer,
            }
            for item in answered
        ],
        "actions": [
            {
                "when": _at(action.due_on),
                "project": action.project.name,
                "what": f"An action for them, due {long_date(action.due_on)} "
                f"({action.get_status_display().lower()})",
                "words": action.what,
            }
            for action in owned
        ],
        "session_records_written": [
            {
                "when": _at(session.held_on),
                "project": session.project.name,
                "what": f"Wrote the record of the session ‘{session.title}’",
                "words": "",
            }
            for session in written
        ],
    }
