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


def test_the_webhook_pages_fit_a_phone(phone_visit, receiver):  # noqa: F811
    visit = phone_visit
    admin = StaffMembershipFactory(is_admin=True, user__email="admin@example.org")
    made = services.webhook_create(
        organisation=admin.organisation,
        url=receiver.url + "/a-long-path/that-goes-on-and-on/for-a-finance-system",
        events=["claim.approved", "claim.paid", "meeting.changed"],
        by=admin.user,
    )
    receiver.answers = [302]
    delivery = services.webhook_test_send(webhook=made.webhook)
    services.deliveries_send_due()
    _sign_in(visit, "admin@example.org")
    base = f"/organisations/{admin.organisation_id}/webhooks/"

    for path in (
        base,
        f"{base}{made.webhook.pk}/",
        f"{base}{made.webhook.pk}/deliveries/{delivery.pk}/",
    ):
        visit.go(path)
        visit.assert_accessible()
        visit.assert_fits_the_screen()
