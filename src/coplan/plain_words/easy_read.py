"""Easy Read versions of a text: one short sentence per line, large type, and the
picture for its topic on the left of each line, from the picture bank
(`plain_words.pictures`); a line about nothing in the bank has no picture.

It follows the published Easy Read guidance (Mencap's "Am I making myself clear?",
the Department of Health's "Making written information easier to understand"):
- a heading (a short first line of a block, with no full stop) stays a heading, on
  its own and with no picture, so it never takes the picture of the line after it;
- an address (lines with no full stop, or with a postcode) stays one block;
- a link becomes a QR code in print and a short address, never the link in full;
- money is written one way (£20, not £20.00 or 20 pounds), a sentence said twice is
  shown once, and a different amount for the same thing ("£15 an hour" after
  "£20 an hour") is marked for the lead to look at;
- numbers are digits ("2 friends") and dates are written out ("4 May 2027").
No Django here.
"""

import datetime
import re
from dataclasses import dataclass, replace

from coplan import language
from coplan.language.text import mask_markup, sentences
from coplan.plain_words.pictures import Picture, credit, picture_about, picture_for

# The least Easy Read guidance allows in print; the print stylesheet
# (core/documents/print.css, `.document-easy-read`) sets it.
EASY_READ_POINT_SIZE = 16
# The most characters in a printed line at 16 point (about 45 in the words column,
# 55 across the page).
MAX_LINE_LENGTH = 55
# A link's address is printed whole if it is this short (a short link for print,
# `/r/<code>/`), or else only its site.
SHORT_ADDRESS_LENGTH = MAX_LINE_LENGTH - len("Or go to ")
HEADING, SENTENCE, ADDRESS, LINK = "heading", "sentence", "address", "link"
_SPACES = re.compile(r"[ \t\r\f\v]+")
_URL = re.compile(r"https?://[^\s<>\"]+")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b")
_RUNS_ON = re.compile(r"[.!?:;,]\s*$")
_PENCE_NOUGHT = re.compile(r"£\s?(\d[\d,]*)\.00\b")
_POUNDS_IN_WORDS = re.compile(r"\b(\d[\d,]*) pounds\b")
_RATE = re.compile(r"(£\d[\d,]*(?:\.\d\d)?) ((?:an?|per) [a-z]+)")
_SLASH_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_TWO_TO_TWENTY = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
# "one" is left alone: "no one", "one of them".
_NUMBER_WORDS = {
    word: str(number)
    for number, word in enumerate(
        _TWO_TO_TWENTY.split(),
        start=2,
    )
}
_NUMBER_WORD = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class DrawnPicture:
    """A picture a document gives a line itself (not from the bank), such as the face
    beside an answer on a feedback form: an SVG and its alternative text."""

    svg: str
    alt: str


@dataclass(frozen=True)
class EasyReadLine:
    words: str
    findings: tuple[language.Finding, ...]
    # A picture the document gives this line instead of the bank's; whether the line
    # is followed by a box to write an answer in; whether it has a box to tick.
    picture: DrawnPicture | None = None
    write_in: bool = False
    tick_box: bool = False
    # The picture for the line's topic from the picture bank, if one fits.
    bank_picture: Picture | None = None
    # HEADING, SENTENCE, ADDRESS (its lines in `words`, one per line) or LINK (the
    # short address in `words`, the whole link in `link`, a QR code in print).
    kind: str = SENTENCE
    link: str = ""
    # What else the lead should look at, beyond the language check (money said two ways).
    notes: tuple[str, ...] = ()

    @property
    def needs_work(self) -> bool:
        return bool(self.findings or self.notes)


def easy_read_lines(text: str) -> list[EasyReadLine]:
    """The text as Easy Read lines, each with what the Easy Read check found in it."""
    masked = mask_markup(text)
    report = language.check(text, mode=language.EASY_READ)

    def found(start: int, end: int) -> tuple[language.Finding, ...]:
        return tuple(
            finding
            for finding in report.findings
            if start <= finding.start < end
            and not (
                finding.kind == language.NUMBER_AS_WORD and finding.text.lower() in _NUMBER_WORDS
            )
        )

    lines: list[EasyReadLine] = []
    for kind, start, end in _parts(masked):
        if kind == LINK:
            link = masked[start:end]
            lines.append(EasyReadLine(_link_words(link), (), kind=LINK, link=link))
        elif kind in (HEADING, ADDRESS):
            words = "\n".join(
                _tidy(part) for part in masked[start:end].splitlines() if part.strip()
            )
            picture = _address_picture(words) if kind == ADDRESS else None
            lines.append(EasyReadLine(words, found(start, end), bank_picture=picture, kind=kind))
        else:
            for sentence in sentences(masked[start:end]):
                at, to = start + sentence.start, start + sentence.end
                words = _tidy(masked[at:to])
                lines.append(EasyReadLine(words, found(at, to), bank_picture=picture_for(words)))
    return _money_once(lines)


def _address_picture(words: str) -> Picture | None:
    """An address's picture: by its words ("Where: the library"), or the place's pin
    when it has a postcode (a real address, whatever its words)."""
    return picture_for(words) or (picture_about("place") if _POSTCODE.search(words) else None)


def _parts(masked: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each heading, address, link and run of sentences."""
    parts: list[tuple[str, int, int]] = []
    block_start = True
    spans = [(match.start(), match.end()) for match in re.finditer(r"[^\n]+", masked)]
    spans = [(start, end) for start, end in spans if masked[start:end].strip()]
    index = 0
    while index < len(spans):
        start, end = spans[index]
        line = masked[start:end].strip()
        after = masked[end : spans[index + 1][0]] if index + 1 < len(spans) else ""
        ends_block = index + 1 == len(spans) or after.count("\n") > 1
        starts_block = block_start
        block_start = ends_block
        links = list(_URL.finditer(masked, start, end))
        if links:
            cursor = start
            for found in links:
                if masked[cursor : found.start()].strip():
                    parts.append((SENTENCE, cursor, found.start()))
                parts.append((LINK, found.start(), found.end()))
                cursor = found.end()
            if masked[cursor:end].strip(" .:"):
                parts.append((SENTENCE, cursor, end))
            index += 1
            continue
        if starts_block and not ends_block and _bare(line) and len(line.split()) <= 8:
            parts.append((HEADING, start, end))
            index += 1
            continue
        # A run of lines with no full stop, or with a postcode, is an address.
        run = index
        while (
            run < len(spans)
            and _bare(masked[spans[run][0] : spans[run][1]].strip())
            and not _URL.search(masked, *spans[run])
            and (run == index or masked[spans[run - 1][1] : spans[run][0]].count("\n") == 1)
        ):
            run += 1
        if run - index >= 2 or (run > index and _POSTCODE.search(line)):
            parts.append((ADDRESS, start, spans[run - 1][1]))
            block_start = (
                run == len(spans) or masked[spans[run - 1][1] : spans[run][0]].count("\n") > 1
            )
            index = run
            continue
        parts.append((SENTENCE, start, end))
        index += 1
    return parts


def _bare(line: str) -> bool:
    """A line that does not end like a sentence (a heading, a name, an address line)."""
    return not _RUNS_ON.search(line) and not line[:1].islower()


def _tidy(words: str) -> str:
    """One line's words, with money, numbers and dates written the Easy Read way."""
    words = _SPACES.sub(" ", words.replace("\n", " ")).strip()
    words = _PENCE_NOUGHT.sub(r"£\1", words)
    words = _POUNDS_IN_WORDS.sub(r"£\1", words)
    words = _NUMBER_WORD.sub(lambda match: _NUMBER_WORDS[match.group(1).lower()], words)
    return _SLASH_DATE.sub(_written_date, words)


def _written_date(match: re.Match[str]) -> str:
    day, month, year = (int(part) for part in match.groups())
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        return match.group(0)
    return f"{date.day} {date:%B %Y}"


def _link_words(link: str) -> str:
    """What a printed link says beside its QR code: a short address, never the link."""
    address = re.sub(r"^https?://(www\.)?", "", link).rstrip("/")
    if len(address) > SHORT_ADDRESS_LENGTH:
        address = address.split("/")[0]
    return f"Scan the code with a phone camera.\nOr go to {address}"


def _money_once(lines: list[EasyReadLine]) -> list[EasyReadLine]:
    """Each sentence once; a different amount for the same thing is marked."""
    said: set[str] = set()
    rates: dict[str, str] = {}
    kept = []
    for line in lines:
        if line.kind == SENTENCE:
            if line.words in said:
                continue
            said.add(line.words)
        notes = []
        for amount, per in _RATE.findall(line.words):
            first = rates.setdefault(per, amount)
            if first != amount:
                notes.append(
                    f"This says {amount} {per}, but an earlier line says {first} {per}. "
                    "Show money once, the same way."
                )
        kept.append(replace(line, notes=tuple(notes)) if notes else line)
    return kept


@dataclass(frozen=True)
class ApprovedLine:
    """One line of an Easy Read version as the lead left it: the words the maker gave
    (`source`), the words now, the chosen picture's key (`Picture.key`, "" for none)
    and whether it is a heading. A line whose words are empty is left out."""

    source: str
    words: str
    picture: str = ""
    heading: bool = False

    def as_data(self) -> dict:
        return {
            "source": self.source,
            "words": self.words,
            "picture": self.picture,
            "heading": self.heading,
        }

    @classmethod
    def from_data(cls, data: dict) -> "ApprovedLine":
        return cls(
            str(data["source"]),
            str(data["words"]),
            str(data.get("picture", "")),
            bool(data.get("heading", False)),
        )


def approved_from(
    lines: list[EasyReadLine], *, own_pictures: tuple[Picture, ...] = ()
) -> list[ApprovedLine]:
    """The maker's lines as a first version for the lead: the same words and pictures,
    except that an organisation's own picture for a topic is used before the bank's."""
    own = {}
    for picture in own_pictures:
        for topic in picture.topic.split(","):
            own.setdefault(topic.strip(), picture)
    approved = []
    for line in lines:
        picture = line.bank_picture
        if picture is not None and picture.topic in own:
            picture = own[picture.topic]
        approved.append(
            ApprovedLine(
                line.words, line.words, picture.key if picture else "", line.kind == HEADING
            )
        )
    return approved


def lines_as_approved(
    lines: list[EasyReadLine],
    approved: list[ApprovedLine],
    pictures: dict[str, Picture],
) -> list[EasyReadLine]:
    """The maker's `lines` with what the lead approved put in: each line the lead saw
    (found by the maker's words) gets their words, picture and heading; lines they did
    not see (one person's greeting, role or reply link) stay as the maker made them. A
    link keeps its own address (each person's QR code is theirs)."""
    waiting: dict[str, list[ApprovedLine]] = {}
    for line in approved:
        waiting.setdefault(line.source, []).append(line)
    shown = []
    for line in lines:
        if not waiting.get(line.words):
            shown.append(line)
            continue
        chosen = waiting[line.words].pop(0)
        words = chosen.words.strip()
        if not words:
            continue
        if line.kind == LINK:
            kind = LINK
        elif chosen.heading:
            kind = HEADING
        else:
            kind = SENTENCE if line.kind == HEADING else line.kind
        findings = line.findings
        if words != line.words:
            findings = tuple(language.check(words, mode=language.EASY_READ).findings)
        shown.append(
            replace(
                line,
                words=words,
                findings=findings,
                bank_picture=None if kind == HEADING else pictures.get(chosen.picture),
                kind=kind,
                notes=line.notes if words == line.words else (),
            )
        )
    return shown


@dataclass(frozen=True)
class ApprovedVersion:
    """An Easy Read version as the lead approved it, with the pictures its lines name,
    to put into each copy made from the same words (`lines_as_approved`)."""

    lines: tuple[ApprovedLine, ...]
    pictures: dict[str, Picture]

    def applied_to(self, lines: list[EasyReadLine]) -> list[EasyReadLine]:
        return lines_as_approved(lines, list(self.lines), self.pictures)


def lines_without_picture(text: str) -> list[str]:
    """The Easy Read lines of a text that no picture in the bank fits, to tell the
    lead before it goes (they get no picture, never a placeholder)."""
    return [line.words for line in easy_read_lines(text) if line.words and not line.bank_picture]


def uses_bank_pictures(lines: list[EasyReadLine]) -> bool:
    """Whether any line shows a picture from the bank (then its credit is due)."""
    return any(
        line.bank_picture and line.bank_picture.is_openmoji and not line.picture for line in lines
    )


def picture_credit_words() -> str:
    """The pictures' credit as words for print, with where to find them."""
    given = credit()
    return f"{given.words}: {given.link.removeprefix('https://').rstrip('/')}"


def easy_read_words(words: str) -> str:
    """One line's words the Easy Read way: money one way (£20), numbers as digits,
    dates written out."""
    return _tidy(words)
