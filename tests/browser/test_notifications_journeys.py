"""Updates in a real browser, with axe on every page: a co-producer is told about an
action and an answer, opens them from the header's "Updates" (on a phone too), follows a
link straight to the action, and chooses to get actions in one email a day; an
organisation admin sets up GOV.UK Notify for texts and letters."""

import datetime

import pytest
from playwright.sync_api import expect

from coplan.notifications.models import NotifyAccount, UpdateChoice
from coplan.projects.roles import Role
from coplan.working_together import services
from tests.factories import PASSWORD, MembershipFactory, StaffMembershipFactory
from tests.notifications.conftest import NOTIFY_KEY, TEXT_TEMPLATE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def _heading(page, name):
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def test_a_co_producer_reads_their_updates_follows_one_and_chooses_a_daily_email(
    visit, phone_visit
):
    lead = MembershipFactory(role=Role.LEAD)
    cara = MembershipFactory(
        project=lead.project, role=Role.CO_PRODUCER, user__email="cara@example.org"
    )
    item = services.car_park_item_add(
        project=lead.project, text="Can we meet in the evenings?", by=cara.user
    )
    services.car_park_item_answer(item=item, answer="Yes, from June.", by=lead.user)
    services.action_add(
        project=lead.project,
        what="Book the room",
        owner=cara,
        due_on=datetime.date(2027, 3, 1),
        by=lead.user,
    )

    # On a phone first: the Updates page fits and passes axe.
    _sign_in(phone_visit, "cara@example.org")
    phone_visit.page.get_by_role("button", name="Menu").click()
    phone_visit.page.get_by_role("link", name="Updates").click()
    _heading(phone_visit.page, "Updates")
    phone_visit.assert_accessible()

    page = visit.page
    _sign_in(visit, "cara@example.org")
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Updates").click()
    _heading(page, "Updates")
    expect(
        page.get_by_text("You put ‘Can we meet in the evenings?’ in the car park")
    ).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="An action for you: Book the room").click()
    _heading(page, "Actions")
    expect(page.get_by_role("heading", name="Book the room")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("navigation", name="Main menu").get_by_role(
        "link", name="Your account"
    ).click()
    page.get_by_role("link", name="Choose what we send you, and when").click()
    _heading(page, "What we send you")
    visit.assert_accessible()

    page.get_by_role("group", name="Someone gives you an action").get_by_label(
        "In one email a day"
    ).check()
    page.get_by_role("button", name="Save what we send you").click()
    expect(page.get_by_text("We have saved what we send you.")).to_be_visible()
    visit.assert_accessible()
    chosen = UpdateChoice.objects.get(user=cara.user, kind="working_together.action_given")
    assert chosen.delivery == "daily"


def test_an_admin_sets_up_texts_and_letters_through_gov_uk_notify(visit):
    admin = StaffMembershipFactory(is_admin=True, user__email="admin@example.org")
    organisation = admin.organisation

    page = visit.page
    _sign_in(visit, "admin@example.org")
    page.get_by_role("link", name=f"Texts and letters from {organisation.name}").click()
    _heading(page, "Texts and letters")
    visit.assert_accessible()

    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="Enter the API key")).to_be_visible()
    visit.assert_accessible()

    page.get_by_label("API key").fill(NOTIFY_KEY)
    page.get_by_label("Text message template ID").fill(TEXT_TEMPLATE)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("GOV.UK Notify is set up")).to_be_visible()
    expect(page.get_by_text("Set: the key called ‘coplan_test’")).to_be_visible()
    visit.assert_accessible()
    assert NotifyAccount.objects.get().text_template_id == TEXT_TEMPLATE
