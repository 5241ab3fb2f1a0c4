"""Money arithmetic: exact pence, no rounding drift, totals always add up."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coplan.core.numbers import pounds
from coplan.payments import amounts
from coplan.payments.amounts import Rates
from coplan.payments.exports import COLUMNS, TIME_COLUMN, export_rows


def test_ninety_minutes_at_fifteen_pounds_an_hour():
    assert amounts.hourly_pence(minutes=90, hour_rate_pence=1500) == 2250


def test_odd_minutes_round_half_a_penny_up():
    # 1 minute at £10.01 an hour is 16.683p -> 17p; 3 minutes at £0.10 is 0.5p -> 1p
    assert amounts.hourly_pence(minutes=1, hour_rate_pence=1001) == 17
    assert amounts.hourly_pence(minutes=3, hour_rate_pence=10) == 1


def test_mileage_is_miles_times_the_rate():
    assert amounts.mileage_pence(miles=Decimal("12.5"), pence_per_mile=45) == 563
    assert amounts.mileage_pence(miles=Decimal("10"), pence_per_mile=45) == 450


def test_meeting_pay_by_the_hour():
    pay = amounts.meeting_pay(rates=Rates("hour", hour_rate_pence=1500), minutes=150)

    assert (pay.pence, pay.how) == (3750, "2 hours and 30 minutes at £15.00 an hour")


@pytest.mark.parametrize(("minutes", "pence"), [(240, 4000), (241, 7500), (30, 4000)])
def test_meeting_pay_by_the_half_day_or_day(minutes, pence):
    rates = Rates("half_day", half_day_rate_pence=4000, day_rate_pence=7500)

    assert amounts.meeting_pay(rates=rates, minutes=minutes).pence == pence


def test_meeting_pay_for_each_activity_ignores_length():
    rates = Rates("activity", activity_rate_pence=2000)

    assert amounts.meeting_pay(rates=rates, minutes=600).pence == 2000


def test_no_rate_means_no_pay():
    assert amounts.meeting_pay(rates=Rates("hour"), minutes=60) is None
    assert amounts.extra_time_pay(rates=Rates("activity", activity_rate_pence=1), minutes=9) is None


miles = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("2000"), places=1)
pence = st.integers(min_value=0, max_value=100_000_00)


@given(
    minutes=st.integers(min_value=0, max_value=24 * 60),
    rate=st.integers(min_value=0, max_value=500_00),
)
def test_hourly_pay_is_within_half_a_penny_of_exact(minutes, rate):
    exact = Decimal(minutes) * rate / 60

    assert abs(amounts.hourly_pence(minutes=minutes, hour_rate_pence=rate) - exact) <= Decimal(
        "0.5"
    )


@given(distance=miles, rate=st.integers(min_value=0, max_value=200))
def test_mileage_is_within_half_a_penny_of_exact(distance, rate):
    assert abs(amounts.mileage_pence(miles=distance, pence_per_mile=rate) - distance * rate) <= (
        Decimal("0.5")
    )


@given(lines=st.lists(pence, max_size=200))
def test_totals_equal_the_sum_of_lines_in_pence_and_in_pounds(lines):
    total = amounts.total_pence(lines)

    assert total == sum(lines)
    assert pounds(total) == sum((pounds(line) for line in lines), Decimal("0.00"))


class _Lines:
    def __init__(self, lines):
        self._lines = lines

    def all(self):
        return self._lines


class _Line:
    def __init__(self, kind, category, amount_pence):
        self.kind, self.category, self.amount_pence = kind, category, amount_pence


class _Person:
    full_name = "Sam"


class _Project:
    name = "Day services"


class _Claim:
    def __init__(self, lines):
        self.pk = 1
        self.person_id = 1
        self.person = _Person()
        self.project_id = 1
        self.project = _Project()
        self.what = "Workshop"
        self.activity_on = None
        self.approved_at = None
        self.paid_on = None
        self.paid_reference = ""
        self.lines = _Lines(lines)

    def get_status_display(self):
        return "Approved"


line = st.tuples(
    st.sampled_from(
        [("time", "")]
        + [
            ("expense", code)
            for code in ("public_transport", "mileage", "taxi", "parking", "carer", "food")
        ]
    ),
    pence,
)


@given(lines=st.lists(line, max_size=50))
def test_an_export_row_adds_up_to_its_total(lines):
    claim = _Claim([_Line(kind, category, amount) for (kind, category), amount in lines])

    [row] = export_rows(claims=[claim], choices={}, cost_code="C1")

    money = row[COLUMNS.index(TIME_COLUMN) : -1]
    assert sum(money, Decimal("0.00")) == row[-1] == pounds(sum(amount for _, amount in lines))
