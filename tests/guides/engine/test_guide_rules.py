"""Rules raise outcomes from answers and project facts."""

import datetime

import pytest

from coplan.guides.engine import (
    Answer,
    AnswerState,
    Guide,
    default_guides,
    guide_read,
    workbook_evaluate,
)

DATE = datetime.date


@pytest.fixture(scope="module")
def at_the_start() -> Guide:
    return default_guides()[0]


@pytest.fixture(scope="module")
def planning_meetings() -> Guide:
    return default_guides()[1]


def _raised(guide: Guide, answers=None, facts=None) -> list[str]:
    workbook = workbook_evaluate(guide=guide, answers=answers or {}, facts=facts or {})
    return [outcome.rule_id for outcome in workbook.outcomes]


def _time_frame(answer: str) -> dict[str, Answer]:
    return {"how-much-time": Answer(answer)}


@pytest.mark.parametrize("time", ["5 months", "26 weeks", "100 days", "0.4 years", "5.9 months"])
def test_time_frame_under_6_months_from_answer_is_a_stop(at_the_start, time):
    assert "time-frame-too-short" in _raised(at_the_start, _time_frame(time))


@pytest.mark.parametrize("time", ["6 months", "0.5 years", "27 weeks", "183 days", "2 years"])
def test_time_frame_of_6_months_or_more_from_answer_is_not_a_stop(at_the_start, time):
    assert "time-frame-too-short" not in _raised(at_the_start, _time_frame(time))


def test_time_frame_of_6_to_12_months_is_a_warning_not_a_stop(at_the_start):
    raised = _raised(at_the_start, _time_frame("9 months"))

    assert raised == ["time-frame-under-a-year"]


def test_time_frame_not_sure_yet_raises_nothing(at_the_start):
    answers = {"how-much-time": Answer(None, AnswerState.NOT_SURE_YET, note="Asking Sam")}

    assert _raised(at_the_start, answers) == []


def test_time_frame_answered_no_to_realistic_is_a_stop(at_the_start):
    answers = {"realistic-in-time-frame": Answer("no")}

    assert _raised(at_the_start, answers) == ["time-frame-too-short"]


@pytest.mark.parametrize(
    ("start", "end", "stopped"),
    [
        (DATE(2026, 1, 1), DATE(2026, 6, 30), True),
        (DATE(2026, 1, 1), DATE(2026, 7, 1), False),
        (DATE(2026, 1, 31), DATE(2026, 7, 30), True),
        (DATE(2026, 1, 31), DATE(2026, 7, 31), False),
        (DATE(2025, 8, 31), DATE(2026, 2, 27), True),
        (DATE(2025, 8, 31), DATE(2026, 2, 28), False),
        (DATE(2026, 5, 1), DATE(2026, 4, 1), True),
        (DATE(2026, 1, 1), DATE(2026, 1, 1), True),
        (DATE(9999, 10, 1), DATE(9999, 12, 31), True),
    ],
)
def test_time_frame_from_project_dates_counts_calendar_months(at_the_start, start, end, stopped):
    facts = {"project-start": start, "project-end": end}

    assert ("time-frame-too-short" in _raised(at_the_start, facts=facts)) is stopped


def test_time_frame_from_dates_given_as_text_is_read(at_the_start):
    facts = {"project-start": "2026-01-01", "project-end": "2026-03-01"}

    assert _raised(at_the_start, facts=facts) == ["time-frame-too-short"]


def test_time_frame_with_only_a_start_date_raises_nothing(at_the_start):
    assert _raised(at_the_start, facts={"project-start": DATE(2026, 1, 1)}) == []


def test_time_frame_dates_short_stop_even_when_answer_says_a_year(at_the_start):
    facts = {"project-start": DATE(2026, 1, 1), "project-end": DATE(2026, 4, 1)}

    raised = _raised(at_the_start, _time_frame("1 year"), facts)

    # and the answer is pointed out as disagreeing with the dates
    assert raised == ["time-frame-too-short", "how-much-time--disagrees-with-the-project-dates"]


def test_no_management_support_is_a_stop_and_not_sure_a_warning(at_the_start):
    assert _raised(at_the_start, {"management-support": Answer("no")}) == ["no-management-support"]
    assert _raised(at_the_start, {"management-support": Answer("not sure")}) == [
        "management-support-not-sure"
    ]
    assert _raised(at_the_start, {"management-support": Answer("yes")}) == []


def test_nobody_who_has_done_co_production_is_a_warning(at_the_start):
    nobody = {"who-has-done-co-production": Answer([])}
    someone = {"who-has-done-co-production": Answer(["Priya at Co-production Oxfordshire"])}

    assert _raised(at_the_start, nobody) == ["nobody-with-experience"]
    assert _raised(at_the_start, someone) == []


def test_no_budget_is_a_warning(at_the_start):
    assert _raised(at_the_start, {"budget": Answer("no")}) == ["no-budget"]


def test_policies_not_all_known_is_a_reminder(at_the_start):
    some = {"policies-known": Answer(["gdpr", "remuneration"])}
    every = {
        "policies-known": Answer(
            [
                "remuneration",
                "gdpr",
                "equality-and-diversity",
                "impact-assessments",
                "demographic-monitoring",
            ]
        )
    }

    assert _raised(at_the_start, some) == ["policies-not-known"]
    assert _raised(at_the_start, every) == []


@pytest.mark.parametrize(
    ("sent", "meeting", "warned"),
    [
        (DATE(2026, 3, 1), DATE(2026, 3, 28), True),
        (DATE(2026, 3, 1), DATE(2026, 3, 29), False),
        (DATE(2026, 3, 1), DATE(2026, 2, 20), True),
    ],
)
def test_notice_under_4_weeks_from_dates_is_a_warning(planning_meetings, sent, meeting, warned):
    facts = {"invitations-sent": sent, "meeting-date": meeting}

    assert ("notice-under-4-weeks" in _raised(planning_meetings, facts=facts)) is warned


def test_notice_answered_no_is_a_warning(planning_meetings):
    assert _raised(planning_meetings, {"enough-notice": Answer("no")}) == ["notice-under-4-weeks"]


def test_papers_sent_less_than_a_week_before_is_a_reminder(planning_meetings):
    facts = {"meeting-date": DATE(2026, 3, 28)}

    late = _raised(planning_meetings, {"when-to-send": Answer("2026-03-25")}, facts)
    in_time = _raised(planning_meetings, {"when-to-send": Answer("2026-03-14")}, facts)

    assert late == ["papers-sent-late"]
    assert in_time == []


def test_venue_checks_missing_is_a_warning(planning_meetings):
    answers = {"venue-accessible": Answer(["wheelchair-access", "parking"])}

    assert _raised(planning_meetings, answers) == ["venue-checks-not-done"]


def test_facilitation_not_sure_offers_two_ways_forward(planning_meetings):
    workbook = workbook_evaluate(
        guide=planning_meetings, answers={"facilitation-experience": Answer("not sure")}
    )

    (outcome,) = workbook.outcomes
    assert [way.text for way in outcome.ways_forward] == [
        "Do some training before the session",
        "Get support from an experienced facilitator",
    ]


CONDITIONS_GUIDE = """
[guide]
id = "conditions"
title = "Conditions"
version = 1

[[facts]]
id = "places"
text = "Places at the venue"
kind = "number"

[[sections]]
id = "only"
title = "Only"

[[sections.questions]]
id = "support"
text = "Support?"
kind = "yes-no"

[[sections.questions]]
id = "budget"
text = "Budget?"
kind = "money"

[[sections.questions]]
id = "venue"
text = "Venue checks"
kind = "checklist"
items = [{ id = "parking", text = "parking" }, { id = "loop", text = "loop system" }]

[[sections.questions]]
id = "when"
text = "When?"
kind = "date"

[[rules]]
id = "all-of"
level = "warning"
message = "No support and under 500."
when = { all = [{ answer = "support", is = "no" }, { answer = "budget", less_than = 500 }] }

[[rules]]
id = "not-answered"
level = "reminder"
message = "Support not answered."
when = { answer = "support", state = "not answered" }

[[rules]]
id = "not-yes"
level = "reminder"
message = "Not yes."
when = { not = { answer = "support", is = "yes" } }

[[rules]]
id = "no-loop"
level = "warning"
message = "No loop."
when = { answer = "venue", excludes = "loop" }

[[rules]]
id = "small-venue"
level = "warning"
message = "Small venue."
when = { fact = "places", at_most = 10 }

[[rules]]
id = "too-late"
level = "reminder"
message = "After April."
when = { answer = "when", more_than = 2026-04-30 }
"""


@pytest.fixture(scope="module")
def conditions_guide() -> Guide:
    return guide_read(CONDITIONS_GUIDE, file="conditions.toml")


def test_all_of_with_an_unanswered_part_is_not_raised(conditions_guide):
    raised = _raised(conditions_guide, {"support": Answer("no")})

    assert "all-of" not in raised


def test_all_of_with_every_part_true_is_raised(conditions_guide):
    raised = _raised(conditions_guide, {"support": Answer("no"), "budget": Answer("£499.99")})

    assert "all-of" in raised


def test_state_not_answered_is_raised_before_any_answer(conditions_guide):
    assert _raised(conditions_guide) == ["not-answered"]


def test_not_of_an_unanswered_check_is_not_raised(conditions_guide):
    assert "not-yes" not in _raised(conditions_guide)
    assert "not-yes" in _raised(conditions_guide, {"support": Answer("not sure")})


def test_checklist_excludes_an_item_not_ticked(conditions_guide):
    assert "no-loop" in _raised(conditions_guide, {"venue": Answer(["parking"])})
    assert "no-loop" not in _raised(conditions_guide, {"venue": Answer(["loop"])})


def test_number_fact_compared_with_at_most(conditions_guide):
    assert "small-venue" in _raised(conditions_guide, facts={"places": 10})
    assert "small-venue" not in _raised(conditions_guide, facts={"places": "11"})


def test_date_answer_compared_with_a_date(conditions_guide):
    assert "too-late" in _raised(conditions_guide, {"when": Answer(DATE(2026, 5, 1))})
    assert "too-late" not in _raised(conditions_guide, {"when": Answer(DATE(2026, 4, 30))})
