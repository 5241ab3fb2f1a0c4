"""A whole session in a real browser, with axe on every page: the facilitator revisits
the agreements, a co-producer on a phone adds to the car park, the lead closes the item
with an answer, and the co-producer reads it."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coplan.projects.roles import Role
from coplan.working_together import services
from coplan.working_together.models import AgreementRevisit, CarParkItem, CarParkStatus
from tests.factories import (
    PASSWORD,
    ActionFactory,
    MembershipFactory,
    SessionRecordFactory,
    SharedDefinitionFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def _heading(page, name):
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def test_a_whole_session_agreements_revisited_car_park_item_added_on_a_phone_and_answered(
    visit, phone_visit
):
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    project = lead.project
    facilitator = MembershipFactory(
        project=project, role=Role.FACILITATOR, user__email="fran@example.org"
    )
    MembershipFactory(
        project=project,
        role=Role.CO_PRODUCER,
        user__email="cara@example.org",
        user__full_name="Cara Co-producer",
    )
    first = SessionRecordFactory(project=project, held_on=timezone.localdate(), title="Workshop 1")
    for text in ("We treat each other with respect", "One person speaks at a time"):
        services.agreement_write(project=project, text=text, by=facilitator.user, session=first)
    SharedDefinitionFactory(
        project=project, word="co-production", meaning="Working together as equals."
    )
    session = SessionRecordFactory(
        project=project, held_on=timezone.localdate(), title="Workshop 2"
    )

    # The facilitator opens the session and revisits the agreements.
    page = visit.page
    _sign_in(visit, "fran@example.org")
    visit.go(f"/projects/{project.pk}/")
    page.get_by_role("navigation", name="Project").get_by_role(
        "link", name="Working together"
    ).click()
    _heading(page, "Working together")
    visit.assert_accessible()
    page.get_by_role("navigation", name="Working together").get_by_role(
        "link", name="Sessions"
    ).click()
    _heading(page, "Sessions")
    visit.assert_accessible()
    page.get_by_role("link", name="Workshop 2", exact=True).click()
    _heading(page, "Workshop 2")
    expect(page.get_by_text("Working together as equals.")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Revisit the agreements").click()
    _heading(page, "Revisit the agreements")
    visit.assert_accessible()
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_role("link", name="Select whether the group is still happy with its agreements")
    ).to_be_visible()
    assert page.title().startswith("Error:")
    visit.assert_accessible()

    page.get_by_role("link", name="Change agreement 2").click()
    _heading(page, "Change an agreement")
    visit.assert_accessible()
    page.get_by_label("The agreement, in the group's own words").fill(
        "One person speaks at a time, and everyone gets a turn"
    )
    page.get_by_role("button", name="Save changes").click()
    _heading(page, "Workshop 2")
    expect(page.get_by_text("everyone gets a turn")).to_be_visible()
    page.get_by_role("button", name="Revisit the agreements").click()
    page.get_by_label("The group changed the agreements").check()
    page.get_by_label("If the group changed them, what changed?").fill(
        "Everyone gets a turn to speak."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The group changed the agreements. What changed")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="Go through the key essentials").click()
    _heading(page, "Key essentials for this session")
    visit.assert_accessible()
    page.get_by_label("Take turns to speak").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("1 of 14 key essentials are in place")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    assert AgreementRevisit.objects.get(session=session).what_changed == (
        "Everyone gets a turn to speak."
    )

    # A co-producer, on a phone, adds to the car park during the session.
    phone = phone_visit.page
    _sign_in(phone_visit, "cara@example.org")
    phone_visit.go(f"/projects/{project.pk}/working-together/sessions/{session.pk}/")
    _heading(phone, "Workshop 2")
    expect(phone.get_by_text("Key essentials")).to_have_count(0)
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    phone.get_by_role("button", name="Add to the car park").click()
    _heading(phone, "Add to the car park")
    phone_visit.assert_accessible()
    phone.get_by_role("button", name="Add to the car park").click()
    expect(
        phone.get_by_role("link", name="Enter what you want to put in the car park")
    ).to_be_visible()
    phone_visit.assert_accessible()
    phone.get_by_label("What do you want to put in the car park?").fill(
        "Can the bus company come to a meeting?"
    )
    phone.get_by_role("button", name="Add to the car park").click()
    _heading(phone, "Workshop 2")
    expect(
        phone.get_by_role("heading", name="Can the bus company come to a meeting?")
    ).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    item = CarParkItem.objects.get()
    assert item.session == session

    # The lead follows it up and closes it with an answer.
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{project.pk}/working-together/car-park/")
    _heading(page, "Car park")
    visit.assert_accessible()
    page.get_by_role("link", name="View this car park item").click()
    _heading(page, "Car park item")
    visit.assert_accessible()
    page.get_by_role("link", name="Follow it up: who, what will happen and by when").click()
    _heading(page, "Follow up a car park item")
    visit.assert_accessible()
    page.get_by_label("What will happen to it?").fill("Ask the bus company.")
    group = page.get_by_role("group", name="By when?")
    soon = timezone.localdate()
    group.get_by_label("Day").fill(str(soon.day))
    group.get_by_label("Month").fill(str(soon.month))
    group.get_by_label("Year").fill(str(soon.year))
    page.get_by_role("button", name="Save").click()
    _heading(page, "Car park item")
    page.get_by_role("link", name="Answer it").click()
    _heading(page, "Answer a car park item")
    visit.assert_accessible()
    page.get_by_label("The answer").fill("Yes: they will come to the meeting in May.")
    page.get_by_role("button", name="Share the answer").click()
    expect(page.get_by_text("The answer has been shared with everyone")).to_be_visible()
    visit.assert_accessible()
    item.refresh_from_db()
    assert item.status == CarParkStatus.ANSWERED

    # The co-producer reads the answer, and the minutes.
    phone_visit.go(f"/projects/{project.pk}/working-together/car-park/")
    _heading(phone, "Car park")
    phone.get_by_role("link", name="See the answered items (1)").click()
    _heading(phone, "Car park")
    expect(phone.get_by_text("Yes: they will come to the meeting in May.")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    phone_visit.go(f"/projects/{project.pk}/working-together/sessions/{session.pk}/minutes/")
    _heading(phone, "Minutes: Workshop 2")
    expect(phone.get_by_text("Can the bus company come to a meeting?")).to_be_visible()
    phone_visit.assert_accessible()


def test_the_owner_marks_an_action_done_on_a_phone(phone_visit):
    owner = MembershipFactory(role=Role.CO_PRODUCER, user__email="cara@example.org")
    project = owner.project
    ActionFactory(project=project, owner=owner, what="Ask the bus company about Saturdays")

    page = phone_visit.page
    _sign_in(phone_visit, "cara@example.org")
    phone_visit.go(f"/projects/{project.pk}/working-together/actions/")
    _heading(page, "Actions")
    # The action's words are hidden but read out: "Mark as done: Ask the bus company…".
    done = page.get_by_role(
        "button", name=re.compile(r"^Mark as done\s*: Ask the bus company about Saturdays$")
    )
    expect(done).to_have_text("Mark as done: Ask the bus company about Saturdays")
    phone_visit.assert_accessible()
    done.click()
    expect(page.get_by_role("button", name="Mark as done")).to_have_count(0)
    phone_visit.assert_accessible()


def test_the_lead_saves_an_agreement_with_hard_words_on_a_phone_and_is_told_to_check_them(
    phone_visit,
):
    """The warning after saving ('Check the wording') reads well on a phone and passes
    axe; what was typed is saved as typed."""
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    page = phone_visit.page
    _sign_in(phone_visit, "lead@example.org")
    page.get_by_role("link", name=lead.project.name).click()
    page.get_by_role("button", name="Project menu").click()
    page.get_by_role("link", name="Working together").click()
    page.get_by_role("link", name="Agreements", exact=True).click()
    page.get_by_role("button", name="Add an agreement").or_(
        page.get_by_role("link", name="Add an agreement")
    ).first.click()
    page.locator("textarea").first.fill("We will report on stakeholder engagement going forward.")
    page.get_by_role("button", name=re.compile("^(Add|Save)")).first.click()

    warning = page.locator(".govuk-notification-banner").filter(has_text="Check the wording")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("stakeholder engagement")
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    assert lead.project.agreements.get().text == (
        "We will report on stakeholder engagement going forward."
    )
