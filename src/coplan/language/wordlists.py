"""The word lists the checker uses, read from the TOML files in `data/`.

A word list file has sections that say how to find each entry's other forms:

    [verbs]      # also finds -s, -ed and -ing forms of the first word ("rolled out")
    signpost = "point you to; tell you about"
    [nouns]      # also finds the plural of the last word ("service users")
    "service user" = "people who use services; you"
    [phrases]    # found only as written
    "going forward" = "from now on; in future"
    [forms]      # spellings the rules cannot guess
    "drive" = ["drives", "drove", "driven", "driving"]
    [near]       # only a problem when one of these words is close by
    deliver = ["services", "outcomes"]
    [not_near]   # not a problem when one of these words is close by
    fatigue = ["clinic"]

The [about] section may give the list's `kind`, `group`, `modes` (["easy_read"]: a word
only Easy Read mode reports) and `message` (how a finding is said, with {found}).

Organisations add their own lists in the same format (`terms_from_toml`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .findings import JARGON, LONG_WORD, MODES
from .vocabulary import data_text, ordinary_word_syllables, words_in

VERBS = "verbs"
NOUNS = "nouns"
PHRASES = "phrases"
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to avoid, with the plainer words to use instead."""

    phrase: str
    suggestion: str | None = None
    kind: str = JARGON
    group: str = "jargon"
    forms: tuple[str, ...] = ()
    near: frozenset[str] = frozenset()
    #: Not a problem when one of these words is close by ("fatigue clinic").
    not_near: frozenset[str] = frozenset()
    #: The modes that report it: an Easy Read word ("agenda") only in Easy Read mode.
    modes: frozenset[str] = frozenset(MODES)
    #: How a finding is said, with {found} for the words found; None: said by its kind.
    message: str | None = None


# --- inflection -----------------------------------------------------------------


def _ends_consonant_y(word: str) -> bool:
    return len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS


def plural(word: str) -> str:
    """'stakeholder' -> 'stakeholders', 'facility' -> 'facilities', 'process' -> 'processes'."""
    if _ends_consonant_y(word):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def past(word: str) -> str:
    """'signpost' -> 'signposted', 'escalate' -> 'escalated', 'identify' -> 'identified'."""
    if word.endswith("e"):
        return word + "d"
    if _ends_consonant_y(word):
        return word[:-1] + "ied"
    return word + "ed"


def present_participle(word: str) -> str:
    """'signpost' -> 'signposting', 'escalate' -> 'escalating', 'tie' -> 'tying'."""
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    return word + "ing"


def verb_forms(word: str) -> tuple[str, ...]:
    return (word, plural(word), past(word), present_participle(word))


def _with_head_forms(phrase: str, section: str) -> set[str]:
    words = phrase.split()
    if section == VERBS:
        return {" ".join([form, *words[1:]]) for form in verb_forms(words[0])}
    if section == NOUNS:
        return {phrase, " ".join([*words[:-1], plural(words[-1])])}
    return {phrase}


def _spelling_variants(form: str) -> set[str]:
    """British and American spellings, and hyphenated words written open or closed."""
    variants = {form}
    for british, american in (("isation", "ization"), ("ise", "ize"), ("ising", "izing")):
        for variant in list(variants):
            if british in variant:
                variants.add(variant.replace(british, american))
    for variant in list(variants):
        if "-" in variant:
            variants.add(variant.replace("-", ""))
            variants.add(variant.replace("-", " "))
    return variants


def all_forms(phrase: str, section: str, explicit: Iterable[str] = ()) -> tuple[str, ...]:
    """Every lower-case spelling of a phrase the checker should find."""
    base = phrase.lower().strip()
    forms = _with_head_forms(base, section) | {item.lower() for item in explicit}
    found: set[str] = set()
    for form in forms:
        found |= _spelling_variants(form)
    return tuple(sorted(found))


def allowed_forms(words: Iterable[str]) -> frozenset[str]:
    """An allowed word also allows its plural and verb forms ('stakeholder' allows
    'stakeholders'), in lower case."""
    found: set[str] = set()
    for word in words:
        base = " ".join(word.lower().split())
        if not base:
            continue
        found |= _with_head_forms(base, NOUNS) | _with_head_forms(base, VERBS)
    return frozenset(found)


# --- reading word list files ---------------------------------------------------


def _suggestion(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def terms_from_mapping(
    document: Mapping[str, object], *, kind: str = JARGON, group: str = "jargon"
) -> list[Term]:
    """Terms from a parsed word list (see the module's description of the format)."""
    about = document.get("about", {})
    modes = frozenset(MODES)
    message = None
    if isinstance(about, Mapping):
        kind = str(about.get("kind", kind))
        group = str(about.get("group", group))
        modes = frozenset(about.get("modes", MODES)) & frozenset(MODES) or modes
        message = str(about["message"]) if about.get("message") else None
    explicit_forms = _mapping(document.get("forms"))
    near_words = _mapping(document.get("near"))
    not_near_words = _mapping(document.get("not_near"))
    terms: list[Term] = []
    for section in (VERBS, NOUNS, PHRASES):
        for phrase, value in _mapping(document.get(section)).items():
            extra = explicit_forms.get(phrase, ())
            near = near_words.get(phrase, ())
            not_near = not_near_words.get(phrase, ())
            terms.append(
                Term(
                    phrase=phrase,
                    suggestion=_suggestion(value),
                    kind=kind,
                    group=group,
                    forms=all_forms(phrase, section, extra if isinstance(extra, list) else ()),
                    near=frozenset(str(word).lower() for word in near),
                    not_near=frozenset(str(word).lower() for word in not_near),
                    modes=modes,
                    message=message,
                )
            )
    return terms


def _mapping(value: object) -> Mapping[str, object]:
    return value if isinstance(value, Mapping) else {}


def terms_from_toml(
    text: str, *, kind: str = JARGON, group: str = "your organisation"
) -> list[Term]:
    """Terms from an organisation's own word list, written in the same TOML format."""
    return terms_from_mapping(tomllib.loads(text), kind=kind, group=group)


def terms_from_pairs(
    pairs: Mapping[str, str | None], *, kind: str = JARGON, group: str = "your organisation"
) -> list[Term]:
    """Terms from {"word or phrase": "what to say instead"}; plurals and verb forms added."""
    return [
        Term(
            phrase=phrase,
            suggestion=_suggestion(suggestion),
            kind=kind,
            group=group,
            forms=tuple(sorted(allowed_forms([phrase]))),
        )
        for phrase, suggestion in pairs.items()
    ]


@cache
def data_file(name: str) -> dict[str, object]:
    """A TOML file from `data/`, parsed."""
    return tomllib.loads(data_text(name))


#: The shipped word lists, each with its kind and group unless its [about] says
#: otherwise; where each list comes from is in docs/language.md.
WORD_LISTS = (
    ("jargon.toml", JARGON, "jargon"),
    ("special_speak.toml", JARGON, "services 'special speak'"),
    ("formal_words.toml", LONG_WORD, "formal word"),
    ("words_to_avoid.toml", JARGON, "the GOV.UK style guide"),
    ("officialese.toml", JARGON, "officialese"),
    ("plain_alternatives.toml", LONG_WORD, "formal word"),
    ("nhs_words.toml", JARGON, "the NHS content style guide"),
    ("easy_read_words.toml", JARGON, "Easy Read"),
)


@cache
def shipped_terms() -> tuple[Term, ...]:
    """Jargon, services 'special speak', formal words, the published lists' words and
    the Easy Read words that ship with coplan."""
    terms: list[Term] = []
    for name, kind, group in WORD_LISTS:
        terms += terms_from_mapping(data_file(name), kind=kind, group=group)
    return tuple(terms)


def terms_for(terms: Iterable[Term], mode: str) -> list[Term]:
    """The terms a check in `mode` reports."""
    return [term for term in terms if mode in term.modes]


@cache
def ordinary_words() -> frozenset[str]:
    """Ordinary English words (lower case) for telling a shouted word from an acronym.

    Words of four letters or more come from pyspellchecker's English word-frequency list,
    read at run time (see `vocabulary.py`), less the acronyms it counts as words
    (`not_words` in `rules.toml`); shorter ones from our own list, because short
    dictionary entries are often abbreviations.
    """
    rules = data_file("rules.toml")["acronyms"]
    not_words = rules.get("not_words", []) if isinstance(rules, Mapping) else []
    short_words = words_in(data_text("short_words.txt"))
    return (frozenset(ordinary_word_syllables()) - frozenset(not_words)) | frozenset(short_words)


@cache
def everyday_long_words() -> frozenset[str]:
    """Long words most people know, which the long word rule leaves alone."""
    return frozenset(words_in(data_text("everyday_long_words.txt")))
