import re

import pytest
from playwright.sync_api import expect

from coplan.webhooks import services
from tests.browser.test_journeys import _sign_in
from tests.factories import StaffMembershipFactory
from tests.webhooks.conftest import receiver  # noqa: F401 - a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_sets_up_a_webhook_tests_it_and_reads_the_log(visit, receiver):  # noqa: F811
    page = visit.page
    admin = StaffMembershipFactory(is_admin=True, user__email="admin@example.org")
    _sign_in(visit, "admin@example.org")

    page.get_by_role("link", name=re.compile(f"Webhooks of {admin.organisation.name}")).click()
    visit.assert_accessible()
    page.get_by_role("button", name="Set up a webhook").click()
    page.get_by_label("Address to send events to").fill("finance.example.org")
    page.get_by_label("A claim is paid").check()
    page.get_by_role("button", name="Set up the webhook").click()
    expect(
        page.get_by_role("link", name=re.compile("Enter an address that starts with https"))
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Address to send events to").fill(receiver.url)
    page.get_by_role("button", name="Set up the webhook").click()
    expect(page.get_by_text("Copy the secret into your system now")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Continue").click()
    visit.assert_accessible()

    page.get_by_role("button", name="Send a test event").click()
    services.deliveries_send_due()
    page.reload()
    expect(page.get_by_role("cell", name="Delivered")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Test event").click()
    expect(page.get_by_text("Nothing: it was delivered")).to_be_visible()
    visit.assert_accessible()
    assert len(receiver.received) == 1
