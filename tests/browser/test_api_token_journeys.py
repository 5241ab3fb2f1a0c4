"""A member of staff makes an API token, copies it once and stops it; their organisation
admin sees and stops another: axe on every page."""

import pytest
from playwright.sync_api import expect

from coplan.api import services
from coplan.projects.roles import Role
from tests.browser.test_journeys import _sign_in
from tests.factories import MembershipFactory, StaffMembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_member_makes_a_token_sees_it_once_and_stops_it(visit):
    staff = StaffMembershipFactory(user__full_name="Sam Staff")
    page = visit.page

    _sign_in(visit, staff.user.email)
    visit.go("/your-account/")
    page.get_by_role("link", name="API tokens, for linking other systems").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens")
    visit.assert_accessible()
    page.get_by_role("button", name="Make an API token").click()
    page.get_by_role("button", name="Make the token").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name for the token")
    visit.assert_accessible()
    page.get_by_label("Name").fill("Our CRM")
    page.get_by_label("90 days").check()
    page.get_by_label("Read only: see what you can see on the pages").check()
    page.get_by_role("button", name="Make the token").click()
    expect(page.locator("#new-token")).to_contain_text("coplan_")
    visit.assert_accessible()
    page.reload()
    expect(page.locator("#new-token")).to_have_count(0)
    page.get_by_role("link", name="Stop it working (Our CRM)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop this token working?")
    visit.assert_accessible()
    page.get_by_role("button", name="Yes, stop it working").click()
    expect(page.locator(".govuk-table")).to_contain_text("Stopped")


def test_organisation_admin_stops_a_staff_members_token(visit):
    admin = StaffMembershipFactory(is_admin=True)
    staff = StaffMembershipFactory(organisation=admin.organisation, user__full_name="Sam Staff")
    services.access_token_create(user=staff.user, name="Dashboard", scope="read", days=30)
    page = visit.page

    _sign_in(visit, admin.user.email)
    page.get_by_role("link", name=f"API tokens of {admin.organisation.name}'s staff").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens of your staff")
    visit.assert_accessible()
    page.get_by_role("button", name="Stop it working (Dashboard of Sam Staff)").click()
    expect(page.locator(".govuk-table")).to_contain_text("Stopped")
    visit.assert_accessible()


def _make_a_read_only_token(visit, name: str) -> str:
    """Make a token for 30 days that can only read; the token, as shown once."""
    page = visit.page
    visit.go("/your-account/api-tokens/new/")
    page.get_by_label("Name").fill(name)
    page.get_by_label("30 days").check()
    page.get_by_label("Read only: see what you can see on the pages").check()
    page.get_by_role("button", name="Make the token").click()
    expect(page.locator("#new-token")).to_contain_text("coplan_")
    return page.locator("#new-token").inner_text().strip()


def test_a_co_producer_makes_a_token_on_a_phone(phone_visit):
    member = MembershipFactory(role=Role.CO_PRODUCER, user__full_name="Cora Producer")
    services.access_token_create(user=member.user, name="My own dashboard", scope="read", days=30)

    _sign_in(phone_visit, member.user.email)
    _make_a_read_only_token(phone_visit, "Another dashboard")
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()


def test_a_finance_officer_follows_how_to_use_the_api_and_tries_a_call(visit):
    """From the tokens page to the API's own page: every call listed, Swagger UI served
    by the app (no other site), and a call tried with the token just made gives the
    officer's project. Axe at each step, Swagger's sign-in box included."""
    member = MembershipFactory(role=Role.FINANCE, project__name="Carers' forum")
    page = visit.page

    _sign_in(visit, member.user.email)
    token = _make_a_read_only_token(visit, "Finance system")
    outside = []
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(visit.base_url) else outside.append(request.url)
        ),
    )
    page.get_by_role("link", name="How to use the API").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("How to use the API")
    expect(page.locator(".app-api-calls")).to_contain_text(
        "POST /api/v1/projects/{project_id}/claims/{claim_id}/paid"
    )
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Authorize").click()
    page.locator(".modal-ux input").fill(token)
    page.locator(".modal-ux").get_by_role("button", name="Authorize").click()
    expect(page.locator(".modal-ux")).to_contain_text("Authorized")
    visit.assert_accessible()
    page.get_by_role("button", name="Close").first.click()
    page.locator("#operations-tag-projects").click()
    page.locator(
        "#operations-projects-coplan_api_endpoints_projects .opblock-summary-control"
    ).click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()

    answer = page.locator(".live-responses-table .response")
    expect(answer.locator(".response-col_status")).to_have_text("200")
    expect(answer).to_contain_text("Carers' forum")
    visit.assert_accessible()
    assert outside == []


def test_the_api_page_fits_a_phone(phone_visit):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    page = phone_visit.page

    _sign_in(phone_visit, member.user.email)
    phone_visit.go("/your-account/api-tokens/")
    page.get_by_role("link", name="How to use the API").click()
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
