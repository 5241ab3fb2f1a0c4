"""`coplan check-language FILE` (or `-` for standard input).

Prints one line for each finding, `line:column kind message -> suggestion`, and exits
with status 1 when there are findings, 0 when there are none and 2 when the file
cannot be read, so it can gate a document pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .checker import Checker, default_checker
from .findings import EASY_READ, PLAIN, Finding, Report
from .text import Lines
from .wordlists import terms_from_toml

FOUND_NOTHING = 0
FOUND_SOMETHING = 1
CANNOT_READ = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coplan check-language",
        description="Check a text for plain language: acronyms, jargon, long sentences, "
        "long words and passive voice.",
    )
    parser.add_argument("file", help="the text or HTML file to check, or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--easy-read", action="store_true", help="check against the stricter Easy Read rules"
    )
    parser.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="WORD",
        help="a word or phrase that is fine here (can be given more than once)",
    )
    parser.add_argument(
        "--terms", type=Path, metavar="FILE", help="your organisation's own word list (TOML)"
    )
    return parser


def _read(name: str, stdin: TextIO) -> str:
    if name == "-":
        return stdin.read()
    return Path(name).read_bytes().decode("utf-8-sig", errors="replace")


def _line(finding: Finding, lines: Lines) -> str:
    line, column = lines.line_and_column(finding.start)
    said = f"{line}:{column} {finding.kind} {finding.message}"
    return f"{said} -> {finding.suggestion}" if finding.suggestion else said


def _as_json(report: Report, lines: Lines, name: str) -> str:
    document = report.as_dict()
    for finding, entry in zip(report.findings, document["findings"], strict=True):  # type: ignore[arg-type]
        entry["line"], entry["column"] = lines.line_and_column(finding.start)
    document["file"] = name
    return json.dumps(document, ensure_ascii=False, indent=2)


def _summary(report: Report) -> str:
    scores = report.readability
    if scores.reading_age is None:
        return f"{len(report.findings)} findings in a text with no words."
    return (
        f"{len(report.findings)} findings. {report.word_count} words in "
        f"{report.sentence_count} sentence(s). Reading age {scores.reading_age:.0f} "
        f"(Flesch reading ease {scores.flesch_reading_ease:.0f}, "
        f"Flesch-Kincaid grade {scores.flesch_kincaid_grade:.1f})."
    )


def _checker(terms_file: Path | None) -> Checker:
    if terms_file is None:
        return default_checker()
    return Checker(terms_from_toml(terms_file.read_text("utf-8")))


def main(
    argv: Sequence[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    arguments = _parser().parse_args(argv)
    try:
        text = _read(arguments.file, stdin)
        checker = _checker(arguments.terms)
    except (OSError, ValueError) as problem:
        print(f"check-language: cannot read {problem}", file=stderr)
        return CANNOT_READ
    mode = EASY_READ if arguments.easy_read else PLAIN
    report = checker.check(text, mode, allowed=arguments.allow)
    lines = Lines(text)
    if arguments.json:
        print(_as_json(report, lines, arguments.file), file=stdout)
    else:
        for finding in report.findings:
            print(_line(finding, lines), file=stdout)
        stdout.flush()
        print(_summary(report), file=stderr)
    return FOUND_SOMETHING if report.findings else FOUND_NOTHING


if __name__ == "__main__":
    sys.exit(main())
