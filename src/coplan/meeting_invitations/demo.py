"""The demo workshop's invitation wording, so `make run` shows an invitation that says
everything the guide lists. Nothing is sent: the lead sends it from the invitation page.
Loaded once."""

from coplan.meeting_invitations.models import InvitationWording
from coplan.meetings.demo import DEMO_MEETING
from coplan.meetings.models import Meeting
from coplan.projects.models import Project

DEMO_WORDING = {
    "message": "We would really like you to come and help us plan.",
    "how_it_affects": (
        "The day service you use, or care about, may change: when it opens, where it is "
        "and what happens there."
    ),
    "getting_involved": "Come to this workshop. If you cannot come, tell us your views by phone.",
    "commitment": "Four workshops of three hours between now and the summer, and some reading.",
    "training": "No training is needed. We explain everything on the day.",
    "payment": "We pay £20 an hour for your time, and we pay back travel and care costs.",
}


def invitations_demo_load(*, project: Project) -> None:
    meeting = Meeting.objects.filter(project=project, title=DEMO_MEETING).first()
    if meeting is None:
        return
    InvitationWording.objects.get_or_create(meeting=meeting, defaults=DEMO_WORDING)
