"""Reads for Easy Read versions and an organisation's own pictures."""

from dataclasses import dataclass

from coplan.plain_words.easy_read import (
    ApprovedLine,
    ApprovedVersion,
    EasyReadLine,
    approved_from,
    easy_read_lines,
)
from coplan.plain_words.models import EasyReadVersion, OrganisationPicture
from coplan.plain_words.pictures import Picture, bank


def own_pictures(*, organisation_id: int) -> tuple[Picture, ...]:
    """The organisation's own pictures, by what they show: one query."""
    return tuple(
        Picture(
            topic=row.topics,
            hexcode="",
            alt=row.alt,
            own_id=row.pk,
            content=bytes(row.content),
            media_type=row.media_type,
        )
        for row in OrganisationPicture.objects.filter(organisation_id=organisation_id)
    )


def pictures_by_key(*, organisation_id: int) -> dict[str, Picture]:
    """Every picture a line of this organisation's documents may have, by its key."""
    pictures = {picture.key: picture for picture in bank()}
    pictures.update(
        {picture.key: picture for picture in own_pictures(organisation_id=organisation_id)}
    )
    return pictures


def easy_read_version_latest(*, project_id: int, document: str) -> EasyReadVersion | None:
    return EasyReadVersion.objects.filter(project_id=project_id, document=document).first()


def easy_read_version(*, project_id: int, version_id: int) -> EasyReadVersion | None:
    return EasyReadVersion.objects.filter(project_id=project_id, pk=version_id).first()


def lines_of(version: EasyReadVersion) -> list[ApprovedLine]:
    return [ApprovedLine.from_data(line) for line in version.lines]


def lines_carried_over(
    source_text: str, *, previous: list[ApprovedLine], own: tuple[Picture, ...] = ()
) -> list[ApprovedLine]:
    """A first version of `source_text`'s lines, keeping what the lead changed in
    `previous` for every line whose words did not change."""
    kept: dict[str, list[ApprovedLine]] = {}
    for line in previous:
        kept.setdefault(line.source, []).append(line)
    lines = []
    for line in approved_from(easy_read_lines(source_text), own_pictures=own):
        lines.append(kept[line.source].pop(0) if kept.get(line.source) else line)
    return lines


@dataclass(frozen=True)
class EasyReadDocument:
    """A document the lead checks the Easy Read version of: its key (the app that owns
    it names it, "invitation:meeting:12"), its title, the words its Easy Read version is
    made from, and what it is called on the lead's pages ("invitation", "letter")."""

    document: str
    title: str
    source_text: str
    name: str = "document"


@dataclass(frozen=True)
class EasyReadState:
    """Where a document's Easy Read version is up to, for the lead."""

    latest: EasyReadVersion | None
    lines: list[ApprovedLine]  # what the lead sees and may change now
    up_to_date: bool  # the latest version was made from the words the document has now

    @property
    def approved(self) -> bool:
        """Approved, and made from the document's words as they are now."""
        return bool(self.latest and self.latest.approved_at and self.up_to_date)

    @property
    def out_of_date(self) -> bool:
        """It was approved, but the document's words have changed since."""
        return bool(self.latest and self.latest.approved_at and not self.up_to_date)


def lines_without_picture(state: "EasyReadState") -> list[str]:
    """The lines of the version that go with no picture (never a placeholder), to tell
    the lead before it is sent."""
    return [
        line.words for line in state.lines if line.words and not line.heading and not line.picture
    ]


def easy_read_document_state(*, project, document: EasyReadDocument) -> "EasyReadState":
    return easy_read_state(
        project_id=project.pk,
        organisation_id=project.organisation_id,
        document=document.document,
        source_text=document.source_text,
    )


def easy_read_state(
    *, project_id: int, organisation_id: int, document: str, source_text: str
) -> EasyReadState:
    latest = easy_read_version_latest(project_id=project_id, document=document)
    if latest is not None and latest.source_text == source_text:
        return EasyReadState(latest, lines_of(latest), True)
    previous = lines_of(latest) if latest is not None else []
    own = own_pictures(organisation_id=organisation_id)
    return EasyReadState(latest, lines_carried_over(source_text, previous=previous, own=own), False)


def approved_version(*, version: EasyReadVersion, organisation_id: int) -> ApprovedVersion:
    """The version's lines with the pictures they name, ready to go into a document."""
    return ApprovedVersion(
        tuple(lines_of(version)), pictures_by_key(organisation_id=organisation_id)
    )


def version_lines(*, version: EasyReadVersion, organisation_id: int) -> list[EasyReadLine]:
    """A version's lines as they go (or went): the maker's lines of the words it was
    made from, with the lead's words and pictures put in."""
    return approved_version(version=version, organisation_id=organisation_id).applied_to(
        easy_read_lines(version.source_text)
    )


def approved_version_now(*, project, document: EasyReadDocument) -> ApprovedVersion | None:
    """The newest version the lead approved of the document's words as they are now
    (sent or not), ready to put into the pages that show those words; None if the lead
    has not approved one (then pages show the maker's lines)."""
    version = EasyReadVersion.objects.filter(
        project_id=project.pk,
        document=document.document,
        source_text=document.source_text,
        approved_at__isnull=False,
    ).first()
    if version is None:
        return None
    return approved_version(version=version, organisation_id=project.organisation_id)
