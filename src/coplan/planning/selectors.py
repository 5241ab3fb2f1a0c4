"""Reads for sign-offs, the timeline, the budget and barriers.

Every function takes the project and filters by it: an object of another
project is never found. Each list is one query, whatever its size. "Today" is
the local date unless a test passes one.

For the project overview: `overview_count_expressions` (how many sign-offs are
overdue, the money held and planned, read with every app's numbers in one query,
`coplan.projects.registries.PROJECT_COUNTS`), `timeline_alerts` and
`budget_at_a_glance`; for "Keeping track": `overdue_sign_offs`, `budget_summary` and
`barrier_counts`, one to three queries each.

A meeting on the timeline gives the notice worked out by the meetings' one rule
(`coplan.meetings.checks.notice_check`) with the organisation's least notice. When a
meeting is planned (`coplan.meetings`) on the same day, it is that meeting: its
invitation date counts, so the timeline and the meeting's checks always agree.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Expression, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from coplan.core.formats import long_date
from coplan.core.numbers import pounds
from coplan.core.registry import Registry
from coplan.meetings import checks as meeting_checks
from coplan.meetings import selectors as meetings_selectors
from coplan.planning import rules, timing
from coplan.planning.models import (
    Barrier,
    BarrierStatus,
    Budget,
    BudgetCategory,
    BudgetLine,
    Milestone,
    SignOff,
    SignOffStatus,
    SignOffVersion,
)
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

# Warn that the budget is running out when committed and paid reach this share of it.
RUNNING_OUT = Decimal("0.9")


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


# Sign-offs -----------------------------------------------------------------


def sign_offs(*, project: Project) -> list[SignOff]:
    """The register: waiting ones first by date, then signed ones. One query."""
    return list(
        SignOff.objects.filter(project=project)
        .select_related("signer__user", "signed_by")
        .order_by("-status", "due_on", "pk")  # "waiting" before "signed"
    )


def sign_off(*, project: Project, sign_off_id: int) -> SignOff | None:
    return (
        SignOff.objects.filter(project=project, pk=sign_off_id)
        .select_related("signer__user", "signed_by")
        .first()
    )


# What a manager is asked to sign off (the snapshot's words and HTML are read only
# where they are shown or compared).
SNAPSHOT = ("html", "sections")


def sign_off_version(*, project: Project, version_id: int) -> SignOffVersion | None:
    """One version asked to be signed off, with its snapshot. One query."""
    return (
        SignOffVersion.objects.filter(sign_off__project=project, pk=version_id)
        .select_related("sign_off__project", "sign_off__signer__user")
        .first()
    )


def sign_off_versions(*, sign_off: SignOff) -> list[SignOffVersion]:
    """Every version of one sign-off, newest first, without the snapshots. One query."""
    return list(sign_off.versions.defer(*SNAPSHOT).order_by("-number"))


def sign_off_latest_versions(*, project: Project) -> dict[int, SignOffVersion]:
    """The newest version of each sign-off of the project asked for, by sign-off, with
    the words of the snapshot (to say what changed since). One query."""
    found: dict[int, SignOffVersion] = {}
    for version in (
        SignOffVersion.objects.filter(sign_off__project=project)
        .defer("html")
        .order_by("sign_off_id", "-number")
    ):
        found.setdefault(version.sign_off_id, version)
    return found


def previous_version(*, version: SignOffVersion) -> SignOffVersion | None:
    """The version asked for before this one, with its words. One query."""
    return (
        SignOffVersion.objects.filter(sign_off_id=version.sign_off_id, number__lt=version.number)
        .defer("html")
        .order_by("-number")
        .first()
    )


def overview_count_expressions(today: datetime.date) -> dict[str, Expression]:
    """For the overview, as expressions on the project's row: how many sign-offs are
    overdue, the money held (in pence, None until known) and the planned spending."""
    overdue = (
        SignOff.objects.filter(
            project=OuterRef("pk"), status=SignOffStatus.WAITING, due_on__lt=today
        )
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    planned = (
        BudgetLine.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(total=Sum("planned_pence"))
        .values("total")
    )
    return {
        "overdue_sign_offs": Coalesce(Subquery(overdue, output_field=IntegerField()), 0),
        "held_pence": Subquery(
            Budget.objects.filter(project=OuterRef("pk")).values("held_pence")[:1],
            output_field=IntegerField(),
        ),
        "planned_pence": Coalesce(Subquery(planned, output_field=IntegerField()), 0),
    }


def overdue_sign_offs(*, project: Project, today: datetime.date | None = None) -> list[SignOff]:
    """Sign-offs not signed whose date has passed, oldest first. One query."""
    return list(
        SignOff.objects.filter(
            project=project, status=SignOffStatus.WAITING, due_on__lt=_today(today)
        )
        .select_related("signer__user")
        .order_by("due_on", "pk")
    )


def sign_offs_waiting_for(*, user: AbstractBaseUser, project: Project | None = None) -> QuerySet:
    """What waits for this person to sign it off (`telling.SIGN_OFF_WAITING` tells them),
    in one project or in every project where they still may sign, soonest first; each
    with `open_version_id`, the version they are asked to read, if the lead has asked."""
    found = SignOff.objects.filter(
        signer__user=user,
        signer__role__in=rules.DECIDE_SIGN_OFF.roles,
        status=SignOffStatus.WAITING,
    )
    if project is not None:
        found = found.filter(project=project)
    waiting = SignOffVersion.objects.filter(sign_off=OuterRef("pk"), decision="")
    return (
        found.annotate(open_version_id=Subquery(waiting.values("pk")[:1]))
        .select_related("project")
        .order_by("due_on", "pk")
    )


# Timeline -------------------------------------------------------------------


def milestones(*, project: Project) -> list[Milestone]:
    """The timeline in date order. One query."""
    return list(Milestone.objects.filter(project=project).order_by("due_on", "pk"))


def milestone(*, project: Project, milestone_id: int) -> Milestone | None:
    return Milestone.objects.filter(project=project, pk=milestone_id).first()


@dataclass(frozen=True)
class TimelineAlert:
    """Where a milestone stands: late, due soon; for a meeting not done, the notice it
    gives, and the meeting planned for that day if there is one."""

    milestone: Milestone
    state: timing.DateState
    notice: meeting_checks.NoticeResult | None = None
    planned: meetings_selectors.PlannedMeeting | None = None

    @property
    def is_late(self) -> bool:
        return self.state is timing.DateState.LATE

    @property
    def is_due_soon(self) -> bool:
        return self.state is timing.DateState.DUE_SOON

    @property
    def notice_problem(self) -> bool:
        return self.notice is not None and self.notice.is_problem

    @property
    def invitations_on(self) -> datetime.date | None:
        """When the invitations go out: the planned meeting's date if there is one."""
        if self.planned is not None:
            return self.planned.invitations_on
        return self.milestone.invitations_on


def _alerts(
    project: Project,
    found: list[Milestone],
    *,
    today: datetime.date,
    least_notice: int | None = None,
) -> list[TimelineAlert]:
    """Where each milestone stands. No query, or two when some are meetings not done:
    the organisation's least notice (unless given), and the meetings planned on their days."""
    days = {m.due_on for m in found if m.is_meeting and not m.is_done}
    planned: dict[datetime.date, meetings_selectors.PlannedMeeting] = {}
    if days:
        if least_notice is None:
            least_notice = meetings_selectors.notice_days(organisation_id=project.organisation_id)
        planned = meetings_selectors.meetings_on_days(project=project, days=days, today=today)
    alerts = []
    for milestone in found:
        state = timing.date_state(due_on=milestone.due_on, done=milestone.is_done, today=today)
        if not milestone.is_meeting or milestone.is_done:
            alerts.append(TimelineAlert(milestone, state))
            continue
        on_the_day = planned.get(milestone.due_on)
        notice = (
            on_the_day.notice
            if on_the_day is not None
            else meeting_checks.notice_check(
                meets_on=milestone.due_on,
                invitations_on=milestone.invitations_on,
                today=today,
                minimum_days=least_notice or meeting_checks.NOTICE_DAYS,
            )
        )
        alerts.append(TimelineAlert(milestone, state, notice, on_the_day))
    return alerts


@dataclass(frozen=True)
class Timeline:
    alerts: list[TimelineAlert]
    least_notice_days: int  # the organisation's least notice of a meeting


def timeline(*, project: Project, today: datetime.date | None = None) -> Timeline:
    """Every milestone in date order with where it stands, and the organisation's least
    notice. Two queries, three when there are meetings on it."""
    least_notice = meetings_selectors.notice_days(organisation_id=project.organisation_id)
    found = milestones(project=project)
    return Timeline(
        _alerts(project, found, today=_today(today), least_notice=least_notice), least_notice
    )


def timeline_alerts(*, project: Project, today: datetime.date | None = None) -> list[TimelineAlert]:
    """Milestones not done that are late, due within 2 weeks, or are meetings without
    enough notice; in date order. One query, three with meetings."""
    today = _today(today)
    soon = today + datetime.timedelta(days=timing.SOON_DAYS)
    candidates = Milestone.objects.filter(project=project, is_done=False).filter(
        Q(due_on__lte=soon) | Q(is_meeting=True)
    )
    alerts = _alerts(project, list(candidates.order_by("due_on", "pk")), today=today)
    return [alert for alert in alerts if alert.is_late or alert.is_due_soon or alert.notice_problem]


# Budget ---------------------------------------------------------------------


@dataclass(frozen=True)
class CategorySpend:
    """Money for one category, as Decimal pounds.

    `committed` (claims approved, not yet paid) and `paid` come from what is spent
    (`SPENDING`: payment claims).
    """

    category: str
    label: str
    planned: Decimal
    committed: Decimal = Decimal("0.00")
    paid: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class BudgetSummary:
    """The budget at a glance, as Decimal pounds. `held` is None until it is known."""

    held: Decimal | None
    money_source: str
    planned: Decimal
    committed: Decimal
    paid: Decimal
    categories: list[CategorySpend] = field(default_factory=list)

    @property
    def over_by(self) -> Decimal | None:
        """How much the planned spend is more than the money held, if it is."""
        if self.held is None or self.planned <= self.held:
            return None
        return self.planned - self.held

    @property
    def left_to_plan(self) -> Decimal | None:
        if self.held is None or self.planned > self.held:
            return None
        return self.held - self.planned

    @property
    def spent(self) -> Decimal:
        """Committed (approved claims) and paid, together."""
        return self.committed + self.paid

    @property
    def left_to_spend(self) -> Decimal | None:
        """The money held less what is committed and paid (below zero when overspent)."""
        return None if self.held is None else self.held - self.spent

    @property
    def is_running_out(self) -> bool:
        """Committed and paid have reached 90% of the money held: time to warn."""
        return self.held is not None and self.held > 0 and self.spent >= self.held * RUNNING_OUT

    @property
    def is_set_up(self) -> bool:
        return self.held is not None or bool(self.money_source) or self.planned > 0


def budget(*, project: Project) -> Budget | None:
    return Budget.objects.filter(project=project).first()


def budget_lines(*, project: Project) -> list[BudgetLine]:
    """Planned spending, in the order of the categories. One query."""
    order = {value: position for position, value in enumerate(BudgetCategory.values)}
    lines = BudgetLine.objects.filter(project=project).order_by("pk")
    return sorted(lines, key=lambda line: order.get(line.category, len(order)))


def budget_line(*, project: Project, budget_line_id: int) -> BudgetLine | None:
    return BudgetLine.objects.filter(project=project, pk=budget_line_id).first()


@dataclass(frozen=True)
class Spend:
    committed_pence: int = 0
    paid_pence: int = 0


# What is spent from the budget, by category: each app that spends money (payments, with
# its claims) registers a function `spend(project=)` from its `contributions.py`, so the
# planning app imports none of them.
SPENDING: Registry[Callable[..., dict[str, Spend]]] = Registry("spending")


def project_spend(*, project: Project) -> dict[str, Spend]:
    """Committed and paid, in whole pence, by budget category, from every app that spends."""
    spend: dict[str, Spend] = {}
    for find in SPENDING:
        for category, more in find(project=project).items():
            before = spend.get(category, Spend())
            spend[category] = Spend(
                before.committed_pence + more.committed_pence, before.paid_pence + more.paid_pence
            )
    return spend


def budget_by_category(*, project: Project) -> list[CategorySpend]:
    """Planned, committed and paid for every category, in pounds. Two queries:
    the plan, then what is spent (`project_spend`: approved and paid claims)."""
    rows = (
        BudgetLine.objects.filter(project=project)
        .values("category")
        .annotate(planned=Sum("planned_pence"))
        .order_by()
    )
    planned = {row["category"]: row["planned"] or 0 for row in rows}
    spend = project_spend(project=project)
    return [
        CategorySpend(
            category=value,
            label=str(label),
            planned=pounds(planned.get(value, 0)),
            committed=pounds(spend[value].committed_pence) if value in spend else Decimal("0.00"),
            paid=pounds(spend[value].paid_pence) if value in spend else Decimal("0.00"),
        )
        for value, label in BudgetCategory.choices
    ]


def budget_summary(*, project: Project) -> BudgetSummary:
    """Held, where the money comes from, planned, committed and paid, with the
    totals per category. Three queries."""
    held_budget = budget(project=project)
    categories = budget_by_category(project=project)
    return BudgetSummary(
        held=pounds(held_budget.held_pence)
        if held_budget and held_budget.held_pence is not None
        else None,
        money_source=held_budget.money_source if held_budget else "",
        planned=sum((c.planned for c in categories), Decimal("0.00")),
        committed=sum((c.committed for c in categories), Decimal("0.00")),
        paid=sum((c.paid for c in categories), Decimal("0.00")),
        categories=categories,
    )


def budget_at_a_glance(
    *, project: Project, held_pence: int | None, planned_pence: int
) -> BudgetSummary:
    """Held, planned and spent, without the categories, from the totals the overview
    read (`overview_count_expressions`): what is spent is asked for (one query) only
    when there is money held to run out of."""
    held = None if held_pence is None else pounds(held_pence)
    spend = project_spend(project=project).values() if held_pence else []
    return BudgetSummary(
        held=held,
        money_source="",
        planned=pounds(planned_pence),
        committed=sum((pounds(s.committed_pence) for s in spend), Decimal("0.00")),
        paid=sum((pounds(s.paid_pence) for s in spend), Decimal("0.00")),
    )


# Barriers -------------------------------------------------------------------


def barriers(*, project: Project) -> list[Barrier]:
    """Barriers still to lift first, then lifted ones. One query."""
    found = Barrier.objects.filter(project=project).select_related("owner__user").order_by("pk")
    return sorted(found, key=lambda found_barrier: found_barrier.status == BarrierStatus.LIFTED)


def barrier(*, project: Project, barrier_id: int) -> Barrier | None:
    return (
        Barrier.objects.filter(project=project, pk=barrier_id).select_related("owner__user").first()
    )


def barrier_counts(*, project: Project) -> dict[str, int]:
    """How many barriers have each status (every status present). One query."""
    rows = Barrier.objects.filter(project=project).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(BarrierStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


# People to choose from ------------------------------------------------------


def members_for_choice(
    *, project: Project, roles: frozenset[Role] | None = None
) -> list[Membership]:
    """Members of this project, optionally only some roles, by role then name. One query."""
    found = Membership.objects.filter(project=project).select_related("user")
    if roles is not None:
        found = found.filter(role__in=list(roles))
    role_order = {role.value: position for position, role in enumerate(Role)}
    return sorted(found, key=lambda m: (role_order[m.role], m.user.full_name.lower(), m.pk))


def planning_held_about(*, user, organisation_id: int | None = None) -> dict[str, list[dict]]:
    """Sign-offs asked of or recorded by this person, and barriers they are making sure
    are lifted, for "everything we hold" (coplan.people). Only in the organisation's
    projects when `organisation_id` is given."""
    scope = {"project__organisation_id": organisation_id} if organisation_id else {}
    sign_offs = SignOff.objects.filter(
        Q(signer__user=user) | Q(signed_by=user), **scope
    ).select_related("project")
    barriers = Barrier.objects.filter(owner__user=user, **scope).select_related("project")
    return {
        "sign_offs": [
            {
                "when": (sign_off.signed_on or sign_off.due_on).isoformat(),
                "project": sign_off.project.name,
                "what": f"Signed off on {long_date(sign_off.signed_on)}"
                if sign_off.signed_on
                else f"Sign-off asked of them, needed by {long_date(sign_off.due_on)}",
                "words": sign_off.what,
            }
            for sign_off in sign_offs
        ],
        "barriers": [
            {
                "when": barrier.created_at.isoformat(timespec="seconds"),
                "project": barrier.project.name,
                "what": "A barrier they are making sure is lifted "
                f"({barrier.get_status_display().lower()})",
                "words": barrier.what,
            }
            for barrier in barriers
        ],
    }


def money_source(*, project) -> str:
    """Where the project's money comes from, as its budget says; "" when not said."""
    return (
        Budget.objects.filter(project=project).values_list("money_source", flat=True).first() or ""
    ).strip()
