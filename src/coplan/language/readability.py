"""Reading scores from counts of words, sentences and syllables."""

from __future__ import annotations

from .findings import Readability

#: In the UK a reading age is the US school grade plus five years.
UK_READING_AGE_OFFSET = 5


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    """206.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    """0.39 x words per sentence + 11.8 x syllables per word - 15.59."""
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def readability(words: int, sentences: int, syllables: int) -> Readability:
    """Scores for a text; `sentences` is at least 1 whenever there are words."""
    if words == 0:
        return Readability(None, None, None, syllables)
    sentences = max(1, sentences)
    grade = flesch_kincaid_grade(words, sentences, syllables)
    return Readability(
        flesch_reading_ease=round(flesch_reading_ease(words, sentences, syllables), 2),
        flesch_kincaid_grade=round(grade, 2),
        reading_age=round(grade + UK_READING_AGE_OFFSET, 1),
        syllable_count=syllables,
    )
