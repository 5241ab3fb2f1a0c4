"""Words and tags for claims, as people see them."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from coplan.core.formats import long_date
from coplan.core.numbers import money_words
from coplan.core.presenters import Tag
from coplan.payments import selectors
from coplan.payments.choices import ClaimStatus
from coplan.payments.models import Claim

if TYPE_CHECKING:
    from coplan.payments.services import BatchPaid

STATUS_COLOURS = {
    ClaimStatus.DRAFT: "grey",
    ClaimStatus.SUBMITTED: "blue",
    ClaimStatus.RETURNED: "orange",
    ClaimStatus.APPROVED: "turquoise",
    ClaimStatus.PAID: "green",
}

# What happens next, in plain words, for the person who claimed.
NEXT_STEP = {
    ClaimStatus.DRAFT: "Add what you are claiming for, then send the claim.",
    ClaimStatus.SUBMITTED: "Your claim has been sent. Someone will check it and approve it.",
    ClaimStatus.RETURNED: (
        "Your claim has been sent back. Change what is needed, then send it again."
    ),
    ClaimStatus.APPROVED: "Your claim has been approved. Finance will pay it.",
    ClaimStatus.PAID: "Your claim has been paid.",
}


def status_tag(status: str) -> Tag:
    """Where a claim is up to, as a tag (`core/macros.html` `tag`)."""
    return Tag(ClaimStatus(status).label, STATUS_COLOURS[status])


# What to do next, in a few words, beside each claim in its claimant's own list.
NEXT_STEP_SHORT = {
    ClaimStatus.DRAFT: "Not sent yet: finish it and send it.",
    ClaimStatus.SUBMITTED: "Sent: we will check it and approve it.",
    ClaimStatus.RETURNED: "Sent back: change what we asked and send it again.",
    ClaimStatus.APPROVED: "Approved: finance will pay it.",
}


@dataclass(frozen=True)
class OwnClaim:
    """One of someone's own claims as their own list shows it (their home, "Paying people")."""

    claim: Claim
    total: str
    tag: Tag
    next_step: str
    reason: str  # why it was sent back, if it was


def own_claim(claim: Claim) -> OwnClaim:
    """A claim with a `total_pence` (selectors), for its claimant's own list."""
    if claim.status == ClaimStatus.PAID:
        next_step = f"Paid on {long_date(claim.paid_on)}."
    else:
        next_step = NEXT_STEP_SHORT[claim.status]
    return OwnClaim(
        claim=claim,
        total=money_words(claim.total_pence),
        tag=status_tag(claim.status),
        next_step=next_step,
        reason=claim.returned_reason if claim.status == ClaimStatus.RETURNED else "",
    )


def waited_words(claim, *, today: datetime.date) -> str:
    """How long a claim has waited since it was sent, in plain words."""
    if claim.submitted_at is None:
        return ""
    days = (today - timezone.localdate(claim.submitted_at)).days
    if days <= 0:
        return "sent today"
    if days == 1:
        return "sent yesterday"
    return f"sent {days} days ago"


def due_words(claim, *, today: datetime.date) -> tuple[str, bool]:
    """When the claim should be paid by, and whether that has passed."""
    if claim.pay_by is None:
        return "", False
    if claim.pay_by < today:
        return f"Late: it was due by {long_date(claim.pay_by)}", True
    return f"Pay by {long_date(claim.pay_by)}", False


def waiting_panel(membership) -> dict:
    """Finance's part of their home in a project, and the top of "Paying people": the
    claims waiting for them here, with the way to the organisation's queue."""
    today = timezone.localdate()
    waiting, claims = selectors.project_waiting(project=membership.project, today=today)
    return {
        "waiting": waiting,
        "claims": claims,
        "today": today,
        "project_id": membership.project_id,
        "organisation_id": membership.project.organisation_id,
        "organisation_name": membership.project.organisation.name,
        "pence": money_words,
        "due_words": due_words,
        "waited_words": waited_words,
    }


NO_LONGER_WAITING = "no longer waiting to be paid"


def batch_paid_words(done: "BatchPaid", reference: str, *, gone: int) -> list[tuple[bool, str]]:
    """What marking a batch paid did, as finance's queue says it (each with whether it is
    good news): the claims paid, each one not paid and why, and how many ticked were no
    longer waiting (sent back or paid meanwhile, or never in the queue)."""
    said = []
    if done.paid:
        count = len(done.paid)
        claims = f"{count} claim is" if count == 1 else f"{count} claims are"
        said.append((True, f"{claims} marked paid with the reference {reference.strip()}."))
    for claim, why in done.not_paid:
        said.append((False, f"{claim.person.full_name}: {why}."))
    if gone > 0:
        claims = "1 claim you chose was" if gone == 1 else f"{gone} claims you chose were"
        said.append((False, f"{claims} not marked paid: {NO_LONGER_WAITING}."))
    return said
