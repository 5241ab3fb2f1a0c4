"""A meeting and the reply to it in Easy Read: the meeting's page for a co-producer, and
the reply page reached by the link in their invitation with no account. On by default
for someone who asked for Easy Read papers; the switch turns it off and is remembered."""

import pytest
from django.test import Client

from coplan.meeting_invitations import links
from coplan.meetings.models import Reply
from tests.easy_read_pages import (
    assert_easy_read,
    hard_words,
    invited_co_producer,
    read,
    switch_says,
    turn,
)

pytestmark = pytest.mark.django_db

PURPOSE = "We will plan the new day centre together. Tell us what you think."


def _invited(formats=("easy_read",), *, member=True):
    return invited_co_producer(formats=formats, signed_in=member, format="both", purpose=PURPOSE)


def _meeting_path(invited) -> str:
    meeting = invited.meeting
    return f"/projects/{meeting.project_id}/meetings/{meeting.pk}/"


def _reply_path(invited) -> str:
    return f"/meeting-reply/{links.reply_token(invited_id=invited.pk)}/"


def test_the_meeting_page_in_easy_read(client_for):
    membership, invited = _invited()

    page = client_for(membership.user).get(_meeting_path(invited)).content.decode()

    lines = assert_easy_read(page)
    words = [line.words for line in lines]
    assert switch_says(page) == "Turn Easy Read off"
    assert "The meeting is on Tuesday 4 May 2027." in words
    assert "We will plan the new day centre together." in words
    assert "Tell us what you think." in words
    assert "Are you coming? Tell us." in words
    assert "You can join online." in words
    assert read(page).headings[:2] == ["What the meeting is for", "When and where"]
    assert hard_words(lines) == []


def test_the_meeting_page_turned_off_is_the_usual_one_and_stays_so(client_for):
    membership, invited = _invited()
    client = client_for(membership.user)

    turn(client, on=False, back=_meeting_path(invited))
    page = client.get(_meeting_path(invited)).content.decode()

    assert switch_says(page) == "Turn Easy Read on"
    assert read(page).lines == []
    assert "Where and how" in page


def test_the_meeting_page_is_usual_for_someone_who_did_not_ask_for_easy_read(client_for):
    membership, invited = _invited(formats=())

    page = client_for(membership.user).get(_meeting_path(invited)).content.decode()

    assert switch_says(page) == "Turn Easy Read on"
    assert read(page).lines == []


def test_the_reply_page_by_link_is_in_easy_read_for_someone_who_asked(client):
    _, invited = _invited(member=False)

    page = client.get(_reply_path(invited)).content.decode()

    lines = assert_easy_read(page)
    words = [line.words for line in lines]
    assert switch_says(page) == "Turn Easy Read off"
    assert "We invite you to this meeting." in words
    assert "Where: The library 1 High Street Oxford OX1 1AA" in words
    assert hard_words(lines) == []


def test_the_reply_still_works_in_easy_read(client):
    _, invited = _invited(member=False)

    response = client.post(_reply_path(invited), {"reply": Reply.IN_PERSON})

    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.reply == Reply.IN_PERSON
    page = client.get(response["Location"]).content.decode()
    assert "Your reply: Coming in person." in [line.words for line in read(page).lines]


def test_the_switch_on_the_reply_page_is_remembered_in_the_browser_with_no_account():
    _, invited = _invited(member=False)
    browser = Client()

    turn(browser, on=False, back=_reply_path(invited))
    page = browser.get(_reply_path(invited)).content.decode()

    assert switch_says(page) == "Turn Easy Read on"
    assert read(page).lines == []
    assert switch_says(Client().get(_reply_path(invited)).content.decode()) == (
        "Turn Easy Read off"
    )
