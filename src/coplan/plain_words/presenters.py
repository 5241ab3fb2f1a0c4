"""A language report as a page shows it: the text with marks, and the findings."""

from dataclasses import dataclass

from django.templatetags.static import static

from coplan import language
from coplan.plain_words.pictures import Picture

LIMIT_CHARACTERS = 200_000


@dataclass(frozen=True)
class Piece:
    """A stretch of the text; `finding_number` is set when it is marked."""

    text: str
    finding_number: int | None = None


@dataclass(frozen=True)
class FindingView:
    number: int
    finding: language.Finding
    suggestions: tuple[str, ...]

    @property
    def is_note(self) -> bool:
        return self.finding.severity == "note"


@dataclass(frozen=True)
class ReportView:
    report: language.Report
    findings: tuple[FindingView, ...]
    pieces: tuple[Piece, ...]

    @property
    def summary(self) -> str:
        count = len(self.findings)
        if not self.report.word_count:
            return "Type some text to check its wording."
        found = "No suggestions" if not count else f"{count} suggestion{'s' if count != 1 else ''}"
        age = self.report.readability.reading_age
        reading = f" Reading age about {round(age)}." if age is not None else ""
        return f"{found} about the wording.{reading}"


def _suggestions(finding: language.Finding) -> tuple[str, ...]:
    """Each plainer word offered, capitalised like the words it would replace."""
    if not finding.suggestion or finding.kind not in {language.JARGON, language.ACRONYM}:
        return ()
    parts = [part.strip() for part in finding.suggestion.split(";") if part.strip()]
    if finding.text[:1].isupper() and not finding.text.isupper():
        parts = [part[:1].upper() + part[1:] for part in parts]
    return tuple(parts)


def _pieces(text: str, findings: tuple[FindingView, ...]) -> tuple[Piece, ...]:
    """Cut the text into plain and marked pieces; overlapping findings mark once."""
    pieces: list[Piece] = []
    position = 0
    for view in findings:
        start, end = view.finding.start, view.finding.end
        if start < position:
            continue
        if start > position:
            pieces.append(Piece(text[position:start]))
        pieces.append(Piece(text[start:end], view.number))
        position = end
    if position < len(text):
        pieces.append(Piece(text[position:]))
    return tuple(pieces)


def report_view(
    text: str, *, mode: str = language.PLAIN, allowed: tuple[str, ...] = ()
) -> ReportView:
    text = text[:LIMIT_CHARACTERS]
    report = language.check(text, mode=mode, allowed=allowed)
    findings = tuple(
        FindingView(number, finding, _suggestions(finding))
        for number, finding in enumerate(report.findings, start=1)
    )
    return ReportView(report, findings, _pieces(text, findings))


def picture_src(picture: Picture) -> str:
    """Where a page gets a picture: the bank's from the static files, an organisation's
    own as a data: address (it is kept in the database, and checked on the way in)."""
    return picture.data_uri() if not picture.is_openmoji else static(picture.static_path)


def picture_choices(pictures: dict[str, Picture]) -> list[tuple[Picture, str]]:
    """The pictures a lead may choose from, the organisation's own first, each with
    where the page gets it."""
    ordered = sorted(pictures.values(), key=lambda picture: picture.is_openmoji)
    return [(picture, picture_src(picture)) for picture in ordered]
