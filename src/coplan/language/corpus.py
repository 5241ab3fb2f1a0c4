"""Reading the labelled corpus (tests/language/corpus/, format in its README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .findings import ACRONYM, EASY_READ, JARGON, KINDS, PLAIN

#: The line's kind for `[words]` written without `(kind)`.
DEFAULT_KINDS = {"jargon": JARGON, "acronym": ACRONYM, "spelled": ACRONYM}
_WHOLE_SENTENCE = re.compile(r"\s*\{(\w+)(?::\s*([^}]*))?\}\s*$")


class CorpusError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Sentence:
    category: str
    text: str
    expected: tuple[Span, ...]
    line: int

    @property
    def mode(self) -> str:
        return EASY_READ if self.category == "easy_read" else PLAIN


def parse_marked(marked: str, default_kind: str | None = None) -> tuple[str, list[Span]]:
    """'Call the [CQC](acronym).' -> ('Call the CQC.', [Span(9, 12, 'acronym')])."""
    marked, tags = _split_tags(marked)
    text: list[str] = []
    spans: list[Span] = []
    opened: list[int] = []
    position = 0
    length = 0
    while position < len(marked):
        char = marked[position]
        if char == "[":
            opened.append(length)
            position += 1
            continue
        if char == "]" and opened:
            kind_match = re.match(r"\((\w+)\)", marked[position + 1 :])
            kind = kind_match.group(1) if kind_match else default_kind
            if kind not in KINDS:
                raise CorpusError(f"unknown or missing kind {kind!r} in {marked!r}")
            spans.append(Span(opened.pop(), length, kind))
            position += 1 + (kind_match.end() if kind_match else 0)
            continue
        text.append(char)
        length += 1
        position += 1
    if opened:
        raise CorpusError(f"unclosed '[' in {marked!r}")
    plain = "".join(text)
    return plain, spans + _tag_spans(plain, tags)


def _split_tags(marked: str) -> tuple[str, list[tuple[str, str | None]]]:
    tags: list[tuple[str, str | None]] = []
    while True:
        found = _WHOLE_SENTENCE.search(marked)
        if not found:
            return marked.rstrip(), tags
        tags.insert(0, (found.group(1), found.group(2)))
        marked = marked[: found.start()]


def _tag_spans(text: str, tags: list[tuple[str, str | None]]) -> list[Span]:
    spans = []
    for kind, words in tags:
        if kind not in KINDS:
            raise CorpusError(f"unknown kind {kind!r} in {text!r}")
        if words is None:
            spans.append(Span(0, len(text), kind))
            continue
        start = text.find(words)
        if start < 0:
            raise CorpusError(f"{words!r} is not in {text!r}")
        spans.append(Span(start, start + len(words), kind))
    return spans


def read_corpus(path: Path) -> list[Sentence]:
    sentences = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        category, separator, marked = line.partition(" | ")
        if not separator:
            raise CorpusError(f"{path.name}:{number}: expected 'category | text'")
        text, spans = parse_marked(marked.strip(), DEFAULT_KINDS.get(category.strip()))
        sentences.append(Sentence(category.strip(), text, tuple(spans), number))
    return sentences


def corpus_folder() -> Path:
    """tests/language/corpus in this source tree."""
    return Path(__file__).resolve().parents[3] / "tests" / "language" / "corpus"
