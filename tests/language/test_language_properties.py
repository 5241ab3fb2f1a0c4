"""Property-based tests: checking never raises, and every span points into the text."""

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coplan.language import EASY_READ, KINDS, PLAIN, check
from coplan.language.text import lower_same_length, mask_markup, sentences

PIECES = [
    *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?'-&()<>/\n\r\t",
    *["İ", "ß", "é", "ﬁ", "’", "“", "😀", "中", "ا", "\u00a0", "\u2011", "<p>", "&amp;", "<!--"],
    *[" the ", " SCIA ", " service users ", " going forward ", " two ", " is paid ", " Mrs "],
    *[" CQC (Care Quality Commission) ", " e.g. ", " U.K. ", " 10AM ", " OX1 1ND ", " GPs "],
]
WORDY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), WORDY)
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fast
@given(text=ANY_TEXT, mode=st.sampled_from([PLAIN, EASY_READ]))
def test_check_never_raises_and_spans_are_inside_the_text(text, mode):
    report = check(text, mode)

    for finding in report.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]
        assert finding.kind in KINDS
        assert finding.message
    assert report.word_count >= 0
    assert report.sentence_count <= report.word_count


@fast
@given(text=ANY_TEXT)
def test_findings_come_in_text_order(text):
    starts = [finding.start for finding in check(text).findings]

    assert starts == sorted(starts)


@fast
@given(text=ANY_TEXT)
def test_lower_case_and_masked_copies_keep_every_position(text):
    assert len(lower_same_length(text)) == len(text)
    assert len(mask_markup(text)) == len(text)


@fast
@given(text=ANY_TEXT)
def test_sentences_are_trimmed_and_in_order(text):
    found = sentences(text)

    for sentence in found:
        assert 0 <= sentence.start < sentence.end <= len(text)
        piece = text[sentence.start : sentence.end]
        assert piece == piece.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


@fast
@given(words=st.lists(st.sampled_from(["cat", "dog", "sat", "mat"]), min_size=1, max_size=40))
def test_reading_scores_follow_the_formulas(words):
    text = " ".join(words) + "."

    report = check(text)

    size = len(words)
    sentences_scored = 1
    expected_ease = 206.835 - 1.015 * size / sentences_scored - 84.6
    assert report.word_count == size
    assert abs(report.readability.flesch_reading_ease - expected_ease) < 0.01
