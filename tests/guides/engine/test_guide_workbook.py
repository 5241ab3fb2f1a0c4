"""Progress, what is left, what is blocked and readiness, all worked out from answers."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from coplan.guides.engine import (
    Answer,
    AnswerState,
    Level,
    OutcomeStatus,
    ReadinessStatus,
    Resolution,
    ResolutionError,
    SectionStatus,
    TextBlock,
    text_blocks,
    way_forward_choose,
    workbook_evaluate,
)

ENGINE = Path(__file__).resolve().parents[3] / "src" / "coplan" / "guides" / "engine"

ALL_GOOD = {
    "how-much-time": Answer("1 year"),
    "management-support": Answer("yes"),
    "venue": Answer(["parking", "loop-system"]),
    "helpers": Answer(["Sam"]),
    "budget": Answer("1200"),
    "scope": Answer("all"),
}


def test_progress_counts_answered_of_total_per_section(small_guide):
    answers = {"how-much-time": Answer("1 year"), "budget": Answer("250.00")}

    workbook = workbook_evaluate(guide=small_guide, answers=answers)

    assert [(s.section_id, s.answered, s.total) for s in workbook.sections] == [
        ("first", 1, 3),
        ("second", 1, 3),
    ]
    assert [s.status for s in workbook.sections] == [SectionStatus.IN_PROGRESS] * 2


def test_what_is_left_lists_unanswered_questions_in_order(small_guide):
    answers = {"management-support": Answer("yes"), "helpers": Answer(["Sam"])}

    workbook = workbook_evaluate(guide=small_guide, answers=answers)

    assert workbook.left == ("how-much-time", "venue", "budget", "scope")


def test_not_sure_yet_is_left_and_listed(small_guide):
    answers = {"budget": Answer(None, AnswerState.NOT_SURE_YET, note="Waiting for finance")}

    workbook = workbook_evaluate(guide=small_guide, answers=answers)

    assert workbook.not_sure_yet == ("budget",)
    assert "budget" in workbook.left
    assert workbook.readiness.not_sure_yet == 1


def test_blank_text_and_unreadable_answers_are_not_answered(small_guide):
    answers = {"budget": Answer("lots"), "scope": Answer("everything"), "helpers": Answer("  ")}

    workbook = workbook_evaluate(guide=small_guide, answers=answers)

    assert workbook.unreadable == ("budget", "scope")
    assert workbook.readiness.answered == 0


def test_an_empty_list_of_people_is_an_answer(small_guide):
    workbook = workbook_evaluate(guide=small_guide, answers={"helpers": Answer([])})

    assert workbook.sections[1].answered == 1
    assert [o.rule_id for o in workbook.outcomes] == ["nobody-to-help"]


def test_open_stop_blocks_from_its_question_to_the_end(small_guide):
    workbook = workbook_evaluate(guide=small_guide, answers={"how-much-time": Answer("3 months")})

    assert workbook.blocked == ("helpers", "budget", "scope")
    assert workbook.sections[1].status is SectionStatus.CANNOT_START_YET
    assert workbook.sections[1].blocked_by == ("too-short",)
    assert workbook.sections[1].left == ()
    assert workbook.left == ("management-support", "venue")


def test_outcomes_list_stops_then_warnings_then_reminders(small_guide):
    answers = {
        "venue": Answer(["parking"]),
        "management-support": Answer("no"),
        "helpers": Answer([]),
        "how-much-time": Answer("2 months"),
    }

    workbook = workbook_evaluate(guide=small_guide, answers=answers)

    assert [(o.level, o.rule_id) for o in workbook.outcomes] == [
        (Level.STOP, "too-short"),
        (Level.WARNING, "nobody-to-help"),
        (Level.WARNING, "no-support"),
        (Level.REMINDER, "venue-checks"),
    ]


def test_readiness_when_stopped_says_so_in_plain_words(small_guide):
    workbook = workbook_evaluate(guide=small_guide, answers={"how-much-time": Answer("2 months")})

    assert workbook.readiness.status is ReadinessStatus.STOPPED
    assert workbook.readiness.summary == (
        "Stop: sort out 1 problem before you carry on. 1 of 6 questions answered."
    )
    assert [o.rule_id for o in workbook.open_stops] == ["too-short"]


def test_readiness_not_finished_counts_warnings(small_guide):
    workbook = workbook_evaluate(guide=small_guide, answers={"helpers": Answer([])})

    assert workbook.readiness.status is ReadinessStatus.NOT_FINISHED
    assert workbook.readiness.summary == (
        "Not finished yet: 1 of 6 questions answered. 1 warning to look at."
    )


def test_readiness_ready_with_warnings(small_guide):
    answers = {**ALL_GOOD, "management-support": Answer("no")}

    readiness = workbook_evaluate(guide=small_guide, answers=answers).readiness

    assert readiness.status is ReadinessStatus.READY_WITH_WARNINGS
    assert readiness.summary == "Every question is answered, with 1 warning to look at."


def test_readiness_ready_when_all_answered_and_nothing_raised(small_guide):
    readiness = workbook_evaluate(guide=small_guide, answers=ALL_GOOD).readiness

    assert readiness.status is ReadinessStatus.READY
    assert (readiness.answered, readiness.total, readiness.left) == (6, 6, 0)
    assert all(
        s.status is SectionStatus.COMPLETED
        for s in workbook_evaluate(guide=small_guide, answers=ALL_GOOD).sections
    )


def test_chosen_way_forward_resolves_the_stop_and_unblocks(small_guide):
    resolution = way_forward_choose(
        guide=small_guide, rule_id="too-short", way_forward_id="more-time"
    )

    workbook = workbook_evaluate(
        guide=small_guide, answers={"how-much-time": Answer("3 months")}, resolutions=[resolution]
    )

    (outcome,) = workbook.outcomes
    assert outcome.status is OutcomeStatus.RESOLVED
    assert outcome.chosen_way_forward.text == "Ask for more time"
    assert workbook.blocked == ()
    assert workbook.readiness.status is ReadinessStatus.NOT_FINISHED


def test_way_forward_needing_agreement_records_who_and_when(small_guide):
    resolution = way_forward_choose(
        guide=small_guide,
        rule_id="too-short",
        way_forward_id="not-fully",
        agreed_by=" Jo Bloggs, Head of Service ",
        agreed_on=datetime.date(2026, 2, 3),
    )

    assert resolution == Resolution(
        "too-short", "not-fully", "Jo Bloggs, Head of Service", datetime.date(2026, 2, 3)
    )


@pytest.mark.parametrize(
    ("rule_id", "way_forward_id", "agreed_by", "agreed_on", "message"),
    [
        ("too-short", "not-fully", "", datetime.date(2026, 2, 3), "Enter who agreed this."),
        ("too-short", "not-fully", "Jo", None, "Enter the date this was agreed."),
        ("too-short", "give-up", "", None, "Choose one of the ways forward."),
        ("nobody-to-help", "more-time", "", None, "Choose one of the ways forward."),
        (
            "no-such-rule",
            "more-time",
            "",
            None,
            'There is no rule "no-such-rule" in the guide "A small guide".',
        ),
    ],
)
def test_way_forward_that_cannot_be_chosen_says_why(
    small_guide, rule_id, way_forward_id, agreed_by, agreed_on, message
):
    with pytest.raises(ResolutionError) as raised:
        way_forward_choose(
            guide=small_guide,
            rule_id=rule_id,
            way_forward_id=way_forward_id,
            agreed_by=agreed_by,
            agreed_on=agreed_on,
        )

    assert str(raised.value) == message


def test_resolution_without_agreement_keeps_the_stop_waiting(small_guide):
    unagreed = Resolution("too-short", "not-fully")

    workbook = workbook_evaluate(
        guide=small_guide, answers={"how-much-time": Answer("3 months")}, resolutions=[unagreed]
    )

    assert workbook.outcomes[0].status is OutcomeStatus.WAITING_FOR_AGREEMENT
    assert workbook.blocked == ("helpers", "budget", "scope")
    assert workbook.readiness.stops == 1


def test_resolution_for_an_unknown_way_forward_is_ignored(small_guide):
    workbook = workbook_evaluate(
        guide=small_guide,
        answers={"how-much-time": Answer("3 months")},
        resolutions=[Resolution("too-short", "wish-it-away")],
    )

    assert workbook.outcomes[0].status is OutcomeStatus.OPEN
    assert workbook.outcomes[0].resolution is None


def test_resolved_stop_is_listed_after_open_stops(at_the_start_answers_two_stops):
    guide, answers = at_the_start_answers_two_stops
    resolution = way_forward_choose(
        guide=guide,
        rule_id="time-frame-too-short",
        way_forward_id="more-time",
        agreed_by="Jo",
        agreed_on=datetime.date(2026, 1, 5),
    )

    workbook = workbook_evaluate(guide=guide, answers=answers, resolutions=[resolution])

    assert [(o.rule_id, o.status) for o in workbook.outcomes] == [
        ("no-management-support", OutcomeStatus.OPEN),
        ("time-frame-too-short", OutcomeStatus.RESOLVED),
    ]


@pytest.fixture
def at_the_start_answers_two_stops():
    from coplan.guides.engine import default_guides

    answers = {"how-much-time": Answer("4 months"), "management-support": Answer("no")}
    return default_guides()[0], answers


def test_text_blocks_split_paragraphs_and_lists():
    text = "Think:\n- Families\n- Carers\netc\n\nAsk a colleague\nto help you."

    assert text_blocks(text) == (
        TextBlock(False, ("Think:",)),
        TextBlock(True, ("Families", "Carers")),
        TextBlock(False, ("etc",)),
        TextBlock(False, ("Ask a colleague to help you.",)),
    )


def test_engine_imports_no_django():
    sources = [path.read_text(encoding="utf-8") for path in ENGINE.glob("*.py")]
    command = (
        "import sys, coplan.guides.engine; print(any(m.startswith('django') for m in sys.modules))"
    )

    loaded = subprocess.run(
        [sys.executable, "-c", command], capture_output=True, text=True, check=True
    )

    assert sources
    assert not any("import django" in text or "from django" in text for text in sources)
    assert loaded.stdout.strip() == "False"
