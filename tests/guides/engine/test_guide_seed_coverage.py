"""Every question and guidance note of the seed's two guide sheets is in the default guides.

A copy of the seed (CC BY, credited in seed/README.md) is kept beside this test, so it
runs on any machine; when the shared seed is beside the repository too, the copy must
be the same as it.
"""

import os
import re
from pathlib import Path

import pytest

from coplan.guides.engine import Guide, default_guides

REPO = Path(__file__).resolve().parents[3]
SEED_NAME = "000_2f01b2467371e9dc.txt"
NOTES = (
    "If there is enough time for the project to be co-produced:",
    "Note: Setting the scene in meetings and workshops",
    "For tools to facilitate meetings and workshops, see:",
)
CREDIT = "Co-production Oxfordshire, funded by Oxfordshire County Council"


SEED_COPY = Path(__file__).resolve().parent / "seed" / SEED_NAME


def _shared_seed_places() -> list[Path]:
    places = [REPO.parent / "shared" / "seeds", REPO / "shared" / "seeds"]
    if os.environ.get("COPLAN_SEEDS_DIR"):
        places.insert(0, Path(os.environ["COPLAN_SEEDS_DIR"]))
    return [place / SEED_NAME for place in places]


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED_COPY.read_text(encoding="utf-8")


def test_our_copy_of_the_seed_is_the_shared_seed(seed):
    shared = [path for path in _shared_seed_places() if path.is_file()]

    for path in shared:
        assert path.read_text(encoding="utf-8") == seed, f"{SEED_COPY} differs from {path}"


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    return {guide.id: guide for guide in default_guides()}


def _plain(text: str) -> str:
    """Text with bullets, brackets, curly quotes and spacing evened out, for comparing."""
    for curly, straight in {"‘": "'", "’": "'", "“": '"', "”": '"', "\xa0": " "}.items():
        text = text.replace(curly, straight)
    text = re.sub(r"^[\s·•\-]+", "", text).replace("(", "").replace(")", "")
    return " ".join(text.split()).casefold()


def _sheet(seed: str, guide_id: str) -> str:
    starts = {
        "at-the-start": "AT THE START",
        "planning-meetings": "PLANNING MEETINGS AND WORKSHOPS",
        "key-essentials": "Managing meetings and workshops:\nGetting it right from the start",
        "end": "Use and Creative Commons license",
    }
    order = list(starts)
    start = seed.index(starts[guide_id]) + len(starts[guide_id])
    return seed[start : seed.index(starts[order[order.index(guide_id) + 1]])]


def _cells(sheet: str) -> list[list[str]]:
    """The sheet's table cells: a cell starts on a line that starts with a tab."""
    cells: list[list[str]] = []
    for line in sheet.splitlines():
        if line.startswith("\t"):
            cells.append([line[1:]])
        elif cells:
            cells[-1].append(line)
    cells = [[line for line in cell if line.strip()] for cell in cells]
    return [cell for cell in cells if cell]


def _guide_texts(guide: Guide) -> list[str]:
    texts = [guide.title, guide.intro, guide.source.title, *(link.text for link in guide.links)]
    for section in guide.sections:
        texts += [section.title, section.intro, section.links_intro]
        texts += [f"{link.text} {link.url}" for link in section.links]
        for question in section.questions:
            texts += [question.heading, question.text, question.guidance, *question.prompts]
            texts += [f"{option.text}: {option.hint}" for option in question.options]
            texts += [f"{item.text}: {item.hint}" for item in question.items]
    return [_plain(text) for text in texts if text]


def _questions_in_seed(cells: list[list[str]], guide: Guide) -> list[str]:
    titles = {_plain(section.title) for section in guide.sections}
    return [
        _plain(cell[0])
        for cell in cells
        if _plain(cell[0]) not in titles and not cell[0].startswith(NOTES)
    ]


@pytest.mark.parametrize("guide_id", ["at-the-start", "planning-meetings"])
def test_seed_sections_are_the_guide_sections_in_order(seed, guides, guide_id):
    guide = guides[guide_id]
    titles = [_plain(section.title) for section in guide.sections]

    headings = [_plain(c[0]) for c in _cells(_sheet(seed, guide_id)) if _plain(c[0]) in titles]

    assert headings == titles


@pytest.mark.parametrize("guide_id", ["at-the-start", "planning-meetings"])
def test_every_seed_question_is_a_guide_question_in_order(seed, guides, guide_id):
    guide = guides[guide_id]

    in_seed = _questions_in_seed(_cells(_sheet(seed, guide_id)), guide)

    assert len(in_seed) > 25
    assert in_seed == [_plain(question.text) for question in guide.questions]


@pytest.mark.parametrize("guide_id", ["at-the-start", "planning-meetings"])
def test_every_line_of_the_seed_sheet_is_in_the_guide(seed, guides, guide_id):
    everything = " ¦ ".join(_guide_texts(guides[guide_id]))
    lines = {_plain(line) for line in _sheet(seed, guide_id).splitlines()} - {""}

    missing = sorted(line for line in lines if line not in everything)

    assert missing == []


def test_every_key_essential_is_a_checklist_item_in_order(seed, guides):
    sheet = _sheet(seed, "key-essentials")
    essentials = [_plain(part) for part in sheet.split("·")[1:] if part.strip()]
    (question,) = guides["key-essentials"].questions

    items = [_plain(f"{item.text}: {item.hint}") for item in question.items]

    assert len(essentials) == 14
    assert items == essentials


def test_key_essentials_intro_and_source_are_the_seed_wording(seed, guides):
    guide = guides["key-essentials"]
    sheet = _plain(_sheet(seed, "key-essentials"))

    assert _plain(guide.intro) in sheet
    assert _plain(guide.source.title) in sheet


def test_seed_credit_is_the_credit_of_every_default_guide(seed, guides):
    assert f"‘{CREDIT}’" in seed
    assert {(g.source.credit, g.source.licence) for g in guides.values()} == {(CREDIT, "CC-BY")}
