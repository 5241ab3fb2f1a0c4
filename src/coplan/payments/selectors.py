"""Reads for paying people. Every project read filters by the project; every list is
a fixed number of queries, whatever its size."""

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from coplan.core import formats
from coplan.core.paging import page_of
from coplan.meetings.models import Attendance, InvitedPerson, Meeting
from coplan.organisations.models import Organisation
from coplan.payments import amounts, receipts, rules, working_days
from coplan.payments.choices import ClaimStatus, ExpenseCategory, HowPaid, LineKind, PaidActivity
from coplan.payments.models import (
    BankDetails,
    Claim,
    ClaimLine,
    ClaimNotice,
    PaymentChoice,
    PaymentPolicy,
    ProjectPayments,
    Receipt,
)
from coplan.people import crypto
from coplan.people.models import Person
from coplan.planning.models import BudgetCategory
from coplan.planning.selectors import Spend
from coplan.projects.models import Membership, Project

CLAIMS_PER_PAGE = 50
WAITING = (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED)
COMMITTED = (ClaimStatus.APPROVED, ClaimStatus.PAID)


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


# The organisation's policy -------------------------------------------------------------


def policies(*, organisation: Organisation) -> list[PaymentPolicy]:
    """Every version, newest date first. One query."""
    return list(PaymentPolicy.objects.filter(organisation=organisation).order_by("-applies_from"))


def policy(*, organisation: Organisation, policy_id: int) -> PaymentPolicy | None:
    return PaymentPolicy.objects.filter(organisation=organisation, pk=policy_id).first()


def policy_in_force(*, organisation_id: int, on: datetime.date) -> PaymentPolicy | None:
    """The version that applies on a day: the latest one starting on or before it."""
    return (
        PaymentPolicy.objects.filter(organisation_id=organisation_id, applies_from__lte=on)
        .order_by("-applies_from")
        .first()
    )


def policy_for_day(found: list[PaymentPolicy], on: datetime.date) -> PaymentPolicy | None:
    """From a list of versions (any order), the one in force on a day (no query)."""
    in_force = [version for version in found if version.applies_from <= on]
    return max(in_force, key=lambda version: version.applies_from, default=None)


def payment_words(*, organisation_id: int, on: datetime.date) -> str:
    """What the organisation tells people about payment, tax and benefits, as in force on a
    day: for invitations and papers that go to participants. One query."""
    found = policy_in_force(organisation_id=organisation_id, on=on)
    return found.information if found else ""


def policy_is_used(*, policy: PaymentPolicy) -> bool:
    """Whether an approved or paid claim was worked out with this version."""
    return Claim.objects.filter(policy=policy, status__in=COMMITTED).exists()


def rates(policy: PaymentPolicy) -> amounts.Rates:
    return amounts.Rates(
        basis=policy.basis,
        hour_rate_pence=policy.hour_rate_pence,
        half_day_rate_pence=policy.half_day_rate_pence,
        day_rate_pence=policy.day_rate_pence,
        activity_rate_pence=policy.activity_rate_pence,
        half_day_up_to_minutes=policy.half_day_up_to_minutes,
    )


def extra_activities(policy: PaymentPolicy | None) -> list[tuple[str, str]]:
    """Time other than the meeting itself that this policy pays, by the hour."""
    if policy is None or policy.hour_rate_pence is None:
        return []
    return [
        (value, label)
        for value, label in PaidActivity.choices
        if value != PaidActivity.MEETINGS and value in policy.paid_activities
    ]


# A person's choice and bank details ----------------------------------------------------------


def payment_choice(*, person: Person | None) -> PaymentChoice | None:
    """How they want to be paid now: their latest choice."""
    if person is None:
        return None
    return (
        PaymentChoice.objects.filter(person=person)
        .select_related("information_policy")
        .order_by("-recorded_at", "-pk")
        .first()
    )


def bank_details_held(*, person: Person | None) -> BankDetails | None:
    if person is None:
        return None
    return BankDetails.objects.filter(person=person).first()


def bank_details_waiting(
    *, details: BankDetails, person: Person, now: datetime.datetime | None = None
) -> str:
    """Why these bank details may not be paid to yet ("" if they may): two people for
    money. Details entered by staff wait for a second finance member to confirm them;
    details the person changed themselves wait too while the change is newer than the
    organisation's `bank_change_days` (a stolen account cannot divert a payment at once).
    """
    if details.confirmed_by_id is not None:
        return ""
    when = formats.long_date(timezone.localtime(details.updated_at).date())
    if details.updated_by_id is None or details.updated_by_id != person.user_id:
        return (
            f"{person.full_name}’s bank details were entered by staff on {when}. Another "
            "finance member must confirm them before a payment uses them"
        )
    now = now or timezone.now()
    policy = policy_in_force(organisation_id=person.organisation_id, on=timezone.localdate(now))
    days = policy.bank_change_days if policy is not None else 0
    if days and details.updated_at > now - datetime.timedelta(days=days):
        return (
            f"{person.full_name} changed their bank details on {when}. Another finance member "
            f"must confirm them before a payment uses them, as they changed in the last {days} days"
        )
    return ""


@dataclass(frozen=True)
class BankAccount:
    name: str
    sort_code: str
    account_number: str

    @property
    def sort_code_words(self) -> str:
        code = self.sort_code
        return f"{code[0:2]}-{code[2:4]}-{code[4:6]}"

    @property
    def ending(self) -> str:
        return self.account_number[-4:]


def bank_account(*, details: BankDetails) -> BankAccount:
    """Decrypted bank details. Only for finance, and the view must write the audit entry."""
    value = crypto.decrypt_json(details.token)
    return BankAccount(value["name"], value["sort_code"], value["account_number"])


def project_cost_code(*, project: Project) -> str:
    found = ProjectPayments.objects.filter(project=project).first()
    return found.cost_code if found else ""


# Claims ----------------------------------------------------------------------------


def _with_total(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    return claims.annotate(
        total_pence=Coalesce(Sum("lines__amount_pence"), 0),
        line_count=Count("lines"),
    )


def claim(*, project: Project, claim_id: int) -> Claim | None:
    """One claim of this project, with its person and meeting. One query."""
    return (
        Claim.objects.filter(project=project, pk=claim_id)
        .select_related("person", "person__user", "meeting", "approved_by", "paid_by")
        .first()
    )


def claim_lines(*, claim: Claim) -> list[ClaimLine]:
    """The claim's lines, the worked-out payment for time first, with receipts. One query."""
    return list(claim.lines.select_related("receipt", "added_by").order_by("-is_worked_out", "pk"))


def claim_line(*, claim: Claim, line_id: int) -> ClaimLine | None:
    return claim.lines.filter(pk=line_id).select_related("receipt").first()


def claim_notices(*, claim: Claim) -> list[ClaimNotice]:
    return list(claim.notices.select_related("done_by"))


def claim_total(lines: list[ClaimLine]) -> int:
    return amounts.total_pence(line.amount_pence for line in lines)


def claim_is_late(claim: Claim, *, today: datetime.date) -> bool:
    return claim.status in WAITING and claim.pay_by is not None and claim.pay_by < today


@dataclass(frozen=True)
class ClaimsPage:
    page: Page
    late_count: int
    today: datetime.date


def project_claims(
    *,
    project: Project,
    status: str = "",
    late_only: bool = False,
    page: int | str = 1,
    today: datetime.date | None = None,
) -> ClaimsPage:
    """Claims for the project, late ones first, then the newest; a page at a time with
    each claim's total and its person and meeting. Three queries (how many, and how many
    are late; the page; the totals of the claims on it), counted and ordered on the claims
    alone, so only the lines of the claims shown are added up."""
    today = _today(today)
    found = Claim.objects.filter(project=project)
    if status:
        found = found.filter(status=status)
    late = Q(status__in=WAITING, pay_by__lt=today)
    if late_only:
        found = found.filter(late)
    counts = found.aggregate(all=Count("pk"), late=Count("pk", filter=late))
    late_first = Case(When(late, then=0), default=1, output_field=IntegerField())
    order = ("late_first", "-activity_on", "-pk")
    shown = page_of(
        found.annotate(late_first=late_first).order_by(*order),
        Claim.objects.select_related("person", "meeting")
        .defer("person__needs_token", "person__address")
        .annotate(late_first=late_first),
        per_page=CLAIMS_PER_PAGE,
        page=page,
        count=counts["all"],  # counted above, with the late ones
    )
    shown.object_list = claims_totalled(shown.object_list)
    return ClaimsPage(shown, counts["late"], today)


def claims_listed(
    *,
    project: Project,
    status: str = "",
    from_date: datetime.date | None = None,
    to_date: datetime.date | None = None,
) -> QuerySet[Claim]:
    """The project's claims in a fixed order (the newest activity first, then the id),
    with their person and meeting, for the API: count it, take a slice, then
    `claims_totalled`. Never the person's address or needs."""
    found = Claim.objects.filter(project=project)
    if status:
        found = found.filter(status=status)
    if from_date:
        found = found.filter(activity_on__gte=from_date)
    if to_date:
        found = found.filter(activity_on__lte=to_date)
    return (
        found.select_related("person", "meeting")
        .defer("person__needs_token", "person__address")
        .order_by("-activity_on", "-pk")
    )


def claims_totalled(claims: list[Claim]) -> list[Claim]:
    """The claims with `total_pence` and `line_count`, as `_with_total` gives: one query."""
    totals = {
        row["claim_id"]: row
        for row in ClaimLine.objects.filter(claim_id__in=[claim.pk for claim in claims])
        .order_by()
        .values("claim_id")
        .annotate(total=Sum("amount_pence"), lines=Count("pk"))
    }
    for claim in claims:
        found = totals.get(claim.pk, {})
        claim.total_pence, claim.line_count = found.get("total", 0), found.get("lines", 0)
    return claims


def person_claims(*, project: Project, person: Person | None) -> list[Claim]:
    """Someone's own claims in this project, newest first, with totals. One query."""
    if person is None:
        return []
    return list(
        _with_total(Claim.objects.filter(project=project, person=person))
        .select_related("meeting")
        .order_by("-activity_on", "-pk")
    )


# Their own claims on the co-producer's home: those to act on first, then those waiting,
# then those paid; the newest first in each.
_HOME_ORDER = Case(
    When(status=ClaimStatus.RETURNED, then=0),
    When(status=ClaimStatus.DRAFT, then=1),
    When(status=ClaimStatus.SUBMITTED, then=2),
    When(status=ClaimStatus.APPROVED, then=3),
    default=4,
    output_field=IntegerField(),
)


def own_claims_first(*, project: Project, user_id: int) -> QuerySet[Claim]:
    """A member's own claims in this project, with totals, those they must act on first."""
    return (
        _with_total(Claim.objects.filter(project=project, person__user_id=user_id))
        .select_related("meeting")
        .order_by(_HOME_ORDER, "-activity_on", "-pk")
    )


def late_claim_expressions(today: datetime.date) -> dict[str, Coalesce]:
    """How many claims are sent or approved and not paid by the payment target, as an
    expression on the project's row."""
    late = (
        Claim.objects.filter(project=OuterRef("pk"), status__in=WAITING, pay_by__lt=today)
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {"late_claims": Coalesce(Subquery(late, output_field=IntegerField()), 0)}


def late_claim_count(*, project: Project, today: datetime.date | None = None) -> int:
    """Claims sent or approved and not paid by the payment target. One query."""
    return Claim.objects.filter(
        project=project, status__in=WAITING, pay_by__lt=_today(today)
    ).count()


def meetings_to_claim_for(*, project: Project, person: Person) -> list[Meeting]:
    """Meetings of the project the person was invited to and has not claimed for. One query."""
    return list(
        Meeting.objects.filter(project=project, invited__person=person)
        .exclude(claims__person=person)
        .order_by("-meets_on", "-pk")
    )


def attendance(*, meeting: Meeting, person: Person) -> str:
    found = (
        InvitedPerson.objects.filter(meeting=meeting, person=person)
        .values_list("attendance", flat=True)
        .first()
    )
    return found or Attendance.NOT_RECORDED


@dataclass(frozen=True)
class TimeOwed:
    """What the person is owed for the meeting itself, or why nothing."""

    pay: amounts.TimePay | None
    reason: str = ""


def meeting_time_owed(
    *,
    policy: PaymentPolicy | None,
    choice: PaymentChoice | None,
    meeting: Meeting,
    came: str,
) -> TimeOwed:
    """Pay for the meeting from attendance and the policy in force on its day (no query)."""
    if policy is None:
        return TimeOwed(None, "There are no rates for paying people on the day of this meeting.")
    if PaidActivity.MEETINGS not in policy.paid_activities:
        return TimeOwed(None, "Time at meetings is not paid.")
    if choice is None:
        return TimeOwed(None, "Say how you want to be paid first.")
    if choice.how == HowPaid.NOT_PAID or not choice.time_paid:
        return TimeOwed(None, "You chose not to be paid for your time.")
    if came == Attendance.NOT_RECORDED:
        return TimeOwed(None, "Payment for your time is added when the lead records that you came.")
    if came != Attendance.CAME:
        return TimeOwed(None, "The meeting's record says you did not come.")
    pay = amounts.meeting_pay(rates=rates(policy), minutes=meeting.length_minutes)
    if pay is None:
        return TimeOwed(None, "The payment policy has no rate for a meeting of this length.")
    return TimeOwed(pay)


def pay_by_for(*, submitted_on: datetime.date, policy: PaymentPolicy) -> datetime.date:
    return working_days.add_working_days(submitted_on, policy.target_working_days)


# What waits for finance: in a project, and across an organisation's projects -----------

QUEUE_STEPS = {"pay": ClaimStatus.APPROVED, "approve": ClaimStatus.SUBMITTED}


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass(frozen=True)
class Waiting:
    """How many claims wait for approval, how many to be paid, and how many of them
    are past the payment target."""

    to_approve: int = 0
    to_pay: int = 0
    late: int = 0

    @property
    def words(self) -> str:
        return (
            f"{_plural(self.to_approve, 'claim', 'claims')} waiting for approval, "
            f"{self.to_pay} to pay, {self.late} late"
        )

    @property
    def any(self) -> bool:
        return bool(self.to_approve or self.to_pay)


def _late(today: datetime.date) -> Q:
    return Q(status__in=WAITING, pay_by__lt=today)


def _waiting_counts(today: datetime.date) -> dict:
    return {
        "to_approve": Count("pk", filter=Q(status=ClaimStatus.SUBMITTED)),
        "to_pay": Count("pk", filter=Q(status=ClaimStatus.APPROVED)),
        "late": Count("pk", filter=_late(today)),
    }


def _late_first(claims: QuerySet[Claim], today: datetime.date) -> QuerySet[Claim]:
    """Late ones first, then by the date they should be paid by, then the longest waiting."""
    return claims.annotate(
        late_first=Case(When(_late(today), then=0), default=1, output_field=IntegerField())
    ).order_by("late_first", "pay_by", "submitted_at", "pk")


def _finance_projects(*, user, organisation_id: int | None = None) -> QuerySet[Membership]:
    """The projects (of one organisation, if given) where this person is finance: the
    memberships the queue goes through."""
    found = Membership.objects.filter(user=user, role__in=rules.FINANCE_QUEUE.roles)
    if organisation_id is not None:
        found = found.filter(project__organisation_id=organisation_id)
    return found.values("project_id")


def _queue_claims(*, user, organisation_id: int) -> QuerySet[Claim]:
    return Claim.objects.filter(
        project__organisation_id=organisation_id,
        project_id__in=_finance_projects(user=user, organisation_id=organisation_id),
        status__in=WAITING,
    )


def project_waiting(
    *, project: Project, shown: int = 5, today: datetime.date | None = None
) -> tuple[Waiting, list[Claim]]:
    """What waits for finance in one project: the counts and the first few claims, late
    ones first, with totals and people. Two queries."""
    today = _today(today)
    claims = Claim.objects.filter(project=project, status__in=WAITING)
    counts = Waiting(**claims.aggregate(**_waiting_counts(today)))
    first = _late_first(_with_total(claims).select_related("person", "meeting"), today)
    return counts, list(first[:shown])


def organisation_memberships(*, user, organisation_id: int) -> list[Membership]:
    """This person's memberships in the organisation's projects, with the projects and
    the organisation. One query."""
    if not user.is_authenticated:
        return []
    return list(
        Membership.objects.filter(user=user, project__organisation_id=organisation_id)
        .select_related("project", "project__organisation")
        .order_by("project__name", "pk")
    )


@dataclass(frozen=True)
class Queue:
    page: Page
    waiting: Waiting
    step: str
    today: datetime.date


def finance_queue(
    *,
    user,
    organisation_id: int,
    step: str = "",
    page: int | str = 1,
    today: datetime.date | None = None,
) -> Queue:
    """Finance's queue: the claims sent or approved in every project of the organisation
    where this person is finance; one step of them a page at a time, late ones first,
    with each claim's project, person and total. Three queries (the counts, how many are
    shown, the page), whatever the number of claims or projects. With no `step`, the
    claims to pay, or those to approve if none are to pay."""
    today = _today(today)
    waiting = queue_waiting(user=user, organisation_id=organisation_id, today=today)
    if step not in QUEUE_STEPS:  # not chosen: to pay, unless only approvals wait
        step = "approve" if waiting.to_approve and not waiting.to_pay else "pay"
    shown = queue_claims_waiting(user=user, organisation_id=organisation_id, step=step, today=today)
    return Queue(Paginator(shown, CLAIMS_PER_PAGE).get_page(page), waiting, step, today)


def queue_waiting(*, user, organisation_id: int, today: datetime.date | None = None) -> Waiting:
    """How many claims of the queue wait for approval, to be paid, and late. One query."""
    claims = _queue_claims(user=user, organisation_id=organisation_id)
    return Waiting(**claims.aggregate(**_waiting_counts(_today(today))))


def queue_claims_waiting(
    *, user, organisation_id: int, step: str, today: datetime.date | None = None
) -> QuerySet[Claim]:
    """The claims at one step of the queue (QUEUE_STEPS), late ones first, then by the
    date to pay by, the longest waiting and the id, with each claim's project, person and
    total."""
    claims = _queue_claims(user=user, organisation_id=organisation_id)
    return _late_first(
        _with_total(claims.filter(status=QUEUE_STEPS[step])).select_related(
            "project", "person", "meeting"
        ),
        _today(today),
    )


def queue_claims_chosen(*, user, organisation_id: int, claim_ids: list[int]) -> list[Claim]:
    """The claims ticked on the queue that are in it (sent or approved, in a project where
    this person is finance), with totals: anything else is not found. One query."""
    found = Claim.objects.filter(
        pk__in=claim_ids,
        project__organisation_id=organisation_id,
        project_id__in=_finance_projects(user=user, organisation_id=organisation_id),
    ).exclude(status__in=(ClaimStatus.DRAFT, ClaimStatus.RETURNED))
    return list(_with_total(found).select_related("project", "person", "meeting").order_by("pk"))


def queue_claims_for_export(*, user, organisation_id: int, step: str) -> list[Claim]:
    """Every claim at one step of the queue, late ones first, with lines. Two queries."""
    claims = _queue_claims(user=user, organisation_id=organisation_id).filter(
        status=QUEUE_STEPS[step]
    )
    return list(
        _late_first(claims, _today(None))
        .select_related("person", "meeting", "project")
        .prefetch_related("lines")
    )


def cost_codes(*, project_ids: set[int]) -> dict[int, str]:
    """Each project's cost code. One query."""
    return dict(
        ProjectPayments.objects.filter(project_id__in=project_ids).values_list(
            "project_id", "cost_code"
        )
    )


@dataclass(frozen=True)
class OrganisationWaiting:
    organisation: Organisation
    waiting: Waiting


def finance_queues(*, user, today: datetime.date | None = None) -> list[OrganisationWaiting]:
    """For each organisation where this person is finance in a project, what waits for
    them there. Two queries (none more if they are finance nowhere)."""
    if not user.is_authenticated:
        return []
    today = _today(today)
    projects = _finance_projects(user=user)
    organisations = list(Organisation.objects.filter(projects__in=projects).distinct())
    if not organisations:
        return []
    claims = Claim.objects.filter(project_id__in=projects, status__in=WAITING)
    counts = {
        row.pop("project__organisation_id"): Waiting(**row)
        for row in claims.values("project__organisation_id")
        .annotate(**_waiting_counts(today))
        .order_by()
    }
    return [
        OrganisationWaiting(organisation, counts.get(organisation.pk, Waiting()))
        for organisation in organisations
    ]


# Money in the plan ---------------------------------------------------------------------


LINE_BUDGET_CATEGORY = {
    LineKind.TIME: BudgetCategory.PAYING_PEOPLE,
    LineKind.EXPENSE: BudgetCategory.EXPENSES,
}


def project_spend(*, project: Project) -> dict[str, Spend]:
    """Committed (approved, not paid yet) and paid, in whole pence, by budget category.
    Payment for time is "paying people for their time"; every expense is "expenses".
    One query."""
    rows = (
        ClaimLine.objects.filter(claim__project=project, claim__status__in=COMMITTED)
        .values("kind")
        .annotate(
            committed=Coalesce(
                Sum("amount_pence", filter=Q(claim__status=ClaimStatus.APPROVED)), 0
            ),
            paid=Coalesce(Sum("amount_pence", filter=Q(claim__status=ClaimStatus.PAID)), 0),
        )
        .order_by()
    )
    spend: dict[str, Spend] = {}
    for row in rows:
        category = LINE_BUDGET_CATEGORY[row["kind"]]
        before = spend.get(category, Spend())
        spend[category] = Spend(
            before.committed_pence + row["committed"], before.paid_pence + row["paid"]
        )
    return spend


# Export for finance ---------------------------------------------------------------------


def claims_for_export(*, project: Project, start: datetime.date, end: datetime.date) -> list[Claim]:
    """Approved and paid claims approved between two dates (both included), oldest first,
    with their lines. Two queries."""
    found = (
        Claim.objects.filter(
            project=project,
            status__in=COMMITTED,
            approved_at__date__gte=start,
            approved_at__date__lte=end,
        )
        .select_related("person", "meeting", "project")
        .prefetch_related("lines")
        .order_by("approved_at", "pk")
    )
    return list(found)


# Each claim's amounts by column of finance's export: payment for time, then each kind of
# expense (the names of `claims_for_download`'s sums).
AMOUNT_NAMES = ("pence_time", *(f"pence_{category}" for category in ExpenseCategory.values))


def claims_for_download(*, project: Project) -> Iterator[Claim]:
    """Every claim of the project, whatever its status, oldest first, with its person,
    meeting, amounts by column (AMOUNT_NAMES, summed by the database) and how its person
    chose to be paid: one query, read a few hundred claims at a time."""
    sums = {"pence_time": Sum("lines__amount_pence", filter=Q(lines__kind=LineKind.TIME))}
    for category in ExpenseCategory.values:
        sums[f"pence_{category}"] = Sum(
            "lines__amount_pence",
            filter=Q(lines__category=category) & ~Q(lines__kind=LineKind.TIME),
        )
    how = PaymentChoice.objects.filter(person=OuterRef("person")).order_by("-recorded_at", "-pk")
    return (
        Claim.objects.filter(project=project)
        .select_related("person", "meeting", "project")
        .defer("person__needs_token")
        .annotate(**sums, how_paid=Subquery(how.values("how")[:1]))
        .order_by("activity_on", "pk")
        .iterator(chunk_size=500)
    )


def people_claiming(*, project: Project) -> QuerySet[Person]:
    """Everyone with a claim in the project (for writing down who a download names)."""
    return Person.objects.filter(claims__project=project)


def payment_choices_for(*, people: list[Person]) -> dict[int, PaymentChoice]:
    """Each person's current choice. One query."""
    latest: dict[int, PaymentChoice] = {}
    for choice in PaymentChoice.objects.filter(person__in=people).order_by(
        "person_id", "recorded_at", "pk"
    ):
        latest[choice.person_id] = choice
    return latest


def claims_held_about(*, user, organisation_id: int | None = None) -> dict[str, list[dict]]:
    """What this person did to claims, as finance, a lead or for someone else, for
    "everything we hold" (coplan.people): never whose claim it was or how much.
    Their own claims are with their person record. Only in the organisation's projects
    when `organisation_id` is given."""
    scope = {"project__organisation_id": organisation_id} if organisation_id else {}
    claims = (
        Claim.objects.filter(
            Q(created_by=user, on_behalf=True)
            | Q(submitted_by=user)
            | Q(returned_by=user)
            | Q(approved_by=user)
            | Q(paid_by=user),
            **scope,
        )
        .exclude(person__user=user)
        .select_related("project", "meeting")
        .order_by("created_at", "pk")
    )
    notices = (
        ClaimNotice.objects.filter(
            done_by=user,
            **({"claim__project__organisation_id": organisation_id} if organisation_id else {}),
        )
        .select_related("claim__project", "claim__meeting")
        .order_by("done_at", "pk")
    )
    done = []
    for claim in claims:
        steps = (
            (claim.on_behalf and claim.created_by_id == user.pk, claim.created_at, "Started"),
            (claim.submitted_by_id == user.pk, claim.submitted_at, "Sent"),
            (claim.returned_by_id == user.pk, claim.returned_at, "Sent back"),
            (claim.approved_by_id == user.pk, claim.approved_at, "Approved"),
            (claim.paid_by_id == user.pk, claim.paid_recorded_at, "Recorded as paid"),
        )
        for theirs, when, what in steps:
            if theirs:
                done.append(
                    {
                        "when": when.isoformat(timespec="seconds") if when else None,
                        "project": claim.project.name,
                        "what": f"{what} someone’s claim for ‘{claim.what}’",
                        "words": claim.returned_reason if what == "Sent back" else "",
                    }
                )
    done += [
        {
            "when": notice.done_at.isoformat(timespec="seconds") if notice.done_at else None,
            "project": notice.claim.project.name,
            "what": f"Told someone their claim for ‘{notice.claim.what}’ was {notice.event}",
            "words": "",
        }
        for notice in notices
    ]
    return {"claims_dealt_with": done}


def payments_held_about(person: Person) -> dict:
    """How someone wants to be paid and their claims, for everything we hold about them
    (coplan.people.everything_held). Bank details are shown only to finance, so this says
    whether they are held, never what they are."""
    return {
        "choices": [
            {
                "how": choice.get_how_display(),
                "paid_for_time": choice.time_paid,
                "chosen_on": choice.chosen_on.isoformat(),
                "saw_payment_information": choice.saw_information,
            }
            for choice in person.payment_choices.order_by("recorded_at", "pk")
        ],
        "bank_details_held": hasattr(person, "bank_details"),
        "claims": [
            {
                "for": claim.meeting.title if claim.meeting_id else claim.activity,
                "project": claim.project.name,
                "date": claim.activity_on.isoformat(),
                "status": claim.get_status_display(),
                "lines": [
                    {
                        "what": line.what,
                        "description": line.description,
                        "amount_pence": line.amount_pence,
                    }
                    for line in claim.lines.all()
                ],
                "paid_on": claim.paid_on.isoformat() if claim.paid_on else None,
                "payment_reference": claim.paid_reference,
            }
            for claim in person.claims.select_related("meeting", "project")
            .prefetch_related("lines")
            .order_by("activity_on", "pk")
        ],
    }


def receipts_orphaned(*, now: datetime.datetime | None = None) -> list[str]:
    """The names of receipt files no Receipt names, written more than receipts.ORPHAN_AFTER
    ago (left by a crash between writing the file and saving its row, so erasure can never
    reach them), in whichever private storage is set up. A newer file may be an upload whose
    row is still being saved, so it is left alone."""
    names = receipts.receipt_files_written_before((now or timezone.now()) - receipts.ORPHAN_AFTER)
    if not names:
        return []
    named = set(Receipt.objects.values_list("stored_name", flat=True))
    return [name for name in names if name not in named]
