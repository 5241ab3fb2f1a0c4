"""The plain-language checker: `check(text)` or, to reuse word lists, `Checker(...)`."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from .acronyms import AcronymFinder, AcronymLists
from .findings import ACRONYM, EASY_READ, MODES, PLAIN, Finding, Readability, Report
from .readability import readability
from .rules import LongWords, NumbersAsWords, PassiveVoice, SeveralIdeas, limits, long_sentence
from .syllables import syllable_memory
from .terms import TermFinder
from .text import WORD, looks_like_markup, lower_same_length, mask_markup, sentences
from .wordlists import (
    Term,
    allowed_forms,
    data_file,
    ordinary_words,
    shipped_terms,
    terms_for,
    terms_from_pairs,
)

#: Sentences shorter than this count as words but not as sentences in the reading
#: scores (headings, "Dear Sam,"), as in textstat.
SHORTEST_SCORED_SENTENCE = 3


def _acronym_lists(allowed: frozenset[str]) -> AcronymLists:
    acronyms = data_file("acronyms.toml")
    rules = data_file("rules.toml")["acronyms"]
    assert isinstance(rules, Mapping)  # noqa: S101
    return AcronymLists(
        well_known=dict(acronyms["well_known"]),  # type: ignore[arg-type]
        known=dict(acronyms["acronyms"]),  # type: ignore[arg-type]
        ordinary_words=ordinary_words(),
        titles=frozenset(rules["titles"]),
        units=frozenset(rules["units"]),
        roman_before=frozenset(rules["roman_before"]),
        allowed=frozenset(word.upper() for word in allowed) | allowed,
    )


class Checker:
    """A checker with its word lists built once, for checking many texts.

    extra_terms: an organisation's own words to avoid, as Term objects or as
        {"word or phrase": "what to say instead"} (plurals and verb forms are added).
    allowed: words and phrases that are fine here (an organisation's allowed words,
        a project's shared definitions): never reported, in any form.
    """

    def __init__(
        self,
        extra_terms: Iterable[Term] | Mapping[str, str | None] = (),
        allowed: Iterable[str] = (),
    ) -> None:
        if isinstance(extra_terms, Mapping):
            extra_terms = terms_from_pairs(extra_terms)
        self.allowed = allowed_forms(allowed)
        self._all_terms = [*shipped_terms(), *extra_terms]
        self.terms = {PLAIN: TermFinder(terms_for(self._all_terms, PLAIN), self.allowed)}
        self.acronyms = AcronymFinder(_acronym_lists(self.allowed))
        self.passive = PassiveVoice()
        self.several_ideas = SeveralIdeas()
        self.numbers = NumbersAsWords()
        self.long_words = {mode: LongWords(mode) for mode in MODES}

    def check(self, text: str, mode: str = PLAIN, allowed: Iterable[str] = ()) -> Report:
        """Check `text`; `allowed` adds words that are fine for this text only."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        masked = mask_markup(text) if looks_like_markup(text) else text
        lowered = lower_same_length(masked)
        findings = self.acronyms.find(text, masked, mode)
        term_findings = self._term_finder(mode).find(text, lowered)
        findings += term_findings
        findings += self.passive.find(text, lowered, 0, len(lowered))
        if mode == EASY_READ:
            findings += self.numbers.find(text, lowered, 0, len(lowered))
        totals = self._check_sentences(text, masked, lowered, mode, findings, _Spans(term_findings))
        findings = _without_allowed(findings, self.allowed | allowed_forms(allowed))
        findings.sort(key=lambda finding: (finding.start, -finding.end, finding.kind))
        return Report(
            mode=mode,
            findings=findings,
            readability=readability(totals.words, totals.scored_sentences, totals.syllables),
            word_count=totals.words,
            sentence_count=totals.sentences,
        )

    def _term_finder(self, mode: str) -> TermFinder:
        """The listed words a check in `mode` reports; Easy Read's are built at first use."""
        if mode not in self.terms:
            self.terms[mode] = TermFinder(terms_for(self._all_terms, mode), self.allowed)
        return self.terms[mode]

    def _check_sentences(
        self,
        text: str,
        masked: str,
        lowered: str,
        mode: str,
        findings: list[Finding],
        taken: _Spans,
    ) -> _Totals:
        """Sentence by sentence: counts for the scores, long sentences, long words and
        (Easy Read) several ideas. The hot loop of the checker, so kept lean."""
        totals = _Totals()
        long_words = self.long_words[mode]
        longest_sentence = limits(mode).long_sentence_words
        count_syllables = syllable_memory().__getitem__
        find_words = WORD.findall
        easy_read = mode == EASY_READ
        for sentence in sentences(masked):
            start, end = sentence.start, sentence.end
            words = find_words(lowered, start, end)
            size = len(words)
            totals.words += size
            totals.sentences += 1
            totals.scored_sentences += size >= SHORTEST_SCORED_SENTENCE
            totals.syllables += sum(map(count_syllables, words))
            if size > longest_sentence:
                findings.append(long_sentence(text, start, end, size, mode))
            if long_words.any_long(words):
                findings += _outside(long_words.find(text, lowered, start, end), taken)
            if easy_read:
                found = self.several_ideas.find(text, lowered, start, end)
                if found:
                    findings.append(found)
        return totals


class _Totals:
    __slots__ = ("scored_sentences", "sentences", "syllables", "words")

    def __init__(self) -> None:
        self.words = self.sentences = self.scored_sentences = self.syllables = 0


def _outside(findings: list[Finding], taken: _Spans) -> list[Finding]:
    """Findings not inside one of `taken` (a long word that is already listed jargon)."""
    return [finding for finding in findings if not taken.covers(finding.start, finding.end)]


class _Spans:
    """Spans in text order, to ask quickly whether one covers a position."""

    def __init__(self, findings: list[Finding]) -> None:
        ordered = sorted(findings, key=lambda finding: finding.start)
        self.starts = [finding.start for finding in ordered]
        self.ends = [finding.end for finding in ordered]

    def covers(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.ends[index] >= end


def _without_allowed(findings: list[Finding], allowed: frozenset[str]) -> list[Finding]:
    if not allowed:
        return findings
    return [finding for finding in findings if not _is_allowed(finding, allowed)]


def _is_allowed(finding: Finding, allowed: frozenset[str]) -> bool:
    said = " ".join(finding.text.lower().split()).replace("\u2019", "'")
    if finding.kind == ACRONYM:
        said = said.replace(".", "").removesuffix("'s")
    return said in allowed


@cache
def default_checker() -> Checker:
    return Checker()


def check(
    text: str,
    mode: str = PLAIN,
    *,
    extra_terms: Iterable[Term] | Mapping[str, str | None] = (),
    allowed: Iterable[str] = (),
) -> Report:
    """Check `text` for plain language in "plain" or "easy_read" mode.

    Checkers are built once and kept: one shared checker, and one for each of the last
    few sets of extra terms (an organisation's own list).
    """
    if not extra_terms:
        return default_checker().check(text, mode, allowed)
    if isinstance(extra_terms, Mapping):
        key: tuple[object, ...] = tuple(sorted(extra_terms.items(), key=lambda pair: pair[0]))
    else:
        key = tuple(extra_terms)
    return _checker_with(key).check(text, mode, allowed)


@lru_cache(maxsize=32)
def _checker_with(extra_terms: tuple[object, ...]) -> Checker:
    if extra_terms and isinstance(extra_terms[0], tuple):
        return Checker(dict(extra_terms))  # type: ignore[arg-type]
    return Checker(extra_terms)  # type: ignore[arg-type]


__all__ = ["Checker", "Readability", "check", "default_checker"]
