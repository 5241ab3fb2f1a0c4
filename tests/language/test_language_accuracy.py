"""The labelled corpus: the test part meets the issue's accuracy goals."""

import pytest

from coplan.language.corpus import CorpusError, corpus_folder, parse_marked, read_corpus
from coplan.language.evaluate import evaluate, main, part_files


def test_marked_text_gives_plain_text_and_spans():
    text, spans = parse_marked(
        "Call the [CQC](acronym) about [going forward]. {long_sentence}", "jargon"
    )

    assert text == "Call the CQC about going forward."
    assert [(text[s.start : s.end], s.kind) for s in spans] == [
        ("CQC", "acronym"),
        ("going forward", "jargon"),
        ("Call the CQC about going forward.", "long_sentence"),
    ]


def test_span_named_in_a_tag_is_found_in_the_text():
    text, spans = parse_marked("It will be [rolled out]. {passive_voice: be rolled}", "jargon")

    assert [(text[s.start : s.end], s.kind) for s in spans] == [
        ("rolled out", "jargon"),
        ("be rolled", "passive_voice"),
    ]


@pytest.mark.parametrize("marked", ["[CQC](acronymn) is here.", "[CQC is here.", "It {loud}"])
def test_mistakes_in_the_corpus_are_reported(marked):
    with pytest.raises(CorpusError):
        parse_marked(marked)


def test_corpus_has_at_least_300_sentences_in_the_issues_mix():
    sentences = [
        s for part in ("dev", "test") for s in read_corpus(corpus_folder() / f"{part}.txt")
    ]
    mixed = [
        s for s in sentences if s.category in {"jargon", "acronym", "spelled", "negative", "clean"}
    ]
    share = {
        c: sum(s.category == c for s in mixed) / len(mixed) for c in ("jargon", "negative", "clean")
    }

    assert len(mixed) >= 300
    assert share["jargon"] == pytest.approx(0.40, abs=0.03)
    assert share["negative"] == pytest.approx(0.15, abs=0.03)
    assert share["clean"] == pytest.approx(0.20, abs=0.03)
    acronyms = [s for s in mixed if s.category in {"acronym", "spelled"}]
    assert len(acronyms) / len(mixed) == pytest.approx(0.25, abs=0.03)
    assert sum(s.category == "spelled" for s in acronyms) / len(acronyms) == pytest.approx(
        0.5, abs=0.05
    )


def test_test_part_meets_the_accuracy_goals():
    accuracy = evaluate(part_files("test"))

    assert accuracy.goals_met() == dict.fromkeys(accuracy.goals_met(), True)


def test_evaluate_command_prints_the_figures(capsys):
    status = main(["--part", "test"])

    printed = capsys.readouterr().out
    assert status == 0
    assert "acronym" in printed
    assert "clean sentences flagged" in printed
