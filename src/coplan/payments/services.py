"""Writes for paying people: the policy, choices, bank details, claims and their steps.

Steps of a claim: draft -> submitted -> approved or returned (with a reason) -> paid.
A returned claim can be changed and sent again. Every step is a conditional UPDATE
(`... WHERE status = <the step before>`) inside a transaction that has locked the row
(select_for_update), so two people approving, or marking paid, at the same moment
change it once: the second is told it has already happened.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from coplan.core import events, formats
from coplan.core.errors import RuleError
from coplan.core.only_one import clash_raises
from coplan.notifications.selectors import reaches_without_staff
from coplan.organisations.models import Organisation
from coplan.payments import amounts, receipts, selectors, telling
from coplan.payments.choices import (
    ClaimStatus,
    ExpenseCategory,
    HowPaid,
    LineKind,
    NoticeEvent,
    NoticeMethod,
    PaidActivity,
)
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
from coplan.people import services as people_services
from coplan.people.choices import AuditAction, ContactMethod
from coplan.people.models import Person
from coplan.projects.models import Project

POLICY_FIELDS = (
    "basis",
    "hour_rate_pence",
    "half_day_rate_pence",
    "day_rate_pence",
    "activity_rate_pence",
    "half_day_up_to_minutes",
    "paid_activities",
    "covered_expenses",
    "receipt_needed",
    "agreed_first",
    "mileage_pence_per_mile",
    "information",
    "target_working_days",
    "bank_change_days",
)


class PaymentError(RuleError):
    """Something the rules for paying people do not allow, in plain words."""


# The organisation's policy -------------------------------------------------------------


def _check_policy_dates(organisation: Organisation, applies_from: datetime.date) -> None:
    """A version may start in the past only if no claim from that day on is approved."""
    decided = Claim.objects.filter(
        project__organisation=organisation,
        status__in=selectors.COMMITTED,
        activity_on__gte=applies_from,
    ).exists()
    if decided:
        raise PaymentError(
            "Claims from that date on have already been approved. Choose a later date, so "
            "approved claims keep the rates of their day",
            field="applies_from",
        )


def _check_policy_rates(fields: dict) -> None:
    needed = {
        "hour": ("hour_rate_pence", "Enter the rate an hour"),
        "activity": ("activity_rate_pence", "Enter the set amount for each meeting or activity"),
    }
    basis = fields["basis"]
    if basis in needed and fields.get(needed[basis][0]) is None:
        raise PaymentError(needed[basis][1], field=needed[basis][0])
    if basis == "half_day":
        for name, message in (
            ("half_day_rate_pence", "Enter the rate for half a day"),
            ("day_rate_pence", "Enter the rate for a day"),
        ):
            if fields.get(name) is None:
                raise PaymentError(message, field=name)
    if "mileage" in fields.get("covered_expenses", []) and not fields.get("mileage_pence_per_mile"):
        raise PaymentError("Enter the mileage rate a mile", field="mileage_pence_per_mile")


@transaction.atomic
def policy_create(
    *,
    organisation: Organisation,
    created_by: AbstractBaseUser,
    applies_from: datetime.date,
    **fields,
) -> PaymentPolicy:
    """A new version of the organisation's policy, in force from a date."""
    _check_policy_rates(fields)
    _check_policy_dates(organisation, applies_from)
    same_day = PaymentError(
        "There is already a version from that date. Change it, or choose another date",
        field="applies_from",
    )
    if PaymentPolicy.objects.filter(organisation=organisation, applies_from=applies_from).exists():
        raise same_day
    with clash_raises(same_day):  # one_payment_policy_a_day
        return PaymentPolicy.objects.create(
            organisation=organisation,
            applies_from=applies_from,
            created_by=created_by,
            **{name: fields[name] for name in POLICY_FIELDS if name in fields},
        )


_SAME_DAY = "There is already a version from that date"


@transaction.atomic
def policy_update(*, policy: PaymentPolicy, **fields) -> PaymentPolicy:
    """Change a version no approved or paid claim has used."""
    policy = PaymentPolicy.objects.select_for_update().get(pk=policy.pk)
    if selectors.policy_is_used(policy=policy):
        raise PaymentError(
            "Claims have been approved with this version, so it cannot change. Add a new "
            "version from the date the change applies"
        )
    _check_policy_rates(fields)
    applies_from = fields.get("applies_from", policy.applies_from)
    if applies_from != policy.applies_from:
        _check_policy_dates(policy.organisation, min(applies_from, policy.applies_from))
        taken = PaymentPolicy.objects.filter(
            organisation_id=policy.organisation_id, applies_from=applies_from
        ).exists()
        if taken:
            raise PaymentError(_SAME_DAY, field="applies_from")
        policy.applies_from = applies_from
    for name in POLICY_FIELDS:
        if name in fields:
            setattr(policy, name, fields[name])
    policy.updated_at = timezone.now()
    with clash_raises(PaymentError(_SAME_DAY, field="applies_from")):
        policy.save()
    return policy


# A person's choice and bank details -------------------------------------------------------


@transaction.atomic
def payment_choice_record(
    *,
    person: Person,
    how: str,
    time_paid: bool,
    saw_information: bool,
    information_policy: PaymentPolicy | None,
    recorded_by: AbstractBaseUser,
    on_behalf: bool,
    where: str,
    project: Project | None = None,
) -> PaymentChoice:
    """Record how someone wants to be paid. Bank details are removed if they no longer
    want a bank transfer: we keep only what we need."""
    if not saw_information and information_policy is not None:
        raise PaymentError(
            "Confirm you have read what we tell people about payment, tax and benefits",
            field="saw_information",
        )
    choice = PaymentChoice.objects.create(
        person=person,
        how=how,
        time_paid=time_paid and how != HowPaid.NOT_PAID,
        chosen_on=timezone.localdate(),
        saw_information=saw_information,
        information_policy=information_policy,
        recorded_by=recorded_by,
        on_behalf=on_behalf,
    )
    if how != HowPaid.BANK:
        bank_details_remove(person=person, actor=recorded_by, where=where, project=project)
    return choice


def _digits(text: str) -> str:
    return "".join(character for character in text if character in "0123456789")


def bank_details_set(
    *,
    person: Person,
    name: str,
    sort_code: str,
    account_number: str,
    actor: AbstractBaseUser,
    where: str,
    project: Project | None = None,
) -> BankDetails:
    """Save bank details encrypted, replacing any held, and log the change."""
    sort_code, account_number = _digits(sort_code), _digits(account_number)
    if len(sort_code) != 6:
        raise PaymentError("Sort code must be 6 numbers, like 30-94-57", field="sort_code")
    if not 6 <= len(account_number) <= 8:
        raise PaymentError("Account number must be between 6 and 8 numbers", field="account_number")
    token = crypto.encrypt_json(
        {"name": name.strip(), "sort_code": sort_code, "account_number": account_number.zfill(8)}
    )
    with transaction.atomic():
        details, _ = BankDetails.objects.update_or_create(
            person=person,
            defaults={
                "token": token,
                "updated_by": actor,
                "updated_at": timezone.now(),
                "confirmed_by": None,
                "confirmed_at": None,
            },
        )
        people_services.audit_record(
            people=[person],
            actor=actor,
            action=AuditAction.CHANGED_BANK_DETAILS,
            where=where,
            project=project,
        )
        telling.bank_details_changed(person=person, actor=actor, project=project, removed=False)
        if project is not None and selectors.bank_details_waiting(details=details, person=person):
            telling.bank_details_to_confirm(details=details, person=person, project=project)
    return details


def bank_details_confirm(
    *, details: BankDetails, confirmed_by: AbstractBaseUser, seen_updated_at: datetime.datetime
) -> BankDetails:
    """A second finance member confirms bank details (having checked them with the
    person), so payments may use them. Only the details they saw: a change since then
    needs confirming again. Never by whoever entered them, nor by the person themselves."""
    person = details.person
    if details.updated_by_id == confirmed_by.pk:
        raise PaymentError("You entered these bank details, so someone else must confirm them")
    if person.user_id == confirmed_by.pk:
        raise PaymentError("You cannot confirm your own bank details")
    confirmed = (
        BankDetails.objects.filter(pk=details.pk, updated_at=seen_updated_at, confirmed_by=None)
        .exclude(updated_by=confirmed_by)
        .update(confirmed_by=confirmed_by, confirmed_at=timezone.now())
    )
    if not confirmed:
        current = BankDetails.objects.filter(pk=details.pk).first()
        if (
            current is not None
            and current.confirmed_by_id
            and current.updated_at == seen_updated_at
        ):
            raise PaymentError("Someone else has already confirmed these bank details")
        raise PaymentError(
            "These bank details changed while you were looking at them. Check them again"
        )
    details.refresh_from_db()
    return details


def bank_details_remove(
    *, person: Person, actor: AbstractBaseUser, where: str, project: Project | None = None
) -> None:
    deleted, _ = BankDetails.objects.filter(person=person).delete()
    if deleted:
        people_services.audit_record(
            people=[person],
            actor=actor,
            action=AuditAction.CHANGED_BANK_DETAILS,
            where=where,
            project=project,
        )
        telling.bank_details_changed(person=person, actor=actor, project=project, removed=True)


def bank_details_view_record(
    *, person: Person, actor: AbstractBaseUser, where: str, project: Project | None = None
) -> None:
    people_services.audit_record(
        people=[person],
        actor=actor,
        action=AuditAction.VIEWED_BANK_DETAILS,
        where=where,
        project=project,
    )


def cost_code_set(*, project: Project, cost_code: str) -> ProjectPayments:
    found, _ = ProjectPayments.objects.update_or_create(
        project=project, defaults={"cost_code": cost_code.strip()}
    )
    return found


# Claims -----------------------------------------------------------------------------


def _policy_for(claim: Claim) -> PaymentPolicy | None:
    return selectors.policy_in_force(
        organisation_id=claim.project.organisation_id, on=claim.activity_on
    )


def _touch(claim: Claim) -> None:
    Claim.objects.filter(pk=claim.pk).update(updated_at=timezone.now())


def claim_time_refresh(*, claim: Claim, policy: PaymentPolicy | None = None) -> int:
    """Write the line for the meeting itself from attendance and the policy in force on
    the meeting's day (or remove it if nothing is owed). Returns its pence."""
    if claim.meeting_id is None:
        return 0
    policy = policy if policy is not None else _policy_for(claim)
    owed = selectors.meeting_time_owed(
        policy=policy,
        choice=selectors.payment_choice(person=claim.person),
        meeting=claim.meeting,
        came=selectors.attendance(meeting=claim.meeting, person=claim.person),
    )
    worked_out = claim.lines.filter(is_worked_out=True)
    if owed.pay is None:
        worked_out.delete()
        return 0
    defaults = {
        "kind": LineKind.TIME,
        "activity": PaidActivity.MEETINGS,
        "description": owed.pay.how,
        "minutes": claim.meeting.length_minutes,
        "rate_pence": None,
        "amount_pence": owed.pay.pence,
    }
    if not worked_out.update(**defaults):
        ClaimLine.objects.create(claim=claim, is_worked_out=True, **defaults)
    return owed.pay.pence


_CLAIMED = "There is already a claim for this meeting"


@transaction.atomic
def claim_start(
    *,
    project: Project,
    person: Person,
    created_by: AbstractBaseUser,
    meeting=None,
    activity: str = "",
    activity_on: datetime.date | None = None,
) -> Claim:
    """A new claim, not sent yet: for a meeting the person was invited to, or for
    another activity on a date."""
    if not person.involvements.filter(project=project).exists():
        raise PaymentError("This person is not part of the project", field="person")
    if meeting is not None:
        if meeting.project_id != project.pk:
            raise PaymentError("Choose a meeting of this project", field="meeting")
        if Claim.objects.filter(person=person, meeting=meeting).exists():
            raise PaymentError(_CLAIMED, field="meeting")
        activity_on = meeting.meets_on
    elif not activity.strip() or activity_on is None:
        raise PaymentError("Say what you did, and when", field="activity")
    with clash_raises(PaymentError(_CLAIMED, field="meeting")):  # one_claim_per_person_per_meeting
        claim = Claim.objects.create(
            project=project,
            person=person,
            meeting=meeting,
            activity="" if meeting is not None else activity.strip(),
            activity_on=activity_on,
            created_by=created_by,
            on_behalf=person.user_id != created_by.pk,
        )
    claim_time_refresh(claim=claim)
    return claim


def _check_open(claim: Claim) -> None:
    if not claim.is_open_to_change:
        raise PaymentError("This claim has been sent and cannot change now")


def _on_behalf(claim: Claim, user: AbstractBaseUser) -> bool:
    return claim.person.user_id != user.pk


def time_line_add(
    *, claim: Claim, activity: str, minutes: int, description: str, added_by: AbstractBaseUser
) -> ClaimLine:
    """Time spent reading papers, preparing or travelling, paid by the hour."""
    _check_open(claim)
    policy = _policy_for(claim)
    if activity not in dict(selectors.extra_activities(policy)):
        raise PaymentError("This time is not paid by the hour", field="activity")
    choice = selectors.payment_choice(person=claim.person)
    if choice is None or choice.how == HowPaid.NOT_PAID or not choice.time_paid:
        raise PaymentError("Payment for time is only for people who chose to be paid for it")
    if not 1 <= minutes <= 24 * 60:
        raise PaymentError("Time must be between 1 minute and 24 hours", field="minutes")
    pay = amounts.extra_time_pay(rates=selectors.rates(policy), minutes=minutes)
    with transaction.atomic():
        line = ClaimLine.objects.create(
            claim=claim,
            kind=LineKind.TIME,
            activity=activity,
            description=description.strip() or pay.how,
            minutes=minutes,
            rate_pence=policy.hour_rate_pence,
            amount_pence=pay.pence,
            added_by=added_by,
            on_behalf=_on_behalf(claim, added_by),
        )
        _touch(claim)
    return line


def expense_line_add(
    *,
    claim: Claim,
    category: str,
    description: str,
    added_by: AbstractBaseUser,
    amount_pence: int | None = None,
    miles: Decimal | None = None,
    agreed_by: str = "",
    receipt_content: bytes | None = None,
) -> ClaimLine:
    """One expense, with its receipt if there is one. Mileage is miles times the rate
    of the policy in force on the day; anything else is the amount typed."""
    _check_open(claim)
    policy = _policy_for(claim)
    if policy is None or category not in policy.covered_expenses:
        raise PaymentError("This kind of expense is not paid", field="category")
    if category == ExpenseCategory.MILEAGE:
        if miles is None or not Decimal("0.1") <= miles <= amounts.MAX_MILES:
            raise PaymentError("Enter how many miles, like 12 or 12.5", field="miles")
        rate = policy.mileage_pence_per_mile
        amount = amounts.mileage_pence(miles=miles, pence_per_mile=rate)
    else:
        if amount_pence is None or amount_pence <= 0:
            raise PaymentError("Enter how much it cost", field="amount")
        rate, amount = None, amount_pence
    if category in policy.agreed_first and not agreed_by.strip():
        raise PaymentError(
            f"Say who agreed the {ExpenseCategory(category).label.lower()} before you used it",
            field="agreed_by",
        )
    checked = receipts.receipt_check(content=receipt_content) if receipt_content else None
    if checked is None and category in policy.receipt_needed:
        raise PaymentError("Add a photo or PDF of the receipt", field="receipt")
    stored = receipts.receipt_store(checked=checked) if checked else None
    try:
        with transaction.atomic():
            line = ClaimLine.objects.create(
                claim=claim,
                kind=LineKind.EXPENSE,
                category=category,
                description=description.strip(),
                miles=miles if category == ExpenseCategory.MILEAGE else None,
                rate_pence=rate,
                amount_pence=amount,
                agreed_by=agreed_by.strip(),
                added_by=added_by,
                on_behalf=_on_behalf(claim, added_by),
            )
            if checked is not None:
                Receipt.objects.create(
                    line=line,
                    stored_name=stored,
                    content_type=checked.content_type,
                    size_bytes=len(checked.content),
                    sha256=checked.sha256,
                    uploaded_by=added_by,
                )
            _touch(claim)
            if stored:
                transaction.on_commit(_receipts_tidy_keep_running)
    except Exception:
        if stored:
            receipts.receipt_remove(stored)
        raise
    return line


def _receipts_tidy_keep_running() -> None:
    from coplan.payments.tasks import receipts_tidy_keep_running  # tasks imports this module

    receipts_tidy_keep_running()


def receipts_orphans_remove(*, now: datetime.datetime | None = None) -> list[str]:
    """Remove the receipt files no Receipt names that are older than receipts.ORPHAN_AFTER;
    their names."""
    removed = []
    for name in selectors.receipts_orphaned(now=now):
        receipts.receipt_remove(name)
        removed.append(name)
    return removed


def receipts_of_person_remove(*, person) -> int:
    """Remove every receipt of the person's claims (erasure): the rows now, the files from
    the private storage once that is saved. How many there were."""
    held = Receipt.objects.filter(line__claim__person=person)
    names = list(held.values_list("stored_name", flat=True))
    held.delete()
    for name in names:
        transaction.on_commit(lambda name=name: receipts.receipt_remove(name))
    return len(names)


def claim_line_remove(*, line: ClaimLine) -> None:
    _check_open(line.claim)
    if line.is_worked_out:
        raise PaymentError("Payment for the meeting itself is worked out for you")
    stored = getattr(line, "receipt", None)
    stored_name = stored.stored_name if stored else None
    with transaction.atomic():
        line.delete()
        _touch(line.claim)
    if stored_name:
        transaction.on_commit(lambda: receipts.receipt_remove(stored_name))


def claim_remove(*, claim: Claim) -> None:
    """Remove a claim that was never sent."""
    if claim.status != ClaimStatus.DRAFT:
        raise PaymentError("Only a claim that has not been sent can be removed")
    names = list(Receipt.objects.filter(line__claim=claim).values_list("stored_name", flat=True))
    with transaction.atomic():
        claim.delete()
    for name in names:
        transaction.on_commit(lambda name=name: receipts.receipt_remove(name))


# Steps ------------------------------------------------------------------------------


def _locked(claim: Claim) -> Claim:
    return (
        Claim.objects.select_for_update(of=("self",))
        .select_related("project", "person", "meeting")
        .get(pk=claim.pk)
    )


def _step(claim: Claim, *, before: tuple[str, ...], already: str, **changes) -> None:
    """Move the claim on only if it is still at one of the steps before (one UPDATE)."""
    changes.setdefault("updated_at", timezone.now())
    if not Claim.objects.filter(pk=claim.pk, status__in=before).update(**changes):
        raise PaymentError(already)


@transaction.atomic
def claim_submit(
    *, claim: Claim, submitted_by: AbstractBaseUser, today: datetime.date | None = None
) -> Claim:
    """Send the claim for approval. Its payment target counts from today."""
    today = today or timezone.localdate()
    claim = _locked(claim)
    _check_open(claim)
    choice = selectors.payment_choice(person=claim.person)
    if choice is None and claim.person.user_id != submitted_by.pk:
        raise PaymentError(
            f"Finance must record how {claim.person.full_name} wants to be paid before the "
            "claim is sent"
        )
    if choice is None:
        raise PaymentError("Say how you want to be paid before you send the claim")
    if choice.how == HowPaid.NOT_PAID:
        raise PaymentError(
            "You said you do not want to be paid. To claim, change how you want to be paid"
        )
    policy = _policy_for(claim)
    today_policy = selectors.policy_in_force(
        organisation_id=claim.project.organisation_id, on=today
    )
    if policy is None or today_policy is None:
        raise PaymentError("The organisation has not set its rates for paying people yet")
    claim_time_refresh(claim=claim, policy=policy)
    lines = selectors.claim_lines(claim=claim)
    if not lines:
        raise PaymentError("Add what you are claiming for first")
    missing = [
        line
        for line in lines
        if line.kind == LineKind.EXPENSE
        and line.category in policy.receipt_needed
        and getattr(line, "receipt", None) is None
    ]
    if missing:
        raise PaymentError(f"Add the receipt for {missing[0].what.lower()}")
    _step(
        claim,
        before=(ClaimStatus.DRAFT, ClaimStatus.RETURNED),
        already="This claim has already been sent",
        status=ClaimStatus.SUBMITTED,
        submitted_at=timezone.now(),
        submitted_by=submitted_by,
        pay_by=selectors.pay_by_for(submitted_on=today, policy=today_policy),
    )
    claim.refresh_from_db()
    telling.claim_sent(claim)
    return claim


@transaction.atomic
def claim_approve(
    *, claim: Claim, approved_by: AbstractBaseUser, total_seen_pence: int | None = None
) -> Claim:
    """Approve a sent claim. The payment for time is worked out once more, from the
    attendance and the policy in force on the day, and fixed with that policy."""
    claim = _locked(claim)
    if claim.person.user_id == approved_by.pk:
        raise PaymentError("You cannot approve your own claim")
    if claim.submitted_by_id == approved_by.pk:
        raise PaymentError("You sent this claim for them, so someone else must approve it")
    if claim.status != ClaimStatus.SUBMITTED:
        raise PaymentError(_already(claim))
    policy = _policy_for(claim)
    claim_time_refresh(claim=claim, policy=policy)
    total = selectors.claim_total(selectors.claim_lines(claim=claim))
    if total_seen_pence is not None and total != total_seen_pence:
        raise PaymentError(
            "The claim changed while you were looking at it. Check it again, then approve it"
        )
    _step(
        claim,
        before=(ClaimStatus.SUBMITTED,),
        already=_already(claim),
        status=ClaimStatus.APPROVED,
        approved_at=timezone.now(),
        approved_by=approved_by,
        policy=policy,
    )
    claim.refresh_from_db()
    _tell(claim, NoticeEvent.APPROVED)
    events.happened("claim.approved", project=claim.project, facts=_claim_facts(claim, total))
    return claim


def _claim_facts(claim: Claim, total_pence: int) -> dict:
    """What systems outside coplan hear about a claim: ids, amounts and dates, never who
    it is for or how they are paid (they look that up with the rights they have)."""
    return {
        "claim_id": claim.pk,
        "status": claim.status,
        "total_pence": total_pence,
        "activity_on": claim.activity_on.isoformat(),
        "meeting_id": claim.meeting_id,
        "approved_at": claim.approved_at.isoformat() if claim.approved_at else None,
        "paid_on": claim.paid_on.isoformat() if claim.paid_on else None,
        "payment_reference": claim.paid_reference,
    }


def _already(claim: Claim) -> str:
    return {
        ClaimStatus.APPROVED: "This claim has already been approved",
        ClaimStatus.PAID: "This claim has already been paid",
        ClaimStatus.RETURNED: "This claim has been sent back",
    }.get(claim.status, "This claim has not been sent yet")


@transaction.atomic
def claim_return(*, claim: Claim, returned_by: AbstractBaseUser, reason: str) -> Claim:
    """Send the claim back to the person to change, saying why in plain words."""
    claim = _locked(claim)
    if claim.person.user_id == returned_by.pk:
        raise PaymentError("You cannot decide about your own claim")
    if not reason.strip():
        raise PaymentError("Say what needs to change", field="reason")
    _step(
        claim,
        before=(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED),
        already=_already(claim),
        status=ClaimStatus.RETURNED,
        returned_reason=reason.strip(),
        returned_at=timezone.now(),
        returned_by=returned_by,
        approved_at=None,
        approved_by=None,
        policy=None,
        pay_by=None,
    )
    claim.refresh_from_db()
    telling.claim_news(claim, "returned")
    return claim


@transaction.atomic
def claim_mark_paid(
    *, claim: Claim, paid_by: AbstractBaseUser, paid_on: datetime.date, reference: str
) -> Claim:
    """Record that an approved claim has been paid: once, whoever clicks first."""
    claim = _locked(claim)
    if claim.person.user_id == paid_by.pk:
        raise PaymentError("You cannot mark your own claim paid")
    if claim.approved_by_id == paid_by.pk:
        raise PaymentError("You approved this claim, so someone else must mark it paid")
    _check_bank_details(claim.person)
    if not reference.strip():
        raise PaymentError("Enter the payment reference", field="reference")
    if paid_on > timezone.localdate():
        raise PaymentError("The date paid must be today or in the past", field="paid_on")
    approved_on = timezone.localdate(claim.approved_at) if claim.approved_at else None
    if approved_on and paid_on < approved_on:
        raise PaymentError(
            "The date paid must be the day the claim was approved or after: it was approved "
            f"on {formats.long_date(approved_on)}",
            field="paid_on",
        )
    _step(
        claim,
        before=(ClaimStatus.APPROVED,),
        already=_already(claim),
        status=ClaimStatus.PAID,
        paid_on=paid_on,
        paid_reference=reference.strip(),
        paid_by=paid_by,
        paid_recorded_at=timezone.now(),
    )
    claim.refresh_from_db()
    _tell(claim, NoticeEvent.PAID)
    total = selectors.claim_total(selectors.claim_lines(claim=claim))
    events.happened("claim.paid", project=claim.project, facts=_claim_facts(claim, total))
    return claim


def _check_bank_details(person: Person) -> None:
    """Two people for money: no payment by bank transfer to details that wait for a
    second person's confirmation (selectors.bank_details_waiting says why)."""
    choice = selectors.payment_choice(person=person)
    if choice is None or choice.how != HowPaid.BANK:
        return
    held = BankDetails.objects.select_for_update().filter(person=person).first()
    waiting = held and selectors.bank_details_waiting(details=held, person=person)
    if waiting:
        raise PaymentError(waiting)


@dataclass(frozen=True)
class BatchPaid:
    """What marking a batch paid did: the claims now paid, and each one that was not,
    with why (paid by someone else meanwhile, sent back, your own)."""

    paid: list[Claim]
    not_paid: list[tuple[Claim, str]]


def claims_mark_paid(
    *, claims: list[Claim], paid_by: AbstractBaseUser, paid_on: datetime.date, reference: str
) -> BatchPaid:
    """Mark several approved claims paid with one payment reference and date, from
    finance's queue. Each claim moves on its own, locked, exactly as `claim_mark_paid`
    moves one (and its person is told once): one already paid by someone else, even at
    the same moment, is not paid twice but said."""
    if not reference.strip():
        raise PaymentError("Enter the payment reference", field="reference")
    if paid_on > timezone.localdate():
        raise PaymentError("The date paid must be today or in the past", field="paid_on")
    paid, not_paid = [], []
    for claim in claims:
        try:
            paid.append(
                claim_mark_paid(claim=claim, paid_by=paid_by, paid_on=paid_on, reference=reference)
            )
        except PaymentError as error:
            not_paid.append((claim, error.message))
    return BatchPaid(paid, not_paid)


# Telling the person --------------------------------------------------------------------


def _email_for(person: Person) -> str:
    return person.email or (person.user.email if person.user_id else "")


def _tell(claim: Claim, event: str) -> ClaimNotice:
    """Tell the person, in the way they prefer (coplan.notifications sends it). If it
    cannot go by itself (they asked for a phone call, or for a text or letter and the
    organisation has no GOV.UK Notify account), a note waits for staff to tell them."""
    person = claim.person
    email = _email_for(person)
    method = {
        ContactMethod.PHONE: NoticeMethod.PHONE,
        ContactMethod.TEXT: NoticeMethod.TEXT,
        ContactMethod.POST: NoticeMethod.POST,
    }.get(person.contact_by, NoticeMethod.EMAIL if email else NoticeMethod.POST)
    if method == NoticeMethod.EMAIL and not email:
        method = NoticeMethod.POST
    goes_by_itself = reaches_without_staff(
        person=person, organisation_id=claim.project.organisation_id
    )
    notice, _ = ClaimNotice.objects.update_or_create(
        claim=claim,
        event=event,
        defaults={
            "method": method,
            "created_at": timezone.now(),
            "done_at": timezone.now() if goes_by_itself else None,
            "done_by": None,
        },
    )
    telling.claim_news(claim, event)
    return notice


def notice_done(*, notice: ClaimNotice, done_by: AbstractBaseUser) -> ClaimNotice:
    ClaimNotice.objects.filter(pk=notice.pk, done_at__isnull=True).update(
        done_at=timezone.now(), done_by=done_by
    )
    notice.refresh_from_db()
    return notice
