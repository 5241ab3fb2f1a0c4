"""A co-producer's home in a project on a 320-pixel phone: reached from sign-in by links
only, it shows their part (their details, claims, feedback forms, you said we did, the
car park and how the group works), and from it they start a claim and open a form."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    AgreementFactory,
    CarParkItemFactory,
    ClaimFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    PaymentChoiceFactory,
    PaymentPolicyFactory,
    SharedDefinitionFactory,
)
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    YouSaidWeDidFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADINGS = (
    "Your access needs and how we contact you",
    "Your claims",
    "Feedback forms open for you",
    "You said, we did",
    "Things you raised in the car park",
    "How we work together",
)


def _your_projects(page) -> None:
    """On a phone the main menu is behind its "Menu" button."""
    page.get_by_role("button", name="Menu", exact=True).click()
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Your projects"
    ).click()
    expect(page.get_by_role("heading", name="Your projects")).to_be_visible()


def test_a_co_producer_uses_their_home_on_a_phone(phone_visit):
    visit, page = phone_visit, phone_visit.page
    member = MembershipFactory(
        role=Role.CO_PRODUCER, user__email="sam@example.org", project__name="Day services"
    )
    project = member.project
    lead = MembershipFactory(project=project, role=Role.LEAD)
    person = InvolvementFactory(
        project=project, person__user=member.user, person__contact_by="email"
    ).person
    PaymentPolicyFactory(organisation=project.organisation)
    PaymentChoiceFactory(person=person)
    meeting = MeetingFactory(
        project=project, title="March workshop", meets_on=datetime.date(2026, 3, 2)
    )
    InvitedPersonFactory(meeting=meeting, person=person, attendance="came")
    form = FeedbackFormFactory(project=project, meeting=meeting, title="How was March?")
    FeedbackQuestionFactory(form=form)
    YouSaidWeDidFactory(
        project=project,
        form=form,
        you_said="The room was too hot.",
        we_did="We booked a cooler room.",
        status="done",
        published_at=timezone.now(),
    )
    CarParkItemFactory(
        project=project,
        raised_by=member.user,
        text="Can we meet in the evenings?",
        status="answered",
        answer="Yes, from June.",
        answered_on=datetime.date(2026, 3, 3),
        answered_by=lead.user,
    )
    AgreementFactory(project=project, text="We listen to each other")
    SharedDefinitionFactory(project=project, word="Co-production")
    ClaimFactory(
        project=project,
        person=person,
        activity="Reading the papers",
        status="returned",
        returned_reason="Add the bus receipt.",
    )

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your projects")).to_be_visible()
    page.get_by_role("link", name="Day services").click()

    for heading in HEADINGS:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_text("Add the bus receipt.")).to_be_visible()
    expect(page.get_by_text("We booked a cooler room.")).to_be_visible()
    expect(page.get_by_text("Yes, from June.")).to_be_visible()
    expect(page.get_by_text("Stop", exact=False)).to_have_count(0)
    visit.assert_accessible()
    visit.assert_fits_the_screen()

    page.get_by_role("button", name="Claim expenses or your time").click()
    expect(page.get_by_role("heading", name="Start a claim")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("March workshop").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="March workshop")).to_be_visible()

    _your_projects(page)
    page.get_by_role("link", name="Day services").click()
    page.get_by_role("link", name="Give feedback on “How was March?”").click()
    expect(page.get_by_role("heading", name="How was March?")).to_be_visible()
    visit.assert_accessible()
    visit.assert_fits_the_screen()
