"""A project's workbook for one guide: everything worked out from the answers.

Progress, what is left, the outcomes of the rules, what is blocked and the
readiness summary are computed here every time; nothing is kept by hand.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from coplan.guides.engine.conditions import AnswerState, Situation, condition_holds
from coplan.guides.engine.model import Guide, Level, Question, Rule, Section, WayForward
from coplan.guides.engine.values import (
    AnswerKind,
    AnswerValueError,
    Duration,
    answer_value_read,
    date_words,
    duration_between,
    durations_agree,
)


@dataclass(frozen=True, slots=True)
class Answer:
    """What someone gave as the answer to a question.

    `value` is the plain value for the question's kind (see values.py), and
    `state` says whether it is an answer or still "not sure yet".
    """

    value: object = None
    state: AnswerState = AnswerState.ANSWERED
    note: str = ""


@dataclass(frozen=True, slots=True)
class Resolution:
    """The way forward someone chose for a rule's outcome, and who agreed it, when."""

    rule_id: str
    way_forward_id: str
    agreed_by: str = ""
    agreed_on: datetime.date | None = None


class ResolutionError(ValueError):
    """A way forward that cannot be chosen, said in plain words."""


class OutcomeStatus(StrEnum):
    OPEN = "open"
    WAITING_FOR_AGREEMENT = "waiting for agreement"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Outcome:
    """A rule that applies to the answers given: a stop, a warning or a reminder."""

    rule_id: str
    level: Level
    message: str
    about: str
    ways_forward: tuple[WayForward, ...]
    status: OutcomeStatus
    resolution: Resolution | None = None

    @property
    def is_open(self) -> bool:
        return self.status is not OutcomeStatus.RESOLVED

    @property
    def chosen_way_forward(self) -> WayForward | None:
        if self.resolution is None:
            return None
        chosen = self.resolution.way_forward_id
        return next((way for way in self.ways_forward if way.id == chosen), None)


class SectionStatus(StrEnum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    COMPLETED = "completed"
    CANNOT_START_YET = "cannot start yet"


@dataclass(frozen=True, slots=True)
class SectionProgress:
    section_id: str
    title: str
    answered: int
    total: int
    left: tuple[str, ...]
    not_sure_yet: tuple[str, ...]
    blocked: tuple[str, ...]
    blocked_by: tuple[str, ...]

    @property
    def status(self) -> SectionStatus:
        if self.blocked and len(self.blocked) == self.total:
            return SectionStatus.CANNOT_START_YET
        if self.answered == self.total:
            return SectionStatus.COMPLETED
        return SectionStatus.IN_PROGRESS if self.answered else SectionStatus.NOT_STARTED


class ReadinessStatus(StrEnum):
    STOPPED = "stopped"
    NOT_FINISHED = "not finished"
    READY_WITH_WARNINGS = "ready with warnings"
    READY = "ready"


@dataclass(frozen=True, slots=True)
class Readiness:
    status: ReadinessStatus
    summary: str
    stops: int
    warnings: int
    reminders: int
    answered: int
    total: int
    left: int
    not_sure_yet: int
    blocked: int


@dataclass(frozen=True, slots=True)
class Workbook:
    guide_id: str
    guide_version: int
    sections: tuple[SectionProgress, ...]
    outcomes: tuple[Outcome, ...]
    left: tuple[str, ...]
    not_sure_yet: tuple[str, ...]
    blocked: tuple[str, ...]
    unreadable: tuple[str, ...]
    readiness: Readiness

    @property
    def open_stops(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.level is Level.STOP and o.is_open)


class _Answers:
    """The answers read for their questions; what a condition looks at."""

    def __init__(
        self, guide: Guide, answers: Mapping[str, Answer], facts: Mapping[str, object]
    ) -> None:
        self.states: dict[str, AnswerState] = {}
        self.values: dict[str, object] = {}
        self.unreadable: list[str] = []
        self.facts = {fact.id: _read_or_none(fact.kind, facts.get(fact.id)) for fact in guide.facts}
        for question in guide.questions:
            if question.answered_by:
                # The project is the one source of this answer; anything stored is ignored.
                self._read(question, Answer(self.facts.get(question.answered_by)))
            else:
                self._read(question, answers.get(question.id))

    def _read(self, question: Question, answer: Answer | None) -> None:
        if not isinstance(answer, Answer) or answer.state == AnswerState.NOT_ANSWERED:
            self.states[question.id] = AnswerState.NOT_ANSWERED
            return
        if answer.state == AnswerState.NOT_SURE_YET:
            self.states[question.id] = AnswerState.NOT_SURE_YET
            return
        try:
            value = answer_value_read(question.kind, answer.value, choices=question.choices)
        except (AnswerValueError, TypeError, ValueError, ArithmeticError):
            self.unreadable.append(question.id)
            value = None
        if answer.state != AnswerState.ANSWERED or value is None:
            self.states[question.id] = AnswerState.NOT_ANSWERED
            return
        self.states[question.id] = AnswerState.ANSWERED
        self.values[question.id] = value

    def answer_state(self, question_id: str) -> AnswerState:
        return self.states.get(question_id, AnswerState.NOT_ANSWERED)

    def answer_value(self, question_id: str) -> object | None:
        return self.values.get(question_id)

    def fact_value(self, fact_id: str) -> object | None:
        return self.facts.get(fact_id)


def _read_or_none(kind: AnswerKind, raw: object) -> object | None:
    try:
        return answer_value_read(kind, raw)
    except (AnswerValueError, TypeError, ValueError, ArithmeticError):
        return None


def workbook_evaluate(
    *,
    guide: Guide,
    answers: Mapping[str, Answer],
    facts: Mapping[str, object] | None = None,
    resolutions: Iterable[Resolution] = (),
) -> Workbook:
    """Work out progress, outcomes, what is left, what is blocked, and readiness.

    `answers` maps question ids to answers; `facts` maps the guide's fact ids
    (such as "project-start") to values; `resolutions` are the ways forward
    people have chosen. Answers that cannot be read count as not answered
    and are listed in `unreadable`. Never raises for any answers or facts.
    """
    read = _Answers(guide, answers, facts or {})
    chosen = {resolution.rule_id: resolution for resolution in resolutions}
    raised = [
        _outcome(rule, chosen.get(rule.id))
        for rule in guide.rules
        if condition_holds(rule.when, read) is True
    ]
    raised += disagreements_with_facts(guide, read)
    outcomes = tuple(sorted(raised, key=_outcome_order(guide)))
    blockers = _blocked_questions(guide, outcomes)
    sections = tuple(_section_progress(section, read, blockers) for section in guide.sections)
    return Workbook(
        guide_id=guide.id,
        guide_version=guide.version,
        sections=sections,
        outcomes=outcomes,
        left=tuple(q for section in sections for q in section.left),
        not_sure_yet=tuple(q for section in sections for q in section.not_sure_yet),
        blocked=tuple(blockers),
        unreadable=tuple(read.unreadable),
        readiness=_readiness(sections, outcomes),
    )


DISAGREES_WITH_DATES = "disagrees-with-the-project-dates"


def disagreements_with_facts(guide: Guide, situation: Situation) -> list[Outcome]:
    """Warnings, in plain words, where an answer says other than the project's facts:
    a length of time far from the time between the project's start and end dates.
    Each is about its question, with the id "<question id>--disagrees-with-the-project-dates".
    Never refuses the answer: people fix the answer or the project's dates."""
    found = []
    for question in guide.questions:
        if len(question.checked_against) != 2:
            continue
        said = situation.answer_value(question.id)
        start, end = (situation.fact_value(fact) for fact in question.checked_against)
        if not isinstance(said, Duration) or start is None or end is None or end <= start:
            continue
        if durations_agree(said, start, end):
            continue
        message = (
            f"You said {said}, but the project’s dates ({date_words(start)} to "
            f"{date_words(end)}) are {duration_between(start, end)} apart. "
            "Change this answer or the project’s dates so that they agree."
        )
        found.append(
            Outcome(
                f"{question.id}--{DISAGREES_WITH_DATES}",
                Level.WARNING,
                message,
                question.id,
                (),
                OutcomeStatus.OPEN,
            )
        )
    return found


def _outcome(rule: Rule, resolution: Resolution | None) -> Outcome:
    status = OutcomeStatus.OPEN
    way = rule.way_forward(resolution.way_forward_id) if resolution else None
    if way is None:
        resolution = None
    elif way.needs_agreement and not _is_agreed(resolution):
        status = OutcomeStatus.WAITING_FOR_AGREEMENT
    else:
        status = OutcomeStatus.RESOLVED
    return Outcome(
        rule.id, rule.level, rule.message, rule.about, rule.ways_forward, status, resolution
    )


def _is_agreed(resolution: Resolution | None) -> bool:
    return bool(resolution and resolution.agreed_by.strip() and resolution.agreed_on)


def _outcome_order(guide: Guide) -> Callable[[Outcome], tuple[int, bool, int]]:
    rule_order = {rule.id: index for index, rule in enumerate(guide.rules)}

    def order(outcome: Outcome) -> tuple[int, bool, int]:
        # A disagreement with the project's facts is no rule of the guide: it comes last.
        place = rule_order.get(outcome.rule_id, len(rule_order))
        return (outcome.level.rank, not outcome.is_open, place)

    return order


def _blocked_questions(guide: Guide, outcomes: tuple[Outcome, ...]) -> dict[str, list[str]]:
    """Question id -> ids of the open stops that block it, in guide order."""
    order = [question.id for question in guide.questions]
    blocked: dict[str, list[str]] = {}
    for outcome in outcomes:
        rule = guide.rule(outcome.rule_id)
        if not (outcome.is_open and rule and rule.blocks_from):
            continue
        for question_id in order[order.index(rule.blocks_from) :]:
            blocked.setdefault(question_id, []).append(rule.id)
    return {question_id: blocked[question_id] for question_id in order if question_id in blocked}


def _section_progress(
    section: Section, read: _Answers, blockers: Mapping[str, list[str]]
) -> SectionProgress:
    ids = [question.id for question in section.questions]
    blocked = [q for q in ids if q in blockers]
    answered = [q for q in ids if read.answer_state(q) is AnswerState.ANSWERED]
    return SectionProgress(
        section_id=section.id,
        title=section.title,
        answered=len(answered),
        total=len(ids),
        left=tuple(q for q in ids if q not in answered and q not in blockers),
        not_sure_yet=tuple(q for q in ids if read.answer_state(q) is AnswerState.NOT_SURE_YET),
        blocked=tuple(blocked),
        blocked_by=tuple(dict.fromkeys(rule for q in blocked for rule in blockers[q])),
    )


def _readiness(sections: tuple[SectionProgress, ...], outcomes: tuple[Outcome, ...]) -> Readiness:
    def count(level: Level) -> int:
        return sum(1 for o in outcomes if o.level is level and o.is_open)

    stops, warnings, reminders = count(Level.STOP), count(Level.WARNING), count(Level.REMINDER)
    answered = sum(section.answered for section in sections)
    total = sum(section.total for section in sections)
    left = sum(len(section.left) for section in sections)
    blocked = sum(len(section.blocked) for section in sections)
    if stops:
        status = ReadinessStatus.STOPPED
    elif answered < total:
        status = ReadinessStatus.NOT_FINISHED
    elif warnings:
        status = ReadinessStatus.READY_WITH_WARNINGS
    else:
        status = ReadinessStatus.READY
    return Readiness(
        status=status,
        summary=_summary(status, stops, warnings, answered, total),
        stops=stops,
        warnings=warnings,
        reminders=reminders,
        answered=answered,
        total=total,
        left=left,
        not_sure_yet=sum(len(section.not_sure_yet) for section in sections),
        blocked=blocked,
    )


def _counted(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _summary(status: ReadinessStatus, stops: int, warnings: int, answered: int, total: int) -> str:
    progress = f"{answered} of {total} questions answered."
    warned = f" {_counted(warnings, 'warning')} to look at." if warnings else ""
    if status is ReadinessStatus.STOPPED:
        return (
            f"Stop: sort out {_counted(stops, 'problem')} before you carry on. {progress}{warned}"
        )
    if status is ReadinessStatus.NOT_FINISHED:
        return f"Not finished yet: {progress}{warned}"
    if status is ReadinessStatus.READY_WITH_WARNINGS:
        return f"Every question is answered, with {_counted(warnings, 'warning')} to look at."
    return "Every question is answered and nothing needs sorting out."


def way_forward_choose(
    *,
    guide: Guide,
    rule_id: str,
    way_forward_id: str,
    agreed_by: str = "",
    agreed_on: datetime.date | None = None,
) -> Resolution:
    """Check a chosen way forward and return it as a Resolution to keep.

    A way forward that needs agreement must say who agreed it and when.
    Raises ResolutionError, in plain words, when the choice cannot be made.
    """
    rule = guide.rule(rule_id)
    if rule is None:
        raise ResolutionError(f'There is no rule "{rule_id}" in the guide "{guide.title}".')
    way = rule.way_forward(way_forward_id)
    if way is None:
        raise ResolutionError("Choose one of the ways forward.")
    if way.needs_agreement and not agreed_by.strip():
        raise ResolutionError("Enter who agreed this.")
    if way.needs_agreement and agreed_on is None:
        raise ResolutionError("Enter the date this was agreed.")
    return Resolution(rule_id, way_forward_id, agreed_by.strip(), agreed_on)
