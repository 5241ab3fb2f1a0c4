"""Money typed in pounds is kept exactly in whole pence, with a plain message when it is wrong."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coplan.planning.money import (
    MAX_PENCE,
    MoneyError,
    money_words,
    pence_read,
    pence_typed,
    pounds,
)


@pytest.mark.parametrize(
    ("typed", "pence"),
    [
        ("250", 25000),
        ("250.5", 25050),
        ("250.50", 25050),
        ("£1,250.05", 125005),
        (" £ 12 ", 1200),
        ("0", 0),
        (".5", 50),
        ("5.", 500),
        ("10000000", MAX_PENCE),
    ],
)
def test_pence_read_accepts_amounts_people_type(typed, pence):
    assert pence_read(typed) == pence


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("-5", "The amount must be £0 or more"),
        ("−5", "The amount must be £0 or more"),
        ("ten pounds", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("1e5", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("NaN", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("Infinity", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("١٢٣", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("1,23", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("<script>", "The amount must be an amount in pounds, like 250 or 250.50"),
        ("2.505", "The amount must not include fractions of a penny"),
        ("10000000.01", "The amount must be £10,000,000 or less"),
    ],
)
def test_pence_read_refuses_what_is_not_money(typed, message):
    with pytest.raises(MoneyError) as raised:
        pence_read(typed)

    assert str(raised.value) == message


def test_pounds_and_words_are_exact():
    assert (pounds(10) + pounds(20), money_words(125005), money_words(-50)) == (
        Decimal("0.30"),
        "£1,250.05",
        "−£0.50",
    )


@given(st.integers(min_value=0, max_value=MAX_PENCE))
def test_pence_survive_a_round_trip_through_the_form(pence):
    assert pence_read(pence_typed(pence)) == pence


@given(st.text(max_size=30))
def test_pence_read_never_fails_except_with_a_message(typed):
    try:
        pence = pence_read(typed)
    except MoneyError as error:
        message = str(error)
        pence = None
    else:
        message = ""
    assert message.startswith("The amount must") if pence is None else 0 <= pence <= MAX_PENCE
