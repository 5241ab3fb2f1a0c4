"""Answers are read into one plain form per kind, with plain-words errors."""

import datetime
from decimal import Decimal

import pytest

from coplan.guides.engine import (
    AnswerKind,
    AnswerValueError,
    Duration,
    answer_value_read,
    duration_parse,
)


@pytest.mark.parametrize(
    ("kind", "raw", "choices", "expected"),
    [
        (AnswerKind.TEXT, "  A new day service ", (), "A new day service"),
        (AnswerKind.TEXT, "   ", (), None),
        (AnswerKind.YES_NO, "Not Sure", (), "not sure"),
        (AnswerKind.YES_NO, True, (), "yes"),
        (AnswerKind.DATE, "2026-03-27", (), datetime.date(2026, 3, 27)),
        (AnswerKind.DATE, datetime.datetime(2026, 3, 27, 10, 30), (), datetime.date(2026, 3, 27)),
        (AnswerKind.DURATION, "6 Months", (), Duration(Decimal(6), "months")),
        (AnswerKind.DURATION, {"amount": 4, "unit": "weeks"}, (), Duration(Decimal(4), "weeks")),
        (AnswerKind.MONEY, "£1,200.50", (), Decimal("1200.50")),
        (AnswerKind.MONEY, 250, (), Decimal(250)),
        (AnswerKind.NUMBER, -3.5, (), Decimal("-3.5")),
        (AnswerKind.CHOICE, "some", ("all", "some"), "some"),
        (
            AnswerKind.CHECKLIST,
            ["loop", "parking", "loop"],
            ("parking", "loop"),
            ("parking", "loop"),
        ),
        (AnswerKind.PEOPLE, "Sam\n\nCarers' group\nSam", (), ("Sam", "Carers' group")),
        (AnswerKind.PEOPLE, [], (), ()),
        (AnswerKind.PEOPLE, None, (), None),
    ],
)
def test_answer_value_read_gives_the_plain_form(kind, raw, choices, expected):
    assert answer_value_read(kind, raw, choices=choices) == expected


@pytest.mark.parametrize(
    ("kind", "raw", "choices", "message"),
    [
        (AnswerKind.TEXT, 12, (), "Enter the answer as words"),
        (AnswerKind.YES_NO, "maybe", (), "Choose yes, no or not sure"),
        (AnswerKind.DATE, "31/02/2026", (), "Enter a real date, for example 27 3 2026"),
        (
            AnswerKind.DURATION,
            "a while",
            (),
            "'a while' is not a length of time: write a number and days, weeks, months or years",
        ),
        (AnswerKind.MONEY, "-5", (), "An amount of money cannot be less than 0"),
        (AnswerKind.MONEY, "NaN", (), "Enter an amount of money, for example 250.00"),
        (AnswerKind.NUMBER, True, (), "Enter a number"),
        (AnswerKind.CHOICE, "none", ("all", "some"), "Choose one of the options"),
        (
            AnswerKind.CHECKLIST,
            ["parking", "lift"],
            ("parking",),
            "'lift' is not on this checklist",
        ),
        (AnswerKind.CHECKLIST, "parking", ("parking",), "Tick the items that are done"),
        (AnswerKind.PEOPLE, [1, 2], (), "List the people or groups, one a line"),
    ],
)
def test_answer_that_does_not_fit_says_why(kind, raw, choices, message):
    with pytest.raises(AnswerValueError) as raised:
        answer_value_read(kind, raw, choices=choices)

    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1 month", "1 month"),
        ("6 months", "6 months"),
        ("1.5 Years", "1.5 years"),
        ("4 week", "4 weeks"),
    ],
)
def test_duration_reads_and_shows_in_plain_words(text, shown):
    assert str(duration_parse(text)) == shown


def test_duration_longer_than_can_be_counted_is_refused():
    with pytest.raises(AnswerValueError):
        duration_parse("99999 years")
