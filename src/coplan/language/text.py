"""Reading a text: hiding markup, finding words and sentences.

Everything here keeps character positions: a masked or lower-cased copy is always
exactly as long as the original, so a position found in the copy points at the same
character in the text the person wrote.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

#: A word: letters or digits, joined inside by apostrophes, hyphens or dots
#: ("don't", "co-produce", "e.g", "10.30").
WORD = re.compile(r"[^\W_]+(?:['.\-][^\W_]+)*")

_TAG = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|</?[a-zA-Z][^<>]*>|&#?\w{1,10};",
    re.DOTALL | re.IGNORECASE,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|blockquote)\b", re.I
)
_LOOKS_LIKE_MARKUP = re.compile(r"<[a-zA-Z/!]|&#?\w{1,10};")

#: Same-length replacements for the lower-cased copy: curly quotes and odd hyphens
#: become plain ones, so one set of rules fits them all.
_SAME_LENGTH = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u02bc", "'"),
    ("\u2010", "-"),
    ("\u2011", "-"),
)

# Sentence ends: . ! ? (with closing quotes or brackets) before a space or the end,
# and line breaks.
_END = re.compile(r"[.!?\u2026]+[\"'\u2019\u201d)\]]*(?=\s|$)|\n")
_LINE_RUNS_ON = re.compile(
    r"(?:[(\-&/]|\b(?:and|or|but|the|a|an|to|of|for|with|in|on|at|by|from|our|your|is|are)"
    r")[ \t\r]*$",
    re.IGNORECASE,
)
# Words after which a full stop does not end the sentence.
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "cllr", "rev", "st", "sr", "jr"])
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "eg",
        "ie",
        "approx",
        "no",
        "nos",
        "vs",
        "cf",
        "incl",
        "tel",
        "ext",
        "ref",
        "dept",
        "est",
        "fig",
        "min",
        "max",
        "ave",
    ]
)


def looks_like_markup(text: str) -> bool:
    return _LOOKS_LIKE_MARKUP.search(text) is not None


def mask_markup(text: str) -> str:
    """Blank out HTML tags, comments, scripts and entities, keeping every position.

    Block tags (paragraphs, list items, headings, line breaks) become a line break
    so they end a sentence; everything else becomes spaces.
    """

    def blank(match: re.Match[str]) -> str:
        found = match.group(0)
        if found.startswith("&"):
            return " " * len(found)
        filler = re.sub(r"[^\n]", " ", found)
        if _BLOCK_TAG.match(found):
            filler = "\n" + filler[1:]
        return filler

    return _TAG.sub(blank, text)


def lower_same_length(text: str) -> str:
    """Lower case with plain quotes and hyphens, exactly as long as `text`."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters (like 'İ') grow when lower-cased
        lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
    for odd, plain in _SAME_LENGTH:
        if odd in lowered:
            lowered = lowered.replace(odd, plain)
    return lowered


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


def _word_before(masked: str, end: int) -> str:
    """The word (letters, digits and inner dots, as in 'e.g') that ends at `end`."""
    space = max(masked.rfind(" ", max(0, end - 30), end), masked.rfind("\n", max(0, end - 30), end))
    return masked[space + 1 : end].lstrip("(\"'\u201c\u2018").strip(".")


def _full_stop_ends_sentence(masked: str, end: int) -> bool:
    """Is the '.' just before `end` a sentence end, not 'Mr.', 'e.g.' or an initial?"""
    if masked[end - 1] != "." or end < 2 or not masked[end - 2].isalnum():
        return True
    word = _word_before(masked, end - 1)
    lowered = word.lower()
    if lowered in _TITLES:
        return False
    is_initial = len(word) == 1 and word.isupper()  # as in "J. Smith"
    if not is_initial and lowered not in _ABBREVIATIONS:
        return True
    after = _skip_to_next_non_space(masked, end)
    next_char = masked[after : after + 1]
    if is_initial:
        return not next_char.isupper()
    return next_char.isupper() and lowered not in {"e.g", "eg", "i.e", "ie"}


def _line_break_ends_sentence(masked: str, position: int) -> bool:
    """A line break ends a sentence unless the text runs on: the next line starts in
    lower case, or this line stops on a little joining word ("in", "and", "the")."""
    following = _skip_spaces_in_line(masked, position + 1)
    if following >= len(masked) or masked[following] == "\n":
        return True
    if masked[following].islower():
        return False
    found = masked.rfind("\n", max(0, position - 200), position)
    line_start = found + 1 if found >= 0 else max(0, position - 200)
    return _LINE_RUNS_ON.search(masked, line_start, position) is None


def _skip_spaces_in_line(masked: str, position: int) -> int:
    size = len(masked)
    while position < size and masked[position] in " \t\r":
        position += 1
    return position


def _skip_to_next_non_space(masked: str, position: int) -> int:
    size = len(masked)
    while position < size and masked[position].isspace():
        position += 1
    return position


def sentences(masked: str) -> list[Sentence]:
    """Sentences of a (masked) text, each trimmed of surrounding space.

    A sentence ends at '.', '!' or '?' followed by a space, at a blank line, and at a
    line break when the next line starts a new thought (a capital letter, a bullet,
    a number) and this line does not run on (ending with a comma or 'and').
    Parts with no words are left out.
    """
    found: list[Sentence] = []
    start = 0
    for match in _END.finditer(masked):
        end = match.end()
        if match.group(0) == "\n":
            if not _line_break_ends_sentence(masked, match.start()):
                continue
            end = match.start()
        elif not _full_stop_ends_sentence(masked, end):
            continue
        _add_sentence(found, masked, start, end)
        start = match.end()
    _add_sentence(found, masked, start, len(masked))
    return found


def _add_sentence(found: list[Sentence], masked: str, start: int, end: int) -> None:
    if WORD.search(masked, start, end) is None:
        return
    while masked[start].isspace():
        start += 1
    while masked[end - 1].isspace():
        end -= 1
    found.append(Sentence(start, end))


class Lines:
    """Turns a position into a 1-based line and column."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def index(self, position: int) -> int:
        return bisect.bisect_right(self.starts, position) - 1

    def line_and_column(self, position: int) -> tuple[int, int]:
        line = self.index(position)
        return line + 1, position - self.starts[line] + 1
