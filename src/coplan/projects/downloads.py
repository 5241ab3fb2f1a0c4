"""The files of "Download data": each app's `Export` (projects.registries) as CSV or as an
Excel workbook with a data dictionary sheet, and the data dictionary on its own as CSV.

Only the columns the member's role may see are written, and the dictionary names only
those. A file with people's details is written down in the people's audit log before
it is made (the export's `record`). Files are written a row at a time: the CSV is
streamed, the workbook made in a temporary file with openpyxl's write-only mode.
"""

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import slugify

from coplan.core.middleware import PRIVATE
from coplan.core.spreadsheets import TEXT, XLSX, Sheet, csv_bytes, csv_lines, xlsx_file
from coplan.projects.models import Membership
from coplan.projects.registries import Export, ExportColumn

CSV, EXCEL, COLUMNS = "csv", "xlsx", "columns"
FORMATS = (CSV, EXCEL, COLUMNS)
DICTIONARY_SHEET = "Data dictionary"
DICTIONARY_HEADINGS = ("Column", "What it holds")


def dictionary_rows(columns: Iterable[ExportColumn]) -> list[tuple[str, str]]:
    return [(column.heading, column.meaning) for column in columns]


def _rows(found: Iterable[Mapping[str, Any]], columns: list[ExportColumn]) -> Iterator[list[Any]]:
    for row in found:
        yield [row.get(column.heading) for column in columns]


def file_name(membership: Membership, name: str, file_format: str) -> str:
    stem = f"{slugify(membership.project.name) or 'project'}-{name}"
    if file_format == COLUMNS:
        return f"{stem}-columns.csv"
    return f"{stem}-{timezone.localdate():%Y-%m-%d}.{file_format}"


def download(
    request: HttpRequest, membership: Membership, *, name: str, export: Export, file_format: str
) -> HttpResponse:
    """The export `name` as a file: CSV, Excel (with its data dictionary) or the data
    dictionary as CSV; never kept by a browser or a proxy."""
    columns = export.columns_for(membership)
    headings = [column.heading for column in columns]
    if file_format == COLUMNS:
        response: HttpResponse | StreamingHttpResponse = HttpResponse(
            csv_bytes(DICTIONARY_HEADINGS, dictionary_rows(columns)),
            content_type="text/csv; charset=utf-8",
        )
    else:
        if export.record is not None:
            export.record(membership=membership, actor=request.user, where=request.path)
        rows = _rows(export.rows(membership), columns)
        if file_format == CSV:
            response = StreamingHttpResponse(
                csv_lines(headings, rows), content_type="text/csv; charset=utf-8"
            )
        else:
            sheets = [
                Sheet(export.title, headings, [column.kind for column in columns], rows),
                Sheet(
                    DICTIONARY_SHEET,
                    DICTIONARY_HEADINGS,
                    (TEXT, TEXT),
                    dictionary_rows(columns),
                ),
            ]
            title = f"{export.title}: {membership.project.name}"
            response = FileResponse(xlsx_file(sheets, title=title), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="{file_name(membership, name, file_format)}"'
    )
    response["Cache-Control"] = PRIVATE
    return response
