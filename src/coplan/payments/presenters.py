"""Words and tags for claims, as people see them."""

from coplan.payments.choices import ClaimStatus

STATUS_TAGS = {
    ClaimStatus.DRAFT: "govuk-tag--grey",
    ClaimStatus.SUBMITTED: "govuk-tag--blue",
    ClaimStatus.RETURNED: "govuk-tag--orange",
    ClaimStatus.APPROVED: "govuk-tag--turquoise",
    ClaimStatus.PAID: "govuk-tag--green",
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


def status_tag(status: str) -> dict:
    return {"text": ClaimStatus(status).label, "classes": STATUS_TAGS[status]}
