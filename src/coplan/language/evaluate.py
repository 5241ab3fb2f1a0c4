"""How accurate is the checker? `python -m coplan.language.evaluate [--part dev|test]`

Checks every sentence of the labelled corpus and prints, per kind, precision (of what
it flagged, how much was right) and recall (of what should be flagged, how much it
found), and the share of clean and hard-negative sentences it flagged at all. A found
span counts as right when it has the expected kind and overlaps the expected span;
the share of exact matches is printed too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .checker import Checker, default_checker
from .corpus import Sentence, Span, corpus_folder, read_corpus
from .findings import (
    ACRONYM,
    JARGON,
    KINDS,
    LONG_SENTENCE,
    NUMBER_AS_WORD,
    Finding,
)

#: The issue's goals: (precision, recall) per kind, and the most sentences flagged.
GOALS = {ACRONYM: (0.9, 0.95), JARGON: (0.85, 0.9)}
EXACT_KINDS = (LONG_SENTENCE, NUMBER_AS_WORD)
MOST_CLEAN_FLAGGED = 0.05
MOST_NEGATIVE_FLAGGED = 0.15


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    right: int = 0
    exact: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


@dataclass
class Mistake:
    sentence: Sentence
    missed: list[Span]
    wrong: list[Finding]


@dataclass
class Accuracy:
    tallies: dict[str, Tally] = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    flagged: dict[str, list[int]] = field(default_factory=dict)  # category -> [flagged, all]
    mistakes: list[Mistake] = field(default_factory=list)

    def share_flagged(self, category: str) -> float:
        flagged, total = self.flagged.get(category, [0, 0])
        return flagged / total if total else 0.0

    def goals_met(self) -> dict[str, bool]:
        met = {}
        for kind, (precision, recall) in GOALS.items():
            tally = self.tallies[kind]
            met[f"{kind} precision >= {precision}"] = tally.precision >= precision
            met[f"{kind} recall >= {recall}"] = tally.recall >= recall
        met[f"clean flagged <= {MOST_CLEAN_FLAGGED:.0%}"] = (
            self.share_flagged("clean") <= MOST_CLEAN_FLAGGED
        )
        met[f"hard negatives flagged <= {MOST_NEGATIVE_FLAGGED:.0%}"] = (
            self.share_flagged("negative") <= MOST_NEGATIVE_FLAGGED
        )
        for kind in EXACT_KINDS:
            tally = self.tallies[kind]
            met[f"{kind} exact"] = tally.exact == tally.expected == tally.found
        return met


def _overlaps(span: Span, finding: Finding) -> bool:
    return span.start < finding.end and finding.start < span.end


def score_sentence(sentence: Sentence, findings: list[Finding], accuracy: Accuracy) -> None:
    missed: list[Span] = []
    unused = list(findings)
    for span in sentence.expected:
        tally = accuracy.tallies[span.kind]
        tally.expected += 1
        match = next(
            (f for f in unused if f.kind == span.kind and _overlaps(span, f)),
            None,
        )
        if match is None:
            missed.append(span)
            continue
        unused.remove(match)
        tally.right += 1
        if (match.start, match.end) == (span.start, span.end):
            tally.exact += 1
    for finding in findings:
        accuracy.tallies[finding.kind].found += 1
    counts = accuracy.flagged.setdefault(sentence.category, [0, 0])
    counts[0] += bool(findings)
    counts[1] += 1
    if missed or unused:
        accuracy.mistakes.append(Mistake(sentence, missed, unused))


def evaluate(paths: Sequence[Path], checker: Checker | None = None) -> Accuracy:
    checker = checker or default_checker()
    accuracy = Accuracy()
    for path in paths:
        for sentence in read_corpus(path):
            report = checker.check(sentence.text, sentence.mode)
            score_sentence(sentence, report.findings, accuracy)
    return accuracy


def part_files(part: str, folder: Path | None = None) -> list[Path]:
    folder = folder or corpus_folder()
    return [folder / f"{part}.txt", folder / f"easy_read_{part}.txt"]


def _print_report(accuracy: Accuracy, paths: Sequence[Path], show_mistakes: bool) -> None:
    print(f"Corpus: {', '.join(path.name for path in paths)}")
    print(
        f"{'kind':<16}{'expected':>9}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}"
        f"{'exact':>7}"
    )
    for kind, tally in accuracy.tallies.items():
        print(
            f"{kind:<16}{tally.expected:>9}{tally.found:>7}{tally.right:>7}"
            f"{tally.precision:>11.3f}{tally.recall:>8.3f}{tally.exact:>7}"
        )
    print()
    for category in ("clean", "negative"):
        flagged, total = accuracy.flagged.get(category, [0, 0])
        share = accuracy.share_flagged(category)
        print(f"{category} sentences flagged: {flagged}/{total} = {share:.1%}")
    print()
    for goal, met in accuracy.goals_met().items():
        print(f"{'met ' if met else 'MISSED'} {goal}")
    if show_mistakes:
        print()
        for mistake in accuracy.mistakes:
            text = mistake.sentence.text
            missed = ", ".join(
                f"{span.kind}:{text[span.start : span.end]!r}" for span in mistake.missed
            )
            wrong = ", ".join(f"{f.kind}:{f.text!r}" for f in mistake.wrong)
            print(f"line {mistake.sentence.line}: {text}")
            if missed:
                print(f"    missed {missed}")
            if wrong:
                print(f"    wrongly flagged {wrong}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coplan.language.evaluate", description=__doc__)
    parser.add_argument("--part", choices=("test", "dev"), default="test")
    parser.add_argument("--corpus", type=Path, help="folder of the corpus files")
    parser.add_argument("--mistakes", action="store_true", help="list every miss and false flag")
    arguments = parser.parse_args(argv)
    paths = part_files(arguments.part, arguments.corpus)
    accuracy = evaluate(paths)
    _print_report(accuracy, paths, arguments.mistakes)
    return 0 if all(accuracy.goals_met().values()) else 1


if __name__ == "__main__":
    sys.exit(main())
