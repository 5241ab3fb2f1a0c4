"""Words and tags for claims, as people see them."""

from coplan.core.presenters import Tag
from coplan.payments.choices import ClaimStatus

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
