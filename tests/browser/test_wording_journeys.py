import pytest
from playwright.sync_api import expect

from tests.browser.test_journeys import _sign_in
from tests.factories import StaffMembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_wording_is_checked_as_you_type_and_a_suggestion_can_be_used(visit):
    page = visit.page
    StaffMembershipFactory(user__email="lead@example.org")
    _sign_in(visit, "lead@example.org")
    visit.go("/projects/new/")
    description = page.get_by_label("What is the project?")

    description.fill("Going forward we will signpost people to the SCIA team.")

    status = page.locator("#id_description-language-status")
    expect(status).to_contain_text("suggestions about the wording")
    expect(page.locator("#id_description-language-findings mark").first).to_have_text(
        "Going forward [1]"
    )
    visit.assert_accessible()

    page.get_by_role("button", name="Use “From now on”").click()
    expect(description).to_have_value("From now on we will signpost people to the SCIA team.")
    expect(page.locator("#id_description-language-findings")).not_to_contain_text("Going forward")

    page.get_by_role("button", name="“SCIA” is fine here").click()
    expect(page.locator("#id_description-language-findings")).not_to_contain_text("[SCIA]")
    expect(page.get_by_role("button", name="“SCIA” is fine here")).to_have_count(0)
    visit.assert_accessible()


def test_check_wording_page_works_without_javascript(browser, live_server):
    UserFactory(email="sam@example.org")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-test-password-42")
    page.get_by_role("button", name="Sign in").click()

    page.goto(live_server.url + "/check-wording/")
    page.get_by_label("Text to check").fill("We will action this ASAP.")
    page.get_by_role("button", name="Check wording").click()

    expect(page.get_by_role("status")).to_contain_text("suggestions about the wording")
    expect(page.locator("mark").first).to_be_visible()
    context.close()


def test_check_wording_page_is_accessible(visit):
    UserFactory(email="sam@example.org")
    _sign_in(visit, "sam@example.org")
    visit.page.get_by_role("link", name="Check wording").click()
    visit.assert_accessible()
    visit.page.get_by_label("Text to check").fill("Please liaise with the MDT going forward.")
    visit.page.get_by_label("Easy Read", exact=False).check()
    visit.page.get_by_role("button", name="Check wording").click()
    expect(visit.page.get_by_text("What we found")).to_be_visible()
    visit.assert_accessible()


def test_easy_read_version_page_is_accessible(visit):
    UserFactory(email="sam@example.org")
    _sign_in(visit, "sam@example.org")
    visit.go("/check-wording/")
    visit.page.get_by_role("link", name="Make an Easy Read version of a text").click()
    visit.assert_accessible()
    visit.page.get_by_label("Text to make Easy Read").fill(
        "We want to hear from you. Please come to the meeting going forward."
    )
    visit.page.get_by_role("button", name="Show Easy Read version").click()
    expect(visit.page.get_by_role("cell", name="We want to hear from you.")).to_be_visible()
    # The meeting line has its picture on the left, loaded, with its words for a
    # screen reader; the first line is about nothing in the bank and has none.
    picture = visit.page.get_by_role("img", name="People meeting")
    expect(picture).to_be_visible()
    assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
    assert visit.page.locator("tbody img").count() == 1
    expect(visit.page.get_by_text("Picture to choose")).to_have_count(0)
    visit.assert_accessible()
