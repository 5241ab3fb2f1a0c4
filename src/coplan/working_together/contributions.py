"""What working together adds to what every app shares (see `coplan.core.registry`)."""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils import timezone

from coplan.core.api_routers import API_ROUTERS
from coplan.core.bench import BENCH
from coplan.core.demo import DEMO
from coplan.meetings import rules as meetings_rules
from coplan.meetings import selectors as meetings_selectors
from coplan.meetings.presenters import MeetingPresenter
from coplan.notifications.kinds import kinds_register
from coplan.people.everything_held import ACTIVITY, ACTIVITY_HEADINGS
from coplan.projects.models import Membership
from coplan.projects.registries import (
    ALLOWED_WORDS,
    HOME_PANELS,
    NEEDS_ATTENTION,
    PLAN_SECTIONS,
    PROJECT_COUNTS,
    PROJECT_NAV,
    EasyReadPart,
    HomePanel,
    NavEntry,
    PlanPart,
    PlanSection,
    first_few,
    project_counts,
)
from coplan.projects.roles import Role
from coplan.projects.rules import CO_PRODUCERS, FACILITATORS
from coplan.working_together import plan_document, rules, selectors
from coplan.working_together.bench import working_together_bench_seed
from coplan.working_together.demo import working_together_demo_load
from coplan.working_together.presenters import ActionPresenter, CarParkItemPresenter
from coplan.working_together.telling import KINDS


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """Overdue actions and car park items late to be followed up."""
    if not membership.may(rules.VIEW_WORKING_TOGETHER):
        return []
    project = membership.project
    overdue = selectors.overdue_from_counts(project_counts(membership, "working_together"))
    notes = []
    if overdue.actions:
        notes.append(
            (
                f"{overdue.actions} action{'s are' if overdue.actions != 1 else ' is'} overdue",
                reverse("working_together:actions", kwargs={"project_id": project.pk}),
            )
        )
    if overdue.car_park_items:
        count = overdue.car_park_items
        notes.append(
            (
                f"{count} car park item{'s are' if count != 1 else ' is'} late to be followed up",
                reverse("working_together:car_park", kwargs={"project_id": project.pk}),
            )
        )
    return notes


def car_park_raised(membership: Membership) -> dict:
    """On the co-producer's home: what they raised in the car park, latest news first,
    with where each is up to and its answer (one query)."""
    items, _ = first_few(
        selectors.car_park_raised_by(project=membership.project, user_id=membership.user_id)
    )
    today = timezone.localdate()
    return {"raised": [CarParkItemPresenter(item, today=today) for item in items]}


def how_we_work(membership: Membership) -> dict:
    """On the co-producer's home: the group's newest agreements and the words it agreed
    on last (two queries)."""
    project = membership.project
    agreements, more_agreements = first_few(selectors.agreements_latest(project=project))
    definitions, more_definitions = first_few(selectors.shared_definitions_latest(project=project))
    return {
        "agreements": agreements,
        "more_agreements": more_agreements,
        "definitions": definitions,
        "more_definitions": more_definitions,
    }


def next_session(membership: Membership) -> dict:
    """On the facilitator's home: the next session (the project's next meeting), and the
    agreements to revisit at its start (two queries)."""
    project = membership.project
    meeting = selectors.next_meeting(project=project)
    agreements, more = first_few(selectors.agreements_latest(project=project))
    return {
        "meeting": (
            MeetingPresenter(meeting, times=meetings_selectors.times_of(meeting))
            if meeting
            else None
        ),
        "has_record": meeting is not None and _has_session_record(meeting),
        "agreements": agreements,
        "more_agreements": more,
        "may_plan": membership.may(meetings_rules.EDIT_MEETINGS),
    }


def _has_session_record(meeting) -> bool:
    try:
        return meeting.session_record is not None
    except ObjectDoesNotExist:
        return False


def car_park_open(membership: Membership) -> dict:
    """On the facilitator's home: the car park's open items, soonest due first (two
    queries: the first few, and how many are open)."""
    project = membership.project
    items, _ = first_few(selectors.car_park_open(project=project))
    today = timezone.localdate()
    return {
        "open_items": [CarParkItemPresenter(item, today=today) for item in items],
        "open": selectors.car_park_open_count(project=project) if items else 0,
    }


def actions_due(membership: Membership) -> dict:
    """On the facilitator's home: actions not done yet, the most overdue first (one
    query)."""
    actions, more = first_few(selectors.actions_due(project=membership.project))
    today = timezone.localdate()
    return {"actions": [ActionPresenter(action, today=today) for action in actions], "more": more}


def register() -> None:
    API_ROUTERS.register("working_together", "coplan.working_together.api", order=50)
    kinds_register(KINDS)
    PROJECT_NAV.register(
        "working_together",
        NavEntry(
            "working_together",
            "working_together:home",
            "Working together",
            # Finance takes no part in the sessions.
            roles=frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.CO_PRODUCER}),
        ),
        order=50,
    )
    NEEDS_ATTENTION.register("working_together", needs_attention, order=40)
    PROJECT_COUNTS.register("working_together", selectors.overdue_count_expressions, order=40)
    ALLOWED_WORDS.register("shared_definitions", selectors.defined_words, order=10)
    PLAN_SECTIONS.register(
        "agreements",
        PlanSection(
            "Agreements and shared definitions",
            "working_together/_plan_agreements.html",
            plan_document.agreements,
            permission=rules.VIEW_WORKING_TOGETHER,
            for_participants=PlanPart(
                "Our agreements, and the words we agreed on",
                "working_together/_plan_agreements.html",
                plan_document.agreements,
            ),
            easy_read=EasyReadPart("How we work together", plan_document.agreements_easy_read),
        ),
        order=50,
    )
    PLAN_SECTIONS.register(
        "what_can_change",
        PlanSection(
            "What can and cannot change",
            "working_together/_plan_what_can_change.html",
            plan_document.what_can_change,
            permission=rules.VIEW_WORKING_TOGETHER,
            for_participants=PlanPart(
                "What we can and cannot change",
                "working_together/_plan_what_can_change.html",
                plan_document.what_can_change,
            ),
            easy_read=EasyReadPart("What we can change", plan_document.what_can_change_easy_read),
        ),
        order=55,
    )
    HOME_PANELS.register(
        "next_session",
        HomePanel(FACILITATORS, "working_together/_home_next_session.html", next_session),
        order=310,
    )
    HOME_PANELS.register(
        "car_park_open",
        HomePanel(FACILITATORS, "working_together/_home_car_park_open.html", car_park_open),
        order=320,
    )
    HOME_PANELS.register(
        "actions_due",
        HomePanel(FACILITATORS, "working_together/_home_actions_due.html", actions_due),
        order=330,
    )
    HOME_PANELS.register(
        "car_park_raised",
        HomePanel(CO_PRODUCERS, "working_together/_home_car_park.html", car_park_raised),
        order=161,
    )
    HOME_PANELS.register(
        "how_we_work",
        HomePanel(CO_PRODUCERS, "working_together/_home_how_we_work.html", how_we_work),
        order=167,
    )
    DEMO.register(
        "working_together",
        lambda demo: working_together_demo_load(project=demo.project),
        order=20,
    )
    BENCH.register("working_together", working_together_bench_seed, order=40)
    ACTIVITY.register("working_together", selectors.working_together_held_about, order=20)
    for key, heading, order in (
        ("comments", "Comments on the car park and session records", 20),
        ("car_park_items_raised", "Raised in the car park", 30),
        ("car_park_items_answered", "Car park items answered", 40),
        ("actions", "Actions", 50),
        ("session_records_written", "Session records written", 60),
    ):
        ACTIVITY_HEADINGS.register(key, heading, order=order)
