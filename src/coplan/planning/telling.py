"""What the sign-off register tells people, and when (coplan.notifications)."""

from django.urls import reverse

from coplan.core import formats
from coplan.notifications.kinds import Kind
from coplan.notifications.services import tell
from coplan.planning.models import SignOff, SignOffStatus

SIGN_OFF_WAITING = Kind(
    code="planning.sign_off_waiting",
    label="Something is waiting for you to sign it off",
    subject="Waiting for you to sign off: {what}",
    body="{project} needs you to sign off ‘{what}’ by {due}.",
)
KINDS = (SIGN_OFF_WAITING,)


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
        link=reverse(
            "planning:sign_off_sign",
            kwargs={"project_id": project.pk, "sign_off_id": sign_off.pk},
        ),
        words={
            "what": sign_off.what,
            "project": project.name,
            "due": formats.long_date(sign_off.due_on),
        },
    )
