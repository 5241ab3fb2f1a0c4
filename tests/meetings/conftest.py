import datetime

import pytest

from coplan.meetings import services
from coplan.people import services as people_services
from coplan.people.needs import AccessNeeds
from coplan.projects.roles import Role
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MembershipFactory,
    StaffMembershipFactory,
    VenueFactory,
)

# The clock for page tests: well before the meetings in the factories (1 March 2027).
TODAY = datetime.date(2027, 1, 10)


def needs(**chosen) -> AccessNeeds:
    notes = chosen.pop("notes", {})
    days = chosen.pop("reminder_days_before", None)
    return AccessNeeds.from_answers(chosen=chosen, notes=notes, reminder_days_before=days)


def give_needs(person, found: AccessNeeds):
    return people_services.person_set_needs(person=person, needs=found, actor=None, where="test")


@pytest.fixture
def lead_membership(project):
    membership = MembershipFactory(project=project, role=Role.LEAD)
    StaffMembershipFactory(organisation=project.organisation, user=membership.user)
    return membership


@pytest.fixture
def lead(lead_membership):
    return lead_membership.user


@pytest.fixture
def venue(project):
    return VenueFactory(organisation=project.organisation, name="Banbury Community Centre")


@pytest.fixture
def meeting(project, lead):
    return services.meeting_create(
        project=project,
        created_by=lead,
        title="First workshop",
        format="in_person",
        meets_on=datetime.date(2027, 3, 1),
        starts_at=datetime.time(10, 0),
        length_minutes=180,
    )


@pytest.fixture
def invite():
    """Invite a new participant of the meeting's project, with these needs."""

    def make(meeting, found: AccessNeeds | None = None, **fields):
        person = InvolvementFactory(project=meeting.project).person
        if "full_name" in fields:
            person.full_name = fields.pop("full_name")
            person.save()
        if "formats" in fields:
            person.formats = fields.pop("formats")
            person.save()
        if found is not None:
            give_needs(person, found)
        return InvitedPersonFactory(meeting=meeting, person=person, **fields)

    return make


@pytest.fixture
def fixed_today(monkeypatch):
    """Pages see TODAY as today's date."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY
