"""Spreadsheets we make (CSV and .xlsx): cells that are never run as formulas, and files
written a row at a time, so a large project's file never sits whole in memory.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a
formula; `cell_safe` puts an apostrophe before such text, in every file we make, so
what someone typed (a name, an answer) is shown, never run.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# What a column holds, for how each file shows it.
TEXT, NUMBER, DATE, MONEY = "text", "number", "date", "money"
NUMBER_FORMATS = {DATE: "DD/MM/YYYY", MONEY: "£#,##0.00"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell_safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; anything
    else is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def cell_text(value: Any) -> str:
    """A cell as CSV text: dates as 2026-12-07, money with two places, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(cell_safe(value))


class _Line:
    """A file-like object that hands back the one line the csv writer just wrote."""

    def write(self, text: str) -> str:
        return text


def csv_lines(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """A CSV file one line at a time (UTF-8 with a byte order mark, so spreadsheet
    programs read accents right): the headings, then each row, every cell safe."""
    writer = csv.writer(_Line())
    yield "\ufeff".encode() + writer.writerow(list(headings)).encode()
    for row in rows:
        yield writer.writerow([cell_text(value) for value in row]).encode()


def csv_bytes(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    return b"".join(csv_lines(headings, rows))


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name (31 characters at most), its headings, what each column
    holds (TEXT, NUMBER, DATE or MONEY) and its rows."""

    name: str
    headings: Sequence[str]
    kinds: Sequence[str]
    rows: Iterable[Sequence[Any]]


def xlsx_file(sheets: Sequence[Sheet], *, title: str) -> IO[bytes]:
    """The sheets as an .xlsx workbook in a temporary file (read from the start): written
    with openpyxl's write-only workbook, a row at a time, so memory stays small however
    many rows there are. Headings bold, the heading row frozen, dates and money as such.
    openpyxl is imported here, when a workbook is made: a worker that makes none does
    not hold it."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    book.properties.title = title
    for sheet in sheets:
        written = book.create_sheet(sheet.name[:31])
        written.freeze_panes = "A2"
        bold = Font(bold=True)
        headings = []
        for heading in sheet.headings:
            cell = WriteOnlyCell(written, value=cell_safe(heading))
            cell.font = bold
            headings.append(cell)
        written.append(headings)
        for row in sheet.rows:
            written.append(
                [
                    _xlsx_cell(written, value, kind)
                    for value, kind in zip(row, sheet.kinds, strict=True)
                ]
            )
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the caller reads and closes it
    book.save(out)
    out.seek(0)
    return out


def _xlsx_cell(sheet, value: Any, kind: str):
    from openpyxl.cell import WriteOnlyCell

    value = cell_safe(value)
    number_format = NUMBER_FORMATS.get(kind)
    if number_format is None or not isinstance(value, datetime.date | Decimal | int):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def xlsx_bytes(sheets: Sequence[Sheet], *, title: str) -> bytes:
    with xlsx_file(sheets, title=title) as out:
        return out.read()
