"""What feedback tells people, and when (coplan.notifications)."""

from coplan.core import formats
from coplan.feedback.models import FeedbackForm, HowAnswered
from coplan.meetings.models import Attendance, InvitedPerson
from coplan.notifications.kinds import Kind
from coplan.notifications.services import tell

FORM_OPEN = Kind(
    code="feedback.form_open",
    label="A new feedback form for a meeting you came to",
    subject="Tell us what you think: {meeting}",
    body="Thank you for coming to {meeting} on {day}. Please tell us what you think: the "
    "form ‘{title}’ is open now.",
    easy_read_subject="Tell us what you think: {meeting}",
    easy_read_body="Thank you for coming to the meeting.\nThe meeting was called {meeting}.\n"
    "It was on {day}.\nPlease tell us what you think.\nYou can fill in a form.",
)
KINDS = (FORM_OPEN,)


def form_open(form: FeedbackForm) -> None:
    """Tell the people who came to the form's meeting. Forms where each person gets their
    own one-time link are sent from the form's page instead (the link is theirs alone)."""
    from coplan.feedback.services import feedback_link  # services imports this module

    if form.meeting_id is None or not form.is_open or form.how_answered == HowAnswered.ONE_TIME:
        return
    came = InvitedPerson.objects.filter(
        meeting_id=form.meeting_id, attendance=Attendance.CAME
    ).select_related("person")
    meeting = form.meeting
    tell(
        kind=FORM_OPEN.code,
        event=f"feedback-form-{form.pk}-open",
        project=form.project,
        people=[invited.person for invited in came],
        not_to=form.created_by,
        link=feedback_link(form.token),
        words={
            "meeting": meeting.title,
            "day": formats.long_date(meeting.meets_on),
            "title": form.title,
        },
    )
