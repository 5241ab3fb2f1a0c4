"""Reading times as people type them."""

import datetime

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from coplan.meetings.forms import time_read, time_typed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("10am", datetime.time(10, 0)),
        ("10 AM", datetime.time(10, 0)),
        ("10:30am", datetime.time(10, 30)),
        ("10.30", datetime.time(10, 30)),
        ("2pm", datetime.time(14, 0)),
        ("2:15 p.m.", datetime.time(14, 15)),
        ("12pm", datetime.time(12, 0)),
        ("12am", datetime.time(0, 0)),
        ("14:30", datetime.time(14, 30)),
        ("0:30", datetime.time(0, 30)),
        ("noon", datetime.time(12, 0)),
        ("Midday", datetime.time(12, 0)),
    ],
)
def test_time_read_understands_how_people_write_times(typed, expected):
    assert time_read(typed, what="the start time") == expected


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_time_typed_reads_back_as_the_same_time(value):
    assert time_read(time_typed(value), what="the start time") == value


@given(st.text(max_size=20))
def test_time_read_never_fails_except_with_a_message(typed):
    messages = []
    try:
        found = time_read(typed, what="the start time")
    except forms.ValidationError as error:
        messages, found = error.messages, None

    assert isinstance(found, datetime.time) or messages == [
        "Enter the start time like 10am, 2:30pm or 14:30"
    ]
