"""The small condition language of guide rules, and how a condition is checked.

A condition is data, never code: a check of one answer, fact or time between
two dates, or all / any / not of other conditions. Checking uses three values:
True, False and None for "cannot tell yet" (a question not answered, a fact
not known). A rule is raised only when its condition is True.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from coplan.guides.engine.values import DateSpan, value_order


class AnswerState(StrEnum):
    ANSWERED = "answered"
    NOT_SURE_YET = "not sure yet"
    NOT_ANSWERED = "not answered"


@dataclass(frozen=True, slots=True)
class AnswerTo:
    question_id: str


@dataclass(frozen=True, slots=True)
class Fact:
    fact_id: str


@dataclass(frozen=True, slots=True)
class TimeBetween:
    start: AnswerTo | Fact
    end: AnswerTo | Fact


Subject = AnswerTo | Fact | TimeBetween


@dataclass(frozen=True, slots=True)
class Check:
    """One check, for example: answer to 'management-support' is 'no'."""

    subject: Subject
    word: str
    expected: object
    checklist_items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AllOf:
    conditions: tuple["Condition", ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    conditions: tuple["Condition", ...]


@dataclass(frozen=True, slots=True)
class Not:
    condition: "Condition"


Condition = Check | AllOf | AnyOf | Not

COMPARISON_WORDS = ("less_than", "at_most", "more_than", "at_least")
CHECK_WORDS = (
    "is",
    "is_not",
    "is_one_of",
    "is_empty",
    "state",
    *COMPARISON_WORDS,
    "includes",
    "excludes",
    "all_ticked",
)


class Situation(Protocol):
    """What a condition can look at: the answers given and the project's facts."""

    def answer_state(self, question_id: str) -> AnswerState: ...

    def answer_value(self, question_id: str) -> object | None: ...

    def fact_value(self, fact_id: str) -> object | None: ...


def condition_holds(condition: Condition, situation: Situation) -> bool | None:
    """True, False, or None when the answers so far cannot tell."""
    if isinstance(condition, AllOf):
        return _all_hold(condition_holds(part, situation) for part in condition.conditions)
    if isinstance(condition, AnyOf):
        return _any_holds(condition_holds(part, situation) for part in condition.conditions)
    if isinstance(condition, Not):
        held = condition_holds(condition.condition, situation)
        return None if held is None else not held
    return _check_holds(condition, situation)


def _all_hold(results: Iterable[bool | None]) -> bool | None:
    results = list(results)
    if False in results:
        return False
    return None if None in results else True


def _any_holds(results: Iterable[bool | None]) -> bool | None:
    results = list(results)
    if True in results:
        return True
    return None if None in results else False


def subject_value(subject: Subject, situation: Situation) -> object | None:
    if isinstance(subject, AnswerTo):
        return situation.answer_value(subject.question_id)
    if isinstance(subject, Fact):
        return situation.fact_value(subject.fact_id)
    start = subject_value(subject.start, situation)
    end = subject_value(subject.end, situation)
    if start is None or end is None:
        return None
    return DateSpan(start, end)


def _check_holds(check: Check, situation: Situation) -> bool | None:
    if check.word == "state":
        if not isinstance(check.subject, AnswerTo):
            return None
        return situation.answer_state(check.subject.question_id) == check.expected
    value = subject_value(check.subject, situation)
    if value is None:
        return None
    return _word_holds(check, value)


def _word_holds(check: Check, value: object) -> bool | None:
    word, expected = check.word, check.expected
    if word in COMPARISON_WORDS:
        return _comparison_holds(word, value_order(value, expected))
    if word == "is":
        return _same(value, expected)
    if word == "is_not":
        return not _same(value, expected)
    if word == "is_one_of":
        return any(_same(value, choice) for choice in expected)
    if word == "is_empty":
        return (len(value) == 0) == expected
    if word == "includes":
        return expected in value
    if word == "excludes":
        return expected not in value
    if word == "all_ticked":
        all_ticked = set(check.checklist_items) <= set(value)
        return all_ticked == expected
    return None


def _same(value: object, expected: object) -> bool:
    order = value_order(value, expected)
    return value == expected if order is None else order == 0


def _comparison_holds(word: str, order: int | None) -> bool | None:
    if order is None:
        return None
    return {
        "less_than": order < 0,
        "at_most": order <= 0,
        "more_than": order > 0,
        "at_least": order >= 0,
    }[word]


def condition_questions(condition: Condition) -> tuple[str, ...]:
    """The ids of every question a condition looks at, in order."""
    if isinstance(condition, AllOf | AnyOf):
        return tuple(
            question_id
            for part in condition.conditions
            for question_id in condition_questions(part)
        )
    if isinstance(condition, Not):
        return condition_questions(condition.condition)
    return _subject_questions(condition.subject)


def _subject_questions(subject: Subject) -> tuple[str, ...]:
    if isinstance(subject, AnswerTo):
        return (subject.question_id,)
    if isinstance(subject, TimeBetween):
        return _subject_questions(subject.start) + _subject_questions(subject.end)
    return ()
