"""What a manager signs: the staff plan frozen as it is when the lead asks, and what
changed since, part by part and heading by heading.

A snapshot is the chosen parts of the whole plan (`projects.registries.PLAN_SECTIONS`)
drawn as the lead reads them, by the same templates as the whole plan page, and the
words of each part under each of its headings, so two snapshots, or a snapshot and the
plan now, can be compared without keeping the rows they came from. Why:
docs/decisions/0013-sign-off-versions.md.
"""

import difflib
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from lxml import html as lxml_html

from coplan.planning.models import SignOffDecision
from coplan.planning.selectors import sign_off_latest_versions
from coplan.projects.models import Membership, Project
from coplan.projects.registries import plan_parts, plan_sections
from coplan.projects.roles import Role

# The sign-off register says what is signed, so it is never part of what is signed.
NOT_SIGNED = frozenset({"sign_offs"})
PARTS_TEMPLATE = "guides/_plan_document_parts.html"

SPACES = re.compile(r"\s+")
HEADINGS = {"h3", "h4", "h5", "h6"}
LINES = {"p", "li", "tr", "dt", "dd", "caption", "img"}


def staff_view(project: Project, user) -> Membership:
    """The plan as a lead reads it (every staff part), whoever looks: what is signed
    and what it is compared with are always drawn the same way. Not saved."""
    return Membership(project=project, user=user, role=Role.LEAD)


def parts_offered(membership: Membership) -> list[tuple[str, str]]:
    """The parts of the plan that can be signed off: name and title, in order."""
    return [
        (name, section.title)
        for name, section in plan_sections(membership)
        if name not in NOT_SIGNED
    ]


@dataclass(frozen=True)
class Snapshot:
    parts: list[str]
    html: str
    sections: list[dict]


def _text(element) -> str:
    if element.tag == "img":
        return element.get("alt") or ""
    if element.tag == "tr":
        cells = [_text(cell) for cell in element if isinstance(cell.tag, str)]
        return ": ".join(cell for cell in cells if cell)
    return SPACES.sub(" ", element.text_content()).strip()


def _visible(element) -> bool:
    return "govuk-visually-hidden" not in (element.get("class") or "").split()


def part_words(part_html: str) -> list[dict]:
    """The words of one part of the plan, under each of its headings in turn:
    [{"heading": "At the start › Problems still open", "lines": [...]}, ...]."""
    root = lxml_html.fragment_fromstring(part_html, create_parent="div")
    found: list[dict] = [{"heading": "", "lines": []}]
    path: dict[int, str] = {}

    def walk(element) -> None:
        for child in element:
            if not isinstance(child.tag, str) or not _visible(child):
                continue
            if child.tag in HEADINGS:
                level = int(child.tag[1])
                path[level] = _text(child)
                for deeper in [n for n in path if n > level]:
                    del path[deeper]
                found.append({"heading": " › ".join(path[n] for n in sorted(path)), "lines": []})
            elif child.tag in LINES:
                line = _text(child)
                if line:
                    found[-1]["lines"].append(line)
            else:
                walk(child)

    walk(root)
    return [section for section in found if section["heading"] or section["lines"]]


def snapshot(*, membership: Membership, parts: list[str]) -> Snapshot:
    """The chosen parts of the plan as `membership` reads them now: the HTML the
    manager reads (and the PDF and Word file are made from), and its words."""
    offered = [name for name, _ in parts_offered(membership)]
    chosen = [name for name in offered if name in parts]
    drawn = plan_parts(membership, chosen)
    html = render_to_string(PARTS_TEMPLATE, {"parts": drawn})
    sections = []
    for name, (section, part) in zip(chosen, drawn, strict=True):
        part_html = render_to_string(PARTS_TEMPLATE, {"parts": [(section, part)]})
        body = lxml_html.fragment_fromstring(part_html, create_parent="div")
        for heading in body.iter("h2"):
            heading.drop_tree()
        sections.append(
            {
                "part": name,
                "title": section.title,
                "words": part_words(lxml_html.tostring(body, encoding="unicode")),
            }
        )
    return Snapshot(chosen, html, sections)


@dataclass(frozen=True)
class Change:
    """What changed under one heading of one part: the lines that went, and came."""

    part: str
    heading: str
    removed: list[str]
    added: list[str]

    @property
    def where(self) -> str:
        return f"{self.part}: {self.heading}" if self.heading else self.part


def _by_heading(sections: list[dict]) -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for section in sections:
        for words in section["words"]:
            found.setdefault((section["title"], words["heading"]), []).extend(words["lines"])
    return found


def changes(before: list[dict], after: list[dict]) -> list[Change]:
    """What changed from one plan's words to another's, heading by heading, in the
    order of `after` (then what is gone altogether)."""
    old, new = _by_heading(before), _by_heading(after)
    found = []
    for key in [*new, *(key for key in old if key not in new)]:
        was, now = old.get(key, []), new.get(key, [])
        if was == now:
            continue
        removed, added = [], []
        matcher = difflib.SequenceMatcher(a=was, b=now, autojunk=False)
        for tag, a_from, a_to, b_from, b_to in matcher.get_opcodes():
            if tag != "equal":
                removed.extend(was[a_from:a_to])
                added.extend(now[b_from:b_to])
        found.append(Change(key[0], key[1], removed, added))
    return found


def plan_now(project: Project, user) -> Snapshot:
    """Every part that can be signed off, as the plan is now: to compare versions with."""
    view = staff_view(project, user)
    return snapshot(membership=view, parts=[name for name, _ in parts_offered(view)])


def changes_since(version, *, now: Snapshot) -> list[Change]:
    """What changed in the plan (`plan_now`) since this version was asked for, in the
    parts it holds."""
    kept = [section for section in now.sections if section["part"] in version.parts]
    return changes(version.sections, kept)


def register_versions(project: Project, user) -> tuple[dict, dict[int, list[Change]]]:
    """For the register: the newest version of each sign-off asked for (by sign-off),
    and for those signed off from a version, what changed in the plan since. One query,
    and the plan drawn once if any was signed off from a version."""
    latest = sign_off_latest_versions(project=project)
    signed = [v for v in latest.values() if v.decision == SignOffDecision.APPROVED]
    if not signed:
        return latest, {}
    now = plan_now(project, user)
    return latest, {v.sign_off_id: changes_since(v, now=now) for v in signed}
