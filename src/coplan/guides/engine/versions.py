"""Moving a project's answers from one version of a guide to a newer one.

Questions are matched by id: an answer survives when its question keeps its id
and the answer still fits the question. Everything else is reported.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from coplan.guides.engine.conditions import AnswerState
from coplan.guides.engine.model import Guide, Question
from coplan.guides.engine.values import AnswerKind, AnswerValueError, answer_value_read
from coplan.guides.engine.workbook import Answer, Resolution


class GuideVersionError(ValueError):
    """Two guides that are not versions of the same guide."""


@dataclass(frozen=True, slots=True)
class MigrationNote:
    """An answer or choice that did not survive as it was, and why."""

    question_id: str
    question_text: str
    reason: str


@dataclass(frozen=True, slots=True)
class AnswerMigration:
    answers: dict[str, Answer]
    resolutions: tuple[Resolution, ...]
    dropped: tuple[MigrationNote, ...]
    changed: tuple[MigrationNote, ...]
    dropped_resolutions: tuple[Resolution, ...]


def answers_migrate(
    *,
    old_guide: Guide,
    new_guide: Guide,
    answers: Mapping[str, Answer],
    resolutions: Iterable[Resolution] = (),
) -> AnswerMigration:
    """Keep the answers whose questions survive in `new_guide`; report the rest.

    A checklist keeps the ticks of items that are still on it (reported as
    changed). An answer that no longer fits its question (a new kind, an
    option taken away) is dropped. Chosen ways forward survive when the rule
    and the way forward keep their ids.
    """
    if old_guide.id != new_guide.id:
        raise GuideVersionError(
            f'"{new_guide.title}" is not a new version of "{old_guide.title}": their ids differ.'
        )
    kept: dict[str, Answer] = {}
    dropped: list[MigrationNote] = []
    changed: list[MigrationNote] = []
    for question_id, answer in answers.items():
        old_text = _text(old_guide.question(question_id), question_id)
        question = new_guide.question(question_id)
        if question is None:
            dropped.append(
                MigrationNote(question_id, old_text, "the question is no longer in the guide")
            )
            continue
        moved, note = _answer_move(question, answer)
        if moved is None:
            dropped.append(MigrationNote(question_id, old_text, note))
            continue
        kept[question_id] = moved
        if note:
            changed.append(MigrationNote(question_id, question.text, note))
    kept_resolutions, dropped_resolutions = _resolutions_move(new_guide, resolutions)
    return AnswerMigration(
        kept, kept_resolutions, tuple(dropped), tuple(changed), dropped_resolutions
    )


def _text(question: Question | None, question_id: str) -> str:
    return question.text if question else question_id


def _answer_move(question: Question, answer: Answer) -> tuple[Answer | None, str]:
    """The answer as it fits the new question, and a note if it had to change."""
    if answer.state == AnswerState.NOT_SURE_YET or answer.value is None:
        return answer, ""
    value = answer.value
    note = ""
    if question.kind is AnswerKind.CHECKLIST and _is_list(value):
        still_there = [item for item in value if item in question.choices]
        if len(still_there) != len(value):
            note = "ticks for items no longer on the checklist were taken off"
        value = still_there
    try:
        answer_value_read(question.kind, value, choices=question.choices)
    except (AnswerValueError, TypeError, ValueError, ArithmeticError) as error:
        return None, f"the answer no longer fits the question ({error})"
    return replace(answer, value=value), note


def _is_list(value: object) -> bool:
    return isinstance(value, list | tuple)


def _resolutions_move(
    guide: Guide, resolutions: Iterable[Resolution]
) -> tuple[tuple[Resolution, ...], tuple[Resolution, ...]]:
    kept, dropped = [], []
    for resolution in resolutions:
        rule = guide.rule(resolution.rule_id)
        survives = rule is not None and rule.way_forward(resolution.way_forward_id) is not None
        (kept if survives else dropped).append(resolution)
    return tuple(kept), tuple(dropped)
