"""Mind your language: a plain-language checker (pure Python, no Django).

>>> from coplan.language import check
>>> report = check("Going forward, please contact the SCIA team.")
>>> [(finding.kind, finding.text) for finding in report.findings]
[('jargon', 'Going forward'), ('acronym', 'SCIA')]
"""

from .checker import Checker, check, default_checker
from .findings import (
    ACRONYM,
    EASY_READ,
    JARGON,
    KIND_LABELS,
    KINDS,
    LONG_SENTENCE,
    LONG_WORD,
    NUMBER_AS_WORD,
    PASSIVE_VOICE,
    PLAIN,
    SEVERAL_IDEAS,
    Finding,
    Readability,
    Report,
)
from .wordlists import Term, terms_from_pairs, terms_from_toml

__all__ = [
    "ACRONYM",
    "EASY_READ",
    "JARGON",
    "KINDS",
    "KIND_LABELS",
    "LONG_SENTENCE",
    "LONG_WORD",
    "NUMBER_AS_WORD",
    "PASSIVE_VOICE",
    "PLAIN",
    "SEVERAL_IDEAS",
    "Checker",
    "Finding",
    "Readability",
    "Report",
    "Term",
    "check",
    "default_checker",
    "terms_from_pairs",
    "terms_from_toml",
]
