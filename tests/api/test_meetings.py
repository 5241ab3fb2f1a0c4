"""Meetings through the API: coming or past, as on the meetings page, and the calendar
addresses each member may use, as the pages give them."""

import datetime

import pytest
from django.utils import timezone

from coplan.projects.roles import Role
from tests.api.helpers import bearer, tokens_for
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db


def _member(role):
    membership = MembershipFactory(role=role)
    return membership, bearer(tokens_for({role: membership})[role])


def _meetings(client, membership, token, **query):
    response = client.get(f"/api/v1/projects/{membership.project_id}/meetings", query, **token)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def _invite(meeting, user):
    person = InvolvementFactory(project=meeting.project).person
    person.user = user
    person.save()
    return InvitedPersonFactory(meeting=meeting, person=person)


def test_meetings_to_come_or_past_ones_most_recent_first(client):
    membership, token = _member(Role.LEAD)
    today = timezone.localdate()
    for days in (-20, -3, 0, 5):
        MeetingFactory(
            project=membership.project,
            title=f"Day {days}",
            meets_on=today + datetime.timedelta(days=days),
        )

    upcoming = _meetings(client, membership, token, when="upcoming")
    past = _meetings(client, membership, token, when="past")
    everything = _meetings(client, membership, token)
    wrong = client.get(f"/api/v1/projects/{membership.project_id}/meetings?when=soon", **token)

    assert [each["title"] for each in upcoming] == ["Day 0", "Day 5"]
    assert [each["title"] for each in past] == ["Day -3", "Day -20"]
    assert [each["title"] for each in everything] == ["Day -20", "Day -3", "Day 0", "Day 5"]
    assert upcoming[0]["checks"] is not None
    assert past[0]["checks"] is None
    assert wrong.status_code == 422


def test_each_meeting_has_its_calendar_file_that_opens_when_signed_in(client):
    membership, token = _member(Role.FACILITATOR)
    meeting = MeetingFactory(project=membership.project, title="Planning day")

    [found] = _meetings(client, membership, token)
    client.force_login(membership.user)
    opened = client.get(found["calendar_file"])

    assert found["calendar_file"].endswith(
        f"/projects/{membership.project_id}/meetings/{meeting.pk}/calendar.ics"
    )
    assert opened.status_code == 200
    assert opened["Content-Type"].startswith("text/calendar")
    assert "SUMMARY:Planning day" in opened.content.decode()


def test_your_own_calendar_feed_only_on_the_meetings_you_are_invited_to(client):
    membership, token = _member(Role.CO_PRODUCER)
    invited_to = MeetingFactory(project=membership.project, title="Yours")
    MeetingFactory(project=membership.project, title="Not yours")
    _invite(invited_to, membership.user)
    InvitedPersonFactory(meeting=invited_to)  # someone else, with a feed of their own

    found = {each["title"]: each for each in _meetings(client, membership, token)}
    feed = client.get(found["Yours"]["your_calendar_feed"])  # works without signing in

    assert found["Not yours"]["your_calendar_feed"] is None
    assert feed.status_code == 200
    assert "SUMMARY:Yours" in feed.content.decode()
    assert "Not yours" not in feed.content.decode()


def test_nobody_gets_someone_elses_feed(client):
    lead, token = _member(Role.LEAD)
    meeting = MeetingFactory(project=lead.project)
    InvitedPersonFactory.create_batch(2, meeting=meeting)

    [found] = _meetings(client, lead, token)

    assert found["your_calendar_feed"] is None
    assert found["calendar_file"]
