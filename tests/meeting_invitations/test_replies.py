"""A person's own reply link: no password, their own invitation only, and a plain page
when the link does not work."""

import datetime

import pytest
from django.core import mail
from django.core.signing import TimestampSigner

from coplan.meeting_invitations import links
from coplan.meetings.models import InvitedPerson
from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.factories import MembershipFactory
from tests.meeting_invitations.invitation_support import (
    LONDON,
    complete_meeting,
    invite_person,
    set_clock,
)
from tests.meetings.conftest import give_needs, needs

pytestmark = pytest.mark.django_db


def _path(invited) -> str:
    return f"/meeting-reply/{links.reply_token(invited_id=invited.pk)}/"


@pytest.mark.parametrize(
    ("format", "choice", "saved"),
    [
        ("in_person", "in_person", "in_person"),
        ("both", "online", "online"),
        ("online", "online", "online"),
        ("in_person", "not_coming", "not_coming"),
    ],
)
def test_each_reply_is_saved_from_the_link(client, meeting, format, choice, saved, monkeypatch):
    set_clock(monkeypatch)
    meeting.format = format
    meeting.save()
    invited = invite_person(meeting)

    response = client.post(_path(invited), {"reply": choice})

    assert response.status_code == 302
    invited.refresh_from_db()
    assert (invited.reply, invited.needs_changed) == (saved, False)
    assert invited.replied_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Thank you" in page


def test_coming_online_is_only_offered_for_a_meeting_people_can_join_online(client, meeting):
    invited = invite_person(meeting)  # the meeting is in person only

    page = client.get(_path(invited)).content.decode()
    refused = client.post(_path(invited), {"reply": "online"})

    assert "Yes, I am coming, in person" in page
    assert "online" not in page.split("Are you coming?")[1].split("</fieldset>")[0]
    assert refused.status_code == 400
    assert "Select if you are coming" in refused.content.decode()
    invited.refresh_from_db()
    assert invited.reply == "no_reply"


def test_my_needs_have_changed_is_kept_and_tells_the_lead(
    client, meeting, lead, django_capture_on_commit_callbacks
):
    invited = invite_person(meeting, full_name="Sam Patel")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_path(invited), {"reply": "in_person", "needs_changed": "on"})

    invited.refresh_from_db()
    assert invited.needs_changed is True
    assert invited.needs_changed_at is not None
    assert [message.to for message in mail.outbox] == [[lead.email]]
    assert mail.outbox[0].subject == f"Needs have changed: Sam Patel, {meeting.title}"
    assert f"/participants/{invited.person_id}/" in mail.outbox[0].body


def test_saying_needs_changed_again_does_not_email_the_lead_twice(
    client, meeting, lead, django_capture_on_commit_callbacks
):
    invited = invite_person(meeting)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_path(invited), {"reply": "in_person", "needs_changed": "on"})
        client.post(_path(invited), {"reply": "not_coming", "needs_changed": "on"})

    assert len(mail.outbox) == 1


def test_the_page_works_without_signing_in_and_shows_only_their_own_invitation(client, meeting):
    complete_meeting(meeting)
    invited = invite_person(meeting, full_name="Sam Patel")
    give_needs(invited.person, needs(communication=["hearing_loop"], notes={"dietary": "No nuts"}))
    other = invite_person(meeting, full_name="Jo Other")
    give_needs(other.person, needs(mobility=["wheelchair"]))

    response = client.get(_path(invited))

    page = response.content.decode()
    assert response.status_code == 200
    assert meeting.title in page
    assert "Monday 1 March 2027, 10am to 1pm" in page
    for hidden in ["Jo Other", "Sam Patel", "hearing loop", "No nuts", "wheelchair", "Sign out"]:
        assert hidden.lower() not in page.lower()
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"  # the link never leaves the site


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "1:1abcde:not-a-signature",
        "%00",
        "a" * 500,
    ],
)
def test_a_wrong_link_gets_a_plain_page_not_an_error(client, meeting, token):
    response = client.get(f"/meeting-reply/{token}/")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_changed_link_cannot_reach_someone_else(client, meeting):
    mine = invite_person(meeting)
    theirs = invite_person(meeting)
    token = links.reply_token(invited_id=mine.pk)
    _, rest = token.split(":", 1)
    forged = f"{links.reply_token(invited_id=theirs.pk).split(':', 1)[0]}:{rest}"

    response = client.post(f"/meeting-reply/{forged}/", {"reply": "not_coming"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.reply == "no_reply"


def test_my_link_changes_only_my_reply(client, meeting):
    mine = invite_person(meeting)
    theirs = invite_person(meeting)

    client.post(_path(mine), {"reply": "not_coming"})

    assert dict(InvitedPerson.objects.values_list("pk", "reply")) == {
        mine.pk: "not_coming",
        theirs.pk: "no_reply",
    }


def test_a_link_for_a_meeting_that_is_over_does_not_work(client, meeting, monkeypatch):
    invited = invite_person(meeting)
    set_clock(monkeypatch, datetime.datetime(2027, 3, 1, 13, 5, tzinfo=LONDON))

    response = client.post(_path(invited), {"reply": "in_person"})

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_link_older_than_a_year_does_not_work(client, meeting, monkeypatch):
    invited = invite_person(meeting)
    old = TimestampSigner(salt=links.REPLY_SALT)
    monkeypatch.setattr(old, "timestamp", lambda: "1")  # made in 1970
    token = old.sign(links.signing.b62_encode(invited.pk))

    assert client.get(f"/meeting-reply/{token}/").status_code == 404


def test_a_link_for_someone_no_longer_invited_does_not_work(client, meeting):
    invited = invite_person(meeting)
    path = _path(invited)
    invited.delete()

    assert client.get(path).status_code == 404


def test_a_link_for_someone_erased_does_not_work(client, meeting):
    invited = invite_person(meeting)
    Person.objects.filter(pk=invited.person_id).update(erased_at=datetime.datetime.now(LONDON))

    assert client.get(_path(invited)).status_code == 404


def test_the_lead_sees_replies_and_changed_needs_on_the_invitation_page(
    client, client_for, meeting, lead
):
    invited = invite_person(meeting, full_name="Sam Patel")
    client.post(_path(invited), {"reply": "in_person", "needs_changed": "on"})

    page = (
        client_for(lead)
        .get(f"/projects/{meeting.project_id}/meetings/{meeting.pk}/invitation/")
        .content.decode()
    )

    assert "Coming in person. <strong>Needs have changed</strong>" in page


def test_a_signed_in_member_of_another_project_gets_nothing_more(client_for, meeting):
    invited = invite_person(meeting)
    stranger = MembershipFactory(role=Role.LEAD).user

    page = client_for(stranger).get(_path(invited)).content.decode()

    assert meeting.project.name not in page
