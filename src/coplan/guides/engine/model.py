"""What a guide is: sections of questions, the project facts it uses, and its rules."""

from dataclasses import dataclass, field
from enum import StrEnum

from coplan.guides.engine.conditions import Condition
from coplan.guides.engine.values import AnswerKind


class Level(StrEnum):
    """How serious a rule's outcome is. A stop must be sorted out before carrying on."""

    STOP = "stop"
    WARNING = "warning"
    REMINDER = "reminder"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


@dataclass(frozen=True, slots=True)
class Link:
    """A supporting sheet or web page. Sheets on paper have no address."""

    text: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    """One option of a choice, or one item of a checklist."""

    id: str
    text: str
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    kind: AnswerKind
    guidance: str = ""
    prompts: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    options: tuple[Option, ...] = ()
    items: tuple[Option, ...] = ()
    heading: str = ""
    # The project fact that answers this question: the project is the one source of it.
    answered_by: str = ""
    # Two date facts (start, end) a duration answer should agree with.
    checked_against: tuple[str, ...] = ()

    @property
    def choices(self) -> tuple[str, ...]:
        """Ids of the options (choice) or items (checklist) an answer may name."""
        return tuple(option.id for option in self.options or self.items)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    questions: tuple[Question, ...]
    intro: str = ""
    links_intro: str = ""
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class ProjectFact:
    """Something the guide reads from the project itself, such as its start date."""

    id: str
    text: str
    kind: AnswerKind


@dataclass(frozen=True, slots=True)
class WayForward:
    id: str
    text: str
    needs_agreement: bool = False


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: Level
    message: str
    when: Condition
    ways_forward: tuple[WayForward, ...] = ()
    about: str = ""
    blocks_from: str = ""

    def way_forward(self, way_forward_id: str) -> WayForward | None:
        return next((way for way in self.ways_forward if way.id == way_forward_id), None)


@dataclass(frozen=True, slots=True)
class Source:
    title: str = ""
    credit: str = ""
    licence: str = ""
    url: str = ""


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    version: int
    sections: tuple[Section, ...]
    facts: tuple[ProjectFact, ...] = ()
    rules: tuple[Rule, ...] = ()
    intro: str = ""
    source: Source = Source()
    links: tuple[Link, ...] = ()
    file: str = ""
    _questions: dict[str, Question] = field(init=False, repr=False, compare=False)
    _rules: dict[str, Rule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        questions = {q.id: q for section in self.sections for q in section.questions}
        object.__setattr__(self, "_questions", questions)
        object.__setattr__(self, "_rules", {rule.id: rule for rule in self.rules})

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in the order the guide asks them."""
        return tuple(self._questions.values())

    def question(self, question_id: str) -> Question | None:
        return self._questions.get(question_id)

    def rule(self, rule_id: str) -> Rule | None:
        return self._rules.get(rule_id)

    def fact(self, fact_id: str) -> ProjectFact | None:
        return next((fact for fact in self.facts if fact.id == fact_id), None)
