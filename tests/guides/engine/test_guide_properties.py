"""Property-based tests: rule evaluation never raises and its invariants always hold."""

import copy
import datetime
import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coplan.guides.engine import (
    DEFAULT_GUIDE_FILES,
    DEFAULT_GUIDES_FOLDER,
    Answer,
    AnswerState,
    Duration,
    Guide,
    GuideFileError,
    Level,
    ReadinessStatus,
    Resolution,
    guide_build,
    guide_load,
    workbook_evaluate,
)
from coplan.guides.engine.values import DateSpan, value_order

SMALL_GUIDE = Path(__file__).parent / "small-guide.toml"
GUIDE_FILES = [*(DEFAULT_GUIDES_FOLDER / name for name in DEFAULT_GUIDE_FILES), SMALL_GUIDE]
GUIDES = tuple(guide_load(path) for path in GUIDE_FILES)

any_value = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.sampled_from(["yes", "no", "not sure", "Not Sure", "6 months", "3 weeks", "1 year"]),
    st.builds(
        lambda n, unit: f"{n} {unit}",
        st.integers(0, 50_000),
        st.sampled_from(["days", "weeks", "months", "years", "fortnights"]),
    ),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.lists(st.text(max_size=10), max_size=5),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _answers_for(guide: Guide) -> st.SearchStrategy:
    question_ids = [question.id for question in guide.questions]
    choice_ids = sorted({c for question in guide.questions for c in question.choices}) or ["x"]
    value = st.one_of(any_value, st.lists(st.sampled_from(choice_ids), max_size=6))
    answer = st.builds(
        Answer,
        value=value,
        state=st.one_of(st.sampled_from(AnswerState), st.text(max_size=5)),
        note=st.text(max_size=10),
    )
    key = st.one_of(st.sampled_from(question_ids), st.text(max_size=10))
    return st.dictionaries(key, answer, max_size=len(question_ids) + 3)


def _facts_for(guide: Guide) -> st.SearchStrategy:
    fact_ids = [fact.id for fact in guide.facts] or ["none"]
    return st.dictionaries(st.sampled_from(fact_ids), any_value, max_size=len(fact_ids))


def _resolutions_for(guide: Guide) -> st.SearchStrategy:
    rule_ids = [rule.id for rule in guide.rules]
    way_ids = [way.id for rule in guide.rules for way in rule.ways_forward] or ["none"]
    resolution = st.builds(
        Resolution,
        rule_id=st.sampled_from(rule_ids),
        way_forward_id=st.one_of(st.sampled_from(way_ids), st.text(max_size=5)),
        agreed_by=st.text(max_size=10),
        agreed_on=st.one_of(st.none(), st.dates()),
    )
    return st.lists(resolution, max_size=3)


@st.composite
def situations(draw):
    guide = draw(st.sampled_from(GUIDES))
    return (
        guide,
        draw(_answers_for(guide)),
        draw(_facts_for(guide)),
        draw(_resolutions_for(guide)),
    )


@settings(max_examples=300, deadline=None)
@given(situations())
def test_evaluation_never_raises_and_progress_stays_in_bounds(situation):
    guide, answers, facts, resolutions = situation

    workbook = workbook_evaluate(guide=guide, answers=answers, facts=facts, resolutions=resolutions)

    for section in workbook.sections:
        assert 0 <= section.answered <= section.total
        assert len(section.left) + section.answered <= section.total
        assert len(section.blocked) <= section.total
    readiness = workbook.readiness
    assert readiness.total == len(guide.questions)
    assert 0 <= readiness.answered <= readiness.total
    assert readiness.left == len(workbook.left)


@settings(max_examples=300, deadline=None)
@given(situations())
def test_stops_always_come_before_warnings_and_warnings_before_reminders(situation):
    guide, answers, facts, resolutions = situation

    outcomes = workbook_evaluate(
        guide=guide, answers=answers, facts=facts, resolutions=resolutions
    ).outcomes

    ranks = [outcome.level.rank for outcome in outcomes]
    assert ranks == sorted(ranks)
    assert len({outcome.rule_id for outcome in outcomes}) == len(outcomes)


@settings(max_examples=200, deadline=None)
@given(situations())
def test_stopped_exactly_when_a_stop_is_open_and_only_open_stops_block(situation):
    guide, answers, facts, resolutions = situation

    workbook = workbook_evaluate(guide=guide, answers=answers, facts=facts, resolutions=resolutions)

    open_stops = [o for o in workbook.outcomes if o.level is Level.STOP and o.is_open]
    assert (workbook.readiness.status is ReadinessStatus.STOPPED) == bool(open_stops)
    if workbook.blocked:
        assert any(guide.rule(o.rule_id).blocks_from for o in open_stops)


@given(st.dates(), st.dates(), st.dates(), st.integers(0, 30))
def test_a_shorter_span_is_never_longer_than_a_longer_one(start, end_a, end_b, months):
    threshold = Duration(months, "months")
    shorter, longer = sorted([end_a, end_b])

    order_shorter = value_order(DateSpan(start, shorter), threshold)
    order_longer = value_order(DateSpan(start, longer), threshold)

    assert order_shorter <= order_longer


@given(st.dates(max_value=datetime.date(9000, 1, 1)), st.integers(0, 120))
def test_a_span_of_exactly_n_calendar_months_equals_n_months(start, months):
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    day = start.day
    while True:
        try:
            end = datetime.date(year, month + 1, day)
            break
        except ValueError:
            day -= 1

    assert value_order(DateSpan(start, end), Duration(months, "months")) == 0


DOCUMENTS = [tomllib.loads(path.read_text(encoding="utf-8")) for path in GUIDE_FILES]
ODD_VALUES = st.one_of(
    st.none(),
    st.text(max_size=8),
    st.sampled_from(["", "Not Sure", "6 months", "stop", "yes-no", "checklist", "budget"]),
    st.integers(-2, 2),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(),
    st.lists(
        st.one_of(
            st.text(max_size=3),
            st.integers(),
            st.dictionaries(st.text(max_size=3), st.text(max_size=3)),
        ),
        max_size=2,
    ),
    st.dictionaries(
        st.sampled_from(["id", "answer", "is", "any", "text", "kind"]),
        st.text(max_size=5),
        max_size=3,
    ),
)


def _places(node, prefix=()):
    yield prefix
    entries = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in entries:
        yield from _places(child, (*prefix, key))


@st.composite
def damaged_documents(draw):
    document = copy.deepcopy(draw(st.sampled_from(DOCUMENTS)))
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(list(_places(document))[1:]))
        parent = document
        for key in place[:-1]:
            parent = parent[key]
        value = draw(ODD_VALUES)
        if value is None:
            del parent[place[-1]]
        else:
            parent[place[-1]] = value
    return document


@settings(max_examples=300, deadline=None)
@given(damaged_documents())
def test_a_damaged_guide_either_loads_or_says_what_is_wrong(document):
    refused, problems = _problems_of(document)

    assert refused == bool(problems)
    assert all(problem.file == "damaged.toml" and problem.problem for problem in problems)


def _problems_of(document: dict) -> tuple[bool, tuple]:
    """Whether the guide was refused, and the problems given."""
    try:
        guide_build(document, file="damaged.toml")
    except GuideFileError as error:
        return True, error.problems
    return False, ()
