"""Sign-off that means something, in a real browser with axe on every page: the lead asks
the manager to sign off the plan (told it is not finished, and confirming); the manager
follows the email's link through sign-in to the version, downloads its PDF and asks for
changes; the lead edits an answer and asks again; the manager sees what changed and signs
the new version off."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from coplan.planning.models import SignOff, SignOffStatus, SignOffVersion
from coplan.projects.roles import Role
from tests.documents import assert_accessible_pdf, pdf_text
from tests.factories import PASSWORD, MembershipFactory, SignOffFactory
from tests.notifications.conftest import smtp_server  # noqa: F401
from tests.notifications.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WHAT = "The plan for involving people"


def _sign_in(visit, email):
    visit.page.context.clear_cookies()
    visit.go("/sign-in/")
    _fill_in_sign_in(visit.page, email)


def _fill_in_sign_in(page, email):
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _heading(page, name):
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def _ask(visit, project, *, first_time: bool):
    page = visit.page
    visit.go(f"/projects/{project.pk}/sign-offs/")
    page.get_by_role("link", name=re.compile(f"^Ask for sign-off.*{WHAT}")).click()
    _heading(page, "Ask for sign-off")
    expect(page.get_by_text("The plan is not finished:")).to_be_visible()
    expect(page.get_by_text(re.compile(r"\d+ of \d+ questions have no answer yet"))).to_be_visible()
    visit.assert_accessible()
    if first_time:
        page.get_by_role("button", name="Send to sign off").click()
        expect(
            page.get_by_role(
                "link", name="Say that you want it signed off although the plan is not finished"
            )
        ).to_be_visible()
        visit.assert_accessible()
    page.get_by_label("I know the plan is not finished, and want it signed off as it is").check()
    page.get_by_role("button", name="Send to sign off").click()
    expect(page.get_by_text("has been sent to Mo Manager to sign off")).to_be_visible()
    visit.assert_accessible()


def test_the_lead_asks_the_manager_changes_are_asked_and_the_new_version_is_signed(
    visit,
    phone_visit,
    smtp_server,  # noqa: F811 (the SMTP server fixture imported above)
    settings,
):
    settings.SITE_URL = visit.base_url
    page = visit.page
    page.set_default_timeout(30_000)  # PDFs and whole plans are slow on a busy machine
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    project = lead.project
    MembershipFactory(
        project=project,
        role=Role.MANAGER,
        user__email="manager@example.org",
        user__full_name="Mo Manager",
    )
    manager = project.memberships.get(role=Role.MANAGER)
    SignOffFactory(project=project, what=WHAT, signer=manager, signer_outside="")

    # The lead answers a question, then asks the manager to sign the plan off.
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{project.pk}/plan/at-the-start/getting-started/")
    page.get_by_label("Is there a request for it to be co-produced? If so, by whom?").fill(
        "A review of day services"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("1 answer saved")).to_be_visible()
    _ask(visit, project, first_time=True)
    expect(page.get_by_text("Waiting for Mo Manager to sign it off")).to_be_visible()

    # The manager follows the email's link, through sign-in, to what they are to read.
    run_worker()
    assert smtp_server.to("manager@example.org") == [f"Please sign off: {WHAT}"]
    link = re.findall(
        rf"{re.escape(visit.base_url)}/\S+", smtp_server.body_to("manager@example.org")
    )[0]
    page.context.clear_cookies()
    page.goto(link)
    _heading(page, "Sign in")
    visit.assert_accessible()
    _fill_in_sign_in(page, "manager@example.org")
    _heading(page, f"{WHAT}: version 1")
    expect(
        page.get_by_text("The plan was not finished when the lead asked for sign-off:")
    ).to_be_visible()
    expect(page.get_by_text("A review of day services").first).to_be_visible()
    visit.assert_accessible()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name="Download version 1 as a PDF").click()
    content = Path(download.value.path()).read_bytes()
    assert_accessible_pdf(content, title=f"{WHAT}: version 1")
    assert "A review of day services" in pdf_text(content)

    page.get_by_role("button", name="Sign it off, or ask for changes").click()
    _heading(page, "Sign it off, or ask for changes")
    visit.assert_accessible()
    page.get_by_label("No, I ask for changes").check()
    page.get_by_role("button", name="Send your answer").click()
    expect(page.get_by_role("link", name="Enter what needs to change")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("What needs to change? (if you ask for changes)").fill(
        "Say which day services"
    )
    page.get_by_role("button", name="Send your answer").click()
    expect(page.get_by_text("You have asked for changes to version 1")).to_be_visible()
    expect(page.get_by_text("Mo Manager asked for changes on")).to_be_visible()
    visit.assert_accessible()

    # The lead is told, edits the answer and asks again.
    run_worker()
    assert smtp_server.to("lead@example.org") == [f"Changes asked for: {WHAT}"]
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{project.pk}/sign-offs/")
    expect(page.get_by_text("What needs to change: Say which day services")).to_be_visible()
    visit.assert_accessible()
    visit.go(f"/projects/{project.pk}/plan/at-the-start/getting-started/")
    page.get_by_label("Is there a request for it to be co-produced? If so, by whom?").fill(
        "A review of the day services in the north"
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("1 answer saved")).to_be_visible()
    _ask(visit, project, first_time=False)

    # The manager, from their home, sees what changed since version 1 and signs it off.
    _sign_in(visit, "manager@example.org")
    visit.go(f"/projects/{project.pk}/")
    page.get_by_role("link", name=f"Read it and sign it off {WHAT}").click()
    _heading(page, f"{WHAT}: version 2")
    expect(page.get_by_role("heading", name="What changed since version 1")).to_be_visible()
    expect(
        page.get_by_text("Mo Manager asked for changes to version 1: Say which day services")
    ).to_be_visible()
    expect(page.get_by_text("A review of the day services in the north").first).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Sign it off, or ask for changes").click()
    page.get_by_label("Yes, I sign it off").check()
    page.get_by_role("button", name="Send your answer").click()
    expect(page.get_by_text(f"You have signed off version 2 of ‘{WHAT}’")).to_be_visible()
    visit.assert_accessible()

    sign_off = SignOff.objects.get()
    assert (sign_off.status, sign_off.signed_by) == (SignOffStatus.SIGNED, manager.user)
    assert list(SignOffVersion.objects.values_list("number", "decision")) == [
        (1, "changes"),
        (2, "approved"),
    ]

    # On a phone, the signed version and what changed since fit the screen.
    version = SignOffVersion.objects.get(number=2)
    phone_visit.page.set_default_timeout(30_000)
    _sign_in(phone_visit, "manager@example.org")
    phone_visit.go(f"/projects/{project.pk}/sign-offs/versions/{version.pk}/")
    _heading(phone_visit.page, f"{WHAT}: version 2")
    phone_visit.assert_fits_the_screen()
    phone_visit.assert_accessible()
