import datetime

from coplan.core.formats import day_and_date


def test_day_and_date_writes_the_day_out_with_its_date():
    assert day_and_date(datetime.date(2027, 5, 4)) == "Tuesday 4 May 2027"


def test_day_and_date_of_a_moment_is_the_day_it_is_here():
    late_evening_in_summer = datetime.datetime(2027, 5, 4, 23, 30, tzinfo=datetime.UTC)
    assert day_and_date(late_evening_in_summer) == "Wednesday 5 May 2027"


def test_day_and_date_of_no_date_is_empty():
    assert day_and_date(None) == ""
