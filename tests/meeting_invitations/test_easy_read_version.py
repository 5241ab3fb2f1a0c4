"""The lead checks, changes and approves the Easy Read invitation before it goes; what
was sent is kept as sent (issue 15)."""

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.db.models import RestrictedError
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coplan.meeting_invitations import selectors as invitation_selectors
from coplan.meeting_invitations.models import InvitationSent
from coplan.plain_words import selectors as easy_read_selectors
from coplan.plain_words import services as easy_read_services
from coplan.plain_words.models import EasyReadVersion, OrganisationPicture
from tests.documents import pdf_text
from tests.factories import MeetingFactory
from tests.meeting_invitations.invitation_support import (
    complete_meeting,
    invite_person,
    word_invitation,
)
from tests.plain_words.easy_read_support import line_number, post_line

pytestmark = pytest.mark.django_db

BUS = "1F68C"  # the bank's bus: "A bus"


def _url(meeting, name=""):
    return f"/projects/{meeting.project_id}/meetings/{meeting.pk}/invitation/{name}"


def _state(meeting):
    document = invitation_selectors.invitation_easy_read(
        meeting=meeting, today=timezone.localdate()
    )
    return easy_read_selectors.easy_read_state(
        project_id=meeting.project_id,
        organisation_id=meeting.project.organisation_id,
        document=document.document,
        source_text=document.source_text,
    )


def _line_number(meeting, starts: str) -> int:
    return line_number(_state(meeting), starts)


def _change(client, meeting, starts, **fields):
    number = _line_number(meeting, starts)
    return post_line(client, _url(meeting, "easy-read/lines/"), number, **fields)


@pytest.fixture
def ready(meeting, lead):
    complete_meeting(meeting)
    word_invitation(meeting, lead)
    return meeting


def test_the_easy_read_page_shows_each_line_with_its_picture_and_a_way_to_change_it(
    client_for, ready, lead
):
    page = client_for(lead).get(_url(ready, "easy-read/")).content.decode()

    assert "Check the Easy Read version" in page
    assert "We would love you to come." in page
    assert 'alt="A sandwich"' in page  # "Food and drink are provided." has the food picture
    assert 'Change<span class="govuk-visually-hidden"> line 1</span>' in page
    assert "Approve the Easy Read version" in page


def test_the_lead_changes_a_sentence_and_its_picture(client_for, ready, lead):
    client = client_for(lead)

    response = _change(
        client, ready, "We would love you to come.", words="Please come.", picture=BUS
    )

    assert response.status_code == 302
    line = _state(ready).lines[_line_number(ready, "We would love you to come.") - 1]
    assert (line.words, line.picture, line.heading) == ("Please come.", BUS, False)
    page = client.get(_url(ready, "easy-read/")).content.decode()
    assert "Please come." in page
    assert 'alt="A bus"' in page


def test_the_line_page_offers_every_picture_as_a_radio_with_its_picture_and_name(
    client_for, ready, lead
):
    number = _line_number(ready, "We would love you to come.")

    page = client_for(lead).get(_url(ready, f"easy-read/lines/{number}/")).content.decode()

    assert 'type="radio"' in page
    assert 'value="1F68C"' in page
    assert "A bus" in page
    assert "No picture" in page
    assert page.count('class="app-easy-read__choice"') == len(
        easy_read_selectors.pictures_by_key(organisation_id=ready.project.organisation_id)
    )


def test_a_picture_not_in_the_list_is_refused_beside_the_field(client_for, ready, lead):
    response = _change(client_for(lead), ready, "We would love you to come.", picture="own-999")

    assert response.status_code == 400
    assert "Select a picture from the list" in response.content.decode()


def test_approving_records_who_approved_it_and_when(client_for, ready, lead):
    client_for(lead).post(_url(ready, "easy-read/approve/"))

    state = _state(ready)
    assert state.approved
    assert state.latest.approved_by == lead
    assert state.latest.approved_at is not None
    page = client_for(lead).get(_url(ready, "easy-read/")).content.decode()
    assert f"Approved by {lead.full_name}" in page


def test_a_change_after_approving_needs_approving_again(client_for, ready, lead):
    client = client_for(lead)
    client.post(_url(ready, "easy-read/approve/"))

    _change(client, ready, "We would love you to come.", words="Please come.")

    assert not _state(ready).approved


def test_sending_to_someone_who_asked_for_easy_read_asks_the_lead_to_check_it_first(
    client_for, ready, lead, django_capture_on_commit_callbacks
):
    invite_person(ready, email="jo@example.org", formats=["easy_read"])
    client = client_for(lead)

    page = client.get(_url(ready, "send/")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(ready, "send/"), follow=True)

    assert "Check the Easy Read version and approve it before you send the invitation" in page
    assert "Send the invitation now" not in page
    assert mail.outbox == []
    assert not InvitationSent.objects.exists()
    assert "Check the Easy Read version and approve it before it is sent" in (
        response.content.decode()
    )


def test_the_easy_read_copy_that_goes_has_the_approved_sentence(
    client_for, ready, lead, django_capture_on_commit_callbacks
):
    invite_person(ready, full_name="Jo Easy", email="jo@example.org", formats=["easy_read"])
    client = client_for(lead)
    _change(client, ready, "We would love you to come.", words="Please come to the day.")
    client.post(_url(ready, "easy-read/approve/"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(ready, "send/"))

    (message,) = mail.outbox
    (_, pdf, _) = message.attachments[0]
    text = pdf_text(pdf)
    assert "Please come to the day." in text
    assert "We would love you to come." not in text
    assert "Dear Jo Easy," in text  # each person's own greeting stays theirs


def test_what_was_sent_is_kept_as_sent_and_a_later_change_makes_a_new_version(
    client_for, ready, lead
):
    invited = invite_person(
        ready, contact_by="post", address="1 Road\nBanbury", formats=["easy_read"]
    )
    client = client_for(lead)
    _change(client, ready, "We would love you to come.", words="Please come.")
    client.post(_url(ready, "easy-read/approve/"))
    client.post(_url(ready, "send/"))
    sent = InvitationSent.objects.get().easy_read_version

    _change(client, ready, "We would love you to come.", words="Do come along.")

    sent.refresh_from_db()
    assert sent.sent_at is not None
    assert [line["words"] for line in sent.lines if line["source"].startswith("We would")] == [
        "Please come."
    ]
    assert EasyReadVersion.objects.count() == 2
    letter = client.get(_url(ready, "").replace("invitation/", f"invited/{invited.pk}/letter.pdf"))
    assert "Please come." in pdf_text(letter.content)
    assert "Do come along." not in pdf_text(letter.content)


def test_a_sent_version_is_never_changed_by_the_service(ready, lead):
    document = invitation_selectors.invitation_easy_read(meeting=ready, today=timezone.localdate())
    arguments = {
        "project": ready.project,
        "document": document.document,
        "title": document.title,
        "source_text": document.source_text,
    }
    approved = easy_read_services.easy_read_version_approve(**arguments, by=lead)
    easy_read_services.easy_read_version_send(
        project=ready.project, document=document, now=timezone.now()
    )
    kept = list(EasyReadVersion.objects.get(pk=approved.pk).lines)

    changed = easy_read_services.easy_read_line_change(
        **arguments, number=1, words="Hello.", picture="", heading=False, by=lead
    )

    assert changed.pk != approved.pk
    assert EasyReadVersion.objects.get(pk=approved.pk).lines == kept


def test_the_lead_is_told_when_the_invitation_changed_after_approving(client_for, ready, lead):
    invite_person(ready, email="jo@example.org", formats=["easy_read"])
    client = client_for(lead)
    _change(client, ready, "We would love you to come.", words="Please come.")
    client.post(_url(ready, "easy-read/approve/"))

    word_invitation(ready, lead, payment="We pay £25 an hour for your time.")

    easy_read_page = client.get(_url(ready, "easy-read/")).content.decode()
    send_page = client.get(_url(ready, "send/")).content.decode()
    assert "The invitation has changed since its Easy Read version was approved" in easy_read_page
    assert "We pay £25 an hour for your time." in easy_read_page
    assert "Please come." in easy_read_page  # the lead's change to a line that did not change
    assert "Check the Easy Read version again before you send it" in send_page
    assert "Send the invitation now" not in send_page


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def _meeting_with_easy_read(meeting, lead, count: int):
    complete_meeting(meeting)
    word_invitation(meeting, lead, commitment=" ".join(["We meet once a month."] * count))
    for n in range(count):
        invite_person(meeting, email=f"e{n}-{meeting.pk}@example.org", formats=["easy_read"])
        OrganisationPicture.objects.create(
            organisation=meeting.project.organisation,
            alt=f"Picture {n}",
            topics="meeting",
            media_type="image/svg+xml",
            content=b"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/>",
            sha256="0" * 64,
        )
    return meeting


@pytest.mark.parametrize("name", ["easy-read/", "easy-read/lines/1/", "send/"])
def test_the_easy_read_pages_do_a_fixed_number_of_queries(client_for, meeting, lead, name):
    small = _meeting_with_easy_read(meeting, lead, 2)
    large = _meeting_with_easy_read(
        MeetingFactory(project=meeting.project, title="Big workshop"), lead, 12
    )
    client = client_for(lead)

    assert _queries(client, _url(small, name)) == _queries(client, _url(large, name))


def test_sending_again_after_the_invitation_changed_asks_to_check_the_easy_read_first(
    client_for, ready, lead
):
    invited = invite_person(ready, email="jo@example.org", formats=["easy_read"])
    client = client_for(lead)
    client.post(_url(ready, "easy-read/approve/"))
    client.post(_url(ready, "send/"))
    word_invitation(ready, lead, payment="We pay £25 an hour for your time.")

    response = client.post(
        _url(ready, "").replace("invitation/", f"invited/{invited.pk}/send-again/"), follow=True
    )

    assert response.redirect_chain[-1][0].endswith("/invitation/easy-read/")
    assert "The invitation has changed since its Easy Read version was approved" in (
        response.content.decode()
    )
    assert InvitationSent.objects.filter(invited=invited).count() == 1


def test_the_invitation_page_leads_to_the_easy_read_version(client_for, ready, lead):
    invite_person(ready, email="jo@example.org", formats=["easy_read"])

    page = client_for(lead).get(_url(ready, "")).content.decode()

    assert f'href="{_url(ready, "easy-read/")}">Check the Easy Read version</a>' in page


def test_the_database_refuses_a_version_sent_without_approval(ready, lead):
    with pytest.raises(IntegrityError), transaction.atomic():
        EasyReadVersion.objects.create(
            project=ready.project,
            document="invitation:meeting:1",
            title="Invitation",
            source_text="Hello.",
            sent_at=timezone.now(),
        )


def test_a_version_that_was_sent_cannot_be_deleted_while_the_sending_is_kept(
    client_for, ready, lead
):
    invite_person(ready, email="jo@example.org", formats=["easy_read"])
    client = client_for(lead)
    client.post(_url(ready, "easy-read/approve/"))
    client.post(_url(ready, "send/"))
    sent = InvitationSent.objects.get().easy_read_version

    with pytest.raises(RestrictedError), transaction.atomic():
        sent.delete()
