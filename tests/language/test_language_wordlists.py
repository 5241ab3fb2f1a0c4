"""The word lists: size, forms, and organisations' own terms."""

import pytest

from coplan.language import JARGON, terms_from_toml, vocabulary
from coplan.language.syllables import patterns, syllables
from coplan.language.vocabulary import british_forms, ordinary_word_syllables
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

    assert (
        len([term for term in jargon if term.group in {"jargon", "services 'special speak'"}])
        >= 300
    )
    assert groups == {
        "jargon",
        "services 'special speak'",
        "the GOV.UK style guide",
        "officialese",
        "the NHS content style guide",
        "Easy Read",
    }
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

    assert {"please", "note", "free", "care", "not", "meeting", "carers"} <= words
    assert all(word.isalpha() and word.islower() for word in words)
    assert not {"scia", "camhs", "nhs", "ccg", "icb", "sendco"} & words


def test_ordinary_words_are_spelled_the_british_way_too():
    words = ordinary_words()

    assert {"colour", "centre", "programme", "organise", "organisation", "travelled"} <= words
    assert {"color", "center", "organize"} <= words


def test_british_forms_by_rule():
    words = {"organize", "organization", "analyzing", "travel", "traveled", "downsize", "rule"}

    assert british_forms(words | {"ruling"}) == {
        "organise",
        "organisation",
        "analysing",
        "travelled",
    }


@pytest.mark.parametrize(
    ("word", "count"),
    [("the", 1), ("stakeholders", 3), ("information", 4), ("co-production", 4), ("e.g.", 1)],
)
def test_syllables(word, count):
    assert syllables(word) == count


def test_worked_out_syllable_counts_match_the_hyphenation_patterns():
    counts = ordinary_word_syllables()
    sample = sorted(counts)[::97]

    assert len(counts) > 50_000
    assert all(counts[word] == patterns().hyphen_points(word) + 1 for word in sample)


def test_syllables_agree_with_pyphen_word_for_word():
    import pyphen

    hyphenator = pyphen.Pyphen(lang="en_GB")
    words = sorted(ordinary_words())[::53]

    assert [patterns().hyphen_points(w) + 1 for w in words] == [
        len(hyphenator.positions(w)) + 1 for w in words
    ]


def test_the_patterns_are_pyphens_own():
    import pyphen

    assert vocabulary.patterns is patterns
    assert patterns().by_letters  # parsed from pyphen's file, nothing copied into coplan
    assert str(pyphen.LANGUAGES["en_GB"]).endswith("hyph_en_GB.dic")


@pytest.fixture
def small_build(monkeypatch):
    """Build from three words instead of the whole frequency list; count the builds."""
    builds = []

    def build():
        builds.append(1)
        return {"meeting", "carers", "organisation"}

    monkeypatch.setattr(vocabulary, "build_ordinary_words", build)
    return builds


def test_worked_out_words_are_kept_in_a_cache_file_and_read_back(tmp_path, small_build):
    first = vocabulary.load_or_build(tmp_path)
    again = vocabulary.load_or_build(tmp_path)

    assert first == again == {w: patterns().hyphen_points(w) + 1 for w in first}
    assert set(first) == {"meeting", "carers", "organisation"}
    assert len(small_build) == 1
    assert [path.name for path in tmp_path.iterdir()] == [
        f"ordinary-words-{vocabulary.cache_key()}.txt.gz"
    ]


def test_a_damaged_or_old_cache_file_is_built_again(tmp_path, small_build):
    (tmp_path / f"ordinary-words-{vocabulary.cache_key()}.txt.gz").write_bytes(b"not gzip")
    (tmp_path / "ordinary-words-0000000000000000.txt.gz").write_bytes(b"an old version")

    assert vocabulary.load_or_build(tmp_path)["meeting"] == 2
    assert len(small_build) == 1
    assert len(list(tmp_path.iterdir())) == 1
    assert vocabulary.load_or_build(tmp_path)["meeting"] == 2
    assert len(small_build) == 1


def test_words_are_kept_in_memory_when_no_cache_can_be_written(tmp_path, small_build):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")

    assert "carers" in vocabulary.load_or_build(blocked)
    assert "carers" in vocabulary.load_or_build(blocked)
    assert len(small_build) == 2


def test_the_cache_folder_follows_coplan_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("COPLAN_DATA_DIR", str(tmp_path))
    assert vocabulary.cache_dir() == tmp_path / "cache" / "language"

    monkeypatch.delenv("COPLAN_DATA_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if vocabulary.sys.platform not in ("win32", "darwin"):
        assert vocabulary.cache_dir() == tmp_path / "xdg" / "coplan" / "language"
