"""Shared set-up for the invitation, reply, reminder, calendar and attendance tests."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from coplan.meeting_invitations import services as invitation_services
from coplan.meetings.models import Meeting
from coplan.people.models import Involvement
from tests.factories import InvitedPersonFactory, InvolvementFactory, MilestoneFactory, VenueFactory

LONDON = ZoneInfo("Europe/London")
# Well before the meetings in the factories and fixtures (1 March 2027).
NOW = datetime.datetime(2027, 1, 10, 11, 0, tzinfo=LONDON)


class Clock:
    """The time as the code under test sees it (django.utils.timezone.now)."""

    def __init__(self, monkeypatch, at: datetime.datetime) -> None:
        self.at = at
        monkeypatch.setattr(timezone, "now", lambda: self.at.astimezone(datetime.UTC))

    def set(self, at: datetime.datetime) -> None:
        self.at = at


def set_clock(monkeypatch, at: datetime.datetime = NOW) -> Clock:
    return Clock(monkeypatch, at)


def complete_meeting(meeting: Meeting) -> Meeting:
    """Give a meeting everything an invitation needs from the plan."""
    meeting.venue = VenueFactory(
        organisation=meeting.project.organisation,
        name=f"Banbury Community Centre {meeting.pk}",
        address="12 High Street\nBanbury\nOX16 1AA",
        how_to_get_there="Bus 4 stops outside.",
    )
    meeting.room = "Room 2"
    meeting.purpose = "Plan the new day service together."
    meeting.food = "provided"
    meeting.food_notes = "Lunch at 12:30."
    meeting.payment_on_the_day = "Bring your bus tickets; we pay you back on the day."
    meeting.save()
    MilestoneFactory(
        project=meeting.project, due_on=datetime.date(2027, 6, 1), title="Share what we found"
    )
    return meeting


FULL_WORDING = {
    "message": "We would love you to come.",
    "how_it_affects": "The day centre you go to may open on different days.",
    "getting_involved": "Come to this workshop, or tell us your views by phone.",
    "commitment": "Four workshops of three hours between March and June.",
    "training": "No training is needed. We explain everything on the day.",
    "payment": "We pay £20 an hour for your time, and travel costs.",
    "reply_by": datetime.date(2027, 2, 15),
}


def word_invitation(meeting: Meeting, by, **changes):
    return invitation_services.invitation_wording_save(
        meeting=meeting, changed_by=by, **{**FULL_WORDING, **changes}
    )


def invite_person(meeting: Meeting, **person_fields):
    """Invite a new participant of the meeting's project with these person fields; their
    role description is set unless `role_description` is given as ''."""
    role = person_fields.pop("role_description", "You bring what it is like to use the service.")
    training = person_fields.pop("training_needed", "")
    involvement = InvolvementFactory(
        project=meeting.project, role_description=role, training_needed=training
    )
    person = involvement.person
    for name, value in person_fields.items():
        setattr(person, name, value)
    person.save()
    return InvitedPersonFactory(meeting=meeting, person=person)


def involvement_of(invited) -> Involvement:
    return Involvement.objects.get(project=invited.meeting.project, person=invited.person)
