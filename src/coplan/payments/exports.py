"""Finance's export: approved and paid claims for a period, one row a claim, as CSV
and as a spreadsheet (.xlsx, with openpyxl). Amounts are pounds with two places,
worked out from whole pence, so each row's total is exactly the sum of its columns."""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from coplan.core.numbers import pounds
from coplan.payments.choices import ExpenseCategory, HowPaid, LineKind
from coplan.payments.models import Claim, PaymentChoice

TIME_COLUMN = "Payment for time"
COLUMNS = [
    "Claim number",
    "Payee",
    "How paid",
    "What for",
    "Date of meeting or activity",
    "Approved on",
    "Status",
    "Paid on",
    "Payment reference",
    "Project",
    "Cost code",
    TIME_COLUMN,
    *[str(label) for _, label in ExpenseCategory.choices],
    "Total",
]


@dataclass(frozen=True)
class ExportRow:
    values: list


def _cell_text(value: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_rows(
    *,
    claims: list[Claim],
    choices: dict[int, PaymentChoice],
    cost_code: str = "",
    cost_codes: dict[int, str] | None = None,
) -> list[list]:
    """One row a claim. The cost code is `cost_code` on every row, or each claim's
    project's from `cost_codes` (claims of several projects)."""
    rows = []
    for claim in claims:
        by_category = dict.fromkeys([TIME_COLUMN, *ExpenseCategory.values], 0)
        for line in claim.lines.all():
            key = TIME_COLUMN if line.kind == LineKind.TIME else line.category
            by_category[key] += line.amount_pence
        choice = choices.get(claim.person_id)
        rows.append(
            [
                claim.pk,
                _cell_text(claim.person.full_name),
                HowPaid(choice.how).label if choice else "Not said",
                _cell_text(claim.what),
                claim.activity_on,
                claim.approved_at.date() if claim.approved_at else None,
                claim.get_status_display(),
                claim.paid_on,
                _cell_text(claim.paid_reference),
                _cell_text(claim.project.name),
                _cell_text(
                    cost_codes.get(claim.project_id, "") if cost_codes is not None else cost_code
                ),
                *[pounds(pence) for pence in by_category.values()],
                pounds(sum(by_category.values())),
            ]
        )
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


def export_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_text(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def export_xlsx(rows: list[list], *, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Claims"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    money_from = COLUMNS.index(TIME_COLUMN) + 1
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if cell.column >= money_from:
                cell.number_format = "£#,##0.00"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    book.properties.title = title
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
