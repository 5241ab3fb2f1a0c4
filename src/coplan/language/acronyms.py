"""Finding acronyms: runs of capitals that are not ordinary words.

A run of two or more capitals (with dots, like "U.K.", or a trailing s, like "SCIAs")
is a candidate. It is left alone when it is:
- a Roman numeral ("Part II", "Phase IV"), a unit after a number ("10 KM"), or a time
  ("10 AM"; "10AM" never matches because the run must start a word);
- a name: a surname in capitals after a title ("Mrs PATEL") or initials ("J.R. Smith");
- a shouted word or a heading in capitals ("PLEASE NOTE", "YOUR CARE ASSESSMENT"),
  unless it is a known acronym that is not also an ordinary word, or has no vowels;
- an ordinary English word written in capitals ("we are NOT able"), or any unknown
  run of seven capitals or more ("in BANBURY");
- one of the well-known acronyms everyone understands (NHS, GP), in plain mode only;
- a word the organisation or the project allows (a shared definition).
Postcodes ("OX1 1ND", "SW1A 2AA") and codes with digits in them are left alone too.

An acronym the text spells out ("Care Quality Commission (CQC)") is still reported:
as a note in plain mode, and as something to change in Easy Read mode.

An acronym with several common meanings ("PC": police constable or personal computer)
gets no suggested words, because the wrong ones would be worse than none: its message
names the meanings instead, unless the text spells out the one it means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .findings import ACRONYM, CHANGE, EASY_READ, NOTE, Finding
from .text import Lines

# Starts with a capital so the search skips quickly; what comes before is checked after.
# The repeats are bounded so that a long run of capitals costs no more than a short one.
_RUN = re.compile(
    r"[A-Z](?:(?P<dotted>\.(?:[A-Z]\.){1,9})(?P<dotted_plural>s\b)?"
    r"|(?P<run>[A-Z0-9&]{0,11}[A-Z])(?P<plural>s|['\u2019]s)?(?![\w&]))"
)
_NOT_BEFORE = frozenset("&.'\u2019-_")
_VOWELS = frozenset("AEIOUY")
#: Unknown runs of capitals this long are words or names, not acronyms.
LONGEST_UNKNOWN = 7
_ROMAN_SMALL = re.compile(r"[IVX]+")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_WORD_BEFORE = re.compile(r"([\w.'\u2019]+)[^\w\n]*$")
_WORD_AFTER = re.compile(r"[^\w\n]*([\w'\u2019]+)")
_NUMBER_BEFORE = re.compile(r"\d[\d.,:]*\s*$")
_INITIALS_FOLLOWED_BY_NAME = re.compile(r"\s*[A-Z][a-z]")
_SPELLED_AFTER = re.compile(r"\s*\(([^()]{3,120})\)")
_NAME_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_SMALL_WORDS = frozenset(
    ["of", "and", "for", "the", "in", "on", "to", "at", "by", "with", "&", "a", "an"]
)


@dataclass(frozen=True, slots=True)
class AcronymLists:
    """Known acronyms and the words around them (from `data/acronyms.toml` and `rules.toml`)."""

    #: acronym -> its meaning, or a list of its meanings when it has several
    well_known: Mapping[str, str | Sequence[str]]
    known: Mapping[str, str | Sequence[str]]
    ordinary_words: frozenset[str]
    titles: frozenset[str]
    units: frozenset[str]
    roman_before: frozenset[str]
    allowed: frozenset[str] = field(default_factory=frozenset)

    def meanings(self, core: str) -> tuple[str, ...]:
        found = self.known.get(core) or self.well_known.get(core)
        if not found:
            return ()
        return (found,) if isinstance(found, str) else tuple(found)

    def meaning(self, core: str) -> str | None:
        """The words to use instead: None when there are none, or several to choose from."""
        meanings = self.meanings(core)
        return meanings[0] if len(meanings) == 1 else None


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    core: str


class AcronymFinder:
    def __init__(self, lists: AcronymLists) -> None:
        self.lists = lists
        mixed = sorted((word for word in lists.known if not word.isupper()), key=len, reverse=True)
        self.mixed_case = (
            re.compile(r"(" + "|".join(map(re.escape, mixed)) + r")(s|['\u2019]s)?\b")
            if mixed
            else None
        )

    def find(self, text: str, masked: str, mode: str) -> list[Finding]:
        context = _Context(masked, self.lists)
        findings: list[Finding] = []
        explained: dict[str, str] = {}
        for candidate in self._candidates(masked):
            if not self._is_acronym(candidate, context, mode):
                continue
            findings.append(self._finding(text, masked, candidate, mode, explained))
        return findings

    def _candidates(self, masked: str) -> list[_Candidate]:
        found: list[_Candidate] = []
        for match in _RUN.finditer(masked):
            start = match.start()
            if start and (masked[start - 1].isalnum() or masked[start - 1] in _NOT_BEFORE):
                continue
            if match.group("dotted"):
                core = masked[start] + match.group("dotted").replace(".", "")
            else:
                core = masked[start] + match.group("run")
            found.append(_Candidate(start, match.end(), core))
        if self.mixed_case is not None:
            starts = {candidate.start for candidate in found}
            for match in self.mixed_case.finditer(masked):
                before = masked[match.start() - 1] if match.start() else " "
                if match.start() not in starts and not before.isalnum() and before not in "&_":
                    found.append(_Candidate(match.start(), match.end(), match.group(1)))
            found.sort(key=lambda candidate: candidate.start)
        return found

    def _is_acronym(self, candidate: _Candidate, context: _Context, mode: str) -> bool:
        core, lists = candidate.core, self.lists
        if core in lists.allowed or core.lower() in lists.allowed:
            return False
        if core in lists.known and not core.isupper():
            return True
        if core not in lists.known and any(char.isdigit() for char in core):
            return False  # a postcode ("SW1A") or a code, not something people say
        if _is_roman(core, context.word_before(candidate.start), lists):
            return False
        if core in lists.units and context.number_before(candidate.start):
            return False
        if context.is_name(candidate, lists):
            return False
        if core in lists.well_known:
            return mode == EASY_READ
        if len(core) >= LONGEST_UNKNOWN and core not in lists.known:
            return False  # a long word in capitals is a shouted word or a name
        ordinary = _is_ordinary(core, lists)
        if context.shouted(candidate, lists):
            return (core in lists.known and not ordinary) or not (_VOWELS & set(core))
        return core in lists.known or not ordinary

    def _finding(
        self,
        text: str,
        masked: str,
        candidate: _Candidate,
        mode: str,
        explained: dict[str, str],
    ) -> Finding:
        core = candidate.core
        meanings = self.lists.meanings(core)
        spelled = _spelled_out(masked, candidate, meanings)
        if spelled:
            explained.setdefault(core, spelled)
        meaning = explained.get(core) or self.lists.meaning(core)
        found = text[candidate.start : candidate.end]
        message = _message(found, core, core in explained, core in self.lists.well_known, mode)
        if len(meanings) > 1 and core not in explained:
            message += f" It can stand for {_either(meanings)}: write the words you mean."
        return Finding(
            start=candidate.start,
            end=candidate.end,
            kind=ACRONYM,
            text=found,
            message=message,
            suggestion=meaning,
            severity=NOTE if core in explained and mode != EASY_READ else CHANGE,
        )


def _message(found: str, core: str, explained: bool, well_known: bool, mode: str) -> str:
    if mode == EASY_READ and well_known:
        return f"'{found}' is well known, but Easy Read uses words, not letters."
    if mode == EASY_READ and explained:
        return f"'{found}' is explained, but Easy Read uses the words, not the letters."
    if explained:
        return f"'{found}' is explained. Think about using the words every time instead."
    return f"'{found}' is an acronym. Not everyone will know what {core} stands for."


def _either(meanings: Sequence[str]) -> str:
    """'police constable or personal computer'; 'a, b or c'."""
    quoted = [f"'{meaning}'" for meaning in meanings]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _is_ordinary(core: str, lists: AcronymLists) -> bool:
    return core.lower() in lists.ordinary_words


def _is_roman(core: str, word_before: str, lists: AcronymLists) -> bool:
    if _ROMAN_SMALL.fullmatch(core):
        return True
    return bool(_ROMAN.fullmatch(core)) and word_before.lower() in lists.roman_before


def _initials(words: list[str], keep_small: bool) -> str:
    return "".join(
        word[0].upper() for word in words if keep_small or word.lower() not in _SMALL_WORDS
    )


def _explains(words_text: str, core: str, meanings: Sequence[str], from_end: bool) -> str | None:
    """The words of `words_text` that spell out `core`, if they do."""
    for meaning in meanings:
        if meaning.lower() in words_text.lower():
            return meaning
    words = _NAME_WORD.findall(words_text.replace("&", " and "))
    letters = core.upper()
    for keep_small in (False, True):
        for size in range(len(letters), min(len(words), len(letters) * 2 + 2) + 1):
            chosen = words[-size:] if from_end else words[:size]
            if _initials(chosen, keep_small) == letters:
                return " ".join(chosen)
    return None


def _spelled_out(masked: str, candidate: _Candidate, meanings: Sequence[str]) -> str | None:
    """'Care Quality Commission (CQC)' or 'CQC (Care Quality Commission)'."""
    after = _SPELLED_AFTER.match(masked, candidate.end)
    if after:
        spelled = _explains(after.group(1), candidate.core, meanings, from_end=False)
        if spelled:
            return spelled
    opening = candidate.start - 1
    while opening >= 0 and masked[opening] in " \t":
        opening -= 1
    if opening < 0 or masked[opening] != "(":
        return None
    before = masked[max(0, opening - 160) : opening]
    words = before.rsplit("(", 1)[-1].rsplit(")", 1)[-1]
    return _explains(words, candidate.core, meanings, from_end=True)


def _is_shouted_word(word: str, lists: AcronymLists) -> bool:
    return (
        len(word) > 1
        and word.isupper()
        and word.lower() in lists.ordinary_words
        and word not in lists.known
        and word not in lists.well_known
    )


class _Context:
    """What surrounds a candidate: the words beside it and the line it is on."""

    def __init__(self, masked: str, lists: AcronymLists) -> None:
        self.masked = masked
        self.lists = lists
        self._lines: Lines | None = None
        self._heading_lines: dict[int, bool] = {}

    def word_before(self, position: int) -> str:
        found = _WORD_BEFORE.search(self.masked, max(0, position - 40), position)
        return found.group(1).rstrip(".") if found else ""

    def word_after(self, position: int) -> str:
        found = _WORD_AFTER.match(self.masked, position, min(len(self.masked), position + 40))
        return found.group(1) if found else ""

    def number_before(self, position: int) -> bool:
        return _NUMBER_BEFORE.search(self.masked, max(0, position - 20), position) is not None

    def is_name(self, candidate: _Candidate, lists: AcronymLists) -> bool:
        if self.word_before(candidate.start).lower() in lists.titles:
            return True
        if "." in self.masked[candidate.start : candidate.end] and len(candidate.core) <= 3:
            return _INITIALS_FOLLOWED_BY_NAME.match(self.masked, candidate.end) is not None
        return False

    def shouted(self, candidate: _Candidate, lists: AcronymLists) -> bool:
        """In a heading in capitals, or beside another ordinary word in capitals."""
        for word in (self.word_before(candidate.start), self.word_after(candidate.end)):
            if _is_shouted_word(word, lists):
                return True
        return self._on_heading_line(candidate.start)

    def _on_heading_line(self, position: int) -> bool:
        if self._lines is None:
            self._lines = Lines(self.masked)
        line = self._lines.index(position)
        if line not in self._heading_lines:
            self._heading_lines[line] = self._is_heading(line)
        return self._heading_lines[line]

    def _is_heading(self, line: int) -> bool:
        assert self._lines is not None  # noqa: S101
        starts = self._lines.starts
        end = starts[line + 1] if line + 1 < len(starts) else len(self.masked)
        text = self.masked[starts[line] : min(end, starts[line] + 2000)]
        return text.isupper() and len(text.split()) >= 2
