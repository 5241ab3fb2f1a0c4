"""A lead previews and sends an invitation; the person replies on a phone; the lead
records who came. Axe on every page visited."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from coplan.meetings.models import InvitedPerson
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
)
from tests.meeting_invitations.invitation_support import complete_meeting, invite_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def test_lead_sends_the_invitation_and_the_person_replies_on_a_phone(visit, phone_visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    meeting = complete_meeting(MeetingFactory(project=lead.project, title="First workshop"))
    invited = invite_person(meeting, full_name="Sam Patel", email="sam@example.org")
    _sign_in(visit, "lead@example.org")

    visit.go(f"/projects/{lead.project_id}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="The invitation: check what it says and send it").click()
    expect(page.get_by_role("heading", name="Invitation", level=1)).to_be_visible()
    expect(page.get_by_text("The invitation does not say how the project affects")).to_be_visible()
    visit.assert_accessible()

    page.get_by_label("How does the project affect the people you are inviting?").fill(
        "The day centre you go to may open on different days."
    )
    page.get_by_label("How can they get involved?").fill("Come to this workshop.")
    page.get_by_label("What are you asking of them?").fill("One workshop of three hours.")
    page.get_by_label("What training is needed, and what do you offer?").fill("None is needed.")
    page.get_by_label("How will people be paid for their time, and their expenses?").fill(
        "We pay £20 an hour, and travel."
    )
    page.get_by_role("button", name="Save the invitation").click()
    expect(page.get_by_text("The invitation has been saved.")).to_be_visible()
    expect(
        page.get_by_text("The invitation covers everything the guide says people need to know.")
    ).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Check and send the invitation").click()
    expect(page.get_by_role("heading", name="Send the invitation", level=1)).to_be_visible()
    expect(page.get_by_text("Sam Patel: email")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Send the invitation now").click()
    expect(page.get_by_text("The invitation has gone: emailed 1 person.")).to_be_visible()
    expect(page.get_by_text("Everyone invited has been sent the invitation.")).to_be_visible()
    visit.assert_accessible()

    (email,) = [message for message in mail.outbox if message.to == ["sam@example.org"]]
    reply_path = re.search(r"https?://[^/]+(/meeting-reply/[^/\s]+/)\n", email.body).group(1)
    phone = phone_visit.page
    phone_visit.go(reply_path)
    expect(phone.get_by_role("heading", name="First workshop", level=1)).to_be_visible()
    phone_visit.assert_accessible()
    phone.get_by_role("button", name="Send my reply").click()
    expect(phone.get_by_role("link", name="Select if you are coming")).to_be_visible()
    assert phone.title().startswith("Error:")
    phone_visit.assert_accessible()
    phone.get_by_label("Yes, I am coming, in person").check()
    phone.get_by_label("My needs have changed").check()
    phone.get_by_role("button", name="Send my reply").click()
    expect(phone.get_by_text("We have your reply: coming in person")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()

    phone_visit.go("/meeting-reply/not-a-real-link/")
    expect(phone.get_by_role("heading", name="This link does not work")).to_be_visible()
    phone_visit.assert_accessible()

    invited.refresh_from_db()
    assert (invited.reply, invited.needs_changed) == ("in_person", True)

    visit.go(f"/projects/{lead.project_id}/meetings/{meeting.pk}/")
    page.get_by_role("link", name="Record who came on the day").click()
    expect(page.get_by_role("heading", name="Who came", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("group", name="Sam Patel").get_by_label("Came").check()
    page.get_by_role("button", name="Save who came").click()
    expect(page.get_by_text("Saved: 1 person came.")).to_be_visible()
    visit.assert_accessible()
    assert InvitedPerson.objects.get(pk=invited.pk).attendance == "came"


def test_co_producer_replies_from_their_home_on_a_phone_and_adds_it_to_their_calendar(
    phone_visit,
):
    visit, page = phone_visit, phone_visit.page
    member = MembershipFactory(
        role=Role.CO_PRODUCER, user__email="sam@example.org", project__name="Day services"
    )
    InvolvementFactory(project=member.project, person__user=member.user)
    meeting = complete_meeting(
        MeetingFactory(
            project=member.project,
            title="First workshop",
            format="both",
            joining_details="Join on Zoom: meeting 123 456",
            meets_on=timezone.localdate() + datetime.timedelta(days=40),
        )
    )
    invited = InvitedPersonFactory(
        meeting=meeting, person=member.user.people_records.get(), reply="in_person"
    )
    _sign_in(visit, "sam@example.org")
    expect(page.get_by_text("Your reply: Coming in person")).to_be_visible()  # across projects
    visit.assert_accessible()

    page.get_by_role("link", name="Day services").click()
    expect(page.get_by_role("heading", name="Your next meetings")).to_be_visible()
    expect(page.get_by_text("Your reply: Coming in person", exact=True)).to_be_visible()
    expect(page.get_by_text("Join on Zoom: meeting 123 456")).to_be_visible()
    visit.assert_accessible()
    visit.assert_fits_the_screen()

    page.get_by_role("button", name="Coming online to First workshop").click()
    expect(page.get_by_text("We have your reply: coming online")).to_be_visible()
    expect(page.get_by_text("Your reply: Coming online", exact=True)).to_be_visible()
    page.get_by_role("button", name="Not coming to First workshop").click()
    expect(page.get_by_text("We have your reply: not coming")).to_be_visible()
    visit.assert_accessible()
    invited.refresh_from_db()
    assert invited.reply == "not_coming"

    with page.expect_download() as downloading:
        page.get_by_role("link", name=re.compile(r"^Add to my calendar.*First workshop")).click()
    calendar = Path(downloading.value.path()).read_text()
    assert "BEGIN:VCALENDAR" in calendar
    assert "SUMMARY:First workshop" in calendar

    page.get_by_role("link", name="First workshop", exact=True).click()
    expect(page.get_by_role("heading", name="First workshop", level=1)).to_be_visible()
    expect(page.get_by_text("Your reply: Not coming", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Ready or not?")).to_have_count(0)
    visit.assert_accessible()
    visit.assert_fits_the_screen()

    page.get_by_role("link", name=re.compile(r"^My needs have changed")).click()
    expect(page.get_by_role("heading", name="Check your answers", level=1)).to_be_visible()
