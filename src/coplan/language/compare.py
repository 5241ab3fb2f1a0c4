"""Do our reading scores agree with textstat? `python -m coplan.language.compare`

On passages of 100 words or more (built from the labelled corpus, and generated), it
compares our Flesch reading ease and Flesch-Kincaid grade with textstat's, both
counting syllables by hyphenation with the British English patterns (textstat's pyphen
path; its pronouncing dictionary needs the network and is switched off). It also
compares syllable counts word by word with pyphen itself. Needs textstat installed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from .checker import default_checker
from .corpus import corpus_folder, read_corpus
from .sample_text import SampleWriter
from .syllables import syllables
from .text import WORD

#: The issue's goal: within 2 points of reading ease on 90% of passages.
EASE_POINTS = 2.0
GOAL_SHARE = 0.9
SHORTEST_PASSAGE = 100


@dataclass(frozen=True, slots=True)
class Agreement:
    passages: int
    ease_within: float
    grade_within_one: float
    mean_ease_gap: float
    worst_ease_gap: float
    words_compared: int
    words_same: float


def corpus_passages(count: int, seed: int = 6) -> list[str]:
    """Passages of at least 100 words made of the corpus sentences, in a shuffled order."""
    sentences = [
        sentence.text
        for path in sorted(corpus_folder().glob("*.txt"))
        for sentence in read_corpus(path)
    ]
    shuffler = random.Random(seed)  # noqa: S311 (repeatable, not secret)
    passages = []
    for _ in range(count):
        chosen: list[str] = []
        target = shuffler.randint(SHORTEST_PASSAGE, 250)
        while sum(len(WORD.findall(sentence)) for sentence in chosen) < target:
            chosen.append(shuffler.choice(sentences))
        passages.append(" ".join(chosen))
    return passages


def letter_passages(count: int, seed: int = 8) -> list[str]:
    """Corpus sentences laid out as letters: a greeting, headings and bulleted lists
    with no full stops, which sentence splitters treat differently."""
    shuffler = random.Random(seed)  # noqa: S311 (repeatable, not secret)
    sentences = corpus_passages(count * 3, seed)
    letters = []
    for index in range(count):
        body = sentences[index * 3]
        points = [point.rstrip(".") for point in sentences[index * 3 + 1].split(". ")[:4]]
        heading = shuffler.choice(["What happens next", "About the meeting", "How to get there"])
        letters.append(
            f"Dear Sam,\n\n{body}\n\n{heading}\n\n"
            + "\n".join(f"- {point}" for point in points)
            + "\n\nYours sincerely,\nJo Smith\nCommunity Team"
        )
    return letters


def generated_passages(count: int, seed: int = 11) -> list[str]:
    writer = SampleWriter(seed)
    shuffler = random.Random(seed)  # noqa: S311 (repeatable, not secret)
    return [writer.passage(shuffler.randint(SHORTEST_PASSAGE, 300)) for _ in range(count)]


def _textstat():
    import textstat  # type: ignore[import-not-found]
    import textstat.backend.counts._count_syllables as syllable_counting  # type: ignore

    syllable_counting.get_cmudict = lambda lang: None  # no network: the pyphen path
    textstat.set_lang("en_GB")
    return textstat


def agreement(passages: list[str]) -> Agreement:
    textstat = _textstat()
    import pyphen  # type: ignore[import-not-found]

    hyphenator = pyphen.Pyphen(lang="en_GB")
    ease_gaps, grade_gaps = [], []
    words: set[str] = set()
    for passage in passages:
        ours = default_checker().check(passage).readability
        ease_gaps.append(abs(ours.flesch_reading_ease - textstat.flesch_reading_ease(passage)))
        grade_gaps.append(abs(ours.flesch_kincaid_grade - textstat.flesch_kincaid_grade(passage)))
        words.update(WORD.findall(passage.lower()))
    cleaned = {word.replace("-", "").replace(".", "") for word in words}
    same = sum(1 for word in cleaned if syllables(word) == len(hyphenator.positions(word)) + 1)
    return Agreement(
        passages=len(passages),
        ease_within=sum(gap <= EASE_POINTS for gap in ease_gaps) / len(passages),
        grade_within_one=sum(gap <= 1 for gap in grade_gaps) / len(passages),
        mean_ease_gap=statistics.mean(ease_gaps),
        worst_ease_gap=max(ease_gaps),
        words_compared=len(cleaned),
        words_same=same / len(cleaned),
    )


def _print(name: str, result: Agreement) -> None:
    print(f"{name}: {result.passages} passages of {SHORTEST_PASSAGE}+ words")
    print(f"  reading ease within {EASE_POINTS:g} points of textstat: {result.ease_within:.1%}")
    print(f"  Flesch-Kincaid grade (and reading age) within 1: {result.grade_within_one:.1%}")
    print(f"  reading ease gap: mean {result.mean_ease_gap:.2f}, worst {result.worst_ease_gap:.2f}")
    print(
        f"  syllables the same as pyphen for {result.words_same:.2%} "
        f"of {result.words_compared:,} different words"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coplan.language.compare", description=__doc__)
    parser.add_argument("--passages", type=int, default=100, help="passages of each sort")
    arguments = parser.parse_args(argv)
    try:
        results = {
            "Corpus sentences": agreement(corpus_passages(arguments.passages)),
            "Generated text": agreement(generated_passages(arguments.passages)),
            "Letters with headings and lists": agreement(letter_passages(arguments.passages)),
        }
    except ModuleNotFoundError:
        print("textstat is not installed: pip install textstat", file=sys.stderr)
        return 2
    for name, result in results.items():
        _print(name, result)
    total = sum(result.passages for result in results.values())
    within = sum(result.ease_within * result.passages for result in results.values()) / total
    print(
        "Letters differ because we count a heading or a list item as a sentence; textstat "
        "runs it into the next full stop."
    )
    met = within >= GOAL_SHARE
    print(
        f"{'met ' if met else 'MISSED'} reading ease within {EASE_POINTS:g} points of "
        f"textstat on {within:.1%} of all {total} passages (goal {GOAL_SHARE:.0%})"
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
