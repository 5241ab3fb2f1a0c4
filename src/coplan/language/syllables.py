"""Count syllables with Frank Liang's hyphenation algorithm (the one TeX uses).

The patterns are the British English ones that the pinned PyPI package pyphen ships
(`hyph_en_GB.dic`, from LibreOffice, based on ukhyphen.tex; see `docs/language.md` for
the credits), read at run time: our own code parses them and hyphenates. A word has one
syllable more than it has hyphenation points, keeping points at least two letters from
either end: the same method textstat falls back to (through pyphen) when it has no
pronouncing dictionary, so our reading scores can be compared with textstat's like for
like.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

LEFT_MIN = 2
RIGHT_MIN = 2
_SETTINGS = ("LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_PATTERN_PART = re.compile(r"(\d?)(\D?)")
#: Past this many remembered words the memory starts again (bounded for long-running servers).
_MEMORY_LIMIT = 400_000


class Patterns:
    """Hyphenation patterns: letters -> (offset, priorities)."""

    def __init__(self, lines: list[str]) -> None:
        self.by_letters: dict[str, tuple[int, tuple[int, ...]]] = {}
        for line in lines:
            self._add(line.strip())
        # A letter tree: each node maps a letter to the next node; the key "" holds the
        # priorities of the pattern that ends there.
        self.tree: dict[str, dict] = {}
        for letters, found in self.by_letters.items():
            node = self.tree
            for letter in letters:
                node = node.setdefault(letter, {})
            node[""] = found

    def _add(self, pattern: str) -> None:
        if not pattern or pattern.startswith(("%", "#", *_SETTINGS)):
            return
        parts = _PATTERN_PART.findall(pattern)
        letters = "".join(letter for _, letter in parts)
        priorities = [int(digit or "0") for digit, _ in parts]
        if max(priorities) == 0:
            return
        first = next(index for index, value in enumerate(priorities) if value)
        last = max(index for index, value in enumerate(priorities) if value)
        self.by_letters[letters] = (first, tuple(priorities[first : last + 1]))

    def hyphen_points(self, word: str) -> int:
        """How many places `word` (lower case) may be hyphenated."""
        dotted = f".{word}."
        size = len(dotted)
        priorities = [0] * (size + 1)
        tree = self.tree
        for start in range(size - 1):
            node = tree
            for letter in dotted[start:]:
                node = node.get(letter)
                if node is None:
                    break
                found = node.get("")
                if found:
                    offset, values = found
                    base = start + offset
                    for index, value in enumerate(values, base):
                        if value > priorities[index]:
                            priorities[index] = value
        # priorities[i] sits before dotted[i], that is after word[i - 2].
        highest = len(word) - RIGHT_MIN
        return sum(1 for position in range(LEFT_MIN, highest + 1) if priorities[position + 1] % 2)


def patterns_file() -> Path:
    """pyphen's British English hyphenation patterns (`hyph_en_GB.dic`)."""
    import pyphen

    return Path(pyphen.LANGUAGES["en_GB"])


@cache
def patterns() -> Patterns:
    text = patterns_file().read_text("utf-8")
    return Patterns(text.splitlines()[1:])  # the first line names the encoding


class SyllableMemory(dict):
    """word (lower case) -> syllables, worked out once per word. Hyphens and dots are
    left out first, as textstat does ("co-produce" is one word, "e.g." is "eg")."""

    def __init__(self, known: Mapping[str, int]) -> None:
        super().__init__(known)
        self.known = known

    def __missing__(self, word: str) -> int:
        if len(self) > _MEMORY_LIMIT:
            self.clear()
            self.update(self.known)
        cleaned = word.replace("-", "").replace(".", "") if "-" in word or "." in word else word
        count = patterns().hyphen_points(cleaned) + 1 if cleaned else 1
        self[word] = count
        return count


def syllables(word: str) -> int:
    """How many syllables `word` has (at least 1)."""
    return syllable_memory()[word.lower()]


@cache
def syllable_memory() -> SyllableMemory:
    """The shared word -> syllables memory, for counting many words quickly. It starts
    with the syllables of the ordinary words, worked out ahead (`vocabulary.py`), so that
    common words cost nothing to count even in a new process."""
    from .vocabulary import ordinary_word_syllables  # it uses this module's patterns

    return SyllableMemory(ordinary_word_syllables())
