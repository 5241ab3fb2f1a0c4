"""Stakeholder groups as people read them: the influence/interest grid and its table;
and where, in words, someone saw or changed a person's protected details (the audit log)."""

from dataclasses import dataclass
from functools import cache

from django.urls import Resolver404, resolve
from markupsafe import Markup, escape

from coplan.core.registry import Registry
from coplan.people.choices import SCALE_LABELS, ContactMethod, Format, GroupCategory, Helper
from coplan.people.models import StakeholderGroup
from coplan.people.needs import CATEGORIES, REMINDERS
from coplan.projects.registries import EXPORTS

QUADRANTS = {
    (True, True): "Work closely with them",
    (True, False): "Keep them satisfied",
    (False, True): "Involve them and give them a real say",
    (False, False): "Keep them informed",
}
HIGH = 3  # on the 1 to 5 scale, 3 and above counts as high


def quadrant(group: StakeholderGroup) -> str:
    return QUADRANTS[(group.influence >= HIGH, group.interest >= HIGH)]


@dataclass(frozen=True)
class GroupRow:
    number: int
    group: StakeholderGroup

    @property
    def category(self) -> str:
        return GroupCategory(self.group.category).label

    @property
    def influence(self) -> str:
        return SCALE_LABELS[self.group.influence]

    @property
    def interest(self) -> str:
        return SCALE_LABELS[self.group.interest]

    @property
    def quadrant(self) -> str:
        return quadrant(self.group)

    @property
    def helpers(self) -> str:
        labels = [Helper(code).label for code in self.group.helpers if code in Helper.values]
        return ", ".join(labels)

    @property
    def involved(self) -> int:
        return getattr(self.group, "involved", 0)

    @property
    def representation(self) -> str:
        aim = self.group.representation_aim
        if not aim:
            return f"{self.involved} involved, no aim set"
        return f"{self.involved} of {aim} aimed for"

    @property
    def below_aim(self) -> bool:
        aim = self.group.representation_aim
        return bool(aim) and self.involved < aim


def group_rows(groups: list[StakeholderGroup]) -> list[GroupRow]:
    return [GroupRow(number=index, group=group) for index, group in enumerate(groups, start=1)]


# The grid: interest along the bottom, influence up the side, 5 by 5.
# A band above and below the rows holds the quadrant names, so no point covers them.
LEFT, TOP, BAND, CELL_W, CELL_H = 110, 10, 26, 100, 72
PLOT_H = 5 * CELL_H + 2 * BAND
WIDTH, HEIGHT = LEFT + 5 * CELL_W + 20, TOP + PLOT_H + 70
BLUE, BLACK, GREY, LIGHT = "#1d70b8", "#0b0c0c", "#505a5f", "#f3f2f1"


def _point(rows_here: int, index: int, influence: int, interest: int) -> tuple[int, int]:
    centre_x = LEFT + (interest - 0.5) * CELL_W
    centre_y = TOP + BAND + (5 - influence + 0.5) * CELL_H
    per_line = 3
    line, column = divmod(index, per_line)
    in_line = min(per_line, rows_here - line * per_line)
    lines = (rows_here + per_line - 1) // per_line
    return (
        round(centre_x + (column - (in_line - 1) / 2) * 30),
        round(centre_y + (line - (lines - 1) / 2) * 30),
    )


GRID_TITLE = "Stakeholder groups by influence and interest"


def grid_description(rows: list[GroupRow]) -> str:
    """What the grid shows, in words: the same as the table beside it."""
    return (
        "; ".join(
            f"{row.number}: {row.group.name}, influence {row.influence.lower()}, "
            f"interest {row.interest.lower()} ({row.quadrant.lower()})"
            for row in rows
        )
        or "No stakeholder groups yet."
    )


def influence_interest_svg(rows: list[GroupRow], *, standalone: bool = False) -> Markup:
    """An SVG picture of the grid, with a title and a description that say the same as
    the table beside it, for people who cannot see it."""
    description = grid_description(rows)
    parts = [
        "<svg "
        + ('xmlns="http://www.w3.org/2000/svg" ' if standalone else "")
        + f'viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        'aria-labelledby="grid-title grid-desc" class="app-stakeholder-grid" '
        'font-family="arial, sans-serif">',
        f'<title id="grid-title">{GRID_TITLE}</title>',
        f'<desc id="grid-desc">{escape(description)}</desc>',
    ]
    half_w, half_h = 2.5 * CELL_W, PLOT_H / 2
    # Quadrant names sit in the corners; 3 on the scale is "high", so the split is
    # between 2 and 3.
    split_x, split_y = LEFT + 2 * CELL_W, TOP + BAND + 3 * CELL_H
    parts.append(
        f'<rect x="{LEFT}" y="{TOP}" width="{5 * CELL_W}" height="{PLOT_H}" '
        f'fill="{LIGHT}" stroke="{GREY}"/>'
    )
    parts.append(
        f'<line x1="{split_x}" y1="{TOP}" x2="{split_x}" y2="{TOP + PLOT_H}" '
        f'stroke="{GREY}" stroke-dasharray="6 4"/>'
    )
    parts.append(
        f'<line x1="{LEFT}" y1="{split_y}" x2="{LEFT + 5 * CELL_W}" y2="{split_y}" '
        f'stroke="{GREY}" stroke-dasharray="6 4"/>'
    )
    corners = [
        (LEFT + 8, TOP + 18, "start", QUADRANTS[(True, False)]),
        (LEFT + 5 * CELL_W - 8, TOP + 18, "end", QUADRANTS[(True, True)]),
        (LEFT + 8, TOP + PLOT_H - 8, "start", QUADRANTS[(False, False)]),
        (LEFT + 5 * CELL_W - 8, TOP + PLOT_H - 8, "end", QUADRANTS[(False, True)]),
    ]
    for x, y, anchor, text in corners:
        parts.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="13" fill="{BLACK}">'
            f"{escape(text)}</text>"
        )
    for value, label in SCALE_LABELS.items():
        x = LEFT + (value - 0.5) * CELL_W
        y = TOP + BAND + (5 - value + 0.5) * CELL_H
        parts.append(
            f'<text x="{x:.0f}" y="{TOP + PLOT_H + 20}" text-anchor="middle" '
            f'font-size="13" fill="{BLACK}">{label}</text>'
        )
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 4:.0f}" text-anchor="end" font-size="13" '
            f'fill="{BLACK}">{label}</text>'
        )
    parts.append(
        f'<text x="{LEFT + half_w:.0f}" y="{TOP + PLOT_H + 50}" text-anchor="middle" '
        f'font-size="16" font-weight="bold" fill="{BLACK}">Interest</text>'
    )
    parts.append(
        f'<text x="20" y="{TOP + half_h:.0f}" text-anchor="middle" font-size="16" '
        f'font-weight="bold" fill="{BLACK}" transform="rotate(-90 20 {TOP + half_h:.0f})">'
        "Influence</text>"
    )
    by_cell: dict[tuple[int, int], list[GroupRow]] = {}
    for row in rows:
        by_cell.setdefault((row.group.influence, row.group.interest), []).append(row)
    for (influence, interest), here in by_cell.items():
        for index, row in enumerate(here):
            x, y = _point(len(here), index, influence, interest)
            parts.append(f'<circle cx="{x}" cy="{y}" r="13" fill="{BLUE}"/>')
            parts.append(
                f'<text x="{x}" y="{y + 5}" text-anchor="middle" font-size="14" '
                f'font-weight="bold" fill="#ffffff">{row.number}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every value from people is escaped above  # nosec B704


def standalone_svg(rows: list[GroupRow]) -> str:
    """The grid as an SVG file of its own (a download, or a picture in a document)."""
    # str() first: adding text to Markup would escape the XML declaration.
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + str(
        influence_interest_svg(rows, standalone=True)
    )


def format_words(person) -> str:
    """Preferred formats for papers, in words."""
    words = [Format(code).label for code in person.formats if code in Format.values]
    if person.other_language and "other_language" in person.formats:
        words = [w for w in words if w != Format.OTHER_LANGUAGE.label] + [person.other_language]
    return ", ".join(words)


def contact_words(person) -> str:
    """How we contact someone, in a few words: "Text message: 07700 900123"."""
    if not person.contact_by:
        return ""
    address = person.address.strip().splitlines()
    detail = {
        ContactMethod.EMAIL: person.email,
        ContactMethod.PHONE: person.phone,
        ContactMethod.TEXT: person.phone,
        ContactMethod.POST: address[0] if address else "",
    }.get(person.contact_by, "")
    label = person.get_contact_by_display()
    return f"{label}: {detail}" if detail else label


@dataclass(frozen=True)
class NeedLine:
    label: str
    names: list[str]


@dataclass(frozen=True)
class CategoryNeeds:
    category: object
    lines: list[NeedLine]
    notes: list[tuple[str, str]]
    reminder_days: list[tuple[str, int]]


def needs_by_category(rows) -> list[CategoryNeeds]:
    """For the project's access needs page: who needs what, grouped as the venue,
    the caterer and the invitations need it."""
    result = []
    for category in CATEGORIES:
        lines = []
        for code, label in category.options:
            names = [
                involvement.person.full_name
                for involvement, needs in rows
                if code in needs.options(category.code)
            ]
            if names:
                lines.append(NeedLine(label=label, names=names))
        notes = [
            (involvement.person.full_name, needs.notes[category.code])
            for involvement, needs in rows
            if category.code in needs.notes
        ]
        days = (
            [
                (involvement.person.full_name, needs.reminder_days_before)
                for involvement, needs in rows
                if needs.reminder_days_before is not None
            ]
            if category is REMINDERS
            else []
        )
        result.append(
            CategoryNeeds(category=category, lines=lines, notes=notes, reminder_days=days)
        )
    return result


# Audit log: where -------------------------------------------------------------------

# The pages that write in the audit log, by the name of their address, in the words of
# the page a reader knows. The log keeps the address itself (the page and whose details
# were on it); these words are read from it when the log is shown, so old entries read
# the same way. Other apps' pages are added by those apps (`AUDIT_PAGES.register`, in
# their contributions), and downloads from "Download data" (`projects.registries.EXPORTS`).
AUDIT_PAGES: Registry[dict[str, str]] = Registry("pages that write in the access needs log")
PEOPLE_AUDIT_PAGES = {
    "people:participant": "Participants: their page",
    "people:participant_needs": "Participants: their access needs",
    "people:access_needs": "Access needs of everyone in the project",
    "people:participant_export": "Everything we hold about them",
    "people:participant_export_json": "Everything we hold about them, as a file",
    "people:participant_erase": "Erase everything about them",
    "people:your_details": "Your details",
    "people:your_export": "Your details: everything we hold about you",
    "people:your_export_json": "Your details: everything we hold about you, as a file",
    "people:tell_us_once": "Tell us once",
    "people:tell_us_once_question": "Tell us once",
    "people:tell_us_once_check": "Tell us once: check your answers",
}
AUDIT_PAGES.register("people", PEOPLE_AUDIT_PAGES, order=10)
# What was written in words from the start, said as a reader would.
AUDIT_WORDS = {
    "demo data": "Demo data",
    "meeting page: needs not met": "Meeting: whose needs are not met",
    "Retention: people_retention": "Anonymised when the time to keep their details ended",
}
DOWNLOAD_FORMATS = {"csv": "CSV", "xlsx": "Excel"}


@cache
def _download_pages() -> dict[str, str]:
    return {
        f"projects:download_{name}_{file_format}": f"Download of {export.title.lower()} ({label})"
        for name, export in EXPORTS.items()
        for file_format, label in DOWNLOAD_FORMATS.items()
    }


def audit_where(where: str) -> str:
    """Where someone saw or changed the details, in words: the page's name worked out
    from its address ("Participants: their page"), or the words written at the time
    ("Import: people.csv"). An address no page answers any more stays as it is."""
    if not where.startswith("/"):
        return AUDIT_WORDS.get(where, where)
    try:
        name = resolve(where).view_name
    except Resolver404:
        return where
    for pages in AUDIT_PAGES:
        if name in pages:
            return pages[name]
    return _download_pages().get(name) or where
