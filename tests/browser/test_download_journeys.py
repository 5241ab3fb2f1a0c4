"""Download data in a real browser, with axe-core on every page visited: the lead finds the
page from the participants page, reads what the columns hold and downloads a workbook."""

import io
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from coplan.projects.roles import Role
from tests.factories import PASSWORD, InvolvementFactory, MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def test_lead_downloads_participants_as_a_workbook(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    InvolvementFactory(project=lead.project, person__full_name="Zoë Adams")
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{lead.project_id}/participants/")

    page.get_by_role("link", name="Download participants as a spreadsheet").click()
    expect(page.get_by_role("heading", name="Download data", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Participants", level=2)).to_be_visible()
    visit.assert_accessible()
    page.get_by_text("The columns of participants").click()
    expect(page.get_by_role("rowheader", name="Access needs: Mobility")).to_be_visible()
    visit.assert_accessible()

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Participants (Excel, .xlsx)").click()
    download = downloading.value
    book = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))

    assert download.suggested_filename.endswith(".xlsx")
    assert book.sheetnames == ["Participants", "Data dictionary"]
    assert book["Participants"]["A2"].value == "Zoë Adams"


def test_finance_finds_claims_on_download_data_on_a_phone(phone_visit):
    page = phone_visit.page
    finance = MembershipFactory(role=Role.FINANCE, user__email="finance@example.org")
    _sign_in(phone_visit, "finance@example.org")
    phone_visit.go(f"/projects/{finance.project_id}/downloads/")

    expect(page.get_by_role("heading", name="Claims", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="Participants")).to_have_count(0)
    page.get_by_text("The columns of claims").click()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
