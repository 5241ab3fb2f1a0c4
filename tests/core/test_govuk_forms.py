import datetime

import pytest
from django import forms

from coplan.core.govuk_forms import DateField, error_summary_params, field_params


class EventForm(forms.Form):
    title = forms.CharField(label="Title", help_text="A short title")
    day = DateField(label="Date", label_for_errors="the date")


def _bound(**data):
    return EventForm(data=data)


def test_date_field_reads_day_month_and_year_boxes():
    form = _bound(**{"title": "A", "day-day": "4", "day-month": "6", "day-year": "2027"})

    assert form.is_valid()
    assert form.cleaned_data["day"] == datetime.date(2027, 6, 4)


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter the date"),
        ("4", "", "2027", "The date must include a month"),
        ("31", "2", "2027", "The date must be a real date"),
        ("a", "2", "2027", "The date must be a real date"),
        ("4", "6", "27", "Year must include 4 numbers"),
    ],
)
def test_date_field_says_what_is_wrong(day, month, year, message):
    form = _bound(**{"title": "A", "day-day": day, "day-month": month, "day-year": year})

    assert not form.is_valid()
    assert form.errors["day"] == [message]


def test_input_params_carry_label_hint_and_error():
    form = _bound(**{"title": ""})
    form.is_valid()

    kind, params = field_params(form["title"])

    assert kind == "input"
    assert params["label"] == {"text": "Title"}
    assert params["hint"] == {"text": "A short title"}
    assert params["errorMessage"] == {"text": "This field is required."}


def test_error_summary_links_each_error_to_its_field():
    form = _bound(**{"title": "", "day-day": "", "day-month": "", "day-year": ""})
    form.is_valid()

    summary = error_summary_params(form)

    assert summary["titleText"] == "There is a problem"
    assert [error["href"] for error in summary["errorList"]] == ["#id_title", "#id_day-day"]


def test_no_error_summary_for_a_form_without_errors():
    assert error_summary_params(EventForm()) is None
