"""The kinds of answer, their pictures, the bank of questions and the
self-reflection questions: all data, read from data/ once.

Pictures are SVG files we drew ourselves (data/pictures/), each with a
<title> as its text alternative. Every answer always has its words beside the
picture, so nothing relies on the picture or on colour.
"""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup

DATA = Path(__file__).resolve().parent / "data"

FEELING = "feeling"
YES_NO = "yes_no"
WORDS = "words"


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    picture: str  # file name in data/pictures, without .svg
    tone: int  # 1 good, 0 in between, -1 not good: for the general feeling


@dataclass(frozen=True)
class Kind:
    value: str
    label: str
    choices: tuple[Choice, ...]


KINDS = {
    FEELING: Kind(
        FEELING,
        "Good, okay or not good (with faces)",
        (
            Choice("good", "Good", "good", 1),
            Choice("okay", "Okay", "okay", 0),
            Choice("not_good", "Not good", "not_good", -1),
        ),
    ),
    YES_NO: Kind(
        YES_NO,
        "Yes, not sure or no (with a tick, a question mark and a cross)",
        (
            Choice("yes", "Yes", "yes", 1),
            Choice("not_sure", "Not sure", "not_sure", 0),
            Choice("no", "No", "no", -1),
        ),
    ),
    WORDS: Kind(WORDS, "People write their own words", ()),
}
KIND_CHOICES = [(kind.value, kind.label) for kind in KINDS.values()]


def choice_label(kind: str, value: str) -> str:
    for choice in KINDS[kind].choices:
        if choice.value == value:
            return choice.label
    return value


@cache
def picture_svg(name: str) -> Markup:
    """A picture as inline SVG. In an answer it is hidden from screen readers
    (the words beside it say the same); its <title> is its text alternative."""
    svg = (DATA / "pictures" / f"{name}.svg").read_text(encoding="utf-8").strip()
    svg = svg.replace(
        "<svg ", '<svg aria-hidden="true" focusable="false" class="app-feedback-picture" ', 1
    )
    return Markup(svg)  # noqa: S704 - our own files, read from the package  # nosec B704


@cache
def picture_title(name: str) -> str:
    svg = (DATA / "pictures" / f"{name}.svg").read_text(encoding="utf-8")
    return svg.split("<title>", 1)[1].split("</title>", 1)[0]


@dataclass(frozen=True)
class BankQuestion:
    key: str
    kind: str
    standard: str
    easy_read: str
    feeling: str = ""
    follows: str = ""


@cache
def question_bank() -> tuple[BankQuestion, ...]:
    with (DATA / "questions.toml").open("rb") as file:
        raw = tomllib.load(file)["question"]
    return tuple(BankQuestion(**entry) for entry in raw)


def bank_question(key: str) -> BankQuestion | None:
    return next((question for question in question_bank() if question.key == key), None)


@dataclass(frozen=True)
class ReflectionQuestion:
    key: str
    text: str
    hint: str = ""
    follows: str = ""


@cache
def reflection_questions() -> tuple[ReflectionQuestion, ...]:
    with (DATA / "reflection.toml").open("rb") as file:
        raw = tomllib.load(file)["question"]
    return tuple(ReflectionQuestion(**entry) for entry in raw)
