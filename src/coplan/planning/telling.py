"""What the sign-off register tells people, and when (coplan.notifications)."""

from django.urls import reverse

from coplan.core import formats
from coplan.notifications.kinds import Kind
from coplan.notifications.services import tell
from coplan.planning.models import SignOff, SignOffStatus, SignOffVersion

SIGN_OFF_WAITING = Kind(
    code="planning.sign_off_waiting",
    label="Something is waiting for you to sign it off",
    subject="Waiting for you to sign off: {what}",
    body="{project} needs you to sign off ‘{what}’ by {due}.",
)
SIGN_OFF_ASKED = Kind(
    code="planning.sign_off_asked",
    label="The lead asks you to sign off the plan",
    subject="Please sign off: {what}",
    body=(
        "{lead} asks you to sign off ‘{what}’ for {project}. Please read version {number}, "
        "as it was on {asked}. Then sign it off or ask for changes by {due}.{gaps}"
    ),
)
SIGN_OFF_DECIDED = Kind(
    code="planning.sign_off_decided",
    label="A manager signs off what you asked, or asks for changes",
    subject="{outcome}: {what}",
    body="{manager} {outcome_words} version {number} of ‘{what}’ for {project}.{reason}",
)
SIGN_OFF_WITHDRAWN = Kind(
    code="planning.sign_off_withdrawn",
    label="The lead no longer asks you to sign something off",
    subject="No longer waiting for you: {what}",
    body=(
        "{lead} no longer asks you to sign off version {number} of ‘{what}’ for {project}. "
        "You do not need to answer."
    ),
)
KINDS = (SIGN_OFF_WAITING, SIGN_OFF_ASKED, SIGN_OFF_DECIDED, SIGN_OFF_WITHDRAWN)


def _version_link(version: SignOffVersion) -> str:
    return reverse(
        "planning:sign_off_version",
        kwargs={"project_id": version.sign_off.project_id, "version_id": version.pk},
    )


def sign_off_waiting(sign_off: SignOff) -> None:
    """Tell the member who signs it off, when it is given to them."""
    if sign_off.signer_id is None or sign_off.status != SignOffStatus.WAITING:
        return
    project = sign_off.project
    tell(
        kind=SIGN_OFF_WAITING.code,
        event=f"sign-off-{sign_off.pk}-signer-{sign_off.signer_id}",
        project=project,
        users=[sign_off.signer.user],
        link=reverse("planning:sign_offs", kwargs={"project_id": project.pk}),
        words={
            "what": sign_off.what,
            "project": project.name,
            "due": formats.long_date(sign_off.due_on),
        },
    )


def sign_off_asked(version: SignOffVersion) -> None:
    """Tell the manager asked that a version waits for them to read and sign off."""
    if version.asked_of is None:
        return
    sign_off = version.sign_off
    project = sign_off.project
    gaps = " The plan is not finished: " + "; ".join(version.gaps) + "." if version.gaps else ""
    tell(
        kind=SIGN_OFF_ASKED.code,
        event=f"sign-off-version-{version.pk}-asked",
        project=project,
        users=[version.asked_of.user],
        not_to=version.asked_by,
        link=_version_link(version),
        words={
            "what": sign_off.what,
            "project": project.name,
            "due": formats.long_date(sign_off.due_on),
            "lead": version.asked_by_name,
            "number": version.number,
            "asked": formats.long_date(version.asked_at),
            "gaps": gaps,
        },
    )


def sign_off_decided(version: SignOffVersion) -> None:
    """Tell the lead who asked that the manager signed it off, or asked for changes."""
    approved = version.decision == "approved"
    sign_off = version.sign_off
    tell(
        kind=SIGN_OFF_DECIDED.code,
        event=f"sign-off-version-{version.pk}-decided",
        project=sign_off.project,
        users=[version.asked_by],
        not_to=version.decided_by,
        link=_version_link(version),
        words={
            "what": sign_off.what,
            "project": sign_off.project.name,
            "manager": version.decided_by_name,
            "number": version.number,
            "outcome": "Signed off" if approved else "Changes asked for",
            "outcome_words": "signed off" if approved else "asked for changes to",
            "reason": "" if approved else f" What needs to change: {version.reason}",
        },
    )


def sign_off_withdrawn(version: SignOffVersion) -> None:
    """Tell the manager asked that the request no longer waits for them."""
    if version.asked_of is None:
        return
    sign_off = version.sign_off
    tell(
        kind=SIGN_OFF_WITHDRAWN.code,
        event=f"sign-off-version-{version.pk}-withdrawn",
        project=sign_off.project,
        users=[version.asked_of.user],
        not_to=version.decided_by,
        link=_version_link(version),
        words={
            "what": sign_off.what,
            "project": sign_off.project.name,
            "lead": version.decided_by_name,
            "number": version.number,
        },
    )
