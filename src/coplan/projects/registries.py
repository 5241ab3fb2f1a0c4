"""The project's menu, the overview's parts and each role's home, from what each app
registers.

Every app with pages in a project registers its start page in `PROJECT_NAV`, from its
`contributions.py`, naming the roles whose menu shows it; if something of its can be
late or over, a function in `NEEDS_ATTENTION`, and the numbers it counts for it in
`PROJECT_COUNTS` (read with every other app's in one query); if it has a part of its
own on the lead's overview, an `OverviewPanel`; if a role other than the lead should see
something of it first on opening a project, a `HomePanel` for those roles; if someone
should see something of it across all their projects on "Your projects", a
`YourProjectsPanel`; if it holds part of the plan, a `PlanSection` of the whole plan
(the one document a manager reads and signs off, `guides:plan_document`, with what it gives in the
participants' version and in Easy Read) and, if parts of the plan can be missing, a
`PLAN_GAPS` function saying what is (asked before the plan is signed off); if a new
member should go somewhere of its first after joining, an `AFTER_JOINING` function; if
it holds data people take away as a spreadsheet, an `Export` (each is listed on
"Download data", `projects:downloads`, in CSV and Excel, with its data dictionary).
If it already knows an answer to a guide question (where the money comes from), an
`ANSWER_SUGGESTIONS` function offering it beside the question.
So the projects app names no other app.
"""

import datetime
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connections, router
from django.db.models import Expression, QuerySet
from django.utils import timezone

from coplan.core.registry import Registry
from coplan.core.spreadsheets import DATE, NUMBER, TEXT
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role
from coplan.projects.rules import Permission


@dataclass(frozen=True)
class NavEntry:
    """An app's start page in the project's menu; `section` marks it as the current one.
    `roles`: whose menu shows it (everyone's if empty). The pages stay reachable by
    links for every role their permissions allow; the menu shows what a role uses."""

    section: str
    url_name: str
    text: str
    roles: frozenset[str] = frozenset()

    def shown_to(self, role: str) -> bool:
        return not self.roles or role in self.roles


# What needs attention in one app, for this member: each note in plain words, with where
# to look.
Attention = Callable[[Membership], list[tuple[str, str]]]


@dataclass(frozen=True)
class OverviewPanel:
    """A part of the overview, above "Needs attention": `template` is drawn with `panel`,
    the dictionary `find(membership)` gives."""

    template: str
    find: Callable[[Membership], dict]


@dataclass(frozen=True)
class HomePanel:
    """A part of the home a role sees first on opening a project (every role but the
    lead, whose home is the overview). `find(membership)` gives the dictionary
    `template` is drawn with as `panel`, or None when there is nothing to show."""

    roles: frozenset[str]
    template: str
    find: Callable[[Membership], dict | None]


# A home panel shows a few things, with a link to all of them.
HOME_FEW = 3


def first_few(rows: QuerySet, limit: int = HOME_FEW) -> tuple[list, bool]:
    """The first `limit` of the ordered `rows`, and whether there are more: one query,
    however many rows there are."""
    found = list(rows[: limit + 1])
    return found[:limit], len(found) > limit


@dataclass(frozen=True)
class YourProjectsPanel:
    """A part of "Your projects", across every project of the signed-in person:
    `find(user)` gives the dictionary `template` is drawn with as `panel`, or None."""

    template: str
    find: Callable[[AbstractBaseUser], dict | None]


class PlanVersion(StrEnum):
    """The three versions of the whole plan: for staff (everything each role may read),
    for participants (no personal data, nothing only staff see, in plain words) and
    Easy Read (short sentences, a picture beside each)."""

    STAFF = "staff"
    PARTICIPANTS = "participants"
    EASY_READ = "easy_read"


@dataclass(frozen=True)
class PlanPart:
    """What a part of the plan draws in one version: `title` is its heading (an h2);
    `find(membership)` gives the dictionary `template` is drawn with as `part` (its own
    headings start at h3), in a fixed number of queries."""

    title: str
    template: str
    find: Callable[[Membership], dict]


@dataclass(frozen=True)
class EasyReadPart:
    """What a part of the plan says in Easy Read: `title` is its heading, `sentences`
    (membership) its words as short sentences, one a line, a blank line between blocks
    (the whole plan draws them with the Easy Read conventions and pictures). Nothing
    about one person, nothing only staff see."""

    title: str
    sentences: Callable[[Membership], str]


@dataclass(frozen=True)
class PlanSection:
    """A part of the whole plan, in reading order: `title` is its heading (an h2);
    `find(membership)` gives the dictionary `template` is drawn with as `part` (its own
    headings start at h3), in a fixed number of queries. Shown only to members whose
    role has `permission` (if given); people can leave parts out.

    That is the staff version. `for_participants` is what it gives in the participants'
    version (no names of people taking part, no access needs, claims or payments, no
    staff checks; its fixed words in plain words) and `easy_read` in the Easy Read
    version: each None leaves the part out of that version. `size(project)` is how many
    rows it draws (one query), if it can grow large: a large plan's files are made by
    the background worker."""

    title: str
    template: str
    find: Callable[[Membership], dict]
    permission: Permission | None = None
    for_participants: PlanPart | None = None
    easy_read: EasyReadPart | None = None
    size: Callable[[Project], int] | None = None

    def shown_to(self, membership: Membership) -> bool:
        return self.permission is None or membership.may(self.permission)

    def in_version(self, version: PlanVersion) -> PlanPart | EasyReadPart | None:
        """What the part gives in `version`, or None if it is left out of it."""
        if version == PlanVersion.STAFF:
            return PlanPart(self.title, self.template, self.find)
        if version == PlanVersion.PARTICIPANTS:
            return self.for_participants
        return self.easy_read


# Where someone goes right after joining a project by invitation, instead of the
# project's home: the address, or None to leave it to the next one (or the home).
AfterJoining = Callable[[Membership], str | None]


@dataclass(frozen=True)
class ExportColumn:
    """A column of a download: its heading (the same words wherever the same thing is
    shown), what it holds (for the data dictionary), its kind (`core.spreadsheets`:
    TEXT, NUMBER, DATE or MONEY) and, if not every role that may have the file may see
    it, the permission a role needs to get it (as on the pages)."""

    heading: str
    meaning: str
    kind: str = TEXT
    permission: Permission | None = None

    def shown_to(self, membership: Membership) -> bool:
        return self.permission is None or membership.may(self.permission)


@dataclass(frozen=True)
class Export:
    """A spreadsheet of the project's data, for members whose role has `permission`.

    `holds`: what it holds, in a sentence, for the "Download data" page. `rows(membership)`
    gives one mapping of heading to value a row, read a few rows at a time from the
    database (an iterator, not a list) in a fixed number of queries; only the columns
    the member may see are written. `record(membership=, actor=, where=)`, for files
    with people's details, writes down who downloaded them, as looking at a person's
    details is (people's audit log); a file without it holds nobody's personal data."""

    title: str
    holds: str
    permission: Permission
    columns: tuple[ExportColumn, ...]
    rows: Callable[[Membership], Iterable[Mapping[str, Any]]]
    record: Callable[..., None] | None = None

    @property
    def personal(self) -> bool:
        return self.record is not None

    def shown_to(self, membership: Membership) -> bool:
        return membership.may(self.permission)

    def columns_for(self, membership: Membership) -> list[ExportColumn]:
        return [column for column in self.columns if column.shown_to(membership)]


# Columns that more than one download has: the same heading and meaning in each.
NAME = ExportColumn("Name", "The person's full name, as they gave it.")
MEETING = ExportColumn("Meeting", "The meeting or workshop's title.")
MEETING_DATE = ExportColumn("Date of meeting", "The day the meeting was held.", DATE)
QUESTION = ExportColumn("Question", "The question, in the words people were asked.")
ANSWER = ExportColumn("Answer", "One of the answers people could give, or what they wrote.")
NUMBER_OF_PEOPLE = ExportColumn(
    "Number of people",
    "How many people gave this answer. Small numbers are not shown, as on the page, so "
    "nobody can be picked out.",
    NUMBER,
)

PROJECT_NAV: Registry[NavEntry] = Registry("project navigation")
NEEDS_ATTENTION: Registry[Attention] = Registry("needs attention")
# Numbers about a project that an app's part of the overview (or "Needs attention")
# shows: `counts(today)` gives each as an SQL expression on the project's row, by name
# (a subquery reaching the project through OuterRef("pk")). Every app's are read
# together in one query, the first time one is asked for on a request: `project_counts`.
PROJECT_COUNTS: Registry[Callable[[datetime.date], dict[str, Expression]]] = Registry(
    "numbers about a project"
)
OVERVIEW_PANELS: Registry[OverviewPanel] = Registry("overview panels")
HOME_PANELS: Registry[HomePanel] = Registry("role home panels")
YOUR_PROJECTS_PANELS: Registry[YourProjectsPanel] = Registry("your projects panels")
PLAN_SECTIONS: Registry[PlanSection] = Registry("plan sections")
AFTER_JOINING: Registry[AfterJoining] = Registry("after joining a project")
EXPORTS: Registry[Export] = Registry("downloads")
# What is still missing from the plan, in plain words ("12 of 70 questions have no
# answer yet"): `gaps(project=)` gives a list, empty when nothing is; a fixed number of
# queries. Said to the lead before they ask for sign-off, and to the manager who reads it.
PLAN_GAPS: Registry[Callable[..., list[str]]] = Registry("what the plan is missing")


@dataclass(frozen=True)
class AnswerSuggestion:
    """An answer another part of coplan already knows, offered beside a guide question
    (never saved as the answer): its words, where they come from and its page."""

    words: str
    source: str  # "the project’s budget"
    url: str


# Answers other apps already know, by guide question id: `suggest(project)` gives a
# dict of AnswerSuggestion, in one query at most. Shown on the question's page.
ANSWER_SUGGESTIONS: Registry[Callable[..., dict[str, AnswerSuggestion]]] = Registry(
    "answers other pages know"
)
# Words a project's wording check never flags once saved (its shared definitions).
ALLOWED_WORDS: Registry[Callable[..., Collection[str]]] = Registry("words a project allows")


def allowed_words(project) -> list[str]:
    """The words the wording check never flags in this project, from every app."""
    return [word for words in ALLOWED_WORDS for word in words(project=project)]


def project_nav(membership: Membership | None = None) -> list[NavEntry]:
    """The project's menu for this member's role (every entry if no member is given)."""
    if membership is None:
        return list(PROJECT_NAV)
    return [entry for entry in PROJECT_NAV if entry.shown_to(membership.role)]


def has_own_home(membership: Membership) -> bool:
    """Whether the member opens the project on their role's home, not the overview."""
    return membership.role != Role.LEAD


def home_panels(membership: Membership) -> list[tuple[str, dict]]:
    """The parts of this member's home, for their role, that have something to show."""
    found = []
    for panel in HOME_PANELS:
        if membership.role in panel.roles:
            shown = panel.find(membership)
            if shown is not None:
                found.append((panel.template, shown))
    return found


def your_projects_panels(user: AbstractBaseUser) -> list[tuple[str, dict]]:
    """The parts of "Your projects" that have something to show this person."""
    found = []
    for panel in YOUR_PROJECTS_PANELS:
        shown = panel.find(user)
        if shown is not None:
            found.append((panel.template, shown))
    return found


def after_joining(membership: Membership) -> str | None:
    """Where this new member goes first, if an app asks for somewhere else than the home."""
    for where in AFTER_JOINING:
        found = where(membership)
        if found:
            return found
    return None


# Stands for the project's id while the counts' query is put into SQL once (below).
_ANY_PROJECT = -7_345_127_903
# The counts' query as SQL, put together once a day for each database: it is the same
# for every project but its id, and putting a query of a dozen subqueries into SQL took
# a third of the overview's time. {(database, day): (sql, params, where the id goes, names)}
_COUNTS_SQL: dict[tuple, tuple[str, list, int, list[tuple[str, str]]]] = {}


def _counts_sql(using: str, today: datetime.date):
    key = (using, today, tuple(PROJECT_COUNTS.items()))
    found = _COUNTS_SQL.get(key)
    if found is None:
        asked = [
            (name, count_name, expression)
            for name, counts in PROJECT_COUNTS.items()
            for count_name, expression in counts(today).items()
        ]
        query = Project.objects.filter(pk=_ANY_PROJECT).values(
            **{f"count_{at}": expression for at, (_, _, expression) in enumerate(asked)}
        )
        sql, params = query.query.get_compiler(using).as_sql()
        params = list(params)
        (project_at,) = [at for at, param in enumerate(params) if param == _ANY_PROJECT]
        found = (sql, params, project_at, [(name, count_name) for name, count_name, _ in asked])
        _COUNTS_SQL.clear()  # yesterday's are no use
        _COUNTS_SQL[key] = found
    return found


def project_counts(membership: Membership, app: str) -> dict[str, Any]:
    """The numbers `app` registered in PROJECT_COUNTS, for the member's project. Every
    app's are read in one query on the first call and kept on the membership, which
    lives for one request. Each is a whole number (a count or pence) or None."""
    found: dict[str, dict[str, Any]] | None = getattr(membership, "_project_counts", None)
    if found is None:
        using = router.db_for_read(Project)
        sql, params, project_at, names = _counts_sql(using, timezone.localdate())
        params = list(params)
        params[project_at] = membership.project_id
        with connections[using].cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        found = {name: {} for name, _ in PROJECT_COUNTS.items()}
        for (name, count_name), value in zip(names, row, strict=True):
            found[name][count_name] = None if value is None else int(value)
        membership._project_counts = found
    return found[app]


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """What is late or over on the project, in plain words, each with where to look."""
    return [note for attention in NEEDS_ATTENTION for note in attention(membership)]


def overview_panels(membership: Membership) -> list[tuple[str, dict]]:
    """Each app's part of the overview: its template and what it draws."""
    return [(panel.template, panel.find(membership)) for panel in OVERVIEW_PANELS]


def plan_sections(
    membership: Membership, version: PlanVersion = PlanVersion.STAFF
) -> list[tuple[str, PlanPart | EasyReadPart]]:
    """The parts of the whole plan this member may read in `version`, each with its
    name, in order. The staff version leaves out what the member's role may not see;
    the other versions are the same for everyone."""
    found = []
    for name, section in PLAN_SECTIONS.items():
        part = section.in_version(version)
        if part is None or (version == PlanVersion.STAFF and not section.shown_to(membership)):
            continue
        found.append((name, part))
    return found


def plan_parts(
    membership: Membership, chosen: Collection[str], version: PlanVersion = PlanVersion.STAFF
) -> list[tuple[PlanPart, dict]]:
    """The chosen parts of the whole plan (by name) this member may read in the staff or
    the participants' version, each with what it draws."""
    return [
        (part, part.find(membership))
        for name, part in plan_sections(membership, version)
        if name in chosen
    ]


def exports_for(membership: Membership) -> list[tuple[str, Export]]:
    """The downloads this member may have, each with its name, in order."""
    return [(name, export) for name, export in EXPORTS.items() if export.shown_to(membership)]


def plan_gaps(project) -> list[str]:
    """What is still missing from the plan, in plain words, from every app."""
    return [gap for gaps in PLAN_GAPS for gap in gaps(project=project)]


def answer_suggestions(project) -> dict[str, AnswerSuggestion]:
    """Guide question id -> a suggested answer, from every app."""
    return {
        question_id: suggestion
        for suggest in ANSWER_SUGGESTIONS
        for question_id, suggestion in suggest(project).items()
    }


def plan_size(project: Project) -> int:
    """How many rows the whole plan draws where it can grow large (one query a part)."""
    return sum(section.size(project) for section in PLAN_SECTIONS if section.size)
