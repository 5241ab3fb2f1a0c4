"""core.forms: the one text box, the one set of radios and the one set of checkboxes
every app's forms use;
core.text.clean_typed_text: the one way a typed answer is cleaned."""

import pytest
from django import forms

from coplan.core.forms import checkboxes_field, radio_field, text_field
from coplan.core.text import clean_typed_text


class _NoteForm(forms.Form):
    note = text_field("Note", errors_label="the note", max_length=1000, rows=4)
    name = text_field("Name", max_length=10, required=False, hint="As on your bank card")


def test_text_field_missing_answer_names_it():
    form = _NoteForm({"note": "", "name": ""})
    assert form.errors["note"] == ["Enter the note"]


def test_text_field_too_long_answer_says_the_limit_in_words():
    form = _NoteForm({"note": "x" * 1001, "name": "y" * 11})
    assert form.errors["note"] == ["The note must be 1,000 characters or fewer"]
    assert form.errors["name"] == ["Name must be 10 characters or fewer"]


def test_text_field_control_character_is_refused_in_plain_words():
    form = _NoteForm({"note": "a\x00b", "name": ""})
    assert form.errors["note"] == ["The note must not contain hidden or control characters"]


def test_text_field_rows_make_a_text_area_and_hint_shows():
    form = _NoteForm()
    assert isinstance(form.fields["note"].widget, forms.Textarea)
    assert form.fields["note"].widget.attrs["rows"] == 4
    assert isinstance(form.fields["name"].widget, forms.TextInput)
    assert form.fields["name"].help_text == "As on your bank card"


class _KindForm(forms.Form):
    kind = radio_field(
        "What kind is it?", [("bus", "Bus"), ("taxi", "Taxi")], error="Select what kind it is"
    )


def test_radio_field_says_the_same_words_when_nothing_or_something_odd_is_chosen():
    assert _KindForm({}).errors["kind"] == ["Select what kind it is"]
    assert _KindForm({"kind": "rocket"}).errors["kind"] == ["Select what kind it is"]
    assert _KindForm({"kind": "taxi"}).is_valid()
    assert isinstance(_KindForm().fields["kind"].widget, forms.RadioSelect)


def test_clean_typed_text_an_optional_answer_left_blank_is_empty():
    assert clean_typed_text("   ", "The note", required=False) == ""


def test_clean_typed_text_a_needed_answer_left_blank_asks_for_it():
    with pytest.raises(forms.ValidationError, match="Enter the note"):
        clean_typed_text("   ", "The note")


def test_clean_typed_text_keeps_lines_and_refuses_hidden_characters():
    assert clean_typed_text(" one\ntwo ", "The note", required=False) == "one\ntwo"
    with pytest.raises(forms.ValidationError, match="hidden or control characters"):
        clean_typed_text("a\x07b", "The note", required=False)


class _TypedForm(forms.Form):
    note = text_field("Note", errors_label="the note", max_length=100, rows=3, typed=True)
    name = text_field("Name", max_length=20, required=False, typed=True)


def test_text_field_typed_answer_is_cleaned_and_keeps_its_lines():
    form = _TypedForm({"note": " Cafe\u0301 at ten\nthen lunch ", "name": "   "})
    assert form.is_valid()
    assert form.cleaned_data == {"note": "Café at ten\nthen lunch", "name": ""}


def test_text_field_typed_answer_with_a_hidden_character_is_refused_in_plain_words():
    form = _TypedForm({"note": "a\x07b", "name": "Sam\nLee"})
    assert form.errors["note"] == ["The note must not contain hidden or control characters"]
    assert form.errors["name"] == ["Name must not contain hidden or control characters"]


_FORMATS = [("large_print", "Large print"), ("easy_read", "Easy Read")]


class _FormatsForm(forms.Form):
    formats = checkboxes_field(
        "Which formats?",
        _FORMATS,
        error="Select formats from the list",
        none_chosen="Select at least one format",
        hint="Select all that apply.",
        required=True,
    )
    helpers = checkboxes_field("Who can help? (optional)", _FORMATS, error="Select from the list")


def test_checkboxes_field_says_its_own_words_when_none_or_something_odd_is_chosen():
    assert _FormatsForm({}).errors["formats"] == ["Select at least one format"]
    odd = _FormatsForm({"formats": ["braille"], "helpers": ["braille"]})
    assert odd.errors == {
        "formats": ["Select formats from the list"],
        "helpers": ["Select from the list"],
    }


def test_checkboxes_field_optional_may_be_left_empty_and_keeps_what_is_ticked():
    form = _FormatsForm({"formats": ["large_print", "easy_read"]})
    assert form.is_valid()
    assert form.cleaned_data == {"formats": ["large_print", "easy_read"], "helpers": []}


def test_checkboxes_field_are_checkboxes_with_the_hint():
    field = _FormatsForm().fields["formats"]
    assert isinstance(field.widget, forms.CheckboxSelectMultiple)
    assert field.help_text == "Select all that apply."
