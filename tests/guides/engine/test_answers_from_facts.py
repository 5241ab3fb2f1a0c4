"""Answers the project already knows: filled from its facts, and a time-frame answer
that does not agree with the project's dates pointed out (the engine alone, no Django)."""

import datetime

from coplan.guides.engine import Answer, Level, default_guides, workbook_evaluate

START, END = datetime.date(2027, 1, 4), datetime.date(2027, 4, 4)  # 3 months apart


def _at_the_start():
    return next(guide for guide in default_guides() if guide.id == "at-the-start")


def _facts(**changes):
    facts = {
        "project-start": START,
        "project-end": END,
        "project-what": "New menus, chosen together",
        "project-why": "People said the food was poor",
    }
    facts.update(changes)
    return facts


def _disagreements(workbook):
    return [o for o in workbook.outcomes if o.rule_id.startswith("how-much-time")]


def test_what_and_why_are_answered_by_the_project_not_by_a_stored_answer():
    guide = _at_the_start()
    workbook = workbook_evaluate(
        guide=guide,
        answers={"what-is-the-project": Answer("Something typed long ago")},
        facts=_facts(),
    )

    first = workbook.sections[0]
    assert first.answered == 2
    assert "what-is-the-project" not in workbook.left
    assert "why-is-it-happening" not in workbook.left
    assert guide.question("what-is-the-project").answered_by == "project-what"


def test_without_the_project_words_the_questions_are_still_to_answer():
    workbook = workbook_evaluate(
        guide=_at_the_start(), answers={}, facts=_facts(**{"project-why": "  "})
    )

    assert "why-is-it-happening" in workbook.left
    assert "what-is-the-project" not in workbook.left


def test_a_time_frame_far_from_the_project_dates_is_a_warning_in_plain_words():
    workbook = workbook_evaluate(
        guide=_at_the_start(), answers={"how-much-time": Answer("12 months")}, facts=_facts()
    )

    [warning] = _disagreements(workbook)
    assert warning.level is Level.WARNING
    assert warning.about == "how-much-time"
    assert warning.is_open
    assert "12 months" in warning.message
    assert "3 months" in warning.message
    assert "4 January 2027" in warning.message
    assert "4 April 2027" in warning.message


def test_a_time_frame_that_agrees_with_the_dates_raises_nothing():
    for said in ("3 months", "13 weeks", "90 days", "14 weeks"):
        workbook = workbook_evaluate(
            guide=_at_the_start(), answers={"how-much-time": Answer(said)}, facts=_facts()
        )
        assert _disagreements(workbook) == []


def test_nothing_to_compare_without_the_dates_or_an_answer():
    guide = _at_the_start()
    no_dates = _facts(**{"project-start": None})
    assert not _disagreements(
        workbook_evaluate(guide=guide, answers={"how-much-time": Answer("1 year")}, facts=no_dates)
    )
    assert not _disagreements(workbook_evaluate(guide=guide, answers={}, facts=_facts()))


def test_a_guide_file_naming_a_missing_fact_or_wrong_dates_says_where(
    read_problems, small_guide_text
):
    broken = small_guide_text.replace(
        "[[sections.questions]]",
        '[[sections.questions]]\nanswered_by = "no-such-fact"\nchecked_against = ["x"]',
        1,
    )

    problems = [str(problem) for problem in read_problems(broken)]

    assert any('answered_by names "no-such-fact"' in problem for problem in problems)
    assert any("checked_against should name two date facts" in problem for problem in problems)
