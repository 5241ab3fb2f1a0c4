"""Finance's export: approved and paid claims for a period, one row a claim, as CSV
and as a spreadsheet (.xlsx, with openpyxl). Amounts are pounds with two places,
worked out from whole pence, so each row's total is exactly the sum of its columns."""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from coplan.core.numbers import pounds
from coplan.core.spreadsheets import cell_safe, cell_text
from coplan.payments import selectors
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
            claim_row(
                claim,
                pence=list(by_category.values()),
                how=choice.how if choice else None,
                cost_code=cost_codes.get(claim.project_id, "")
                if cost_codes is not None
                else cost_code,
            )
        )
    return rows


def claim_row(claim: Claim, *, pence: list[int], how: str | None, cost_code: str) -> list:
    """A claim's row: `pence` is its payment for time, then each kind of expense."""
    return [
        claim.pk,
        cell_safe(claim.person.full_name),
        HowPaid(how).label if how else "Not said",
        cell_safe(claim.what),
        claim.activity_on,
        claim.approved_at.date() if claim.approved_at else None,
        claim.get_status_display(),
        claim.paid_on,
        cell_safe(claim.paid_reference),
        cell_safe(claim.project.name),
        cell_safe(cost_code),
        *[pounds(amount) for amount in pence],
        pounds(sum(pence)),
    ]


# What each column holds, for the data dictionary of "Download data"; those only finance
# may see (how people are paid is theirs, as bank details are, and the cost code).
MEANINGS = {
    "Claim number": "The claim's number in coplan.",
    "Payee": "The person the claim pays (‘Erased person’ if they were erased).",
    "How paid": "How the person chose to be paid: bank transfer, vouchers, or not at all.",
    "What for": "The meeting the claim is for, or the activity in the person's words.",
    "Date of meeting or activity": "The day of the meeting or activity.",
    "Approved on": "The day the claim was approved, if it has been.",
    "Status": "Where the claim is: not sent yet, sent, sent back, approved, or paid.",
    "Paid on": "The day finance marked it paid, if they have.",
    "Payment reference": "Finance's reference for the payment, if it has been paid.",
    "Project": "The project's name.",
    "Cost code": "The project's cost code, set by finance.",
    TIME_COLUMN: "Payment for the person's time, in pounds.",
    **{
        str(label): f"Expenses claimed for {str(label)[0].lower()}{str(label)[1:]}, in pounds."
        for _, label in ExpenseCategory.choices
    },
    "Total": "The claim's total, in pounds: the sum of the columns before it.",
}
FINANCE_ONLY = frozenset({"How paid", "Cost code"})
MONEY_FROM = COLUMNS.index(TIME_COLUMN)
DATE_COLUMNS = frozenset({"Date of meeting or activity", "Approved on", "Paid on"})


def download_rows(claims: Iterable[Claim], *, cost_code: str) -> Iterator[dict]:
    """Each claim (`payments.selectors.claims_for_download`: with its amounts by column
    and how its person is paid) as a row of finance's export, by heading."""
    for claim in claims:
        pence = [getattr(claim, name) or 0 for name in selectors.AMOUNT_NAMES]
        yield dict(
            zip(
                COLUMNS,
                claim_row(claim, pence=pence, how=claim.how_paid, cost_code=cost_code),
                strict=True,
            )
        )


def export_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([cell_text(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def export_xlsx(rows: list[list], *, title: str) -> bytes:
    from openpyxl import Workbook  # only when a workbook is made (see core.spreadsheets)
    from openpyxl.styles import Font

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
