"""Finance's export, opened with a real spreadsheet reader (openpyxl) and as CSV."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from coplan.payments import services
from coplan.payments.models import Claim
from coplan.projects.roles import Role
from tests.factories import InvitedPersonFactory
from tests.payments.conftest import PDF

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


def _approved_claim(team, *, paid=False):
    InvitedPersonFactory(meeting=team.meeting, person=team.person(CO), attendance="came")
    claim = services.claim_start(
        project=team.project, person=team.person(CO), created_by=team.user(CO), meeting=team.meeting
    )
    services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=team.user(CO),
    )
    services.expense_line_add(
        claim=claim,
        category="mileage",
        description="Car",
        miles=Decimal("10.5"),
        added_by=team.user(CO),
    )
    services.claim_submit(claim=claim, submitted_by=team.user(CO))
    services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))
    if paid:
        services.claim_mark_paid(
            claim=claim,
            paid_by=team.user(Role.FINANCE),
            paid_on=timezone.localdate(),
            reference="BACS-9",
        )
    services.cost_code_set(project=team.project, cost_code="=HYPERLINK(1)")
    return claim


def _export(team, client_for, file_format):
    today = timezone.localdate()
    start = today - datetime.timedelta(days=7)
    response = client_for(team.user(Role.FINANCE)).get(
        f"/projects/{team.project.pk}/payments/export/",
        {
            "start-day": start.day,
            "start-month": start.month,
            "start-year": start.year,
            "end-day": today.day,
            "end-month": today.month,
            "end-year": today.year,
            "file_format": file_format,
        },
    )
    assert response.status_code == 200
    return response


def test_the_spreadsheet_has_payee_amounts_by_kind_cost_code_and_reference(team, client_for):
    _approved_claim(team, paid=True)

    response = _export(team, client_for, "xlsx")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert len(rows) == 2
    assert header[-1] == "Total"
    assert (
        row["Payee"],
        row["How paid"],
        row["Status"],
        row["Payment reference"],
        row["Cost code"],
    ) == (team.person(CO).full_name, "Bank transfer", "Paid", "BACS-9", "'=HYPERLINK(1)")
    assert (
        row["Payment for time"],
        row["Bus, train or tram fares"],
        row["Mileage in your own car or van"],
        row["Total"],
    ) == (37.5, 4.5, 4.73, 46.73)  # 10.5 miles at 45p is 472.5p, rounded up to 473p


def test_the_csv_has_the_same_rows(team, client_for):
    _approved_claim(team)

    response = _export(team, client_for, "csv")

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["Status"], row["Total"], row["Payment for time"]) for row in rows] == [
        ("Approved, waiting to be paid", "46.73", "37.50")
    ]


def test_claims_not_approved_or_approved_outside_the_period_are_left_out(team, client_for):
    claim = _approved_claim(team)
    Claim.objects.filter(pk=claim.pk).update(
        approved_at=timezone.now() - datetime.timedelta(days=30)
    )

    response = _export(team, client_for, "xlsx")

    assert load_workbook(io.BytesIO(response.content)).active.max_row == 1


def test_only_finance_downloads(team, client_for):
    statuses = {
        role: client_for(team.user(role))
        .get(f"/projects/{team.project.pk}/payments/export/")
        .status_code
        for role in Role
    }

    assert statuses == {role: 200 if role == Role.FINANCE else 403 for role in Role}
