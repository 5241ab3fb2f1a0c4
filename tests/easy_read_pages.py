"""Reading a participant's page in Easy Read as a person would: its switch, and each
Easy Read line with its picture (plain_words/_easy_read_page.html)."""

import datetime
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.test import Client

from coplan import language
from coplan.language.findings import CHANGE
from coplan.projects.roles import Role
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    VenueFactory,
)

SWITCH = "/easy-read/"
PLACEHOLDERS = ("Picture to choose", "placeholder", "Lorem", "TODO")


@dataclass
class Line:
    words: str = ""
    pictures: list[dict] = field(default_factory=list)


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.headings: list[str] = []
        self.switch_button = ""
        self._depth = 0  # inside an Easy Read line: how many divs deep
        self._hidden = 0
        self._heading: list[str] | None = None
        self._in_switch = False
        self._in_button = False

    def handle_starttag(self, tag, attrs):
        found = {key: value or "" for key, value in attrs}
        classes = found.get("class", "").split()
        if tag == "form" and "app-easy-read-switch" in classes:
            self._in_switch = True
        if self._in_switch and tag == "button":
            self._in_button = True
        if tag == "span" and ("govuk-visually-hidden" in classes or self._hidden):
            self._hidden += 1
        if tag in ("h1", "h2", "h3", "h4") and "app-er-heading" in classes:
            self._heading = []
        if tag == "div" and "app-er-line" in classes:
            self.lines.append(Line())
            self._depth = 1
        elif tag == "div" and self._depth:
            self._depth += 1
        if tag == "img" and self._depth:
            self.lines[-1].pictures.append(found)

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_switch = False
        if tag == "button":
            self._in_button = False
        if tag == "span" and self._hidden:
            self._hidden -= 1
        if tag in ("h1", "h2", "h3", "h4") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        if tag == "div" and self._depth:
            self._depth -= 1
            if not self._depth:
                self.lines[-1].words = " ".join(self.lines[-1].words.split())

    def handle_data(self, data):
        if self._in_button:
            self.switch_button += data.strip()
        if self._hidden:
            return
        if self._heading is not None:
            self._heading.append(data)
        if self._depth:
            self.lines[-1].words += " " + data


def read(page: str) -> _Lines:
    parser = _Lines()
    parser.feed(page)
    parser.close()
    return parser


def easy_read_lines(page: str) -> list[Line]:
    return read(page).lines


def switch_says(page: str) -> str:
    """The switch's button: "Turn Easy Read on" or "Turn Easy Read off" ("" if none)."""
    return read(page).switch_button


def turn(client: Client, *, on: bool, back: str):
    return client.post(SWITCH, {"easy_read": "on" if on else "off", "next": back})


def assert_easy_read(page: str) -> list[Line]:
    """The page is in Easy Read: lines, each with a picture with alternative text or
    none, never a placeholder."""
    lines = easy_read_lines(page)
    assert lines, "no Easy Read lines"
    for words in PLACEHOLDERS:
        assert words not in page
    for line in lines:
        assert len(line.pictures) <= 1, line
        for picture in line.pictures:
            assert picture["alt"].strip(), line
            assert "/coplan/pictures/" in picture["src"], line
    assert any(line.pictures for line in lines)
    return lines


def hard_words(lines: list[Line]) -> list[tuple[str, str]]:
    """What the language checker in Easy Read mode says to change in the lines."""
    return [
        (line.words, finding.message)
        for line in lines
        for finding in language.check(line.words, mode=language.EASY_READ).findings
        if finding.severity == CHANGE
    ]


def invited_co_producer(
    *, formats=("easy_read",), signed_in: bool = True, member: dict | None = None, **meeting
):
    """A co-producer (their papers in `formats`; with no account unless `signed_in`)
    invited to a meeting at the library (step-free, with a hearing loop): "Planning
    day" on Tuesday 4 May 2027 unless `meeting` says otherwise. (membership, invited)"""
    membership = MembershipFactory(role=Role.CO_PRODUCER, **(member or {}))
    project = membership.project
    person = InvolvementFactory(
        project=project,
        person__user=membership.user if signed_in else None,
        person__formats=list(formats),
    ).person
    venue = VenueFactory(
        organisation=project.organisation,
        name="The library",
        address="1 High Street\nOxford\nOX1 1AA",
        step_free="yes",
        hearing_loop="yes",
    )
    found = MeetingFactory(
        project=project,
        venue=venue,
        **{"title": "Planning day", "meets_on": datetime.date(2027, 5, 4), **meeting},
    )
    return membership, InvitedPersonFactory(meeting=found, person=person)
