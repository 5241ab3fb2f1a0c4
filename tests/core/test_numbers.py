"""Numbers and money typed by people are read by their field's rule, with a plain message
when they are wrong; money is kept exactly in whole pence."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coplan.core.numbers import (
    MAX_PENCE,
    NumberError,
    NumberRule,
    digits_read,
    money_words,
    number_read,
    pence_read,
    pence_typed,
    pounds,
    whole_number_read,
)

MILES = NumberRule(what="Miles", most=2000, places=1, more_than_least=True, example="12 or 12.5")
DAYS = NumberRule(what="The number of days", least=1, most=60)


@pytest.mark.parametrize(
    ("typed", "pence"),
    [
        ("250", 25000),
        ("250.5", 25050),
        ("250.50", 25050),
        ("£1,250.05", 125005),
        (" £ 12 ", 1200),
        ("0", 0),
        ("-0", 0),
        (".5", 50),
        ("5.", 500),
        ("2.500", 250),
        ("10000000", MAX_PENCE),
    ],
)
def test_pence_read_accepts_amounts_people_type(typed, pence):
    assert pence_read(typed) == pence


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the amount in pounds and pence, like 12.50"),
        ("-5", "The amount must be £0 or more"),
        ("−5", "The amount must be £0 or more"),
        ("-1e308", "Enter the amount in pounds and pence, like 12.50"),
        ("ten pounds", "Enter the amount in pounds and pence, like 12.50"),
        ("1e5", "Enter the amount in pounds and pence, like 12.50"),
        ("1e308", "Enter the amount in pounds and pence, like 12.50"),
        ("1e-308", "Enter the amount in pounds and pence, like 12.50"),
        ("NaN", "Enter the amount in pounds and pence, like 12.50"),
        ("Infinity", "Enter the amount in pounds and pence, like 12.50"),
        ("1_000", "Enter the amount in pounds and pence, like 12.50"),
        ("١٢٣", "The amount must be written with the digits 0 to 9, like 12.50"),
        ("1,23", "Enter the amount in pounds and pence, like 12.50"),
        ("<script>", "Enter the amount in pounds and pence, like 12.50"),
        ("2.505", "The amount must not include fractions of a penny"),
        ("10000000.01", "The amount must be £10,000,000 or less"),
        ("9" * 5000, "The amount must be £10,000,000 or less"),
    ],
)
def test_pence_read_refuses_what_is_not_money(typed, message):
    with pytest.raises(NumberError) as raised:
        pence_read(typed)

    assert str(raised.value) == message


def test_money_bounds_are_said_in_pounds_and_pence():
    with pytest.raises(NumberError) as raised:
        pence_read("0.46", label="The mileage rate", most_pence=45)

    assert str(raised.value) == "The mileage rate must be £0.45 or less"


@pytest.mark.parametrize(
    ("typed", "miles"),
    [("12", Decimal("12")), ("12.5", Decimal("12.5")), ("1,999.90", Decimal("1999.9"))],
)
def test_number_read_accepts_numbers_people_type(typed, miles):
    assert number_read(typed, MILES) == miles


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e308", "Miles must be a number, like 12 or 12.5"),
        ("-1e308", "Miles must be a number, like 12 or 12.5"),
        ("1e-308", "Miles must be a number, like 12 or 12.5"),
        ("NaN", "Miles must be a number, like 12 or 12.5"),
        ("-Infinity", "Miles must be a number, like 12 or 12.5"),
        ("£12.50", "Miles must be a number, like 12 or 12.5"),
        ("٣", "Miles must be written with the digits 0 to 9, like 12 or 12.5"),
        ("-0", "Miles must be more than 0"),
        ("-3", "Miles must be more than 0"),
        ("2000.1", "Miles must be 2,000 or fewer"),
        ("9" * 10_000, "Miles must be 2,000 or fewer"),
        ("12.25", "Miles can have one figure after the point, like 12 or 12.5"),
        ("0." + "0" * 400 + "1", "Miles can have one figure after the point, like 12 or 12.5"),
    ],
)
def test_number_read_refuses_what_is_out_of_range(typed, message):
    with pytest.raises(NumberError) as raised:
        number_read(typed, MILES)

    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12.5", "The number of days must be a whole number, like 12"),
        ("0", "The number of days must be 1 or more"),
        ("61", "The number of days must be 60 or fewer"),
    ],
)
def test_whole_number_read_says_what_is_wrong(typed, message):
    with pytest.raises(NumberError) as raised:
        whole_number_read(typed, DAYS)

    assert str(raised.value) == message


def test_whole_number_read_accepts_a_point_with_only_zeros_after_it():
    assert [whole_number_read(typed, DAYS) for typed in ("12.0", " 60 ", "1")] == [12, 60, 1]


@st.composite
def _typed_numbers(draw):
    return draw(
        st.one_of(
            st.text(max_size=40),
            st.decimals(allow_nan=True, allow_infinity=True).map(str),
            st.floats().map(str),
            st.integers().map(str),
            st.sampled_from(["1e308", "-1e308", "1e-308", "NaN", "-0", "1_000", "٣", "1,000.50"]),
        )
    )


def _read(reader, typed):
    """What a reader gives: (value, "") or (None, its message)."""
    try:
        return reader(typed), ""
    except NumberError as error:
        return None, str(error)


@given(_typed_numbers())
def test_number_read_gives_a_value_in_range_or_a_message(typed):
    miles, message = _read(lambda text: number_read(text, MILES), typed)

    if miles is None:
        assert message.startswith("Miles ")
    else:
        assert Decimal(0) < miles <= 2000
        assert miles == miles.quantize(Decimal("0.1"))


@given(_typed_numbers())
def test_pence_read_gives_whole_pence_in_range_or_a_message(typed):
    pence, message = _read(pence_read, typed)

    if pence is None:
        assert "the amount" in message.lower()
    else:
        assert isinstance(pence, int)
        assert 0 <= pence <= MAX_PENCE


def test_pounds_and_words_are_exact():
    assert (pounds(10) + pounds(20), money_words(125005), money_words(-50)) == (
        Decimal("0.30"),
        "£1,250.05",
        "−£0.50",
    )


@given(st.integers(min_value=0, max_value=MAX_PENCE))
def test_pence_survive_a_round_trip_through_the_form(pence):
    assert pence_read(pence_typed(pence)) == pence


@pytest.mark.parametrize(
    ("typed", "number"),
    [("12", 12), (" 7 ", 7), ("", None), ("²", None), ("٣", None), ("-1", None), ("9" * 19, None)],
)
def test_digits_read_takes_plain_digits_only(typed, number):
    assert digits_read(typed) == number
