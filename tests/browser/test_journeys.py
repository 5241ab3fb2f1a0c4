import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role
from tests.factories import PASSWORD, MembershipFactory, StaffMembershipFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit, email, password=PASSWORD):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(password)
    visit.page.get_by_role("button", name="Sign in").click()


def _fill_date(page, legend, day, month, year):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def test_lead_creates_a_project_invites_someone_and_they_join(visit):
    page = visit.page
    StaffMembershipFactory(user__email="lead@example.org", user__full_name="Priya Lead")

    visit.go("/")
    visit.assert_accessible()
    _sign_in(visit, "lead@example.org")
    expect(page.get_by_role("heading", name="Your projects")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Start a new project").click()
    visit.assert_accessible()
    page.get_by_role("button", name="Create project").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert page.title().startswith("Error:")
    visit.assert_accessible()

    page.get_by_label("Project name").fill("Day services review")
    page.get_by_label("What is the project?").fill("Looking again at day services.")
    page.get_by_label("Why is it happening?").fill("The contracts end next year.")
    _fill_date(page, "Start date", "4", "1", "2027")
    _fill_date(page, "End date", "30", "9", "2026")
    page.get_by_role("button", name="Create project").click()
    expect(
        page.get_by_role("link", name="The end date must be after the start date")
    ).to_be_visible()
    assert page.get_by_label("Project name").input_value() == "Day services review"
    visit.assert_accessible()

    _fill_date(page, "End date", "30", "9", "2028")
    page.get_by_role("button", name="Create project").click()
    expect(page.get_by_role("heading", name="Day services review", level=1)).to_be_visible()
    expect(page.get_by_text("4 January 2027 to 30 September 2028")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("navigation", name="Project").get_by_role(
        "link", name="Project team", exact=True
    ).click()
    visit.assert_accessible()
    page.get_by_role("button", name="Invite someone").click()
    visit.assert_accessible()
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("Their name (optional)").fill("Sam")
    page.get_by_label("Co-producer").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("We have sent an invitation to sam@example.org")).to_be_visible()
    visit.assert_accessible()

    link = re.search(r"https?://\S+/invitations/\S+/", mail.outbox[-1].body).group(0)
    page.get_by_role("button", name="Sign out").click()
    visit.assert_accessible()
    visit.go(link[link.index("/invitations/") :])
    visit.assert_accessible()
    page.get_by_label("Create a password").fill("short")
    page.get_by_role("button", name="Join the project").click()
    expect(page.get_by_role("link", name="This password is too short")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Full name").fill("Sam Smith")
    page.get_by_label("Create a password").fill("a-long-new-password-9")
    page.get_by_role("button", name="Join the project").click()

    expect(page.get_by_text("You have joined Day services review as co-producer")).to_be_visible()
    visit.assert_accessible()
    project = Project.objects.get()
    assert Membership.objects.get(project=project, user__email="sam@example.org").role == (
        Role.CO_PRODUCER
    )


def test_lead_manages_roles_and_cannot_remove_the_last_lead(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    MembershipFactory(project=lead.project, role=Role.CO_PRODUCER, user__full_name="Sam Smith")
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{lead.project_id}/people/")

    page.get_by_role("link", name="Change role for Sam Smith").click()
    visit.assert_accessible()
    page.get_by_label("Facilitator").check()
    page.get_by_role("button", name="Save role").click()
    expect(page.get_by_text("Sam Smith is now facilitator")).to_be_visible()

    page.get_by_role("link", name=f"Remove {lead.user.full_name}").click()
    visit.assert_accessible()
    page.get_by_role("button", name=f"Remove {lead.user.full_name}").click()
    expect(page.get_by_text("You cannot remove the only project lead").first).to_be_visible()
    visit.assert_accessible()


def test_sign_in_errors_lock_out_and_password_reset_pages(visit):
    page = visit.page
    UserFactory(email="sam@example.org")

    _sign_in(visit, "sam@example.org", "wrong-password")
    expect(page.get_by_text("The email address or password is not right").first).to_be_visible()
    visit.assert_accessible()
    for _ in range(5):
        _sign_in(visit, "sam@example.org", "wrong-password")
    expect(page.get_by_text("You have tried to sign in too many times").first).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="I have forgotten my password").click()
    visit.assert_accessible()
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    visit.assert_accessible()
    link = re.search(r"https?://\S+(/password-reset/\S+/)", mail.outbox[-1].body).group(1)
    visit.go(link)
    visit.assert_accessible()
    page.get_by_label("New password", exact=True).fill("a-brand-new-password")
    page.get_by_label("Type the new password again").fill("a-brand-new-password")
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_text("Your password has been changed")).to_be_visible()
    visit.assert_accessible()

    _sign_in(visit, "sam@example.org", "a-brand-new-password")
    expect(page.get_by_role("heading", name="Your projects")).to_be_visible()


def test_keyboard_user_can_skip_to_content_and_sign_in(visit):
    page = visit.page
    UserFactory(email="sam@example.org")
    visit.go("/sign-in/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("sam@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Your projects")).to_be_visible()


def test_co_producer_reads_the_project_on_a_phone(phone_visit):
    page = phone_visit.page
    membership = MembershipFactory(role=Role.CO_PRODUCER, user__email="sam@example.org")
    _sign_in(phone_visit, "sam@example.org")

    phone_visit.go(f"/projects/{membership.project_id}/")
    phone_visit.assert_accessible()
    expect(page.get_by_role("heading", name=membership.project.name, level=1)).to_be_visible()
    phone_visit.assert_fits_the_screen()
    phone_visit.go(f"/projects/{membership.project_id}/people/")
    phone_visit.assert_accessible()


# The height of the smallest phone screen we design for (320 by 568 pixels).
FIRST_SCREEN = 568


def _first_content_heading_top(page) -> float:
    """Where the first heading under the project's menus starts, from the page's top."""
    return page.evaluate(
        """() => {
            const menus = [...document.querySelectorAll("main nav")];
            const after = menus[menus.length - 1];
            const heading = [...document.querySelectorAll("main h2")].find(
                (h) => after.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING
                    && !after.contains(h)
            );
            return heading.getBoundingClientRect().top + window.scrollY;
        }"""
    )


@pytest.mark.parametrize(
    ("role", "page_path"),
    # Keeping track has an area menu under the project's: unfolded, the lead's nine
    # sections pushed its first heading to 697 pixels down.
    [(Role.LEAD, "keeping-track/"), (Role.CO_PRODUCER, "")],
)
def test_on_a_phone_the_project_menu_is_folded_and_opens_with_the_keyboard(
    phone_visit, role, page_path
):
    page = phone_visit.page
    membership = MembershipFactory(role=role, user__email="sam@example.org")
    _sign_in(phone_visit, "sam@example.org")
    phone_visit.go(f"/projects/{membership.project_id}/{page_path}")
    page.wait_for_load_state("load")

    menu = page.get_by_role("navigation", name="Project")
    button = menu.get_by_role("button", name="Project menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link", name="Overview")).to_be_hidden()
    assert _first_content_heading_top(page) < FIRST_SCREEN
    phone_visit.assert_accessible()

    for _ in range(20):
        if page.evaluate("document.activeElement.textContent.trim()") == "Project menu":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Overview"
    phone_visit.assert_accessible()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("navigation", name="Project")).to_be_visible()
    phone_visit.assert_fits_the_screen()


def test_on_a_wide_screen_the_project_menu_is_open_and_has_no_button(visit):
    page = visit.page
    membership = MembershipFactory(role=Role.LEAD, user__email="sam@example.org")
    _sign_in(visit, "sam@example.org")
    visit.go(f"/projects/{membership.project_id}/")

    menu = page.get_by_role("navigation", name="Project")
    expect(menu.get_by_role("link", name="Project team")).to_be_visible()
    expect(menu.get_by_role("button", name="Project menu")).to_have_count(0)


def test_without_javascript_the_project_menu_is_open_on_a_phone(browser, live_server):
    context = browser.new_context(
        viewport={"width": 320, "height": 640}, java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    try:
        membership = MembershipFactory(role=Role.LEAD, user__email="sam@example.org")
        page.goto(live_server.url + "/sign-in/")
        page.get_by_label("Email address").fill("sam@example.org")
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto(f"{live_server.url}/projects/{membership.project_id}/")

        menu = page.get_by_role("navigation", name="Project")
        expect(menu.get_by_role("link", name="Project team")).to_be_visible()
        expect(menu.get_by_role("button", name="Project menu")).to_be_hidden()
    finally:
        context.close()


def _manager_with_a_stop_and_a_sign_off():
    from coplan.guides.services import project_guides_ensure
    from coplan.planning.services import sign_off_ask
    from tests.factories import SignOffFactory

    manager = MembershipFactory(role=Role.MANAGER, user__email="morgan@example.org")
    project = manager.project
    project.end_date = project.start_date + datetime.timedelta(days=90)
    project.save()
    project_guides_ensure(project=project)
    lead = MembershipFactory(project=project, role=Role.LEAD)
    sign_off_ask(
        sign_off=SignOffFactory(
            project=project, signer=manager, signer_outside="", what="Logo check"
        ),
        lead=lead,
        manager=manager,
        parts=["readiness"],
        gaps_accepted=True,
    )
    return project


def test_a_manager_finds_what_waits_for_them_and_goes_straight_to_it(visit):
    page = visit.page
    project = _manager_with_a_stop_and_a_sign_off()
    _sign_in(visit, "morgan@example.org")

    expect(page.get_by_role("heading", name="Decisions waiting for you")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name=project.name, exact=True).last.click()
    expect(page.get_by_role("heading", name="Waiting for you to sign off")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Read it and sign it off Logo check").click()
    expect(page.get_by_role("heading", name="Logo check: version 1", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Sign it off, or ask for changes")).to_be_visible()
    visit.assert_accessible()
    page.go_back()
    # The lead has not chosen a way forward yet: the manager reads the decision to come.
    page.get_by_role("link", name="See the decision").click()
    expect(page.get_by_role("heading", name="The plan says stop", level=1)).to_be_visible()
    visit.assert_accessible()


def test_a_facilitator_sees_their_next_session_on_a_phone(phone_visit):
    from tests.factories import ActionFactory, AgreementFactory, CarParkItemFactory, MeetingFactory

    page = phone_visit.page
    facilitator = MembershipFactory(role=Role.FACILITATOR, user__email="fran@example.org")
    project = facilitator.project
    soon = datetime.date.today() + datetime.timedelta(days=7)
    MeetingFactory(project=project, title="Planning day", meets_on=soon)
    AgreementFactory(project=project, text="We take turns to speak")
    CarParkItemFactory(project=project, text="Parking at the venue")
    ActionFactory(project=project, what="Book the hall", due_on=soon)
    _sign_in(phone_visit, "fran@example.org")
    phone_visit.go(f"/projects/{project.pk}/")

    expect(page.get_by_role("heading", name="Your next session")).to_be_visible()
    expect(page.get_by_text("We take turns to speak")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    page.get_by_role("link", name="Parking at the venue").click()
    expect(page.get_by_role("heading", name="Parking at the venue")).to_be_visible()
    phone_visit.assert_accessible()
    page.go_back()
    page.get_by_role("link", name="Start the session record").click()
    phone_visit.assert_accessible()


def test_a_manager_reads_what_waits_for_them_on_a_phone(phone_visit):
    page = phone_visit.page
    project = _manager_with_a_stop_and_a_sign_off()
    _sign_in(phone_visit, "morgan@example.org")

    expect(page.get_by_role("heading", name="Projects not ready")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    phone_visit.go(f"/projects/{project.pk}/")
    expect(page.get_by_role("heading", name="Decisions waiting for you")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
