"""Rules about whole sentences and single words: long sentences, passive voice,
several ideas in one sentence, numbers written as words and long words.

The word lists and limits come from `data/rules.toml`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from .findings import (
    LONG_SENTENCE,
    LONG_WORD,
    NUMBER_AS_WORD,
    PASSIVE_VOICE,
    SEVERAL_IDEAS,
    Finding,
)
from .syllables import syllable_memory
from .text import WORD
from .wordlists import data_file, everyday_long_words

_MEMORY_LIMIT = 300_000


@dataclass(frozen=True, slots=True)
class Limits:
    long_sentence_words: int
    long_word_letters: int
    long_word_syllables: int


@cache
def limits(mode: str) -> Limits:
    settings = data_file("rules.toml")[mode]
    assert isinstance(settings, Mapping)  # noqa: S101
    return Limits(
        long_sentence_words=int(settings["long_sentence_words"]),
        long_word_letters=int(settings["long_word_letters"]),
        long_word_syllables=int(settings["long_word_syllables"]),
    )


def _section(name: str) -> Mapping[str, list[str]]:
    found = data_file("rules.toml")[name]
    assert isinstance(found, Mapping)  # noqa: S101
    return found


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# --- long sentences -------------------------------------------------------------


def long_sentence(text: str, start: int, end: int, words: int, mode: str) -> Finding:
    """The finding for a sentence of `words` words, more than the mode allows."""
    limit = limits(mode).long_sentence_words
    return Finding(
        start=start,
        end=end,
        kind=LONG_SENTENCE,
        text=text[start:end],
        message=f"This sentence has {words} words. Try to keep sentences to {limit} words "
        "or fewer.",
        suggestion="Split it into shorter sentences.",
    )


# --- passive voice ----------------------------------------------------------------


class PassiveVoice:
    def __init__(self) -> None:
        rules = _section("passive")
        self.be = frozenset(rules["be"])
        self.not_passive = frozenset(rules["not_passive"])
        self.pattern = re.compile(
            rf"\b(?:{_alternatives(rules['be'])})"
            rf"(?:\s+(?:{_alternatives(rules['between'])}|[a-z]+ly)){{0,2}}"
            rf"\s+((?:[a-z]+-)?[a-z]+ed|{_alternatives(rules['irregular'])})\b"
        )

    def find(self, text: str, lowered: str, start: int, end: int) -> list[Finding]:
        findings = []
        for match in self.pattern.finditer(lowered, start, end):
            participle = match.group(1)
            if participle in self.not_passive:
                continue
            findings.append(
                Finding(
                    start=match.start(),
                    end=match.end(),
                    kind=PASSIVE_VOICE,
                    text=text[match.start() : match.end()],
                    message=f"'{text[match.start() : match.end()]}' is passive. "
                    "Say who does it: 'we will pay you', not 'you will be paid'.",
                    suggestion="Start with who does it.",
                )
            )
        return findings


# --- several ideas (Easy Read) -----------------------------------------------------


class SeveralIdeas:
    def __init__(self) -> None:
        rules = _section("several_ideas")
        self.pattern = re.compile(
            rf";|\b(?:{_alternatives(rules['joiners'])})\b"
            rf"|,\s*(?:{_alternatives(rules['after_comma'])})\b"
            rf"|\b(?:{_alternatives(rules['linking'])})\s+(?:{_alternatives(rules['new_subject'])})\b"
        )
        self.opening = re.compile(rf"\W*(?:{_alternatives(rules['opening'])})\b[^,]*,")
        self.asking = re.compile(rf"(?:^|\b(?:{_alternatives(rules['which_asks_after'])}))\W*$")

    def _joins(self, lowered: str, start: int, end: int) -> bool:
        for found in self.pattern.finditer(lowered, start, end):
            if found.group() == "which" and self.asking.search(lowered[start : found.start()]):
                continue  # "Which meeting was it?": a question, one idea
            return True
        return False

    def find(self, text: str, lowered: str, start: int, end: int) -> Finding | None:
        if not self._joins(lowered, start, end) and self.opening.match(lowered, start, end) is None:
            return None
        return Finding(
            start=start,
            end=end,
            kind=SEVERAL_IDEAS,
            text=text[start:end],
            message="This sentence has more than one idea. "
            "Easy Read has one idea in each sentence.",
            suggestion="Use one sentence for each idea.",
        )


# --- numbers written as words (Easy Read) -----------------------------------------


class NumbersAsWords:
    def __init__(self) -> None:
        rules = _section("numbers")
        self.values: dict[str, int] = {word: value for value, word in enumerate(rules["units"])}
        self.values |= {word: (index + 2) * 10 for index, word in enumerate(rules["tens"])}
        self.scales = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
        self.scales["billion"] = 1_000_000_000
        self.words = frozenset(self.values) | frozenset(self.scales)
        self.one_not_after = frozenset(rules["one_not_after"])
        self.one_not_before = frozenset(rules["one_not_before"])
        number = _alternatives([*self.values, *self.scales])
        self.pattern = re.compile(
            rf"\b(?:{number})(?:(?:-|\s+|\s+and\s+(?=(?:{number})\b))(?:{number}))*\b"
        )

    def find(self, text: str, lowered: str, start: int, end: int) -> list[Finding]:
        findings = []
        for match in self.pattern.finditer(lowered, start, end):
            for part_start, part_end, value in self._numbers(match):
                if value == 1 and not self._one_is_a_number(
                    lowered, part_start, part_end, start, end
                ):
                    continue
                found = text[part_start:part_end]
                findings.append(
                    Finding(
                        start=part_start,
                        end=part_end,
                        kind=NUMBER_AS_WORD,
                        text=found,
                        message=f"Write '{found}' as a number. "
                        "Numbers are easier to read as digits.",
                        suggestion=f"{value:,}" if value >= 10_000 else str(value),
                    )
                )
        return findings

    def _numbers(self, match: re.Match[str]) -> list[tuple[int, int, int]]:
        """Split 'two three' into two numbers but keep 'twenty five' and
        'two hundred and fifty' whole; give each its value."""
        parts = [
            (word.start() + match.start(), word.end() + match.start(), word.group())
            for word in re.finditer(r"[a-z]+", match.group())
            if word.group() != "and"
        ]
        numbers: list[list[tuple[int, int, str]]] = []
        for part in parts:
            if numbers and self._continues(numbers[-1][-1][2], part[2]):
                numbers[-1].append(part)
            else:
                numbers.append([part])
        return [
            (group[0][0], group[-1][1], self._value([p[2] for p in group])) for group in numbers
        ]

    def _continues(self, previous: str, word: str) -> bool:
        if word in self.scales:
            return True
        if previous in self.scales:
            return True
        return self.values.get(previous, 0) >= 20 and self.values.get(word, 99) < 10

    def _value(self, words: list[str]) -> int:
        total, current = 0, 0
        for word in words:
            if word in self.values:
                current += self.values[word]
            elif word == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * self.scales[word]
                current = 0
        return total + current

    def _one_is_a_number(
        self, lowered: str, part_start: int, part_end: int, start: int, end: int
    ) -> bool:
        before = re.findall(r"[a-z']+", lowered[max(start, part_start - 20) : part_start])
        after = re.match(r"\W*([a-z']+)", lowered[part_end : min(end, part_end + 20)])
        if before and before[-1] in self.one_not_after:
            return False
        return not (after and after.group(1) in self.one_not_before)


# --- long words ---------------------------------------------------------------------


class LongWords:
    """Long words that are not everyday words: judged once per word, then remembered."""

    def __init__(self, mode: str) -> None:
        self.limits = limits(mode)
        self.everyday = everyday_long_words()
        self.syllables = syllable_memory()
        self.judged: set[str] = set()
        self.long: set[str] = set()
        # Pyphen-style counting puts syllable breaks at least two letters from each end,
        # so a word needs this many letters before it can be long either way.
        self.shortest = min(self.limits.long_word_letters, self.limits.long_word_syllables + 2)

    def _judge(self, word: str) -> bool:
        if len(word) < self.shortest:
            return False
        parts = [part for part in re.split(r"[-'.]", word) if part]
        if not parts or not all(part.isalpha() for part in parts):
            return False
        if word in self.everyday or word.rstrip("s") in self.everyday:
            return False
        longest = max(parts, key=len)
        return (
            len(longest) >= self.limits.long_word_letters
            or self.syllables[longest] >= self.limits.long_word_syllables
        )

    def any_long(self, words: list[str]) -> bool:
        """Is any of these (lower-case) words long? Set operations keep this fast."""
        if not self.judged.issuperset(words):
            if len(self.judged) > _MEMORY_LIMIT:
                self.judged.clear()
                self.long.clear()
            for word in set(words).difference(self.judged):
                self.judged.add(word)
                if self._judge(word):
                    self.long.add(word)
        return not self.long.isdisjoint(words)

    def find(self, text: str, lowered: str, start: int, end: int) -> list[Finding]:
        findings = []
        for match in WORD.finditer(lowered, start, end):
            if match.group() not in self.long:
                continue
            if match.start() != start and text[match.start()].isupper():
                continue  # a name, such as a place
            found = text[match.start() : match.end()]
            findings.append(
                Finding(
                    start=match.start(),
                    end=match.end(),
                    kind=LONG_WORD,
                    text=found,
                    message=f"'{found}' is a long word. "
                    "A shorter, everyday word is easier to read.",
                    suggestion=None,
                )
            )
        return findings
