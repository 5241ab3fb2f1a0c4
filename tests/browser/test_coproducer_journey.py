"""A co-producer's part in a project, on a 320-pixel phone, from sign-in and by links only:
their home shows their part and none of the lead's checklist; from it they reply to a
meeting, add it to their calendar, tell us once what they need, fill in an open feedback
form, claim expenses and read "you said, we did". Axe on every page."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coplan.meetings.models import InvitedPerson
from coplan.payments.models import Claim
from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    AgreementFactory,
    CarParkItemFactory,
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

HOME_HEADINGS = (
    "Your next meetings",
    "Your access needs and how we contact you",
    "Your claims",
    "Feedback forms open for you",
    "You said, we did",
    "Things you raised in the car park",
    "How we work together",
)


def _project_with_sam():
    member = MembershipFactory(
        role=Role.CO_PRODUCER,
        user__email="sam@example.org",
        project__name="Day services",
        # too short for the plan: the lead's overview says STOP, Sam's home must not
        project__start_date=datetime.date(2026, 11, 1),
        project__end_date=datetime.date(2027, 2, 1),
    )
    project = member.project
    lead = MembershipFactory(project=project, role=Role.LEAD)
    sam = InvolvementFactory(
        project=project, person__user=member.user, person__contact_by="email"
    ).person
    PaymentPolicyFactory(organisation=project.organisation)
    PaymentChoiceFactory(person=sam)
    coming = MeetingFactory(
        project=project,
        title="April workshop",
        meets_on=timezone.localdate() + datetime.timedelta(days=40),
    )
    InvitedPersonFactory(meeting=coming, person=sam)
    came = MeetingFactory(
        project=project,
        title="March workshop",
        meets_on=timezone.localdate() - datetime.timedelta(days=5),
    )
    InvitedPersonFactory(meeting=came, person=sam, reply="in_person", attendance="came")
    form = FeedbackFormFactory(project=project, meeting=came, title="How was March?")
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
        answered_on=timezone.localdate(),
        answered_by=lead.user,
    )
    AgreementFactory(project=project, text="We listen to each other")
    SharedDefinitionFactory(project=project, word="Co-production")
    return sam


def _to_the_project(page) -> None:
    """From any page: the main menu (behind its button on a phone), Your projects, and
    the project."""
    page.get_by_role("button", name="Menu", exact=True).click()
    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Your projects"
    ).click()
    _open_the_project(page)


def _open_the_project(page) -> None:
    expect(page.get_by_role("heading", name="Your projects", level=1)).to_be_visible()
    page.get_by_role("heading", name="Day services").get_by_role("link").click()
    expect(page.get_by_role("heading", name="Your claims")).to_be_visible()


def test_a_co_producer_does_their_part_on_a_phone(phone_visit):
    visit, page = phone_visit, phone_visit.page
    sam = _project_with_sam()

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    _open_the_project(page)

    # Their home: their part, never the lead's checklist.
    for heading in HOME_HEADINGS:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.get_by_text("Yes, from June.")).to_be_visible()
    expect(page.get_by_text("We listen to each other")).to_be_visible()
    for staff_words in ("Stop", "questions answered", "Needs attention"):
        expect(page.get_by_text(staff_words)).to_have_count(0)
    visit.assert_accessible()
    visit.assert_fits_the_screen()

    # Reply to the next meeting, and add it to their calendar.
    page.get_by_role("button", name="Coming in person to April workshop").click()
    expect(page.get_by_text("We have your reply: coming in person")).to_be_visible()
    visit.assert_accessible()
    assert InvitedPerson.objects.get(meeting__title="April workshop").reply == "in_person"
    with page.expect_download() as downloading:
        page.get_by_role("link", name=re.compile(r"^Add to my calendar.*April workshop")).click()
    calendar = Path(downloading.value.path()).read_text()
    assert "SUMMARY:April workshop" in calendar
    subscribe = page.get_by_role("link", name="Subscribe to your meetings in your calendar app")
    expect(subscribe.first).to_have_attribute("href", re.compile(r"^webcal://"))

    # Tell us once what they need: one question a page, then check and save.
    _to_the_project(page)
    page.get_by_role("link", name="Tell us what you need to take part").click()
    visit.assert_accessible()
    page.get_by_role("button", name="Start").click()
    page.get_by_label("Step-free access (no stairs, or a lift)").check()
    visit.assert_accessible()
    visit.assert_fits_the_screen()
    page.get_by_role("button", name="Continue").click()
    for _ in range(10):
        if page.get_by_role("heading", name="Check your answers").count():
            break
        page.get_by_role("link", name="Skip this question").click()
        page.wait_for_load_state("load")
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()
    assert Person.objects.get(pk=sam.pk).needs_token

    # Fill in the feedback form open for them.
    _to_the_project(page)
    expect(page.get_by_text("You have told us what you need to take part.")).to_be_visible()
    page.get_by_role("link", name="Give feedback on “How was March?”").click()
    expect(page.get_by_role("heading", name="How was March?")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Fill in the form").click()
    page.get_by_label("Good", exact=True).check()
    visit.assert_accessible()
    visit.assert_fits_the_screen()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    visit.assert_accessible()

    # Claim expenses for the meeting they came to.
    _to_the_project(page)
    page.get_by_role("button", name="Claim expenses or your time").click()
    visit.assert_accessible()
    page.get_by_label("March workshop").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="March workshop")).to_be_visible()
    page.get_by_role("button", name="Add an expense").click()
    page.get_by_label("Food and drink").check()
    page.get_by_label("What was it?").fill("Lunch on the way")
    page.get_by_label("How much did it cost?").fill("6.50")
    visit.assert_accessible()
    page.get_by_role("button", name="Add expense").click()
    expect(page.get_by_text("The expense has been added to the claim.")).to_be_visible()
    page.get_by_role("button", name="Send the claim").click()
    expect(page.get_by_text("Sent, waiting for approval").first).to_be_visible()
    visit.assert_accessible()
    assert Claim.objects.get(person=sam).status == "submitted"

    # The Feedback section starts with "Give feedback" for them.
    _to_the_project(page)
    menu = page.get_by_role("navigation", name="Project")
    menu.get_by_role("button", name="Project menu").click()
    menu.get_by_role("link", name="Feedback", exact=True).click()
    expect(page.locator("main h2").first).to_have_text("Give feedback")
    visit.assert_accessible()
    page.get_by_role("link", name="Feedback forms open for you").click()
    expect(page.get_by_role("heading", name="Give feedback", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Give feedback on “How was March?”")).to_be_visible()
    visit.assert_accessible()
    visit.assert_fits_the_screen()

    # Back home: the claim waits to be approved, and "you said, we did".
    _to_the_project(page)
    expect(page.get_by_text("Sent: we will check it and approve it.")).to_be_visible()
    expect(page.get_by_text("From a meeting you came to: March workshop")).to_be_visible()
    page.get_by_role("link", name="See you said, we did").click()
    expect(page.get_by_role("heading", name="You said, we did", level=1)).to_be_visible()
    expect(page.get_by_text("We booked a cooler room.")).to_be_visible()
    visit.assert_accessible()
    visit.assert_fits_the_screen()
