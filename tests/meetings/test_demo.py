import pytest
from django.core.management import call_command

from coplan.meetings.models import InvitedPerson, Meeting, Venue
from coplan.projects.models import Membership
from coplan.projects.roles import Role

pytestmark = pytest.mark.django_db


def test_demo_has_a_venue_and_a_meeting_with_people_invited_once(client_for):
    call_command("demo_data")
    call_command("demo_data")

    meeting = Meeting.objects.get()
    lead = Membership.objects.get(project=meeting.project, role=Role.LEAD).user
    response = client_for(lead).get(f"/projects/{meeting.project_id}/meetings/{meeting.pk}/")

    assert Venue.objects.count() == 1
    assert InvitedPerson.objects.filter(meeting=meeting).count() == 4  # and the co-producer
    assert response.status_code == 200
    page = response.content.decode()
    assert "A hearing loop" in page
    assert "Ada Jones" in page
