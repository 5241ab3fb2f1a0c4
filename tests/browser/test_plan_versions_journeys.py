"""The plan for everyone taking part and in Easy Read, from a co-producer's home on a
phone; and a large plan's PDF made by the background worker while its page says how far
it has got. Axe on every page."""

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from coplan.projects.roles import Role
from tests.browser.test_journeys import _sign_in
from tests.documents import assert_accessible_pdf
from tests.factories import (
    AgreementFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
)
from tests.feedback.factories import YouSaidWeDidFactory
from tests.notifications.worker import run_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _project_under_way(project):
    project.name = "Day centre menus"
    project.save()
    MeetingFactory(
        project=project,
        title="Menu tasting",
        meets_on=datetime.date.today() + datetime.timedelta(days=30),
    )
    AgreementFactory(project=project, text="We take turns to speak")
    YouSaidWeDidFactory(
        project=project, you_said="Too much salt", we_did="Less salt in the soup",
        published_at=datetime.datetime(2027, 1, 5, tzinfo=datetime.UTC),
    )  # fmt: skip


def test_a_co_producer_reads_the_plan_and_its_easy_read_version_on_a_phone(phone_visit):
    co_producer = MembershipFactory(role=Role.CO_PRODUCER, user__email="co@example.org")
    _project_under_way(co_producer.project)
    page = phone_visit.page
    _sign_in(phone_visit, "co@example.org")
    phone_visit.go(f"/projects/{co_producer.project_id}/")

    page.get_by_role("link", name="Read the plan", exact=True).click()
    expect(
        page.get_by_role("heading", name="The plan for everyone taking part", level=1)
    ).to_be_visible()
    expect(page.get_by_text("We take turns to speak")).to_be_visible()
    phone_visit.assert_fits_the_screen()
    phone_visit.assert_accessible()

    page.get_by_role("link", name="The plan in Easy Read").click()
    expect(page.get_by_role("heading", name="The plan in Easy Read", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="You said, we did", level=2)).to_be_visible()
    expect(page.get_by_text("Too much salt.")).to_be_visible()
    phone_visit.assert_fits_the_screen()
    phone_visit.assert_accessible()


def test_a_large_plan_is_made_in_the_background_and_downloaded_when_ready(visit, settings):
    settings.PLAN_IN_BACKGROUND_FROM = 3
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    project = lead.project
    _project_under_way(project)
    for _ in range(3):
        InvolvementFactory(project=project)
    page = visit.page
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{project.pk}/plan/whole/for-everyone/")
    expect(page.get_by_text("This plan is large")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Download the plan as a PDF").click()
    expect(page.get_by_role("heading", name="Making the plan as a PDF", level=1)).to_be_visible()
    status = page.get_by_role("status")
    expect(status).to_contain_text("Waiting to start")
    visit.assert_accessible()

    run_worker()

    # The page asks again by itself, and says when the file is ready.
    expect(status).to_contain_text("The PDF is ready", timeout=15_000)
    visit.assert_accessible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the plan as a PDF").click()
    content = Path(download.value.path()).read_bytes()
    assert_accessible_pdf(content, title="Day centre menus: the plan for everyone taking part")
