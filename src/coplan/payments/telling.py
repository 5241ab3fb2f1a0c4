"""What paying people tells people, and when (coplan.notifications).

Registered when the app starts (apps.py). Each function is called by one service in
services.py, right after the write that starts something waiting for someone.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.urls import reverse
from django.utils import timezone

from coplan.core import formats
from coplan.core.numbers import money_words
from coplan.notifications.kinds import MONEY, SECURITY, Kind
from coplan.notifications.services import tell, updates_done
from coplan.payments import selectors
from coplan.payments.models import BankDetails, Claim
from coplan.payments.rules import APPROVERS
from coplan.people.models import Person
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

CLAIM_SENT = Kind(
    code="payments.claim_sent",
    label="A claim is waiting for you to approve it",
    subject="A claim is waiting for you: {what}",
    body="{person} sent a claim for {what} in {project}, for {amount}. Please check it, then "
    "approve it or send it back.",
)
CLAIM_APPROVED = Kind(
    code="payments.claim_approved",
    label="We approve your claim",
    subject="We have approved your claim for {what}",
    body="We have approved your claim for {what} in {project}, for {amount}. We will pay you{by}.",
    always=MONEY,
    easy_read_subject="We said yes to your claim for {what}",
    easy_read_body="We said yes to your claim.\nThe claim is for {what}.\n"
    "The project is {project}.\nThe money is {amount}.\nWe will pay you {pay_when}.",
)
CLAIM_RETURNED = Kind(
    code="payments.claim_returned",
    label="We send back your claim to change",
    subject="Your claim for {what} needs a change",
    body="We have sent back your claim for {what} in {project}. What needs to change: "
    "{reason} Please change your claim, then send it again.",
    always=MONEY,
    # The reason is the approver's words, shown as they wrote them, on their own line.
    easy_read_subject="Your claim for {what} needs a change",
    easy_read_body="We sent your claim back to you.\nThe claim is for {what}.\n"
    "The project is {project}.\nWe need you to change your claim.\nWhat needs to change:\n"
    "{reason}\nPlease change your claim.\nThen send it again.",
)
CLAIM_PAID = Kind(
    code="payments.claim_paid",
    label="We pay your claim",
    subject="We have paid your claim for {what}",
    body="We paid your claim for {what} in {project} on {paid_on}, {amount}. The payment "
    "reference is {reference}.",
    always=MONEY,
    easy_read_subject="We have paid your claim for {what}",
    easy_read_body="We have paid your claim.\nThe claim is for {what}.\n"
    "The project is {project}.\nWe paid you {amount}.\nWe paid you on {paid_day}.\n"
    "The payment has a reference.\nThe reference is {reference}.",
)
BANK_DETAILS_CHANGED = Kind(
    code="payments.bank_details_changed",
    label="Someone changes your bank details",
    subject="Your bank details have changed",
    body="{who} {change} the bank details {organisation} holds for you, on {when}. If this "
    "was not you or someone you asked, tell {organisation} straight away.",
    always=SECURITY,
    easy_read_subject="Your bank details have changed",
    easy_read_body="{who} {change} your bank details at {organisation}.\n"
    "This was on {changed_when}.\nDid someone do this without asking you?\n"
    "Tell {organisation} straight away.",
)
BANK_DETAILS_TO_CONFIRM = Kind(
    code="payments.bank_details_to_confirm",
    label="Bank details wait for you to confirm them",
    subject="Bank details to confirm for {person}",
    body="{who} entered new bank details for {person} in {project} on {when}. No payment can "
    "use them until another finance member checks them with {person} and confirms them.",
)
KINDS = (
    CLAIM_SENT,
    CLAIM_APPROVED,
    CLAIM_RETURNED,
    CLAIM_PAID,
    BANK_DETAILS_CHANGED,
    BANK_DETAILS_TO_CONFIRM,
)


def _claim_link(claim: Claim) -> str:
    return reverse("payments:claim", kwargs={"project_id": claim.project_id, "claim_id": claim.pk})


def _amount(claim: Claim) -> str:
    return money_words(selectors.claim_total(selectors.claim_lines(claim=claim)))


def claim_sent(claim: Claim) -> None:
    """Tell the people who may approve it: leads and finance, but never the person whose
    claim it is nor whoever sent it for them."""
    approvers = (
        Membership.objects.filter(project_id=claim.project_id, role__in=APPROVERS)
        .exclude(user_id__in=[claim.person.user_id, claim.submitted_by_id])
        .select_related("user")
    )
    tell(
        kind=CLAIM_SENT.code,
        event=f"claim-{claim.pk}-sent-{claim.submitted_at:%Y%m%d%H%M%S%f}",  # see claim_news
        project=claim.project,
        users=[membership.user for membership in approvers],
        link=_claim_link(claim),
        words={
            "person": claim.person.full_name,
            "what": claim.what,
            "project": claim.project.name,
            "amount": _amount(claim),
        },
    )


def claim_news(claim: Claim, event: str) -> None:
    """Tell the person whose claim it is that it was approved, sent back or paid; the
    approvers' "a claim is waiting for you" is no longer new."""
    updates_done(kind=CLAIM_SENT.code, event_prefix=f"claim-{claim.pk}-sent-")
    if event == "approved":
        kind, at = CLAIM_APPROVED, claim.approved_at
        words = {
            "by": f" by {formats.long_date(claim.pay_by)}" if claim.pay_by else " soon",
            "pay_when": f"by {formats.day_and_date(claim.pay_by)}" if claim.pay_by else "soon",
        }
    elif event == "returned":
        kind, at = CLAIM_RETURNED, claim.returned_at
        words = {"reason": claim.returned_reason}
    else:
        kind, at = CLAIM_PAID, claim.paid_recorded_at
        words = {
            "paid_on": formats.long_date(claim.paid_on),
            "paid_day": formats.day_and_date(claim.paid_on),
            "reference": claim.paid_reference,
        }
    tell(
        kind=kind.code,
        event=f"claim-{claim.pk}-{event}-{at:%Y%m%d%H%M%S%f}",
        project=claim.project,
        people=[claim.person],
        link=_claim_link(claim),
        words={
            "what": claim.what,
            "project": claim.project.name,
            "amount": _amount(claim),
            **words,
        },
    )


def bank_details_changed(
    *, person: Person, actor: AbstractBaseUser, project: Project | None, removed: bool
) -> None:
    """Tell the person whose bank details they are, always, whoever changed them."""
    now = timezone.now()
    link = (
        reverse("payments:bank_details", kwargs={"project_id": project.pk})
        if project is not None
        else reverse("projects:list")
    )
    tell(
        kind=BANK_DETAILS_CHANGED.code,
        event=f"bank-details-{person.pk}-{now:%Y%m%d%H%M%S%f}",
        organisation=person.organisation,
        project=project,
        people=[person],
        link=link,
        words={
            "who": "You" if actor.pk == person.user_id else actor.full_name,
            "change": "removed" if removed else "changed",
            "organisation": person.organisation.name,
            "when": formats.date_time(now),
            "changed_when": f"{timezone.localtime(now):%A} {formats.date_time(now)}",
        },
    )


def bank_details_to_confirm(*, details: BankDetails, person: Person, project: Project) -> None:
    """Tell the project's other finance members that bank details wait for a second person."""
    finance = Membership.objects.filter(project=project, role=Role.FINANCE).select_related("user")
    tell(
        kind=BANK_DETAILS_TO_CONFIRM.code,
        event=f"bank-details-to-confirm-{details.pk}-{details.updated_at:%Y%m%d%H%M%S%f}",
        project=project,
        users=[member.user for member in finance if member.user_id != person.user_id],
        not_to=details.updated_by,
        link=reverse(
            "payments:person_payment", kwargs={"project_id": project.pk, "person_id": person.pk}
        ),
        words={
            "who": details.updated_by.full_name if details.updated_by else "Someone",
            "person": person.full_name,
            "project": project.name,
            "when": formats.date_time(details.updated_at),
        },
    )
