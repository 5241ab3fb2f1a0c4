"""Ordinary English words and their syllables, from pinned PyPI packages at run time.

Nothing here is copied into coplan. At first use we build, from two packages:
- the ordinary words: pyspellchecker's English word-frequency list (MIT licence), the
  words of 4 to 14 letters seen at least `LEAST_COUNT` times, plus British spellings
  (our own rules and list, because that list spells the American way);
- their syllables: pyphen's British English hyphenation patterns (see `syllables.py`).

Working that out takes a second or two, so the result is kept in a per-user cache file
(see `cache_dir`) named after the packages' versions and our own rules, and read back
in a few hundredths of a second by every later process. When nothing can be written
the result is kept in memory only.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from .syllables import patterns

#: Bump when the rules below change, so that old cache files are not used.
RULES_VERSION = 1
SHORTEST = 4
LONGEST = 14
#: A word must be counted this many times in the frequency list to be ordinary. The list
#: gives every word it took from a dictionary rather than from text a count of 50; those
#: are often rare words ("zymurgy") or names, so we leave them out.
LEAST_COUNT = 51
_LETTERS = re.compile(r"[a-z]+")
_IZE = re.compile(r"(?P<stem>[a-z]{3,})iz(?P<ending>e|es|ed|ing|ation|ations|er|ers)")
_YZE = re.compile(r"(?P<stem>[a-z]{2,})yz(?P<ending>e|es|ed|ing|er|ers)")
_SINGLE_L = re.compile(r"(?P<base>[a-z]*[^aeiou][aeiou]l)(?P<ending>ed|ing|er|ers)")
_CACHE_PREFIX = "ordinary-words-"


def data_text(name: str) -> str:
    """A text file from `data/`."""
    return resources.files("coplan.language").joinpath(f"data/{name}").read_text("utf-8")


def words_in(text: str) -> list[str]:
    """Words of a plain list file (lower case): any number a line, '#' starts a comment line."""
    return [
        word.lower()
        for line in text.splitlines()
        if not line.lstrip().startswith("#")
        for word in line.split()
    ]


def frequency_list() -> dict[str, int]:
    """pyspellchecker's English word-frequency list: word (lower case) -> count."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.items())


def british_forms(words: Iterable[str]) -> set[str]:
    """British spellings of these (American-spelled) words, by rule: 'organize' ->
    'organise', 'analyzing' -> 'analysing', 'traveled' -> 'travelled' (when 'travel' is
    one of the words)."""
    words = set(words)
    found: set[str] = set()
    for word in words:
        match = _IZE.fullmatch(word)
        if match and "size" not in word:  # 'downsize' has no -ise spelling
            found.add(f"{match['stem']}is{match['ending']}")
        match = _YZE.fullmatch(word)
        if match:
            found.add(f"{match['stem']}ys{match['ending']}")
        match = _SINGLE_L.fullmatch(word)
        if match and match.group("base") in words:
            found.add(match.group("base") + "l" + match.group("ending"))
    return found


def build_ordinary_words() -> set[str]:
    """Ordinary words of 4 to 14 letters, worked out from the packages (no cache)."""
    common = {
        word
        for word, count in frequency_list().items()
        if count >= LEAST_COUNT and SHORTEST <= len(word) <= LONGEST and _LETTERS.fullmatch(word)
    }
    british = british_forms(common) | set(words_in(data_text("british_spellings.txt")))
    return common | {word for word in british if SHORTEST <= len(word) <= LONGEST}


def cache_dir() -> Path:
    """Where the worked-out words are kept: `$COPLAN_DATA_DIR/cache` when that is set
    (a deployment's own data folder), otherwise the user's cache folder."""
    data_dir = os.environ.get("COPLAN_DATA_DIR")
    if data_dir:
        return Path(data_dir) / "cache" / "language"
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return base / "coplan" / "language"


def cache_key() -> str:
    """Names what the cache file was built from: the packages' versions and our rules."""
    import pyphen
    import spellchecker

    parts = [
        f"rules {RULES_VERSION} {SHORTEST} {LONGEST} {LEAST_COUNT}",
        f"pyphen {pyphen.__version__}",
        f"pyspellchecker {spellchecker.__version__}",
        data_text("british_spellings.txt"),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def encode(counts: dict[str, int]) -> bytes:
    """One line per syllable count: the count, then its words."""
    by_count: dict[int, list[str]] = {}
    for word in sorted(counts):
        by_count.setdefault(counts[word], []).append(word)
    lines = [" ".join([str(count), *by_count[count]]) for count in sorted(by_count)]
    return gzip.compress("\n".join(lines).encode("utf-8"), compresslevel=1, mtime=0)


def decode(packed: bytes) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in gzip.decompress(packed).decode("utf-8").splitlines():
        count, *words = line.split()
        counts.update(dict.fromkeys(words, int(count)))
    return counts


def _read(path: Path) -> dict[str, int] | None:
    try:
        counts = decode(path.read_bytes())
    except (OSError, EOFError, ValueError):  # missing, cut short or not ours: build again
        return None
    return counts or None


def _write(folder: Path, path: Path, packed: bytes) -> None:
    """Write atomically (processes may build at the same time) and drop older versions."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".building-")
        with os.fdopen(handle, "wb") as file:
            file.write(packed)
        os.replace(temporary, path)
        for old in folder.glob(f"{_CACHE_PREFIX}*.txt.gz"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return  # a read-only home or data folder: keep the words in memory only


def load_or_build(folder: Path) -> dict[str, int]:
    """Ordinary words -> syllables from the cache file in `folder`, or built and saved."""
    path = folder / f"{_CACHE_PREFIX}{cache_key()}.txt.gz"
    counts = _read(path)
    if counts is None:
        hyphenation = patterns()
        counts = {word: hyphenation.hyphen_points(word) + 1 for word in build_ordinary_words()}
        _write(folder, path, encode(counts))
    return counts


@cache
def ordinary_word_syllables() -> dict[str, int]:
    """Ordinary words of 4 to 14 letters -> syllables, read or built once per process."""
    return load_or_build(cache_dir())
