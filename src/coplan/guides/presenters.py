"""Answers and guidance as people read them."""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from coplan.core import formats
from coplan.guides import engine
from coplan.guides.models import AnswerState, GuideAnswer

YES_NO_WORDS = {engine.YES: "Yes", engine.NO: "No", engine.NOT_SURE: "Not sure"}


@dataclass(frozen=True)
class AnswerPresenter:
    question: engine.Question
    value: object = None
    state: str = ""
    note: str = ""

    def __init__(self, question: engine.Question, answer: GuideAnswer | None) -> None:
        object.__setattr__(self, "question", question)
        object.__setattr__(self, "value", answer.value if answer else None)
        object.__setattr__(self, "state", answer.state if answer else "")
        object.__setattr__(self, "note", answer.note if answer else "")

    @classmethod
    def for_value(
        cls, question: engine.Question, value: object, state: str, note: str
    ) -> "AnswerPresenter":
        presenter = cls(question, None)
        object.__setattr__(presenter, "value", value)
        object.__setattr__(presenter, "state", state)
        object.__setattr__(presenter, "note", note)
        return presenter

    @property
    def is_answered(self) -> bool:
        return self.state == AnswerState.ANSWERED

    @property
    def status(self) -> str:
        if self.state == AnswerState.NOT_SURE_YET:
            return "Not sure yet"
        return "Answered" if self.is_answered else "Not answered"

    @property
    def lines(self) -> list[str]:
        """The answer in words, one line per entry (a list answer has several)."""
        if self.value in (None, "", []):
            return []
        kind = self.question.kind
        if kind is engine.AnswerKind.YES_NO:
            return [YES_NO_WORDS.get(str(self.value), str(self.value))]
        if kind in (engine.AnswerKind.CHOICE, engine.AnswerKind.CHECKLIST):
            names = {
                option.id: option.text for option in self.question.options or self.question.items
            }
            chosen = self.value if isinstance(self.value, list) else [self.value]
            return [names.get(str(choice), str(choice)) for choice in chosen]
        if kind is engine.AnswerKind.DATE:
            return [_date_words(self.value)]
        if kind is engine.AnswerKind.MONEY:
            return [_money_words(self.value)]
        if isinstance(self.value, list):
            return [str(entry) for entry in self.value]
        return [str(self.value)]


def _date_words(value: object) -> str:
    try:
        return formats.long_date(datetime.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _money_words(value: object) -> str:
    try:
        return f"£{Decimal(str(value)):,.2f}"
    except InvalidOperation:
        return str(value)


@dataclass(frozen=True)
class Guidance:
    blocks: tuple[engine.TextBlock, ...]
    prompts: tuple[str, ...]
    links: tuple[engine.Link, ...]

    def __bool__(self) -> bool:
        return bool(self.blocks or self.prompts or self.links)


def guidance_blocks(question: engine.Question) -> Guidance:
    return Guidance(engine.text_blocks(question.guidance), question.prompts, question.links)
