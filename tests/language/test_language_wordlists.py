"""The word lists: size, forms, and organisations' own terms."""

import pytest

from coplan.language import JARGON, terms_from_toml
from coplan.language.syllables import known_counts, patterns, syllables
from coplan.language.wordlists import (
    all_forms,
    allowed_forms,
    data_file,
    ordinary_words,
    past,
    plural,
    present_participle,
    shipped_terms,
)


def test_at_least_300_jargon_and_special_speak_entries_ship():
    jargon = [term for term in shipped_terms() if term.kind == JARGON]
    groups = {term.group for term in jargon}

    assert len(jargon) >= 300
    assert groups == {"jargon", "services 'special speak'"}
    assert all(term.suggestion for term in shipped_terms())


def test_phrases_and_single_words_both_ship():
    phrases = [term for term in shipped_terms() if " " in term.phrase]

    assert len(phrases) >= 100


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("signpost", ("signposts", "signposted", "signposting")),
        ("escalate", ("escalates", "escalated", "escalating")),
        ("identify", ("identifies", "identified", "identifying")),
        ("tie", ("ties", "tied", "tying")),
    ],
)
def test_verb_forms(word, forms):
    assert (plural(word), past(word), present_participle(word)) == forms


def test_phrases_inflect_their_head_and_add_spellings():
    assert set(all_forms("roll out", "verbs")) >= {"rolls out", "rolled out", "rolling out"}
    assert set(all_forms("service user", "nouns")) == {"service user", "service users"}
    assert set(all_forms("multi-agency", "phrases")) == {
        "multi-agency",
        "multiagency",
        "multi agency",
    }
    assert "prioritize" in all_forms("prioritise", "verbs")


def test_allowed_word_allows_its_forms():
    assert {"stakeholder", "stakeholders", "co-produced"} <= allowed_forms(
        ["Stakeholder", "co-produce"]
    )


def test_organisation_list_in_toml():
    terms = terms_from_toml(
        '[verbs]\nupskill = "train"\n[near]\nupskill = ["staff"]\n', group="Oxford Council"
    )

    assert [(t.phrase, t.suggestion, t.group) for t in terms] == [
        ("upskill", "train", "Oxford Council")
    ]
    assert "upskilled" in terms[0].forms
    assert terms[0].near == frozenset({"staff"})


def test_well_known_and_known_acronyms_do_not_overlap():
    acronyms = data_file("acronyms.toml")

    assert not set(acronyms["well_known"]) & set(acronyms["acronyms"])


def test_ordinary_words_are_lower_case_words():
    words = ordinary_words()

    assert {"please", "note", "free", "care", "not"} <= words
    assert "scia" not in words


@pytest.mark.parametrize(
    ("word", "count"),
    [("the", 1), ("stakeholders", 3), ("information", 4), ("co-production", 4), ("e.g.", 1)],
)
def test_syllables(word, count):
    assert syllables(word) == count


def test_shipped_syllable_counts_match_the_hyphenation_patterns():
    counts = known_counts()
    sample = sorted(counts)[::97]

    assert len(counts) > 60_000
    assert all(counts[word] == patterns().hyphen_points(word) + 1 for word in sample)


def test_syllables_agree_with_pyphen_word_for_word():
    pyphen = pytest.importorskip("pyphen")
    hyphenator = pyphen.Pyphen(lang="en_GB")
    words = sorted(ordinary_words())[::53]

    assert [patterns().hyphen_points(w) + 1 for w in words] == [
        len(hyphenator.positions(w)) + 1 for w in words
    ]
