import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_signed_out_visitor_reads_how_we_keep_their_information_safe(visit):
    page = visit.page
    visit.go("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Security and data protection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Security and data protection")
    expect(page.get_by_role("heading", name="Access needs")).to_be_visible()
    expect(page.get_by_role("heading", name="Your rights")).to_be_visible()
    visit.assert_accessible()
