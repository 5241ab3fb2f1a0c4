"""Loading a guide from a TOML file, checking everything and reporting all problems."""

import re
import tomllib
from functools import cache
from pathlib import Path

from coplan.guides.engine.condition_reading import GuideWords, condition_read
from coplan.guides.engine.model import (
    Guide,
    Level,
    Link,
    Option,
    ProjectFact,
    Question,
    Rule,
    Section,
    Source,
    WayForward,
)
from coplan.guides.engine.problems import GuideFileError, Place, ProblemList, type_name
from coplan.guides.engine.values import AnswerKind

DEFAULT_GUIDES_FOLDER = Path(__file__).resolve().parent.parent / "data"
DEFAULT_GUIDE_FILES = ("at-the-start.toml", "planning-meetings.toml", "key-essentials.toml")

FACT_KINDS = (
    AnswerKind.TEXT,
    AnswerKind.YES_NO,
    AnswerKind.DATE,
    AnswerKind.DURATION,
    AnswerKind.MONEY,
    AnswerKind.NUMBER,
)
_KINDS = ", ".join(kind.value for kind in AnswerKind)
_LEVELS = ", ".join(level.value for level in Level)


def guide_load(path: str | Path) -> Guide:
    """Load and check a guide file. Raises GuideFileError with every problem found."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems = ProblemList(path.name)
        problems.add(Place(), f"the file cannot be read ({error.__class__.__name__})")
        raise GuideFileError(problems.problems) from None
    return guide_read(text, file=path.name)


def guide_read(text: str, *, file: str = "guide file") -> Guide:
    """Read and check a guide from its TOML text; `file` names it in problems."""
    problems = ProblemList(file)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problems.add(Place(_toml_place(str(error))), f"this is not valid TOML: {error}")
        raise GuideFileError(problems.problems) from None
    return guide_build(document, file=file)


def guide_build(document: dict, *, file: str = "guide file") -> Guide:
    """Check and build a guide from its parsed document (the tables of a TOML file)."""
    problems = ProblemList(file)
    if not isinstance(document, dict):
        problems.add(Place(), f"a guide should be a table, not {type_name(document)}")
        raise GuideFileError(problems.problems)
    guide = _guide_read(document, problems)
    if guide is None:
        raise GuideFileError(problems.problems)
    return guide


@cache
def default_guides() -> tuple[Guide, ...]:
    """The guides that ship with the planner, drawn from the seed's guide sheets.

    Read once per process: guides are immutable.
    """
    return tuple(guide_load(DEFAULT_GUIDES_FOLDER / name) for name in DEFAULT_GUIDE_FILES)


def _toml_place(message: str) -> str:
    match = re.search(r"line (\d+), column (\d+)", message)
    return f"line {match.group(1)}, column {match.group(2)}" if match else "the whole file"


def _guide_read(document: dict, problems: ProblemList) -> Guide | None:
    problems.only_known_keys(document, ("guide", "facts", "sections", "rules"), Place())
    about = _about_read(document, problems)
    facts = _facts_read(document, problems)
    sections = _sections_read(document, problems)
    _fact_questions_check(sections, facts, problems)
    rules = _rules_read(document, _guide_words(sections, facts), problems)
    if problems.problems:
        return None
    return Guide(**about, sections=sections, facts=facts, rules=rules, file=problems.file)


def _fact_questions_check(
    sections: tuple[Section, ...], facts: tuple[ProjectFact, ...], problems: ProblemList
) -> None:
    """A question answered by a fact names a fact of its kind; a question checked
    against the project's dates names two date facts and asks for a length of time."""
    kinds = {fact.id: fact.kind for fact in facts}
    for section_index, section in enumerate(sections):
        for index, question in enumerate(section.questions):
            place = (
                Place("sections")
                .index(section_index)
                .key("questions")
                .index(index)
                .named(f'question "{question.id}"')
            )
            fact = question.answered_by
            if fact and kinds.get(fact) != question.kind:
                problems.add(
                    place.key("answered_by"),
                    f'answered_by names "{fact}", which should be a {question.kind} fact '
                    "listed in this guide's [[facts]]",
                )
            checked = question.checked_against
            if checked and (
                question.kind is not AnswerKind.DURATION
                or len(checked) != 2
                or any(kinds.get(date) is not AnswerKind.DATE for date in checked)
            ):
                problems.add(
                    place.key("checked_against"),
                    "checked_against should name two date facts, start then end, "
                    "on a duration question",
                )


def _about_read(document: dict, problems: ProblemList) -> dict:
    """The [guide] table: id, title, version, intro, source and links."""
    place = Place("guide")
    if "guide" not in document:
        problems.add(Place(), "the [guide] table is missing (with id, title and version)")
    about = problems.table(document.get("guide", {}), place, '"guide"') or {}
    problems.only_known_keys(about, ("id", "title", "version", "intro", "source", "links"), place)
    return {
        "id": problems.identifier(about, place),
        "title": problems.text(about, "title", place),
        "version": _version_read(about, place, problems),
        "intro": problems.text(about, "intro", place, required=False),
        "source": _source_read(about, place, problems),
        "links": _links_read(about, place, problems),
    }


def _guide_words(sections: tuple[Section, ...], facts: tuple[ProjectFact, ...]) -> GuideWords:
    """What conditions may name. A duplicated question id names its first question."""
    questions: dict[str, Question] = {}
    for section in sections:
        for question in section.questions:
            questions.setdefault(question.id, question)
    return GuideWords(questions, {fact.id: fact for fact in facts})


def _version_read(table: dict, place: Place, problems: ProblemList) -> int:
    version = table.get("version")
    if version is None:
        problems.add(place, '"version" is missing')
        return 0
    if type(version) is not int or version < 1:
        problems.add(place.key("version"), "the version should be a whole number, 1 or more")
        return 0
    return version


def _source_read(table: dict, place: Place, problems: ProblemList) -> Source:
    source = table.get("source")
    if source is None:
        return Source()
    place = place.key("source")
    if problems.table(source, place, '"source"') is None:
        return Source()
    problems.only_known_keys(source, ("title", "credit", "licence", "url"), place)
    return Source(
        title=problems.text(source, "title", place, required=False),
        credit=problems.text(source, "credit", place, required=False),
        licence=problems.text(source, "licence", place, required=False),
        url=_url_read(source, place, problems),
    )


def _url_read(table: dict, place: Place, problems: ProblemList) -> str:
    url = problems.text(table, "url", place, required=False)
    if url and not url.startswith(("https://", "http://")):
        problems.add(place.key("url"), f'the address "{url}" should start with https://')
        return ""
    return url


def _links_read(table: dict, place: Place, problems: ProblemList) -> tuple[Link, ...]:
    links = []
    for link_place, link in problems.tables(table, "links", place):
        problems.only_known_keys(link, ("text", "url"), link_place)
        links.append(
            Link(problems.text(link, "text", link_place), _url_read(link, link_place, problems))
        )
    return tuple(links)


def _facts_read(document: dict, problems: ProblemList) -> tuple[ProjectFact, ...]:
    facts = []
    found = problems.tables(document, "facts", Place())
    for place, table in found:
        fact_id = problems.identifier(table, place)
        named = place.named(f'fact "{fact_id}"') if fact_id else place
        problems.only_known_keys(table, ("id", "text", "kind"), named)
        kind = _kind_read(table, named, problems, allowed=FACT_KINDS)
        facts.append(ProjectFact(fact_id, problems.text(table, "text", named), kind))
    problems.unique_ids(
        [(fact.id, place) for fact, (place, _table) in zip(facts, found, strict=True)], "fact"
    )
    return tuple(facts)


def _kind_read(
    table: dict, place: Place, problems: ProblemList, *, allowed: tuple = tuple(AnswerKind)
) -> AnswerKind:
    kind = problems.text(table, "kind", place)
    if kind and kind not in {allowed_kind.value for allowed_kind in allowed}:
        listed = ", ".join(allowed_kind.value for allowed_kind in allowed)
        problems.add(
            place.key("kind"), f'the answer kind "{kind}" is not known; use one of: {listed}'
        )
        return AnswerKind.TEXT
    return AnswerKind(kind) if kind else AnswerKind.TEXT


def _sections_read(document: dict, problems: ProblemList) -> tuple[Section, ...]:
    found = problems.tables(document, "sections", Place(), required=True)
    if document.get("sections") == []:
        problems.add(Place("sections"), "a guide needs at least one section")
    sections = tuple(_section_read(place, table, problems) for place, table in found)
    problems.unique_ids(
        [(section.id, place) for section, (place, _table) in zip(sections, found, strict=True)],
        "section",
    )
    problems.unique_ids(
        [
            (question.id, place.key("questions").index(index))
            for section, (place, _table) in zip(sections, found, strict=True)
            for index, question in enumerate(section.questions)
        ],
        "question",
    )
    return sections


_SECTION_KEYS = ("id", "title", "intro", "links_intro", "links", "questions")


def _section_read(place: Place, table: dict, problems: ProblemList) -> Section:
    section_id = problems.identifier(table, place)
    place = place.named(f'section "{section_id}"') if section_id else place
    problems.only_known_keys(table, _SECTION_KEYS, place)
    found = problems.tables(table, "questions", place, required=True)
    if table.get("questions") == []:
        problems.add(place.key("questions"), "a section needs at least one question")
    return Section(
        id=section_id,
        title=problems.text(table, "title", place),
        questions=tuple(_question_read(q_place, question, problems) for q_place, question in found),
        intro=problems.text(table, "intro", place, required=False),
        links_intro=problems.text(table, "links_intro", place, required=False),
        links=_links_read(table, place, problems),
    )


_QUESTION_KEYS = (
    "id",
    "text",
    "kind",
    "guidance",
    "prompts",
    "links",
    "options",
    "items",
    "heading",
    "answered_by",
    "checked_against",
)


def _question_read(place: Place, table: dict, problems: ProblemList) -> Question:
    question_id = problems.identifier(table, place)
    place = place.named(f'question "{question_id}"') if question_id else place
    problems.only_known_keys(table, _QUESTION_KEYS, place)
    kind = _kind_read(table, place, problems)
    return Question(
        id=question_id,
        text=problems.text(table, "text", place),
        kind=kind,
        guidance=problems.text(table, "guidance", place, required=False),
        prompts=problems.texts(table, "prompts", place),
        links=_links_read(table, place, problems),
        options=_options_read(table, "options", kind, place, problems),
        items=_options_read(table, "items", kind, place, problems),
        heading=problems.text(table, "heading", place, required=False),
        answered_by=problems.text(table, "answered_by", place, required=False),
        checked_against=problems.texts(table, "checked_against", place),
    )


_OPTIONS_NEEDED = {
    "options": (AnswerKind.CHOICE, 2, "two options"),
    "items": (AnswerKind.CHECKLIST, 1, "one item"),
}


def _options_read(
    table: dict, key: str, kind: AnswerKind, place: Place, problems: ProblemList
) -> tuple[Option, ...]:
    needed_by, fewest, fewest_words = _OPTIONS_NEEDED[key]
    if key in table and kind != needed_by:
        problems.add(place.key(key), f'only a {needed_by} question has "{key}", not a {kind} one')
        return ()
    if kind != needed_by:
        return ()
    found = problems.tables(table, key, place)
    if len(found) < fewest:
        problems.add(
            place.key(key),
            f"a {kind} question needs at least {fewest_words}, each with id and text",
        )
    options = []
    for option_place, option in found:
        problems.only_known_keys(option, ("id", "text", "hint"), option_place)
        options.append(
            Option(
                problems.identifier(option, option_place),
                problems.text(option, "text", option_place),
                problems.text(option, "hint", option_place, required=False),
            )
        )
    problems.unique_ids(
        [
            (option.id, option_place)
            for option, (option_place, _o) in zip(options, found, strict=True)
        ],
        key[:-1] if key == "items" else "option",
    )
    return tuple(options)


_RULE_KEYS = ("id", "level", "message", "when", "ways_forward", "about", "blocks_from")


def _rules_read(document: dict, words: GuideWords, problems: ProblemList) -> tuple[Rule, ...]:
    found = problems.tables(document, "rules", Place())
    rules = [_rule_read(place, table, words, problems) for place, table in found]
    problems.unique_ids(
        [(rule.id, place) for rule, (place, _table) in zip(rules, found, strict=True) if rule],
        "rule",
    )
    return tuple(rule for rule in rules if rule is not None)


def _rule_read(place: Place, table: dict, words: GuideWords, problems: ProblemList) -> Rule | None:
    rule_id = problems.identifier(table, place)
    place = place.named(f'rule "{rule_id}"') if rule_id else place
    problems.only_known_keys(table, _RULE_KEYS, place)
    level = _level_read(table, place, problems)
    message = problems.text(table, "message", place)
    if "when" not in table:
        problems.add(place, '"when" is missing: say when this rule applies')
        when = None
    else:
        when = condition_read(table["when"], place.key("when"), words, problems)
    about = _question_named(table, "about", place, words, problems)
    blocks_from = _question_named(table, "blocks_from", place, words, problems)
    if blocks_from and level is not Level.STOP:
        problems.add(place.key("blocks_from"), "only a stop can block questions")
    ways_forward = _ways_forward_read(table, place, problems)
    if when is None or level is None:
        return None
    return Rule(rule_id, level, message, when, ways_forward, about, blocks_from)


def _level_read(table: dict, place: Place, problems: ProblemList) -> Level | None:
    level = problems.text(table, "level", place)
    if not level:
        return None
    if level not in {known.value for known in Level}:
        problems.add(place.key("level"), f'the level "{level}" is not known; use one of: {_LEVELS}')
        return None
    return Level(level)


def _question_named(
    table: dict, key: str, place: Place, words: GuideWords, problems: ProblemList
) -> str:
    question_id = table.get(key)
    if question_id is None:
        return ""
    if not isinstance(question_id, str):
        problems.add(
            place.key(key), f'"{key}" should name a question id, not {type_name(question_id)}'
        )
        return ""
    if question_id not in words.questions:
        problems.add(place.key(key), f'names question "{question_id}", which is not in this guide')
        return ""
    return question_id


def _ways_forward_read(table: dict, place: Place, problems: ProblemList) -> tuple[WayForward, ...]:
    found = problems.tables(table, "ways_forward", place)
    if len(found) == 1:
        problems.add(
            place.key("ways_forward"), "give at least two ways forward to choose between, or none"
        )
    ways = []
    for way_place, way in found:
        problems.only_known_keys(way, ("id", "text", "needs_agreement"), way_place)
        ways.append(
            WayForward(
                problems.identifier(way, way_place),
                problems.text(way, "text", way_place),
                problems.flag(way, "needs_agreement", way_place),
            )
        )
    problems.unique_ids(
        [(way.id, way_place) for way, (way_place, _w) in zip(ways, found, strict=True)],
        "way forward",
    )
    return tuple(ways)
