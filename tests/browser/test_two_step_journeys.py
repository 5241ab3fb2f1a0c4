"""Finance, on a phone, sets up two-step sign-in the first time they sign in, and signs
in with a code the next time: axe on every page, each fitting 320 pixels."""

import pytest
from playwright.sync_api import expect

from coplan.projects.roles import Role
from tests.accounts.authenticator import code_from
from tests.factories import PASSWORD, MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _password(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()


def _checked(visit):
    visit.assert_accessible()
    visit.assert_fits_the_screen()


def test_finance_sets_up_two_step_sign_in_on_a_phone_then_uses_it(phone_visit, settings):
    settings.TWO_STEP_REQUIRED = True
    finance = MembershipFactory(role=Role.FINANCE, user__full_name="Fin Finance").user
    page = phone_visit.page

    _password(phone_visit, finance.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-step sign-in")
    expect(page.get_by_text("You see bank details and pay claims in")).to_be_visible()
    _checked(phone_visit)
    page.get_by_text("I cannot scan the QR code").click()
    key = page.locator(".coplan-key").inner_text()
    page.get_by_label("Code from your app").fill(code_from(key))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    expect(page.locator(".coplan-recovery-codes li")).to_have_count(10)
    _checked(phone_visit)
    page.get_by_role("button", name="I have saved my recovery codes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your projects")

    page.context.clear_cookies()
    _password(phone_visit, finance.email)
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter the code from your app")
    _checked(phone_visit)
    page.get_by_label("Code").fill(code_from(key))
    page.get_by_label("Code").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your projects")
