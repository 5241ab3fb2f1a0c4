"""The invitation: it says everything the seed lists, what is missing is pointed out,
it goes by email or as a printed letter in each person's format, and once."""

import datetime
import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.meeting_invitations import selectors as invitation_selectors
from coplan.meeting_invitations import services as invitation_services
from coplan.meeting_invitations.invitations import ITEM_KEYS, invitation_build, invitation_missing
from coplan.meeting_invitations.letters import letter_format
from coplan.meeting_invitations.models import InvitationSent
from coplan.projects.roles import Role
from tests.documents import assert_accessible_pdf, pdf_text, type_sizes
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MembershipFactory,
    PaymentPolicyFactory,
)
from tests.meeting_invitations.invitation_support import (
    complete_meeting,
    invite_person,
    involvement_of,
    set_clock,
    word_invitation,
)

pytestmark = pytest.mark.django_db

SEED_HEADINGS = [
    "What the project is",
    "How it affects you",
    "Key dates",
    "How you can get involved",
    "When",
    "How long it lasts",
    "Where",
    "Food and drink",
    "What we are asking of you",
    "Your role",
    "Training",
    "Payment and expenses",
]


def _url(meeting, name="invitation"):
    end = "" if name.endswith(".pdf") else "/"
    return f"/projects/{meeting.project_id}/meetings/{meeting.pk}/{name}{end}"


def _invitation_for(meeting, invited):
    facts = invitation_selectors.meeting_facts(meeting=meeting, today=datetime.date(2027, 1, 10))
    wording = invitation_selectors.wording_of(
        invitation_selectors.invitation_wording(meeting=meeting)
    )
    person = invitation_selectors.person_facts(invited.person, involvement_of(invited))
    return invitation_build(facts=facts, wording=wording, person=person), facts, wording


def test_invitation_covers_every_item_the_seed_lists(meeting, lead):
    complete_meeting(meeting)
    word_invitation(meeting, lead)
    invited = invite_person(meeting, full_name="Sam Patel", training_needed="A short session")

    invitation, _, _ = _invitation_for(meeting, invited)

    assert [section.heading for section in invitation.sections] == SEED_HEADINGS
    assert [section.key for section in invitation.sections] == list(ITEM_KEYS)
    assert invitation.missing == ()
    assert invitation.greeting == "Dear Sam Patel,"
    assert invitation.section("when").lines == ("Monday 1 March 2027, 10am to 1pm (3 hours).",)
    assert invitation.section("length").lines == ("3 hours, from 10am to 1pm.",)
    assert invitation.section("where").lines[:2] == (
        f"In person at Banbury Community Centre {meeting.pk}, Room 2.",
        "12 High Street",
    )
    assert invitation.section("food").lines == ("Food and drink are provided.", "Lunch at 12:30.")
    assert invitation.section("key_dates").lines == (
        "The project runs from 4 January 2027 to 4 January 2028.",
        "1 June 2027: Share what we found",
    )
    assert invitation.section("role").lines == ("You bring what it is like to use the service.",)
    assert invitation.section("training").lines[0] == "Training for you: A short session"
    assert invitation.section("payment").lines == (
        "We pay £20 an hour for your time, and travel costs.",
        "On the day:",
        "Bring your bus tickets; we pay you back on the day.",
    )
    assert invitation.section("involved").lines[-1] == (
        "Please tell us by 15 February 2027 if you can come."
    )


def test_missing_items_are_pointed_out_in_plain_words(meeting, lead):
    invite_person(meeting, full_name="Ann Lee", role_description="")
    invite_person(meeting, full_name="Bo Chan")
    facts = invitation_selectors.meeting_facts(meeting=meeting, today=datetime.date(2027, 1, 10))
    rows = invitation_selectors.invitation_rows(meeting=meeting)

    missing = invitation_missing(
        facts=facts,
        wording=invitation_selectors.wording_of(None),
        people=[row.person_facts for row in rows],
    )

    assert [(item.key, item.sentence) for item in missing] == [
        ("affects", "The invitation does not say how the project affects the people invited yet."),
        ("involved", "The invitation does not say how people can get involved yet."),
        ("where", "The invitation does not say where it is, or how to join online yet."),
        ("food", "The invitation does not say whether food and drink are provided yet."),
        ("commitment", "The invitation does not say the commitment asked of people yet."),
        ("role", "The invitation does not give a role description for 1 person yet."),
        (
            "training",
            "The invitation does not give training: what is needed and what is offered "
            "for 2 people yet.",
        ),
        ("payment", "The invitation does not say payment for people's time and expenses yet."),
    ]
    assert missing[5].people == ("Ann Lee",)


def test_online_meeting_needs_joining_details_not_a_venue(meeting, lead):
    meeting.format = "online"
    meeting.save()
    facts = invitation_selectors.meeting_facts(meeting=meeting, today=datetime.date(2027, 1, 10))
    wording = invitation_selectors.wording_of(None)

    before = {item.key for item in invitation_build(facts=facts, wording=wording).missing}
    meeting.joining_details = "Zoom link: https://zoom.example/j/123"
    meeting.save()
    facts = invitation_selectors.meeting_facts(meeting=meeting, today=datetime.date(2027, 1, 10))
    after = invitation_build(facts=facts, wording=wording)

    assert "where" in before
    assert "where" not in {item.key for item in after.missing}
    assert after.section("where").lines == (
        "Online. How to join:",
        "Zoom link: https://zoom.example/j/123",
    )


def test_a_meeting_in_both_ways_without_joining_details_still_says_where_the_room_is(meeting, lead):
    complete_meeting(meeting)
    meeting.format = "both"
    meeting.save()
    facts = invitation_selectors.meeting_facts(meeting=meeting, today=datetime.date(2027, 1, 10))

    invitation = invitation_build(facts=facts, wording=invitation_selectors.wording_of(None))

    assert invitation.section("where").lines[0].startswith("In person at Banbury")
    assert "where" in {item.key for item in invitation.missing}


def test_invitation_page_lists_what_is_missing_with_links_to_put_it_right(
    client_for, meeting, lead
):
    invited = invite_person(meeting, full_name="Ann Lee", role_description="")

    response = client_for(lead).get(_url(meeting))

    page = response.content.decode()
    assert response.status_code == 200
    assert "The invitation does not cover everything people need to know yet." in page
    assert "The invitation does not give a role description for 1 person yet." in page
    role_page = f"/projects/{meeting.project_id}/participants/{invited.person_id}/role/"
    assert f'href="{role_page}"' in page
    assert f'href="/projects/{meeting.project_id}/meetings/{meeting.pk}/change/"' in page
    assert 'href="' + _url(meeting) + '#id_how_it_affects"' in page


def test_invitation_page_checks_the_message_wording_as_it_is_typed(client_for, meeting, lead):
    page = client_for(lead).get(_url(meeting)).content.decode()

    for box in ("message", "how_it_affects", "getting_involved", "commitment", "training"):
        assert f'id="id_{box}-language-findings"' in page
    # the project's own check, which never flags the project's shared definitions
    assert f'hx-post="/projects/{meeting.project_id}/working-together/check-wording/"' in page


def test_saving_the_wording_keeps_it_and_the_next_meeting_starts_from_it(
    client_for, meeting, lead, project
):
    client = client_for(lead)
    posted = {
        "how_it_affects": "It changes the day centre.",
        "commitment": "Two hours.",
        "reply_by-day": "15",
        "reply_by-month": "2",
        "reply_by-year": "2027",
    }

    response = client.post(_url(meeting), posted)

    assert response.status_code == 302
    wording = invitation_selectors.invitation_wording(meeting=meeting)
    assert (wording.how_it_affects, wording.reply_by) == (
        "It changes the day centre.",
        datetime.date(2027, 2, 15),
    )
    later = type(meeting).objects.create(
        project=project,
        title="Second workshop",
        format="in_person",
        meets_on=datetime.date(2027, 4, 1),
        starts_at=datetime.time(10),
        length_minutes=60,
    )
    page = client.get(_url(later)).content.decode()
    assert "It changes the day centre." in page


def test_reply_by_after_the_meeting_is_refused_next_to_the_field(client_for, meeting, lead):
    response = client_for(lead).post(
        _url(meeting), {"reply_by-day": "2", "reply_by-month": "3", "reply_by-year": "2027"}
    )

    assert response.status_code == 400
    assert "The date to reply by must be on or before the day of the meeting" in (
        response.content.decode()
    )


def test_sending_emails_everyone_with_their_own_invitation(
    client_for, meeting, lead, monkeypatch, django_capture_on_commit_callbacks
):
    set_clock(monkeypatch)
    complete_meeting(meeting)
    word_invitation(meeting, lead)
    sam = invite_person(meeting, full_name="Sam Patel", email="sam@example.org")
    invite_person(meeting, full_name="Jo Ray", email="jo@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(lead).post(_url(meeting, "invitation/send"))

    assert response.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["jo@example.org", "sam@example.org"]
    email = next(message for message in mail.outbox if message.to == ["sam@example.org"])
    assert email.subject == f"You are invited: {meeting.title}, 1 March 2027"
    for heading in SEED_HEADINGS:
        assert f"\n{heading}\n" in email.body
    assert email.body.startswith("Dear Sam Patel,\n\nWe would love you to come.")
    assert "/meeting-reply/" in email.body
    sent = InvitationSent.objects.get(invited=sam)
    assert (sent.sent_by, sent.sender) == ("email", lead)
    meeting.refresh_from_db()
    assert meeting.invitations_on == datetime.date(2027, 1, 10)


def test_invitation_tells_people_what_the_organisation_says_about_payment_and_benefits(
    client_for, meeting, lead, monkeypatch, django_capture_on_commit_callbacks
):
    set_clock(monkeypatch)
    complete_meeting(meeting)
    word_invitation(meeting, lead)
    PaymentPolicyFactory(
        organisation=meeting.project.organisation,
        applies_from=datetime.date(2026, 1, 1),
        information="Payment for your time may affect some benefits. Ask us first.",
    )
    PaymentPolicyFactory(
        organisation=meeting.project.organisation,
        applies_from=meeting.meets_on + datetime.timedelta(days=1),
        information="Words that apply only after the meeting.",
    )
    invite_person(meeting, full_name="Sam Patel", email="sam@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        client_for(lead).post(_url(meeting, "invitation/send"))

    [email] = mail.outbox
    assert "Payment, tax and benefits:\nPayment for your time may affect some benefits." in (
        email.body
    )
    assert "only after the meeting" not in email.body


def test_sending_twice_sends_only_to_people_not_sent_it_yet(
    client_for, meeting, lead, django_capture_on_commit_callbacks
):
    client = client_for(lead)
    invite_person(meeting, email="first@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(meeting, "invitation/send"))
    invite_person(meeting, email="later@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(meeting, "invitation/send"))
        client.post(_url(meeting, "invitation/send"))  # a double click

    assert [message.to for message in mail.outbox] == [
        ["first@example.org"],
        ["later@example.org"],
    ]
    assert InvitationSent.objects.count() == 2


def test_sending_again_is_on_purpose_and_shows_on_the_page(
    client_for, meeting, lead, django_capture_on_commit_callbacks
):
    client = client_for(lead)
    invited = invite_person(meeting, full_name="Sam Patel", email="sam@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(meeting, "invitation/send"))
        client.post(_url(meeting, f"invited/{invited.pk}/send-again"))

    page = client.get(_url(meeting)).content.decode()

    assert len(mail.outbox) == 2
    assert "Sent 2 times" in page
    assert "Everyone invited has been sent the invitation." in page


def test_people_who_want_post_get_a_letter_recorded_not_an_email(
    client_for, meeting, lead, django_capture_on_commit_callbacks
):
    invited = invite_person(
        meeting, contact_by="post", address="3 Mill Lane\nBanbury", email="post@example.org"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_for(lead).post(_url(meeting, "invitation/send"))

    assert mail.outbox == []
    assert list(InvitationSent.objects.values_list("invited", "sent_by")) == [
        (invited.pk, "letter")
    ]


def test_the_send_page_says_who_gets_what_and_what_is_missing(client_for, meeting, lead):
    invite_person(meeting, full_name="Sam Patel", email="sam@example.org")
    invite_person(
        meeting, full_name="Pat Post", contact_by="post", address="1 Road", formats=["large_print"]
    )

    page = client_for(lead).get(_url(meeting, "invitation/send")).content.decode()

    assert "It will go to 2 people who have not been sent it yet:" in page
    assert "Sam Patel: email" in page
    assert "Pat Post: letter in large print" in page
    assert "Send it anyway" in page


def test_the_send_page_says_which_easy_read_lines_have_no_picture(client_for, meeting, lead):
    complete_meeting(meeting)
    word_invitation(meeting, lead)
    invite_person(meeting, full_name="Sam Patel", email="sam@example.org")

    no_easy_read = client_for(lead).get(_url(meeting, "invitation/send")).content.decode()
    invite_person(meeting, full_name="Jo Easy", email="jo@example.org", formats=["easy_read"])
    page = client_for(lead).get(_url(meeting, "invitation/send")).content.decode()

    assert "without a picture" not in no_easy_read
    found = re.search(r"In the Easy Read version, (\d+) lines? (?:has|have) no picture", page)
    assert found, "the lead is not told which Easy Read lines have no picture"
    assert int(found.group(1)) >= 1
    listed = page.split("have no picture")[1].split("</details>")[0]
    assert "Dear …," in listed  # the greeting is about nothing in the bank
    assert "Food and drink are provided." not in listed  # it has the food picture


def test_printed_letter_holds_the_invitation(client_for, meeting, lead):
    complete_meeting(meeting)
    word_invitation(meeting, lead)
    invited = invite_person(
        meeting, full_name="Pat Post", contact_by="post", address="3 Mill Lane\nBanbury"
    )

    response = client_for(lead).get(_url(meeting, f"invited/{invited.pk}/letter.pdf"))

    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for words in [
        "Pat Post",
        "3 Mill Lane",
        "Dear Pat Post,",
        *SEED_HEADINGS,
        "Banbury Community Centre",
        "We pay £20 an hour for your time",
        "Tell us if you can come",
    ]:
        assert words in text
    assert_accessible_pdf(response.content, title=f"You are invited: {meeting.title}, 1 March 2027")
    assert set(type_sizes(response.content, "Dear")) == {12}


def test_large_print_letter_is_in_large_type(client_for, meeting, lead):
    invited = invite_person(meeting, contact_by="post", address="1 Road", formats=["large_print"])

    response = client_for(lead).get(_url(meeting, f"invited/{invited.pk}/letter.pdf"))

    assert set(type_sizes(response.content, "Dear")) == {18}
    assert min(type_sizes(response.content, "Page")) >= 18, "page numbers as large"


def test_easy_read_letter_uses_the_easy_read_layout(client_for, meeting, lead):
    word_invitation(meeting, lead)
    invited = invite_person(meeting, contact_by="post", address="1 Road", formats=["easy_read"])

    response = client_for(lead).get(_url(meeting, f"invited/{invited.pk}/letter.pdf"))

    text = pdf_text(response.content)
    assert "Picture to" not in text  # never a placeholder: a picture from the bank, or none
    assert "Pictures: OpenMoji, the open-source emoji project, CC BY-SA 4.0" in text
    assert "We would love you to come." in text
    assert set(type_sizes(response.content, "come.")) == {16}


def test_easy_read_and_large_print_people_get_their_format_with_the_email(
    client_for, meeting, lead, django_capture_on_commit_callbacks
):
    invite_person(meeting, email="easy@example.org", formats=["easy_read"])
    invite_person(meeting, email="plain@example.org")
    client_for(lead).post(_url(meeting, "invitation/easy-read/approve"))

    with django_capture_on_commit_callbacks(execute=True):
        client_for(lead).post(_url(meeting, "invitation/send"))

    attachments = {
        message.to[0]: [name for name, *_ in message.attachments] for message in mail.outbox
    }
    assert attachments == {
        "easy@example.org": ["invitation-easy-read.pdf"],
        "plain@example.org": [],
    }


def test_letter_format_prefers_easy_read_then_large_print():
    assert [
        letter_format(["large_print", "easy_read"]),
        letter_format(["large_print"]),
        letter_format(["audio"]),
        letter_format([]),
    ] == ["easy_read", "large_print", "standard", "standard"]


def test_someone_with_no_email_or_address_is_told_about_not_sent(
    client_for, meeting, lead, django_capture_on_commit_callbacks
):
    invite_person(meeting, full_name="No Way", email="")

    with django_capture_on_commit_callbacks(execute=True):
        client_for(lead).post(_url(meeting, "invitation/send"))
    page = client_for(lead).get(_url(meeting)).content.decode()

    assert InvitationSent.objects.count() == 0
    assert "No email or address: tell them another way" in page


def test_a_letter_for_someone_in_another_meeting_is_not_found(client_for, meeting, lead):
    other = InvitedPersonFactory()

    response = client_for(lead).get(_url(meeting, f"invited/{other.pk}/letter.pdf"))

    assert response.status_code == 404


@pytest.mark.parametrize("role", [Role.MANAGER, Role.FINANCE, Role.CO_PRODUCER])
def test_only_leads_and_facilitators_send_invitations(client_for, meeting, role):
    member = MembershipFactory(project=meeting.project, role=role).user
    InvolvementFactory(project=meeting.project)

    assert client_for(member).post(_url(meeting, "invitation/send")).status_code == 403


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def _meeting_with_people(meeting, lead, count: int):
    complete_meeting(meeting)
    word_invitation(meeting, lead)
    for n in range(count):
        invite_person(
            meeting,
            email=f"p{n}-{meeting.pk}@example.org",
            contact_by="post" if n % 3 == 0 else "email",
            address="1 Road",
            formats=["large_print"] if n % 2 else [],
        )
    invitation_services.meeting_invitations_send(meeting=meeting, sender=lead)
    return meeting


@pytest.mark.parametrize("name", ["invitation", "invitation/send"])
def test_invitation_pages_do_a_fixed_number_of_queries(client_for, meeting, lead, project, name):
    small = _meeting_with_people(meeting, lead, 5)
    large = type(meeting).objects.create(
        project=project,
        title="Big workshop",
        format="in_person",
        meets_on=datetime.date(2027, 3, 2),
        starts_at=datetime.time(10),
        length_minutes=60,
    )
    _meeting_with_people(large, lead, 500)
    client = client_for(lead)

    small_count = _queries(client, _url(small, name))
    large_count = _queries(client, _url(large, name))

    print(f"{name}: {small_count} queries with 5 invited, {large_count} with 500")
    # session, user, membership; meeting; milestones, leads, the organisation's payment
    # information, wording; invited people, invitations sent, reminders sent, their
    # involvements
    assert (small_count, large_count) == (12, 12)
