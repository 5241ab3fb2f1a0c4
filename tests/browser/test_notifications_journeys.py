"""Updates in a real browser, with axe on every page: a co-producer is told about an
action and an answer, opens them from the header's "Updates" (on a phone too), follows a
link straight to the action, and chooses to get actions in one email a day; an
organisation admin sets up GOV.UK Notify for texts and letters."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from coplan.notifications.models import NotifyAccount, UpdateChoice
from coplan.planning.services import sign_off_create
from coplan.projects.roles import Role
from coplan.working_together import services
from tests.factories import PASSWORD, MembershipFactory, StaffMembershipFactory
from tests.notifications.conftest import NOTIFY_KEY, TEXT_TEMPLATE, smtp_server  # noqa: F401
from tests.notifications.worker import run_worker

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


def test_a_manager_follows_the_emails_link_to_what_waits_for_them(
    visit,
    smtp_server,  # noqa: F811 (the SMTP server fixture imported above)
    settings,
):
    """The handover email's link, sent through a real SMTP server by the real worker,
    takes the manager through sign-in straight to the sign-off register, where it waits
    for the lead to send what they are to read (see test_sign_off_journeys)."""
    settings.SITE_URL = visit.base_url
    manager = MembershipFactory(role=Role.MANAGER, user__email="morgan@example.org")
    MembershipFactory(project=manager.project, role=Role.LEAD)
    sign_off_create(
        project=manager.project,
        what="The logo on the leaflet",
        signer=manager,
        signer_outside="",
        due_on=datetime.date(2027, 3, 1),
        note="",
    )
    run_worker()

    [subject] = smtp_server.to("morgan@example.org")
    assert subject == "Waiting for you to sign off: The logo on the leaflet"
    # The email's first link is the one to what waits; then their updates and choices.
    link = re.findall(
        rf"{re.escape(visit.base_url)}/\S+", smtp_server.body_to("morgan@example.org")
    )[0]
    page = visit.page
    page.goto(link)
    _heading(page, "Sign in")
    visit.assert_accessible()
    page.get_by_label("Email address").fill("morgan@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    _heading(page, "Sign-offs")
    expect(page.get_by_text("The logo on the leaflet").first).to_be_visible()
    visit.assert_accessible()
