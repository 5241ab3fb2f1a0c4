"""Finding listed words and phrases (jargon, special speak, formal words).

Every spelling of every term goes into one letter tree, written out as a single regular
expression ("stake(?:holders?|...)"), so the whole text is searched in one pass at C
speed whatever the size of the lists: an Aho-Corasick-style search by the `re` engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .findings import JARGON, Finding
from .text import WORD
from .wordlists import Term, data_file

NEAR_WINDOW = 4
_GROUPS_NAMED = frozenset({"jargon", "services 'special speak'"})
_SENTENCE_OPENERS = frozenset(".!?:;\n")
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


def _tree_pattern(spellings: Iterable[str]) -> str:
    """A regular expression that matches any of `spellings`, longest first."""
    tree: dict = {}
    for spelling in spellings:
        node = tree
        for letter in spelling:
            node = node.setdefault(letter, {})
        node[""] = {}
    return _branch(tree)


def _branch(node: dict) -> str:
    branches = [
        (r"\s+" if letter == " " else re.escape(letter)) + _branch(child)
        for letter, child in sorted(node.items())
        if letter
    ]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends_here else group


class TermFinder:
    def __init__(self, terms: Iterable[Term], allowed: frozenset[str] = frozenset()) -> None:
        # Later terms with the same spelling replace earlier ones (an organisation's own
        # list comes last), so each spelling has one meaning.
        self.by_spelling: dict[str, Term] = {}
        names = data_file("rules.toml")["names"]
        self.place_words = frozenset(names["place_words"])  # type: ignore[index]
        for term in terms:
            for form in term.forms:
                if form not in allowed:
                    self.by_spelling[" ".join(form.split())] = term
        self.pattern = (
            re.compile(r"\b(" + _tree_pattern(self.by_spelling) + r")(?:'s)?\b")
            if self.by_spelling
            else None
        )

    def find(self, text: str, lowered: str) -> list[Finding]:
        """Listed terms in the text; `lowered` is its same-length lower-case copy."""
        if self.pattern is None:
            return []
        findings = []
        for match in self.pattern.finditer(lowered):
            start, end = match.span(1)
            term = self.by_spelling.get(" ".join(match.group(1).split()))
            if term is None:
                continue
            if term.near and not _near(lowered, start, end, term.near):
                continue
            if term.not_near and _near(lowered, start, end, term.not_near):
                continue
            if _part_of_a_name(text, start, end, self.place_words):
                continue
            findings.append(_finding(text, start, end, term))
        return findings


def _sentence_starts_at(text: str, position: int) -> bool:
    before = text[max(0, position - 10) : position].rstrip(" \t\r\"'(\u201c\u2018-*\u2022")
    return not before or before[-1] in _SENTENCE_OPENERS


def _part_of_a_name(text: str, start: int, end: int, place_words: frozenset[str]) -> bool:
    """Listed words written with capitals inside a sentence are part of a name
    ("Care Quality Commission", "Primary Care Network"), and so are they at its start
    before a capitalised place word ("Cease Street")."""
    found = text[start:end]
    if not found[0].isupper() or found.isupper():
        return False
    if not all(word[0].isupper() for word in found.split()):
        return False
    if not _sentence_starts_at(text, start):
        return True
    following = _NEXT_WORD.match(text, end)
    return bool(following) and following.group(1).lower() in place_words


def _near(lowered: str, start: int, end: int, near: frozenset[str]) -> bool:
    before = WORD.findall(lowered, max(0, start - 80), start)[-NEAR_WINDOW:]
    after = WORD.findall(lowered, end, end + 80)[:NEAR_WINDOW]
    return any(word.removesuffix("'s") in near for word in (*before, *after))


def _finding(text: str, start: int, end: int, term: Term) -> Finding:
    found = text[start:end]
    if term.message:
        message = term.message.format(found=found)
    elif term.kind == JARGON and term.group in _GROUPS_NAMED:
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
