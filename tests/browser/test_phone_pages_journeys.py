"""The lead's and finance's pages on a 320-pixel phone, reached with the keyboard alone
through links (Tab to the link, Enter): the participants list and one person, the
budget, the sign-offs, the access needs log, the venues, the staff, the project team,
the claims and one claim. Each page has zero axe violations and nothing wider than the
screen; a wide table scrolls sideways in its own box, reached and scrolled with the
keyboard. Screenshots go to /tmp/phone-pages/ (the temporary folder, or
PHONE_SCREENSHOTS) for a person to look at."""

import datetime
import os
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coplan.payments.models import Claim, ClaimLine
from coplan.planning.models import Budget, SignOffStatus
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    BudgetLineFactory,
    InvolvementFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    SignOffFactory,
    StaffMembershipFactory,
    StakeholderGroupFactory,
    VenueFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(os.environ.get("PHONE_SCREENSHOTS", Path(tempfile.gettempdir()) / "phone-pages"))
LONG_EMAIL = "ada.jones-whitfield@oxfordshire-day-services.example.org"
ADDRESS = "12 High Street\nBanbury\nOX16 5AA"

# Whether the keyboard is on a link or button with these words seen on the screen
# (the words for screen readers only aside).
FOCUSED_ON = """(words) => {
  const focused = document.activeElement;
  if (!["A", "BUTTON"].includes(focused.tagName)) return false;
  const seen = focused.cloneNode(true);
  seen.querySelectorAll(".govuk-visually-hidden").forEach((hidden) => hidden.remove());
  return seen.textContent.trim().split(/\\s+/).join(" ") === words;
}"""
# Whether the keyboard is on the box (a region) named this.
FOCUSED_ON_BOX = """(name) => {
  const focused = document.activeElement;
  return focused.getAttribute("role") === "region" && focused.ariaLabel === name;
}"""


def _tab_to(page, words: str, *, focused_on: str = FOCUSED_ON) -> None:
    """Press Tab until the keyboard is on the link or button with these words."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(focused_on, words):
            return
    raise AssertionError(f"Tab never reached {words!r} on {page.url}")


def _follow(page, words: str, heading: str) -> None:
    """Tab to the link with these words and press Enter: the page headed `heading`."""
    _tab_to(page, words)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=heading, level=1, exact=True)).to_be_visible()


def _project_menu(page, words: str, heading: str) -> None:
    """On a phone the project's menu is folded behind its button: open it, then follow."""
    _tab_to(page, "Project menu")
    page.keyboard.press("Enter")
    _follow(page, words, heading)


def _scrolled_sideways(box) -> float:
    """How far the box has scrolled sideways, once the keyboard's smooth scroll is done
    (a page's CSP allows no string for the browser to run, so no `wait_for_function`)."""
    scrolled = 0.0
    for _ in range(20):
        scrolled = box.evaluate("(box) => box.scrollLeft")
        if scrolled > 0:
            break
        box.page.wait_for_timeout(100)
    return scrolled


def _looks_right(visit, name: str) -> None:
    visit.assert_accessible()
    visit.assert_fits_the_screen()
    SCREENSHOTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _sign_in(visit, email: str) -> None:
    visit.page.context.clear_cookies()
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects", level=1)).to_be_visible()


def _project() -> None:
    """Day services at Oxfordshire County Council: a lead who is its admin, finance, two
    participants (one with a long email address), a venue, a budget, sign-offs and a
    claim waiting for approval."""
    organisation = OrganisationFactory(name="Oxfordshire County Council")
    project = ProjectFactory(organisation=organisation, name="Day services")
    lead = MembershipFactory(project=project, role=Role.LEAD, user__email="lead@example.org")
    StaffMembershipFactory(organisation=organisation, user=lead.user, is_admin=True)
    MembershipFactory(project=project, role=Role.FINANCE, user__email="jo@example.org")

    group = StakeholderGroupFactory(project=project, name="People who use day services")
    InvolvementFactory(
        project=project,
        group=group,
        person__full_name="Ada Jones-Whitfield",
        person__email=LONG_EMAIL,
        person__contact_by="email",
        person__address=ADDRESS,
    )
    ben = InvolvementFactory(
        project=project,
        group=group,
        person__full_name="Ben Okafor",
        person__phone="07700 900123",
        person__contact_by="text",
    ).person
    VenueFactory(organisation=organisation, name="Banbury Community Centre and Library")

    Budget.objects.create(project=project, held_pence=600_000, money_source="The engagement budget")
    BudgetLineFactory(project=project, category="paying_people", planned_pence=300_000)
    BudgetLineFactory(project=project, category="expenses", planned_pence=120_000)
    SignOffFactory(project=project, what="The plan for involving people")
    SignOffFactory(
        project=project,
        what="Paying people £15 an hour for their time",
        status=SignOffStatus.SIGNED,
        signed_on=datetime.date(2027, 2, 1),
    )

    claim = Claim.objects.create(
        project=project,
        person=ben,
        activity="Reading the papers for the first workshop",
        activity_on=datetime.date(2027, 3, 1),
        status="submitted",
        submitted_at=timezone.now(),
        pay_by=datetime.date(2099, 1, 5),
    )
    ClaimLine.objects.create(
        claim=claim,
        kind="expense",
        category="public_transport",
        description="Bus to the library to print the papers",
        amount_pence=480,
    )


def test_the_lead_and_finance_read_their_pages_on_a_phone_with_the_keyboard(phone_visit):
    visit, page = phone_visit, phone_visit.page
    _project()

    # The lead: participants, one person, keeping track, the log and the venues.
    _sign_in(visit, "lead@example.org")
    _follow(page, "Day services", "Day services")
    _project_menu(page, "Stakeholders and participants", "Stakeholders and participants")
    _follow(page, "Participants", "Participants")
    _looks_right(visit, "1-participants")
    # The table is wider than the phone: it scrolls in its own box, with the keyboard.
    table_box = page.get_by_role("region", name="Participants")
    expect(table_box.get_by_text(LONG_EMAIL)).to_be_attached()
    _tab_to(page, "Participants", focused_on=FOCUSED_ON_BOX)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert _scrolled_sideways(table_box) > 0

    _follow(page, "Ada Jones-Whitfield", "Ada Jones-Whitfield")
    _looks_right(visit, "2-one-participant")
    # Their address on its own three lines, with no empty line above it.
    address = page.locator(".govuk-summary-list__row", has_text="Postal address").locator("dd")
    assert address.evaluate("(value) => value.innerText") == ADDRESS

    _follow(page, "Back to participants", "Participants")
    _project_menu(page, "Keeping track", "Keeping track")
    _follow(page, "Budget", "Budget")
    _looks_right(visit, "3-budget")
    _follow(page, "Sign-offs", "Sign-offs")
    _looks_right(visit, "4-sign-offs")

    _project_menu(page, "Stakeholders and participants", "Stakeholders and participants")
    _follow(
        page,
        "Who has seen or changed access needs",
        "Who has seen or changed access needs",
    )
    expect(page.get_by_role("region", name="Who has seen or changed access needs")).to_be_visible()
    expect(page.get_by_role("row", name="Ada Jones-Whitfield")).to_contain_text("Saw access needs")
    _looks_right(visit, "5-access-needs-log")

    _tab_to(page, "Menu")
    page.keyboard.press("Enter")
    _follow(page, "Your projects", "Your projects")
    _follow(page, "Venues of Oxfordshire County Council", "Venues")
    expect(page.get_by_role("region", name="Venues")).to_contain_text("Banbury Community")
    _looks_right(visit, "6-venues")
    # Tables with words for screen readers only (placed absolutely) stay in their box.
    _tab_to(page, "Menu")
    page.keyboard.press("Enter")
    _follow(page, "Your projects", "Your projects")
    _follow(page, "Staff of Oxfordshire County Council", "Staff")
    _looks_right(visit, "7-staff")
    _tab_to(page, "Menu")
    page.keyboard.press("Enter")
    _follow(page, "Your projects", "Your projects")
    _follow(page, "Day services", "Day services")
    _project_menu(page, "Project team", "Project team")
    expect(page.get_by_role("region", name="Members")).to_contain_text("lead@example.org")
    _looks_right(visit, "8-project-team")

    # Finance: every claim, and the one waiting for them.
    _sign_in(visit, "jo@example.org")
    _follow(page, "Day services", "Day services")
    _project_menu(page, "Paying people", "Paying people")
    _follow(page, "Every claim in this project", "Claims")
    _looks_right(visit, "9-claims")
    _follow(page, "Ben Okafor", "Reading the papers for the first workshop")
    _looks_right(visit, "10-one-claim")
    # Approving and sending back: two buttons as wide as each other, the screen's width.
    approve = page.get_by_role("button", name="Approve £4.80").bounding_box()
    send_back = page.get_by_role("button", name="Send back").bounding_box()
    assert (approve["x"], approve["width"]) == (send_back["x"], send_back["width"])
    assert (SCREENSHOTS / "10-one-claim.png").exists()
