"""A meeting reminder to someone who asked for Easy Read papers is in Easy Read: one
idea a line, the date written out, where as one block, a short link, words that pass the
Easy Read check. Sent over SMTP to the tests' real mail server."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

from coplan import language
from coplan.meeting_invitations import services as invitation_services
from coplan.meeting_invitations.models import InvitationSent
from coplan.meetings.models import Reply
from tests.meeting_invitations.invitation_support import (
    LONDON,
    complete_meeting,
    invite_person,
    set_clock,
)
from tests.notifications.conftest import smtp_server  # noqa: F401 - the real SMTP server

pytestmark = pytest.mark.django_db

DAY_BEFORE_REMINDERS = datetime.datetime(2027, 2, 27, 9, 0, tzinfo=LONDON)


def _body(server, address: str) -> str:
    """The message as the person reads it (SMTP ends each line with CR LF)."""
    return server.body_to(address).replace("\r\n", "\n")


def _sent_an_invitation(meeting, **person_fields):
    invited = invite_person(meeting, **person_fields)
    InvitationSent.objects.create(invited=invited, sent_by="email", format="standard")
    return invited


@pytest.fixture
def reminders_sent(meeting, monkeypatch, smtp_server):  # noqa: F811 - the fixture above
    complete_meeting(meeting)
    meeting.title = "Bus planning day"  # the lead's words: checked when they are typed
    meeting.save()
    easy = _sent_an_invitation(
        meeting, full_name="Jo Easy", email="jo@example.org", formats=["easy_read"]
    )
    _sent_an_invitation(meeting, full_name="Sam Usual", email="sam@example.org", formats=[])
    set_clock(monkeypatch, DAY_BEFORE_REMINDERS)

    assert invitation_services.reminders_send_due() == 2
    return easy, smtp_server


def test_someone_who_asked_for_easy_read_gets_the_reminder_in_easy_read(reminders_sent, meeting):
    _, server = reminders_sent

    body = _body(server, "jo@example.org")

    assert server.to("jo@example.org") == ["Reminder: Bus planning day on Monday 1 March 2027"]
    assert body.splitlines()[:7] == [
        "Hello Jo Easy.",
        "",
        "Your meeting is soon.",
        "The meeting is called Bus planning day.",
        "The meeting is on Monday 1 March 2027.",
        "It starts at 10am.",
        "",
    ]
    assert f"Where:\n{meeting.venue.name}, Room 2\n12 High Street\nBanbury\nOX16 1AA\n" in body
    assert (
        "Please tell us if you are coming.\nTell us if you cannot come.\n"
        "Tell us if you need something new.\nUse this link:\n"
    ) in body


def test_the_easy_read_reminder_passes_the_easy_read_check(reminders_sent):
    _, server = reminders_sent

    report = language.check(_body(server, "jo@example.org"), mode=language.EASY_READ)

    assert [(finding.kind, finding.text) for finding in report.findings] == []


def test_the_easy_read_reminder_has_a_short_link_to_the_reply_page(reminders_sent):
    _, server = reminders_sent
    body = _body(server, "jo@example.org")

    (link,) = re.findall(r"https?://\S+", body)
    reply = Client().get(urlsplit(link).path)

    assert re.fullmatch(r"https?://[^/]+/r/[a-z0-9]{10}", link)
    assert "/meeting-reply/" not in body
    assert reply.status_code == 302
    assert "/meeting-reply/" in reply["Location"]


def test_everyone_else_gets_the_usual_reminder(reminders_sent):
    _, server = reminders_sent

    body = _body(server, "sam@example.org")

    assert server.to("sam@example.org") == [
        "Reminder: Bus planning day, Monday 1 March 2027 at 10am"
    ]
    assert "This is a reminder about Bus planning day on Monday 1 March 2027 at 10am." in body
    assert "/meeting-reply/" in body


def test_the_easy_read_reminder_says_what_they_told_us(meeting, monkeypatch, smtp_server):  # noqa: F811
    complete_meeting(meeting)
    easy = _sent_an_invitation(meeting, email="jo@example.org", formats=["easy_read"])
    easy.reply = Reply.IN_PERSON
    easy.save()
    set_clock(monkeypatch, DAY_BEFORE_REMINDERS)

    invitation_services.reminders_send_due()

    assert "You told us you are coming.\n" in _body(smtp_server, "jo@example.org")
