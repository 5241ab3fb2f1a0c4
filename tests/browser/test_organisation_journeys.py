import pytest
from playwright.sync_api import expect

from tests.browser.test_journeys import _sign_in
from tests.factories import StaffMembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_adds_and_manages_staff(visit):
    page = visit.page
    admin = StaffMembershipFactory(is_admin=True, user__email="admin@example.org")
    _sign_in(visit, "admin@example.org")

    page.get_by_role("link", name=f"Staff of {admin.organisation.name}").click()
    visit.assert_accessible()
    page.get_by_role("button", name="Add a member of staff").click()
    visit.assert_accessible()
    page.get_by_role("button", name="Add to staff").click()
    expect(page.get_by_role("link", name="Enter their email address")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Email address").fill("new.staff@example.org")
    page.get_by_label("Full name").fill("New Staff")
    page.get_by_role("button", name="Add to staff").click()
    expect(page.get_by_text("new.staff@example.org is now on the staff")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name=f"Remove {admin.user.full_name} from the staff").click()
    expect(page.get_by_text("You cannot remove the only admin")).to_be_visible()
    visit.assert_accessible()
