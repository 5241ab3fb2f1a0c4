"""What meetings tell people, and when (coplan.notifications)."""

from coplan.core import formats
from coplan.meeting_invitations import links
from coplan.meetings.models import InvitedPerson, Reply
from coplan.notifications.kinds import Kind
from coplan.notifications.services import tell

REPLY_CONFIRMED = Kind(
    code="meetings.reply_confirmed",
    label="We have your reply to an invitation",
    subject="We have your reply: {meeting}",
    body="Thank you. You told us you are {reply}, for {meeting} on {day}. If this changes, "
    "or your needs change, use the link to tell us.",
    easy_read_subject="We have your reply: {meeting}",
    easy_read_body="Thank you for your reply.\nThe meeting is called {meeting}.\n"
    "It is on {day}.\nYou told us you are {reply}.\nTell us if this changes.\n"
    "Tell us if you need something new.",
)
KINDS = (REPLY_CONFIRMED,)

_REPLY_WORDS = {
    Reply.IN_PERSON: "coming in person",
    Reply.ONLINE: "coming online",
    Reply.NOT_COMING: "not coming",
}


def reply_confirmed(invited: InvitedPerson) -> None:
    """Confirm a person's reply to them, each time it changes."""
    if invited.reply not in _REPLY_WORDS or invited.replied_at is None:
        return
    meeting = invited.meeting
    tell(
        kind=REPLY_CONFIRMED.code,
        event=f"reply-{invited.pk}-{invited.reply}-{invited.replied_at:%Y%m%d%H%M%S%f}",
        project=meeting.project,
        people=[invited.person],
        link=links.reply_link(invited_id=invited.pk),
        words={
            "reply": _REPLY_WORDS[invited.reply],
            "meeting": meeting.title,
            "day": formats.long_date(meeting.meets_on),
        },
    )
