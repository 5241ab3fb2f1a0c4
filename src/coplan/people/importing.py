"""Reading a spreadsheet (CSV) of participants, and saying plainly what is wrong with it.

`check_participant_file` never raises on what is in the file: every problem
becomes a message about the file, or about a row and column, for the preview.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django import forms
from django.core.validators import validate_email

from coplan.core.numbers import digits_read
from coplan.core.text import NoHiddenCharacters, clean_plain_text
from coplan.people.choices import ContactMethod, InvolvementRole
from coplan.people.needs import CATEGORIES, MAX_NOTES_LENGTH, MAX_REMINDER_DAYS, AccessNeeds

MAX_ROWS = 10_000
MAX_BYTES = 5 * 1024 * 1024

# Column heading (as people may write it) -> what it holds.
COLUMNS = {
    "name": "name",
    "full name": "name",
    "email": "email",
    "email address": "email",
    "phone": "phone",
    "phone number": "phone",
    "address": "address",
    "contact by": "contact_by",
    "how to contact": "contact_by",
    "role": "role",
    "group": "group",
    "stakeholder group": "group",
    "mobility": "mobility",
    "communication": "communication",
    "food and drink": "dietary",
    "dietary": "dietary",
    "reminders": "reminders",
    "reminder days before": "reminder_days_before",
    "other support": "support",
}
# The headings as the template and messages show them, in order.
TEMPLATE_HEADINGS = [
    "Name",
    "Email",
    "Phone",
    "Address",
    "Contact by",
    "Role",
    "Group",
    "Mobility",
    "Communication",
    "Food and drink",
    "Reminders",
    "Reminder days before",
    "Other support",
]
HEADING_FOR = {
    "name": "Name",
    "email": "Email",
    "phone": "Phone",
    "address": "Address",
    "contact_by": "Contact by",
    "role": "Role",
    "group": "Group",
    "mobility": "Mobility",
    "communication": "Communication",
    "dietary": "Food and drink",
    "reminders": "Reminders",
    "reminder_days_before": "Reminder days before",
    "support": "Other support",
}
PHONE = re.compile(r"^[0-9 +()\-]{6,40}$")
NOT_UTF8 = (
    "We could not read the file because it is not saved as UTF-8 text. In your spreadsheet, "
    "choose ‘Save as’ and then ‘CSV UTF-8 (comma delimited)’, then upload it again."
)


@dataclass
class ParsedRow:
    row: int
    full_name: str
    email: str = ""
    phone: str = ""
    address: str = ""
    contact_by: str = ""
    role: str = InvolvementRole.CO_PRODUCER
    group_name: str = ""
    needs: AccessNeeds = field(default_factory=AccessNeeds)


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str


@dataclass
class FileCheck:
    rows: list[ParsedRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    file_problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.file_problem and not self.problems and bool(self.rows)

    def grouped_problems(self) -> list[tuple[str, str, list[int]]]:
        """(column, problem, rows): every bad row, grouped so a long file stays readable."""
        grouped: dict[tuple[str, str], list[int]] = {}
        for problem in self.problems:
            grouped.setdefault((problem.column, problem.message), []).append(problem.row)
        return [(column, message, rows) for (column, message), rows in grouped.items()]


def _decode(content: bytes) -> str | None:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") > first_line.count(",") else ","


def _heading_key(heading: str) -> str:
    heading = re.sub(r"\(optional\)|\*", "", heading.lower())
    return " ".join(heading.replace("_", " ").split())


def _choice(value: str, choices: list[tuple[str, str]]) -> str | None:
    wanted = value.strip().lower()
    for code, label in choices:
        if wanted in {code.lower(), str(label).lower(), code.replace("_", " ").lower()}:
            return code
    return None


def _needs(cells: dict[str, str], row: int, problems: list[RowProblem]) -> AccessNeeds:
    chosen: dict[str, set[str]] = {}
    notes: dict[str, str] = {}
    for category in CATEGORIES:
        text = cells.get(category.code, "").strip()
        if not text:
            continue
        picked, left = set(), []
        for item in (part.strip() for part in re.split(r"[;\n]", text)):
            if not item:
                continue
            code = _choice(item, list(category.options))
            if code:
                picked.add(code)
            else:
                left.append(item)
        chosen[category.code] = picked
        notes[category.code] = "; ".join(left)
        if len(notes[category.code]) > MAX_NOTES_LENGTH:
            problems.append(
                RowProblem(
                    row,
                    HEADING_FOR[category.code],
                    f"Must be {MAX_NOTES_LENGTH} characters or fewer",
                )
            )
    days = None
    days_text = cells.get("reminder_days_before", "").strip()
    if days_text:
        days = digits_read(days_text)
        if days is None or days > MAX_REMINDER_DAYS:
            days = None
            problems.append(
                RowProblem(
                    row,
                    "Reminder days before",
                    f"Must be a whole number of days from 0 to {MAX_REMINDER_DAYS}, or blank",
                )
            )
    return AccessNeeds.from_answers(chosen=chosen, notes=notes, reminder_days_before=days)


def _text(
    cells: dict[str, str],
    key: str,
    *,
    max_length: int,
    row: int,
    problems: list[RowProblem],
    multiline: bool = False,
    name_of_a_person: bool = False,
) -> str:
    value = cells.get(key, "").strip()
    if not value:
        return ""
    if len(value) > max_length:
        problems.append(
            RowProblem(row, HEADING_FOR[key], f"Must be {max_length} characters or fewer")
        )
        return ""
    try:
        value = clean_plain_text(value, field_label=HEADING_FOR[key], multiline=multiline)
        if name_of_a_person:
            NoHiddenCharacters(HEADING_FOR[key])(value)
        return value
    except forms.ValidationError as error:
        problems.append(RowProblem(row, HEADING_FOR[key], error.messages[0]))
        return ""


def _row(
    cells: dict[str, str],
    row: int,
    *,
    groups: dict[str, str],
    problems: list[RowProblem],
    emails_seen: dict[str, int],
) -> ParsedRow:
    full_name = _text(
        cells, "name", max_length=150, row=row, problems=problems, name_of_a_person=True
    )
    if not cells.get("name", "").strip():
        problems.append(RowProblem(row, "Name", "Enter the person’s name"))
    email = cells.get("email", "").strip().lower()
    if email:
        try:
            if len(email) > 254:
                raise forms.ValidationError("too long")
            NoHiddenCharacters("Email")(email)
            validate_email(email)
        except forms.ValidationError as error:
            message = "Enter an email address like name@example.com, or leave it blank"
            if error.code == NoHiddenCharacters.code:
                message = error.messages[0]
            problems.append(RowProblem(row, "Email", message))
            email = ""
        else:
            if email in emails_seen:
                problems.append(
                    RowProblem(
                        row, "Email", f"The same email address is on row {emails_seen[email]}"
                    )
                )
            else:
                emails_seen[email] = row
    phone = cells.get("phone", "").strip()
    if phone and not PHONE.match(phone):
        problems.append(
            RowProblem(
                row, "Phone", "Enter a phone number using only numbers, spaces, + and brackets"
            )
        )
        phone = ""
    contact_by = ""
    if cells.get("contact_by", "").strip():
        contact_by = _choice(cells["contact_by"], list(ContactMethod.choices)) or ""
        if not contact_by:
            problems.append(
                RowProblem(
                    row, "Contact by", "Must be one of: email, phone call, text message, post"
                )
            )
    role = InvolvementRole.CO_PRODUCER
    if cells.get("role", "").strip():
        role = _choice(cells["role"], list(InvolvementRole.choices)) or ""
        if not role:
            allowed = ", ".join(str(label).lower() for _, label in InvolvementRole.choices)
            problems.append(RowProblem(row, "Role", f"Must be one of: {allowed}"))
    group_name = ""
    group_text = cells.get("group", "").strip()
    if group_text:
        group_name = groups.get(group_text.lower(), "")
        if not group_name:
            problems.append(
                RowProblem(
                    row,
                    "Group",
                    "There is no stakeholder group with this name. Add the group first, "
                    "or leave this blank",
                )
            )
    return ParsedRow(
        row=row,
        full_name=full_name,
        email=email,
        phone=phone,
        address=_text(cells, "address", max_length=500, row=row, problems=problems, multiline=True),
        contact_by=contact_by,
        role=role,
        group_name=group_name,
        needs=_needs(cells, row, problems),
    )


def check_participant_file(content: bytes, *, group_names: list[str]) -> FileCheck:
    """Read a CSV of participants. Row numbers are as a spreadsheet shows them (heading = 1)."""
    check = FileCheck()
    if not content.strip():
        check.file_problem = "The file is empty"
        return check
    text = _decode(content)
    if text is None:
        check.file_problem = NOT_UTF8
        return check
    if "\x00" in text:
        check.file_problem = (
            "This file is not a CSV file. In your spreadsheet, choose ‘Save as’ and then "
            "‘CSV UTF-8 (comma delimited)’."
        )
        return check
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headings = next(reader)
    except (csv.Error, StopIteration):
        check.file_problem = "We could not read the column headings in the first row"
        return check
    keys = [_heading_key(heading) for heading in headings]
    unknown = [
        heading.strip()
        for heading, key in zip(headings, keys, strict=True)
        if key and key not in COLUMNS
    ]
    columns = [COLUMNS.get(key) for key in keys]
    if unknown:
        check.file_problem = (
            f"The file has columns we do not know: {', '.join(unknown)}. "
            f"The columns can be: {', '.join(TEMPLATE_HEADINGS)}."
        )
        return check
    if "name" not in columns:
        check.file_problem = (
            "The first row must have the column headings, with one called ‘Name’. "
            f"The columns can be: {', '.join(TEMPLATE_HEADINGS)}."
        )
        return check
    repeated = sorted({HEADING_FOR[c] for c in columns if c and columns.count(c) > 1})
    if repeated:
        check.file_problem = f"These columns appear more than once: {', '.join(repeated)}"
        return check
    groups = {name.lower(): name for name in group_names}
    emails_seen: dict[str, int] = {}
    row_number = 1
    try:
        for cells_list in reader:
            row_number += 1
            if not any(cell.strip() for cell in cells_list):
                continue
            if len(check.rows) >= MAX_ROWS:
                check.file_problem = (
                    f"The file has more than {MAX_ROWS:,} people. Split it into smaller files."
                )
                return check
            if any(cell.strip() for cell in cells_list[len(columns) :]):
                check.problems.append(
                    RowProblem(
                        row_number,
                        "Whole row",
                        "This row has more cells than there are column headings",
                    )
                )
                continue
            cells = {
                column: cell
                for column, cell in zip(columns, cells_list, strict=False)
                if column is not None
            }
            check.rows.append(
                _row(
                    cells,
                    row_number,
                    groups=groups,
                    problems=check.problems,
                    emails_seen=emails_seen,
                )
            )
    except csv.Error:
        check.file_problem = (
            f"We could not read row {row_number + 1}. Check it for a quotation mark that "
            "is not closed."
        )
        return check
    if not check.rows:
        check.file_problem = "The file has column headings but no people"
    return check


def template_csv() -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(TEMPLATE_HEADINGS)
    writer.writerow(
        [
            "Sam Smith",
            "sam@example.org",
            "07700 900123",
            "",
            "Text message",
            "Co-producer",
            "",
            "Step-free access (no stairs, or a lift)",
            "A hearing loop; Large print please",
            "Vegan",
            "A text message",
            "2",
            "",
        ]
    )
    return out.getvalue()


def _same_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def without_person(content: bytes, *, emails: set[str], names: set[str]) -> bytes | None:
    """The file with the rows that are this person's taken out, for erasure.

    A row is theirs if its email is one of theirs, or if it has no email and their
    name (with another email it is someone else: an email is one person in an
    organisation). Returns `content` itself when no row is theirs, and None when
    nobody else would be left, or when the file cannot be read as a CSV (so could
    never be imported) and mentions them anywhere.
    """
    emails = {email.strip().lower() for email in emails if email.strip()}
    names = {_same_name(name) for name in names if name.strip()}
    text = _decode(content)

    def mentioned() -> bool:
        anywhere = (text or content.decode("utf-8", "replace")).casefold()
        return any(value.casefold() in anywhere for value in emails | names)

    if text is None:
        return None if mentioned() else content
    delimiter = _delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return None if mentioned() else content
    if not rows:
        return content
    columns = [COLUMNS.get(_heading_key(heading)) for heading in rows[0]]
    if "name" not in columns:
        return None if mentioned() else content
    name_at = columns.index("name")
    email_at = columns.index("email") if "email" in columns else None

    def cell(cells: list[str], at: int | None) -> str:
        return cells[at] if at is not None and at < len(cells) else ""

    def theirs(cells: list[str]) -> bool:
        email = cell(cells, email_at).strip().lower()
        if email:
            return email in emails
        return _same_name(cell(cells, name_at)) in names

    kept = [cells for cells in rows[1:] if not theirs(cells)]
    if len(kept) == len(rows) - 1:
        return content
    if not any(any(part.strip() for part in cells) for cells in kept):
        return None
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows([rows[0], *kept])
    return out.getvalue().encode("utf-8")
