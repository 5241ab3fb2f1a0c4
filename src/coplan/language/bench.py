"""How fast is the checker? `python -m coplan.language.bench [--words 1000000]`

Generates one council-style text with a wide vocabulary (see `sample_text.py`), then,
each in a new Python process on the same text, times:
- our full check (plain mode: every rule, readability, counts);
- textstat's Flesch reading ease alone, on its pyphen path with British English
  patterns (its pronouncing dictionary is switched off: it needs the network);
- proselint's full lint (every check, no limit on the number of errors).
It prints words per second for each and our speed as a ratio of theirs. textstat and
proselint are measured only if they are installed (they are not coplan dependencies).

Each tool is timed by the clock on the wall and by the processor time its process used.
The ratios are worked out from processor time, because on a busy machine (tests running
beside the benchmark) the wall clock also counts the time other programs had the
processor; with nothing else running the two agree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from .sample_text import SampleWriter

#: The issue's goals: our check against proselint's speed and textstat's reading ease.
GOAL_OVER_PROSELINT = 10.0
GOAL_OVER_TEXTSTAT = 1.0
PACK_WORDS = 2_000


def _time_ours(text: str) -> dict[str, float]:
    started = time.perf_counter()
    from .checker import Checker

    checker = Checker()
    built = time.perf_counter()
    cpu_before = time.process_time()
    report = checker.check(text)
    cpu_seconds = time.process_time() - cpu_before
    checked = time.perf_counter()
    checker.check(text)
    again = time.perf_counter()
    pack_times = []
    writer = SampleWriter(seed=7)
    for _ in range(5):
        pack = writer.text(PACK_WORDS)
        before = time.perf_counter()
        checker.check(pack)
        pack_times.append(time.perf_counter() - before)
    return {
        "seconds": checked - built,
        "cpu_seconds": cpu_seconds,
        "warm_seconds": again - checked,
        "setup_seconds": built - started,
        "words": report.word_count,
        "findings": len(report.findings),
        "pack_seconds": statistics.median(pack_times),
        "pack_worst_seconds": max(pack_times),
    }


def _time_textstat(text: str) -> dict[str, float]:
    import textstat  # type: ignore[import-not-found]
    import textstat.backend.counts._count_syllables as syllable_counting  # type: ignore

    # No pronouncing dictionary: it is downloaded at first use, which fails offline.
    syllable_counting.get_cmudict = lambda lang: None
    textstat.set_lang("en_GB")
    started, cpu_before = time.perf_counter(), time.process_time()
    score = textstat.flesch_reading_ease(text)
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_before,
        "score": score,
    }


def _time_proselint(text: str) -> dict[str, float]:
    from proselint.checks import __register__  # type: ignore[import-not-found]
    from proselint.config import DEFAULT  # type: ignore[import-not-found]
    from proselint.registry import CheckRegistry  # type: ignore[import-not-found]
    from proselint.tools import LintFile  # type: ignore[import-not-found]

    CheckRegistry().register_many(__register__)
    config = dict(DEFAULT)
    config["max_errors"] = 10**9  # check the whole text, do not stop at 1,000
    started, cpu_before = time.perf_counter(), time.process_time()
    found = LintFile("bench", text).lint(config)  # type: ignore[arg-type]
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_before,
        "findings": len(found),
    }


WORKERS = {"ours": _time_ours, "textstat": _time_textstat, "proselint": _time_proselint}


def _run_worker(name: str, path: Path) -> dict[str, float] | None:
    """Time one tool in a new process; None if it is not installed."""
    finished = subprocess.run(  # noqa: S603 (our own module, our own arguments)
        [sys.executable, "-m", "coplan.language.bench", "--worker", name, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        if "ModuleNotFoundError" in finished.stderr:
            return None
        raise RuntimeError(f"{name} failed:\n{finished.stderr}")
    return json.loads(finished.stdout)


def _cpu(measured: dict[str, float]) -> float:
    """Processor seconds; wall-clock seconds from a worker that did not report them."""
    return measured.get("cpu_seconds", measured["seconds"])


def _print_results(results: dict[str, dict[str, float] | None], words: int) -> None:
    ours = results["ours"]
    assert ours is not None  # noqa: S101
    print(f"Text: {words:,} words.")
    print(f"{'tool':<34}{'seconds':>9}{'cpu s':>8}{'words/s':>12}{'ours is x faster':>18}")
    rows = [
        ("coplan check (new process)", ours["seconds"], _cpu(ours)),
        ("coplan check (again, warm)", ours["warm_seconds"], None),
    ]
    missing = []
    for name, label in (("textstat", "textstat flesch_reading_ease"), ("proselint", "proselint")):
        measured = results.get(name)
        if measured is None:
            missing.append(f"{label:<34}  not installed: pip install {name}")
            continue
        rows.append((label, measured["seconds"], _cpu(measured)))
    for label, seconds, cpu in rows:
        cpu_text = "" if cpu is None else f"{cpu:.2f}"
        ratio = "" if label.startswith("coplan") or cpu is None else f"{cpu / _cpu(ours):.2f}"
        speed = words / (cpu if cpu else seconds)
        print(f"{label:<34}{seconds:>9.2f}{cpu_text:>8}{speed:>12,.0f}{ratio:>18}".rstrip())
    for line in missing:
        print(line)
    print("(words/s and ratios by processor time)")
    print(f"Building the checker (lists, patterns): {ours['setup_seconds']:.3f} s")
    print(
        f"A {PACK_WORDS:,}-word information pack: {ours['pack_seconds'] * 1000:.1f} ms "
        f"(median of 5, slowest {ours['pack_worst_seconds'] * 1000:.1f} ms)"
    )
    for name, goal in (("proselint", GOAL_OVER_PROSELINT), ("textstat", GOAL_OVER_TEXTSTAT)):
        measured = results.get(name)
        if measured is not None:
            ratio = _cpu(measured) / _cpu(ours)
            met = "met " if ratio >= goal else "MISSED"
            print(f"{met} our check at least {goal:g} x {name}: {ratio:.2f} x")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coplan.language.bench", description=__doc__)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", type=Path, help="also save the generated text here")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("file", nargs="?", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.worker:
        text = arguments.file.read_text("utf-8")
        print(json.dumps(WORKERS[arguments.worker](text)))
        return 0
    text = SampleWriter(arguments.seed).text(arguments.words)
    if arguments.keep:
        arguments.keep.write_text(text, "utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sample.txt"
        path.write_text(text, "utf-8")
        results = {name: _run_worker(name, path) for name in WORKERS}
    ours = results["ours"]
    assert ours is not None  # noqa: S101
    _print_results(results, int(ours["words"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
