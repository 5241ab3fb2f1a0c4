"""The benchmark and comparison commands, on small inputs."""

import pytest

from coplan.language import bench, compare
from coplan.language.sample_text import SampleWriter


def test_sample_text_is_repeatable_and_wide():
    first = SampleWriter(seed=1).text(20_000)
    second = SampleWriter(seed=1).text(20_000)

    assert first == second
    assert len(first.split()) >= 20_000
    assert len(set(first.lower().split())) > 5_000


def test_our_timing_reports_words_and_the_information_pack():
    measured = bench._time_ours(SampleWriter(seed=2).text(5_000))

    assert measured["words"] > 4_900
    assert 0 < measured["pack_seconds"] <= measured["pack_worst_seconds"]
    assert measured["cpu_seconds"] > 0


def test_bench_prints_words_per_second_and_ratios(monkeypatch, capsys):
    monkeypatch.setattr(
        bench,
        "_run_worker",
        lambda name, path: {
            "ours": {
                "seconds": 1.5,
                "cpu_seconds": 1.0,
                "warm_seconds": 0.8,
                "setup_seconds": 0.1,
                "words": 1_000_000,
                "findings": 5,
                "pack_seconds": 0.004,
                "pack_worst_seconds": 0.005,
            },
            "textstat": {"seconds": 2.5, "cpu_seconds": 2.0, "score": 50.0},
            "proselint": None,
        }[name],
    )

    status = bench.main(["--words", "2000"])

    printed = capsys.readouterr().out
    assert status == 0
    assert "coplan check (new process)             1.50    1.00   1,000,000\n" in printed
    assert "met  our check at least 1 x textstat: 2.00 x" in printed
    assert "proselint                           not installed" in printed


def test_readability_agrees_with_textstat_on_corpus_passages():
    pytest.importorskip("textstat")

    result = compare.agreement(compare.corpus_passages(20))

    assert result.ease_within >= 0.9
    assert result.words_same == 1.0
