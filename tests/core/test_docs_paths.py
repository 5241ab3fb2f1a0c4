"""Every `docs/...` path named in the code, the tests, the README and the docs exists,
so a reader sent to a decision record or a guide finds it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PATH = re.compile(r"(?<![\w/.-])docs/[\w./-]*[\w/]")
SUFFIXES = {".py", ".md", ".html", ".txt", ".toml", ".cfg", ".ini", ".yml", ".yaml", ".j2"}


def _texts():
    yield ROOT / "README.md"
    for folder in ("src", "tests", "docs"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and "node_modules" not in path.parts:
                yield path


def _names(text: str) -> list[str]:
    return PATH.findall(text)


def _exists(name: str) -> bool:
    """A file or folder, or a decision named by its number alone (docs/decisions/0003)."""
    path = ROOT / name
    if path.exists():
        return True
    return path.parent.is_dir() and any(path.parent.glob(f"{path.name}-*"))


def test_names_are_read_without_the_full_stop_after_them():
    text = "See docs/decisions/0008-paying-people.md. And (docs/language.md), docs/decisions/0003"
    assert _names(text) == [
        "docs/decisions/0008-paying-people.md",
        "docs/language.md",
        "docs/decisions/0003",
    ]
    assert _exists("docs/decisions/0003")
    assert not _exists("docs/decisions/0099")


def test_every_docs_path_named_exists():
    missing = [
        f"{path.relative_to(ROOT)}:{number}: {name}"
        for path in _texts()
        if path != Path(__file__).resolve()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        for name in _names(line)
        if not _exists(name)
    ]
    assert not missing, "These name a docs path that does not exist:\n" + "\n".join(missing)
