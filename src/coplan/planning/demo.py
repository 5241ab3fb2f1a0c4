"""The demo project's budget, sign-offs, timeline and barriers. Loaded once.

The budget's lines are what the demo plans to spend; Sam's claims (payments' demo)
count against them. The lead has asked the demo manager to sign off the plan, so their
home links to the version to read; the finance team signed another a week ago."""

import datetime

from django.utils import timezone

from coplan.planning import services, signing
from coplan.planning.models import Budget, BudgetCategory, SignOff
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

DEMO_MONEY_SOURCE = "The Adult Social Care engagement budget, agreed for this review."

# category, what it is for, planned in pence
DEMO_BUDGET_LINES = [
    (BudgetCategory.PAYING_PEOPLE, "Time at workshops and reading papers, £15 an hour", 300_000),
    (BudgetCategory.EXPENSES, "Travel, support workers and carers", 120_000),
    (BudgetCategory.VENUE, "Room hire at the library", 60_000),
    (BudgetCategory.FOOD, "Lunch and drinks at each workshop", 60_000),
    (BudgetCategory.OTHER, "Easy Read printing", 20_000),
]

# days from today, what happens
DEMO_MILESTONES = [
    (-30, "Listening visits to the day centres begin", True),
    (45, "Workshops on what good day services look like begin", False),
    (180, "Check the draft plan with everyone who took part", False),
    (330, "Tell everyone what we did with what they said", False),
]


def planning_demo_load(*, project: Project) -> None:
    """Add the demo's budget, sign-offs, timeline and barriers, unless there already."""
    if Budget.objects.filter(project=project).exists():
        return
    members = {m.role: m for m in Membership.objects.filter(project=project).select_related("user")}
    lead, manager = members[Role.LEAD], members[Role.MANAGER]
    today = timezone.localdate()
    services.budget_update(
        project=project, held_pence=600_000, money_source=DEMO_MONEY_SOURCE, user=lead.user
    )
    for category, description, planned_pence in DEMO_BUDGET_LINES:
        services.budget_line_create(
            project=project, category=category, description=description, planned_pence=planned_pence
        )
    for days, title, is_done in DEMO_MILESTONES:
        services.milestone_create(
            project=project,
            title=title,
            due_on=today + datetime.timedelta(days=days),
            details="",
            is_meeting=False,
            invitations_on=None,
            is_done=is_done,
        )
    services.barrier_create(
        project=project,
        what="Some people cannot get to the library without a lift.",
        how_lifted="We pay for taxis agreed before the day, and for a support worker's travel.",
        owner=lead,
        status="in_hand",
    )
    services.barrier_create(
        project=project,
        what="Papers in long words shut people out.",
        how_lifted="Every paper goes out in Easy Read two weeks before the meeting.",
        owner=members[Role.FACILITATOR],
        status="lifted",
    )
    # Last, so what the manager is asked to sign off holds the rest of the plan.
    _sign_offs(project, lead, manager, today)


def _sign_offs(project: Project, lead: Membership, manager: Membership, today) -> None:
    if SignOff.objects.filter(project=project).exists():
        return
    signed = services.sign_off_create(
        project=project,
        what="Paying people £15 an hour for their time",
        signer=None,
        signer_outside="The finance team",
        due_on=today - datetime.timedelta(days=10),
        note="Agreed with finance before the first workshop.",
    )
    services.sign_off_mark_signed(
        sign_off=signed, by=lead, signed_on=today - datetime.timedelta(days=7), note=""
    )
    plan = services.sign_off_create(
        project=project,
        what="The plan for involving people",
        signer=manager,
        signer_outside="",
        due_on=today + datetime.timedelta(days=14),
        note="The plan so far: at the start, and planning the workshops.",
    )
    # Asked for: the manager reads the plan as it is now (a version of it) and signs it off.
    services.sign_off_ask(
        sign_off=plan,
        lead=lead,
        manager=manager,
        parts=[name for name, _ in signing.parts_offered(lead)],
        gaps_accepted=True,
    )
    services.sign_off_create(
        project=project,
        what="The logo and wording on the Easy Read leaflet",
        signer=None,
        signer_outside="The communications team",
        due_on=today + datetime.timedelta(days=21),
        note="",
    )
