"""Claiming money in Easy Read on a 320-pixel phone, with the keyboard alone (issue 15):
a co-producer turns Easy Read on, starts a claim and adds an expense. Each page has
its pictures loaded, no Easy Read words under 19 pixels, zero axe violations and
nothing wider than the screen. Screenshots go to /tmp/easy-read-pages/ (the temporary
folder, or EASY_READ_SCREENSHOTS) for a person to look at."""

import pytest
from playwright.sync_api import expect

from coplan.payments.models import Claim
from coplan.projects.roles import Role
from tests.browser.test_easy_read_journey import SCREENSHOTS, _looks_easy_read
from tests.factories import (
    PASSWORD,
    InvolvementFactory,
    MembershipFactory,
    PaymentChoiceFactory,
    PaymentPolicyFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FOCUSED_WORDS = "document.activeElement.textContent.trim()"


def _tab_to(page, words: str = "", *, field_id: str = "") -> None:
    """Press Tab until the keyboard is on the button or link with these words, or on
    the field with this id."""
    for _ in range(60):
        page.keyboard.press("Tab")
        if field_id and page.evaluate("document.activeElement.id") == field_id:
            return
        if words and page.evaluate(FOCUSED_WORDS) == words:
            return
    raise AssertionError(f"Tab never reached {words or field_id}")


def test_a_co_producer_claims_money_in_easy_read_with_the_keyboard_alone(phone_visit):
    visit, page = phone_visit, phone_visit.page
    member = MembershipFactory(
        role=Role.CO_PRODUCER, user__email="kai@example.org", project__name="Day services"
    )
    person = InvolvementFactory(project=member.project, person__user=member.user).person
    PaymentPolicyFactory(organisation=member.project.organisation)
    PaymentChoiceFactory(person=person)
    payments = f"/projects/{member.project_id}/payments/"

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill("kai@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Day services")).to_be_visible()

    # Easy Read is off until they turn it on, with the keyboard.
    visit.go(payments)
    _tab_to(page, "Turn Easy Read on")
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Turn Easy Read off")).to_be_focused()

    # Start a claim for something other than a meeting.
    _tab_to(page, "Claim money")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Start a claim", level=1)).to_be_visible()
    expect(page.get_by_text("Tell us the date you did it.")).to_be_visible()
    _looks_easy_read(visit, "7-start-a-claim")
    _tab_to(page, field_id="id_meeting")
    page.keyboard.press("Space")
    expect(page.get_by_label("Something else, like reading papers or preparing")).to_be_checked()
    _tab_to(page, field_id="id_activity")
    page.keyboard.type("Read the papers")
    page.keyboard.press("Tab")
    page.keyboard.type("2")
    page.keyboard.press("Tab")
    page.keyboard.type("3")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    _tab_to(page, "Continue")
    page.keyboard.press("Enter")

    # Their claim, in Easy Read.
    expect(page.get_by_text("You did this on Monday 2 March 2026.")).to_be_visible()
    _looks_easy_read(visit, "8-their-claim")
    _tab_to(page, "Add an expense")
    page.keyboard.press("Enter")

    # Add an expense: a mistake first, shown beside the field, then put right.
    expect(page.get_by_role("heading", name="Add an expense", level=1)).to_be_visible()
    expect(page.get_by_text("How much money did you pay?")).to_be_visible()
    _looks_easy_read(visit, "9-add-an-expense")
    _tab_to(page, field_id="id_category")
    for _ in range(6):
        if page.get_by_label("Food and drink").is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Food and drink")).to_be_checked()
    _tab_to(page, field_id="id_description")
    page.keyboard.type("Lunch")
    _tab_to(page, field_id="id_amount")
    page.keyboard.type("four pounds")
    _tab_to(page, "Add expense")
    page.keyboard.press("Enter")
    beside = page.locator("#id_amount-error")
    expect(beside).to_contain_text("Enter the amount in pounds and pence, like 4.50")
    expect(page.get_by_role("button", name="Turn Easy Read off")).to_be_visible()
    _looks_easy_read(visit, "10-expense-mistake")
    assert not Claim.objects.get().lines.exists()
    page.get_by_label("How much did it cost?").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("4.50")
    _tab_to(page, "Add expense")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Food and drink: £4.50.")).to_be_visible()
    _looks_easy_read(visit, "11-claim-with-expense")
    line = Claim.objects.get().lines.get()
    assert (line.category, line.amount_pence, line.description) == ("food", 450, "Lunch")
    assert (SCREENSHOTS / "11-claim-with-expense.png").exists()
