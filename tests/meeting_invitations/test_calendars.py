"""Calendar files, read back with the real icalendar parser."""

import datetime

import icalendar
import pytest

from coplan.meeting_invitations import links
from coplan.meetings.models import Meeting
from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, MilestoneFactory
from tests.meeting_invitations.invitation_support import (
    LONDON,
    complete_meeting,
    invite_person,
    set_clock,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def _events(body: bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(body)
    return list(calendar.walk("VEVENT"))


def _meeting_ics(client, meeting):
    return client.get(f"/projects/{meeting.project_id}/meetings/{meeting.pk}/calendar.ics")


def _feed(client, person):
    return client.get(f"/calendar/{links.feed_token(person_id=person.pk)}.ics")


def test_meeting_calendar_file_is_valid_icalendar(client_for, meeting, lead):
    complete_meeting(meeting)

    response = _meeting_ics(client_for(lead), meeting)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="first-workshop.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    (event,) = _events(response.content)
    assert str(event["SUMMARY"]) == "First workshop"
    assert str(event["UID"]) == f"meeting-{meeting.pk}@127.0.0.1"
    assert event.decoded("DTSTART") == datetime.datetime(2027, 3, 1, 10, tzinfo=LONDON)
    assert event.decoded("DTEND") == datetime.datetime(2027, 3, 1, 13, tzinfo=LONDON)
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert "Banbury Community Centre" in str(event["LOCATION"])
    assert str(event["STATUS"]) == "CONFIRMED"
    assert int(event["SEQUENCE"]) >= 0
    assert event.decoded("DTSTAMP").tzinfo is not None


def test_a_meeting_on_the_night_the_clocks_go_back_is_at_the_right_time(client_for, meeting, lead):
    # Sunday 31 October 2027, the last Sunday of October: clocks go back at 2am BST.
    meeting.meets_on = datetime.date(2027, 10, 31)
    meeting.starts_at = datetime.time(0, 30)
    meeting.length_minutes = 180
    meeting.save()

    (event,) = _events(_meeting_ics(client_for(lead), meeting).content)

    starts, ends = event.decoded("DTSTART"), event.decoded("DTEND")
    assert starts.astimezone(UTC) == datetime.datetime(2027, 10, 30, 23, 30, tzinfo=UTC)
    assert ends.astimezone(UTC) == datetime.datetime(2027, 10, 31, 2, 30, tzinfo=UTC)
    assert ends.astimezone(UTC) - starts.astimezone(UTC) == datetime.timedelta(hours=3)
    assert (starts.utcoffset(), ends.utcoffset()) == (
        datetime.timedelta(hours=1),
        datetime.timedelta(0),
    )


@pytest.mark.parametrize(
    ("day", "offset_hours"),
    [
        (datetime.date(2027, 10, 30), 1),  # Saturday: still British Summer Time
        (datetime.date(2027, 10, 31), 0),  # the last Sunday of October, 10am: GMT
        (datetime.date(2027, 3, 28), 1),  # the last Sunday of March, 10am: BST
    ],
)
def test_the_zone_rules_in_the_file_give_the_right_offset(
    client_for, meeting, lead, day, offset_hours
):
    meeting.meets_on = day
    meeting.save()

    body = _meeting_ics(client_for(lead), meeting).content
    (event,) = _events(body)

    starts = event.decoded("DTSTART")
    assert starts.utcoffset() == datetime.timedelta(hours=offset_hours)
    zone = icalendar.Calendar.from_ical(body).walk("VTIMEZONE")[0]
    rules = {
        str(part["TZNAME"]): str(part["RRULE"].to_ical(), "ascii") for part in zone.subcomponents
    }
    assert rules == {
        "BST": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "GMT": "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    }
    # the zone in the file, not only Python's, puts the start at the right moment
    assert zone.to_tz().utcoffset(
        datetime.datetime.combine(day, datetime.time(10))
    ) == datetime.timedelta(hours=offset_hours)


def test_feed_lists_only_that_persons_meetings(client, meeting, project):
    other_meeting = Meeting.objects.create(
        project=project,
        title="Someone else's meeting",
        format="online",
        meets_on=datetime.date(2027, 3, 8),
        starts_at=datetime.time(14),
        length_minutes=60,
    )
    mine = invite_person(meeting)
    invite_person(other_meeting)

    response = _feed(client, mine.person)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Content-Disposition" not in response
    assert [str(event["SUMMARY"]) for event in _events(response.content)] == ["First workshop"]


def test_feed_keeps_uids_and_a_change_raises_the_sequence(client, meeting, monkeypatch):
    invited = invite_person(meeting)
    (before,) = _events(_feed(client, invited.person).content)
    set_clock(monkeypatch, datetime.datetime(2027, 1, 20, 9, tzinfo=LONDON))
    meeting.starts_at = datetime.time(11)
    meeting.updated_at = datetime.datetime(2027, 1, 20, 9, tzinfo=LONDON)
    meeting.save()

    (after,) = _events(_feed(client, invited.person).content)

    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTART").hour == 11
    assert after.decoded("DTSTAMP") == datetime.datetime(2027, 1, 20, 9, tzinfo=UTC)


def test_not_coming_shows_as_cancelled_in_the_persons_feed(client, meeting):
    invited = invite_person(meeting)
    invited.reply = "not_coming"
    invited.save()

    (event,) = _events(_feed(client, invited.person).content)

    assert str(event["STATUS"]) == "CANCELLED"


def test_a_meeting_taken_off_a_persons_list_leaves_their_feed(client, meeting):
    invited = invite_person(meeting)
    person = invited.person
    invited.delete()

    response = _feed(client, person)

    assert _events(response.content) == []
    assert icalendar.Calendar.from_ical(response.content)["X-WR-CALNAME"] == "Your meetings"


def test_feed_has_no_access_needs_or_other_people(client, meeting):
    complete_meeting(meeting)
    MilestoneFactory(project=meeting.project)
    mine = invite_person(meeting, full_name="Sam Patel")
    invite_person(meeting, full_name="Jo Other")

    body = _feed(client, mine.person).content.decode()

    assert "Jo Other" not in body
    assert "Sam Patel" not in body


@pytest.mark.parametrize("token", ["nonsense", "1:abc", "x" * 300])
def test_a_wrong_feed_link_is_a_plain_page(client, token):
    response = client.get(f"/calendar/{token}.ics")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_feed_for_an_erased_person_stops(client, meeting):
    invited = invite_person(meeting)
    Person.objects.filter(pk=invited.person_id).update(
        erased_at=datetime.datetime(2027, 1, 1, tzinfo=UTC)
    )

    assert _feed(client, invited.person).status_code == 404


def test_the_reply_page_calendar_is_that_one_meeting_with_the_reply_link(client, meeting):
    invited = invite_person(meeting)

    response = client.get(f"/meeting-reply/{links.reply_token(invited_id=invited.pk)}/calendar.ics")

    (event,) = _events(response.content)
    assert "/meeting-reply/" in str(event["URL"])


@pytest.mark.parametrize("role", list(Role))
def test_everyone_in_the_project_can_download_the_meeting_file(client_for, meeting, role):
    member = MembershipFactory(project=meeting.project, role=role).user

    assert _meeting_ics(client_for(member), meeting).status_code == 200
