"""The whole plan in its three versions, as a page and as a document (PDF, Word).

- **For staff** (`guides:plan_document`): every part each app contributes
  (`projects.registries.PLAN_SECTIONS`) that the reader's role may see; what a manager
  reads and signs off.
- **For everyone taking part** (`guides:plan_for_participants`): what each part gives
  for participants (`PlanSection.for_participants`): no names or details of people
  taking part, no access needs, claims or payments, nothing only staff see; in plain
  words. The same for every reader.
- **Easy Read** (`guides:plan_easy_read`): what each part says in short sentences
  (`PlanSection.easy_read`), drawn with the Easy Read conventions of
  `plain_words.easy_read`: the part's heading alone, then each line with the picture
  for its topic on the left (none if no picture fits, never a placeholder) and the
  words on the right, in large type.

`plan_html(membership=..., version=STAFF)` is the document's HTML, for downloads, the
background worker and sign-off: the staff version is drawn as it always was.
"""

import base64
import datetime
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.text import slugify

from coplan.core import documents
from coplan.core.qr import qr_src
from coplan.guides import rules
from coplan.plain_words.easy_read import HEADING, LINK, easy_read_lines
from coplan.plain_words.pictures import Picture, credit
from coplan.projects.models import Membership
from coplan.projects.registries import (
    EasyReadPart,
    PlanPart,
    PlanVersion,
    plan_parts,
    plan_sections,
    plan_size,
)
from coplan.projects.rules import Permission

STAFF, PARTICIPANTS, EASY_READ = PlanVersion.STAFF, PlanVersion.PARTICIPANTS, PlanVersion.EASY_READ
EASY_READ_PART = "guides/_plan_easy_read_part.html"
QR_ALT = "A QR code: scan it with a phone camera to open the page"


@dataclass(frozen=True)
class Version:
    key: PlanVersion
    heading: str  # the page's h1
    named: str  # what the document is called after the project's name
    permission: Permission
    url_name: str  # the page; its downloads add "_pdf" and "_docx"
    file_name: str  # the downloads' name after the project's
    file_template: str

    def title(self, membership: Membership) -> str:
        return f"{membership.project.name}: {self.named}"

    def file(self, membership: Membership, extension: str) -> str:
        return f"{slugify(membership.project.name) or 'project'}-{self.file_name}.{extension}"


VERSIONS = {
    STAFF: Version(
        STAFF,
        "The whole plan",
        "the whole plan",
        rules.VIEW_PLAN_DOCUMENT,
        "plan_document",
        "plan",
        "guides/plan_document_file.html",
    ),
    PARTICIPANTS: Version(
        PARTICIPANTS,
        "The plan for everyone taking part",
        "the plan for everyone taking part",
        rules.VIEW_PLAN_FOR_PARTICIPANTS,
        "plan_for_participants",
        "plan-for-everyone",
        "guides/plan_version_file.html",
    ),
    EASY_READ: Version(
        EASY_READ,
        "The plan in Easy Read",
        "the plan in Easy Read",
        rules.VIEW_PLAN_FOR_PARTICIPANTS,
        "plan_easy_read",
        "plan-easy-read",
        "guides/plan_version_file.html",
    ),
}


def versions_for(membership: Membership) -> list[Version]:
    """The versions of the whole plan this member may read."""
    return [version for version in VERSIONS.values() if membership.may(version.permission)]


def offered(membership: Membership, version: Version) -> list[tuple[str, str]]:
    """(name, title) of each part of the plan in this version the member may read."""
    return [(name, part.title) for name, part in plan_sections(membership, version.key)]


def parts(
    membership: Membership,
    version: Version,
    chosen: Collection[str],
    *,
    for_file: bool = False,
    done: Callable[[int, int], None] | None = None,
) -> list[tuple[PlanPart, dict]]:
    """The chosen parts of the plan in this version, each with what it draws. `done(n,
    of)` is told after each part (the background worker shows the progress)."""
    if version.key != EASY_READ and done is None:
        return plan_parts(membership, chosen, version.key)
    wanted = [
        (name, part) for name, part in plan_sections(membership, version.key) if name in chosen
    ]
    found = []
    for number, (_, part) in enumerate(wanted, start=1):
        if isinstance(part, EasyReadPart):
            found.append(_easy_read(membership, part, for_file=for_file))
        else:
            found.append((part, part.find(membership)))
        if done:
            done(number, len(wanted))
    return found


def _easy_read(membership: Membership, part: EasyReadPart, *, for_file: bool):
    """An Easy Read part: its lines in blocks, each block after a heading of its own."""
    blocks: list[dict] = [{"heading": "", "lines": []}]
    pictures = False
    for line in easy_read_lines(part.sentences(membership)):
        if line.kind == HEADING:
            blocks.append({"heading": line.words, "lines": []})
            continue
        if line.kind == LINK:
            # In print, a QR code and a short address (in Word, which has no picture, the
            # whole link); on the page, the link itself.
            src = qr_src(line.link) if for_file else None
            blocks[-1]["lines"].append(
                {"line": line, "src": src, "alt": QR_ALT if src else "", "link": line.link}
            )
            continue
        picture = line.bank_picture
        src = _picture_src(picture, for_file=for_file) if picture else None
        pictures = pictures or bool(src)
        blocks[-1]["lines"].append(
            {"line": line, "src": src, "alt": picture.alt if src else "", "link": ""}
        )
    drawn = {"blocks": [block for block in blocks if block["lines"] or block["heading"]]}
    return PlanPart(part.title, EASY_READ_PART, lambda _: drawn), {**drawn, "pictures": pictures}


def _picture_src(picture: Picture, *, for_file: bool) -> str | None:
    """Where a picture is found: the static file on a page, the picture itself in a
    document (which fetches nothing). None when the asset build has not made it: then
    the line has no picture."""
    if not for_file:
        return static(picture.static_path)
    return _picture_data(picture)


@cache
def _picture_data(picture: Picture) -> str | None:
    if not picture.built_file.is_file():
        return None
    svg = picture.built_file.read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


def uses_pictures(drawn: list[tuple[PlanPart, dict]]) -> bool:
    return any(part.get("pictures") for _, part in drawn)


def plan_html(
    *,
    membership: Membership,
    version: PlanVersion = STAFF,
    chosen: Collection[str] | None = None,
    made_at: datetime.datetime | None = None,
    done: Callable[[int, int], None] | None = None,
) -> str:
    """The whole plan in `version` as a document's HTML (for `documents.pdf_from_html`
    or `docx_from_html`): the chosen parts (all this member may read if None)."""
    shown = VERSIONS[version]
    if chosen is None:
        chosen = [name for name, _ in offered(membership, shown)]
    drawn = parts(membership, shown, chosen, for_file=True, done=done)
    return documents.render(
        shown.file_template,
        {
            "project": membership.project,
            "membership": membership,
            "version": shown,
            "parts": drawn,
            "made_at": made_at or timezone.now(),
            "picture_credit": credit() if uses_pictures(drawn) else None,
        },
        title=shown.title(membership),
    )


def in_background(project) -> bool:
    """Whether the plan is large enough for its files to be made by the background
    worker (`settings.PLAN_IN_BACKGROUND_FROM`), not straight away."""
    return plan_size(project) >= settings.PLAN_IN_BACKGROUND_FROM


def may_open(membership: Membership, download) -> bool:
    """Whether this member may open a file of the plan made in the background: they may
    read its version, and every part it holds (the staff version holds what the role
    of the person who asked may read)."""
    version = VERSIONS.get(download.version)
    if version is None or not membership.may(version.permission):
        return False
    readable = {name for name, _ in offered(membership, version)}
    return set(download.parts) <= readable


def progress_words(download, file_format: str) -> str:
    """How far a file made in the background has got, in words."""
    parts = max(download.parts_total - 1, 0)
    if download.status == "waiting":
        return "Waiting to start. It will start in a moment."
    if download.parts_done < parts:
        return f"Putting the plan together: {download.parts_done} of {parts} parts done."
    return f"All {parts} parts are done. Making the {file_format} file."
