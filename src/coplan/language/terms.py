"""Finding listed words and phrases (jargon, special speak, formal words) in a sentence.

Phrases are looked up word by word from a dictionary keyed on their first word, so
each word of the text costs one dictionary look-up whatever the size of the lists,
and sentences with no listed first word are skipped after one set comparison.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .findings import JARGON, Finding
from .text import WORD
from .wordlists import Term

NEAR_WINDOW = 4
_GROUPS_NAMED = frozenset({"jargon", "services 'special speak'"})


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    term: Term


def _base(word: str) -> str:
    """'stakeholder's' -> 'stakeholder' (the lower-cased copy has plain apostrophes)."""
    return word[:-2] if word.endswith("'s") else word


class TermFinder:
    def __init__(self, terms: Iterable[Term], allowed: frozenset[str] = frozenset()) -> None:
        self.first_words: dict[str, list[_Entry]] = {}
        for term in terms:
            for form in term.forms:
                if form in allowed:
                    continue
                words = tuple(form.split())
                self.first_words.setdefault(words[0], []).append(_Entry(words, term))
        for entries in self.first_words.values():
            entries.sort(key=lambda entry: -len(entry.words))
        # Later entries with the same words replace earlier ones (organisations' own
        # lists come last), so each spelling has one meaning.
        for key, entries in self.first_words.items():
            unique: dict[tuple[str, ...], _Entry] = {}
            for entry in entries:
                unique[entry.words] = entry
            self.first_words[key] = sorted(unique.values(), key=lambda entry: -len(entry.words))
        self.starts = frozenset(self.first_words) | frozenset(
            f"{word}'s" for word in self.first_words
        )

    def might_be_in(self, words: list[str]) -> bool:
        return not self.starts.isdisjoint(words)

    def find(self, text: str, lowered: str, start: int, end: int) -> list[Finding]:
        """Listed terms in `lowered[start:end]` (one sentence), longest first."""
        tokens = [
            (match.start(), match.end(), _base(match.group()))
            for match in WORD.finditer(lowered, start, end)
        ]
        findings: list[Finding] = []
        index = 0
        while index < len(tokens):
            entry = self._match_at(tokens, index)
            if entry is None or _part_of_a_name(text, tokens, index, entry, start):
                index += 1
                continue
            last = index + len(entry.words) - 1
            findings.append(_finding(text, tokens[index][0], _end_of(tokens[last], lowered), entry))
            index = last + 1
        return findings

    def _match_at(self, tokens: list[tuple[int, int, str]], index: int) -> _Entry | None:
        for entry in self.first_words.get(tokens[index][2], ()):
            size = len(entry.words)
            if index + size > len(tokens):
                continue
            if any(tokens[index + k][2] != entry.words[k] for k in range(1, size)):
                continue
            if entry.term.near and not _near(tokens, index, size, entry.term.near):
                continue
            return entry
        return None


def _part_of_a_name(
    text: str, tokens: list[tuple[int, int, str]], index: int, entry: _Entry, start: int
) -> bool:
    """A single listed word with a capital inside a sentence ("Care Quality Commission")
    is part of a name."""
    position = tokens[index][0]
    return len(entry.words) == 1 and position != start and text[position].isupper()


def _near(tokens: list[tuple[int, int, str]], index: int, size: int, near: frozenset[str]) -> bool:
    before = tokens[max(0, index - NEAR_WINDOW) : index]
    after = tokens[index + size : index + size + NEAR_WINDOW]
    return any(token[2] in near for token in (*before, *after))


def _end_of(token: tuple[int, int, str], lowered: str) -> int:
    """End of a word, leaving out a possessive 's."""
    start, end, _ = token
    return end - 2 if lowered.endswith("'s", start, end) else end


def _finding(text: str, start: int, end: int, entry: _Entry) -> Finding:
    term = entry.term
    found = text[start:end]
    if term.kind == JARGON and term.group in _GROUPS_NAMED:
        message = f"'{found}' is {term.group}. Not everyone will know what it means."
    elif term.kind == JARGON:
        message = f"'{found}' is on {term.group}'s list of words to avoid."
    else:
        message = f"'{found}' is a long or formal word. An everyday word is easier to read."
    return Finding(
        start=start,
        end=end,
        kind=term.kind,
        text=found,
        message=message,
        suggestion=term.suggestion,
    )
