"""The demo workshop's invitation wording, so `make run` shows an invitation that says
everything the guide lists, and the demo co-producer invited to it with no reply yet, so
their home shows "Your next meetings" with "are you coming?". Nothing is sent: the lead
sends it from the invitation page. Loaded once."""

from coplan.meeting_invitations.models import InvitationWording
from coplan.meetings.demo import DEMO_MEETING
from coplan.meetings.models import Meeting
from coplan.meetings.services import invited_people_add
from coplan.people.services import person_for_member_get_or_create
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

DEMO_WORDING = {
    "message": "We would really like you to come and help us plan.",
    "how_it_affects": (
        "The day service you use, or care about, may change: when it opens, where it is "
        "and what happens there."
    ),
    "getting_involved": "Come to this workshop. If you cannot come, tell us your views by phone.",
    "commitment": "Four workshops of three hours between now and the summer, and some reading.",
    "training": "No training is needed. We explain everything on the day.",
    "payment": "We pay £15 an hour for your time, and we pay back travel and care costs.",
}


def invitations_demo_load(*, project: Project) -> None:
    meeting = Meeting.objects.filter(project=project, title=DEMO_MEETING).first()
    if meeting is None:
        return
    InvitationWording.objects.get_or_create(meeting=meeting, defaults=DEMO_WORDING)
    co_producer = (
        Membership.objects.filter(project=project, role=Role.CO_PRODUCER)
        .select_related("project", "user")
        .first()
    )
    lead = Membership.objects.filter(project=project, role=Role.LEAD).select_related("user").first()
    if co_producer is not None:
        person = person_for_member_get_or_create(membership=co_producer)
        invited_people_add(meeting=meeting, people=[person], added_by=lead.user if lead else None)
