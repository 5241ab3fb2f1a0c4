import datetime
import re
from collections import Counter

import pytest
from django import forms
from django.template import engines

from coplan.accounts.forms import email_field
from coplan.core.govuk_forms import DateField, error_summary_params, field_params
from coplan.core.number_fields import MoneyField
from tests.form_controls import control_types, controls, element_ids, ticked


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


# Every widget our forms use, drawn by the `field` macro every page uses, as a
# browser reads it: the type and number of controls under the field's name.

NAMES = [("a", "Apples"), ("b", "Bananas"), ("c", "Cherries"), ("d", "Dates")]


class EveryWidgetForm(forms.Form):
    text = forms.CharField(label="Text")
    email = email_field()
    password = forms.CharField(label="Password", widget=forms.PasswordInput)
    number = forms.IntegerField(
        label="Number", widget=forms.TextInput(attrs={"inputmode": "numeric"})
    )
    money = MoneyField(label="Money", label_for_errors="The amount")
    long_text = forms.CharField(label="Long text", widget=forms.Textarea(attrs={"rows": 3}))
    pick_from_list = forms.ChoiceField(label="Pick from a list", choices=[("", "None"), *NAMES])
    pick_one = forms.ChoiceField(label="Pick one", choices=NAMES, widget=forms.RadioSelect)
    tick_any = forms.MultipleChoiceField(
        label="Tick any", choices=NAMES, widget=forms.CheckboxSelectMultiple
    )
    agree = forms.BooleanField(label="I agree")
    upload = forms.FileField(label="Upload")
    upload_or_keep = forms.FileField(label="Upload or keep", widget=forms.ClearableFileInput)
    day = DateField(label="Date")


def _render(bound_field, **options) -> str:
    template = engines["jinja2"].from_string(
        '{% from "core/forms.html" import field %}{{ field(bound, **options) }}'
    )
    return template.render({"bound": bound_field, "options": options})


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("text", {"text": {"text": 1}}),
        ("email", {"email": {"email": 1}}),
        ("password", {"password": {"password": 1}}),
        ("number", {"number": {"text": 1}}),
        ("money", {"money": {"text": 1}}),
        ("long_text", {"long_text": {"textarea": 1}}),
        ("pick_from_list", {"pick_from_list": {"select": 1}}),
        ("pick_one", {"pick_one": {"radio": 4}}),
        ("tick_any", {"tick_any": {"checkbox": 4}}),
        ("agree", {"agree": {"checkbox": 1}}),
        ("upload", {"upload": {"file": 1}}),
        ("upload_or_keep", {"upload_or_keep": {"file": 1}}),
        ("day", {"day-day": {"text": 1}, "day-month": {"text": 1}, "day-year": {"text": 1}}),
    ],
)
def test_each_widget_is_drawn_as_the_controls_a_person_expects(field, expected):
    page = _render(EveryWidgetForm()[field])

    drawn = {control.name: Counter() for control in controls(page)}
    for control in controls(page):
        drawn[control.name][control.type] += 1
    assert drawn == {name: Counter(types) for name, types in expected.items()}


def test_tick_any_shows_every_ticked_item_ticked():
    form = EveryWidgetForm(data={"tick_any": ["a", "c", "d"]})

    page = _render(form["tick_any"])

    assert control_types(page, "tick_any") == Counter(checkbox=4)
    assert ticked(page, "tick_any") == {"a", "c", "d"}


def test_tick_any_with_nothing_ticked_shows_no_box_ticked():
    assert ticked(_render(EveryWidgetForm()["tick_any"]), "tick_any") == set()


def test_pick_one_shows_the_one_picked():
    page = _render(EveryWidgetForm(data={"pick_one": "b"})["pick_one"])

    assert ticked(page, "pick_one") == {"b"}


def test_item_hints_are_shown_under_the_boxes_they_belong_to():
    form = EveryWidgetForm()
    form.fields["tick_any"].item_hints = {"b": "Ripe ones only"}

    page = _render(form["tick_any"])

    assert 'id="id_tick_any-2-item-hint"' in page
    assert "Ripe ones only" in page


def test_number_and_money_boxes_bring_up_a_number_keyboard_on_a_phone():
    form = EveryWidgetForm()

    assert controls(_render(form["number"]), "number")[0].attrs["inputmode"] == "numeric"
    money = _render(form["money"])
    assert controls(money, "money")[0].attrs["inputmode"] == "decimal"
    assert "£" in money


def test_every_error_summary_link_leads_to_its_field():
    form = EveryWidgetForm(data={})
    form.is_valid()
    summary = engines["jinja2"].from_string(
        '{% from "core/forms.html" import error_summary, field %}'
        "{{ error_summary(form) }}{% for bound in form %}{{ field(bound) }}{% endfor %}"
    )

    page = summary.render({"form": form})

    links = re.findall(r'<a href="#([^"]+)"', page)
    assert len(links) == len(form.errors) > 10
    assert set(links) <= element_ids(page)
    first_box_ids = {
        control.id for control in controls(page) if control.type in {"radio", "checkbox"}
    }
    assert {"id_pick_one", "id_tick_any", "id_agree"} <= first_box_ids
