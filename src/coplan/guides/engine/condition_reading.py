"""Reading the `when` of a rule from a guide file, checking it fits the guide."""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from coplan.guides.engine.conditions import (
    CHECK_WORDS,
    COMPARISON_WORDS,
    AllOf,
    AnswerState,
    AnswerTo,
    AnyOf,
    Check,
    Condition,
    Fact,
    Not,
    Subject,
    TimeBetween,
)
from coplan.guides.engine.model import ProjectFact, Question
from coplan.guides.engine.problems import Place, ProblemList, type_name
from coplan.guides.engine.values import (
    AnswerKind,
    AnswerValueError,
    answer_value_read,
    duration_parse,
    number_read,
)

JOIN_WORDS = ("all", "any", "not")
SUBJECT_WORDS = ("answer", "fact", "time_between")
TIME_BETWEEN = "time between two dates"

_VALUE_KINDS = {
    AnswerKind.TEXT,
    AnswerKind.YES_NO,
    AnswerKind.CHOICE,
    AnswerKind.NUMBER,
    AnswerKind.MONEY,
    AnswerKind.DATE,
    AnswerKind.DURATION,
}
_ORDERED_KINDS = {AnswerKind.NUMBER, AnswerKind.MONEY, AnswerKind.DATE, AnswerKind.DURATION}
WORD_KINDS: dict[str, set] = {
    "is": _VALUE_KINDS,
    "is_not": _VALUE_KINDS,
    "is_one_of": _VALUE_KINDS,
    "is_empty": {AnswerKind.CHECKLIST, AnswerKind.PEOPLE},
    "state": set(AnswerKind),
    **{word: {*_ORDERED_KINDS, TIME_BETWEEN} for word in COMPARISON_WORDS},
    "includes": {AnswerKind.CHECKLIST},
    "excludes": {AnswerKind.CHECKLIST},
    "all_ticked": {AnswerKind.CHECKLIST},
}


@dataclass(frozen=True)
class GuideWords:
    """The questions and facts a condition may name."""

    questions: Mapping[str, Question]
    facts: Mapping[str, ProjectFact]


@dataclass(frozen=True)
class _Subject:
    subject: Subject
    kind: AnswerKind | str
    question: Question | None
    describe: str


def condition_read(
    raw: object, place: Place, guide: GuideWords, problems: ProblemList
) -> Condition | None:
    """Read one condition, adding a problem for anything wrong. None if unusable."""
    table = problems.table(raw, place, 'a condition (such as { answer = "budget", is = "no" })')
    if table is None:
        return None
    joins = [word for word in JOIN_WORDS if word in table]
    if joins:
        return _join_read(table, joins, place, guide, problems)
    return _check_read(table, place, guide, problems)


def _join_read(
    table: dict, joins: list[str], place: Place, guide: GuideWords, problems: ProblemList
) -> Condition | None:
    if len(table) != 1:
        problems.add(
            place,
            f'"{joins[0]}" must stand alone in its table; put the other checks inside it',
        )
        return None
    word = joins[0]
    if word == "not":
        inner = condition_read(table["not"], place.key("not"), guide, problems)
        return None if inner is None else Not(inner)
    parts = table[word]
    if not isinstance(parts, list) or not parts:
        problems.add(place.key(word), f'"{word}" should be a list of one or more conditions')
        return None
    conditions = [
        condition_read(part, place.key(word).index(index), guide, problems)
        for index, part in enumerate(parts)
    ]
    if any(condition is None for condition in conditions):
        return None
    return (AllOf if word == "all" else AnyOf)(tuple(conditions))


def _check_read(
    table: dict, place: Place, guide: GuideWords, problems: ProblemList
) -> Check | None:
    known_before = len(problems.problems)
    problems.only_known_keys(table, (*SUBJECT_WORDS, *CHECK_WORDS), place)
    misspelt = len(problems.problems) > known_before
    subjects = [word for word in SUBJECT_WORDS if word in table]
    words = [word for word in CHECK_WORDS if word in table]
    if len(subjects) != 1 and not misspelt:
        problems.add(place, "a check needs exactly one of: answer, fact or time_between")
    if len(words) != 1 and not (misspelt and not words):
        problems.add(
            place,
            "a check needs exactly one check word, such as is, less_than or is_empty"
            + (f" (found {', '.join(words)})" if words else ""),
        )
    if len(subjects) != 1 or len(words) != 1:
        return None
    subject = _subject_read(table, subjects[0], place, guide, problems)
    if subject is None:
        return None
    return _word_read(subject, words[0], table[words[0]], place.key(words[0]), problems)


def _subject_read(
    table: dict, word: str, place: Place, guide: GuideWords, problems: ProblemList
) -> _Subject | None:
    if word == "time_between":
        return _time_between_read(table["time_between"], place.key(word), guide, problems)
    return _named_read(word, table[word], place.key(word), guide, problems)


def _named_read(
    word: str, name: object, place: Place, guide: GuideWords, problems: ProblemList
) -> _Subject | None:
    if not isinstance(name, str):
        problems.add(place, f'"{word}" should name a {_what(word)} id, not {type_name(name)}')
        return None
    if word == "answer":
        question = guide.questions.get(name)
        if question is None:
            problems.add(place, f'names question "{name}", which is not in this guide')
            return None
        describe = f'question "{name}" ({question.kind} answer)'
        return _Subject(AnswerTo(name), question.kind, question, describe)
    fact = guide.facts.get(name)
    if fact is None:
        problems.add(place, f'names fact "{name}", which is not listed in this guide\'s [[facts]]')
        return None
    return _Subject(Fact(name), fact.kind, None, f'fact "{name}" ({fact.kind})')


def _what(word: str) -> str:
    return "question" if word == "answer" else "fact"


def _time_between_read(
    raw: object, place: Place, guide: GuideWords, problems: ProblemList
) -> _Subject | None:
    if not isinstance(raw, list) or len(raw) != 2:
        problems.add(
            place,
            'time_between should list two dates, such as [{ fact = "project-start" }, '
            '{ fact = "project-end" }]',
        )
        return None
    ends = [_date_read(end, place.index(index), guide, problems) for index, end in enumerate(raw)]
    if ends[0] is None or ends[1] is None:
        return None
    return _Subject(TimeBetween(ends[0], ends[1]), TIME_BETWEEN, None, TIME_BETWEEN)


def _date_read(
    raw: object, place: Place, guide: GuideWords, problems: ProblemList
) -> AnswerTo | Fact | None:
    named = [word for word in ("answer", "fact") if isinstance(raw, dict) and word in raw]
    if not isinstance(raw, dict) or len(raw) != 1 or len(named) != 1:
        problems.add(
            place, 'each end of time_between should be { answer = "..." } or { fact = "..." }'
        )
        return None
    subject = _named_read(named[0], raw[named[0]], place.key(named[0]), guide, problems)
    if subject is None:
        return None
    if subject.kind != AnswerKind.DATE:
        problems.add(place, f"time_between needs dates, but {subject.describe} is not a date")
        return None
    return subject.subject


def _word_read(
    subject: _Subject, word: str, raw: object, place: Place, problems: ProblemList
) -> Check | None:
    if subject.kind not in WORD_KINDS[word]:
        problems.add(place, f'"{word}" does not work with {subject.describe}')
        return None
    if word == "state" and not isinstance(subject.subject, AnswerTo):
        problems.add(place, '"state" works only with answers')
        return None
    try:
        expected = _expected_read(subject, word, raw)
    except AnswerValueError as error:
        problems.add(place, f"{error} (checking {subject.describe})")
        return None
    items = subject.question.choices if subject.question else ()
    return Check(subject.subject, word, expected, items if word == "all_ticked" else ())


def _expected_read(subject: _Subject, word: str, raw: object) -> object:
    if word in {"is_empty", "all_ticked"}:
        if not isinstance(raw, bool):
            raise AnswerValueError(f'"{word}" should be true or false')
        return raw
    if word == "state":
        states = [state.value for state in AnswerState]
        if raw not in states:
            raise AnswerValueError(f'"state" should be one of: {", ".join(states)}')
        return AnswerState(raw)
    if word == "is_one_of":
        if not isinstance(raw, list) or not raw:
            raise AnswerValueError('"is_one_of" should be a list of possible answers')
        return tuple(_one_value_read(subject, entry) for entry in raw)
    if word in {"includes", "excludes"}:
        return _item_read(subject, raw)
    if word in COMPARISON_WORDS:
        return _threshold_read(subject, raw)
    return _one_value_read(subject, raw)


def _one_value_read(subject: _Subject, raw: object) -> object:
    question = subject.question
    choices = question.choices if question else ()
    value = answer_value_read(subject.kind, raw, choices=choices)
    if value is None:
        raise AnswerValueError("an empty value can never match an answer")
    return value


def _item_read(subject: _Subject, raw: object) -> str:
    choices = subject.question.choices if subject.question else ()
    if not isinstance(raw, str) or raw not in choices:
        raise AnswerValueError(f'"{raw}" is not an item of this checklist')
    return raw


def _threshold_read(subject: _Subject, raw: object) -> object:
    if subject.kind in {AnswerKind.DURATION, TIME_BETWEEN}:
        if not isinstance(raw, str):
            raise AnswerValueError('compare a length of time with text such as "6 months"')
        return duration_parse(raw)
    if subject.kind == AnswerKind.DATE:
        if not isinstance(raw, datetime.date) or isinstance(raw, datetime.datetime):
            raise AnswerValueError("compare a date with a date, such as 2026-04-01")
        return raw
    return number_read(raw)
