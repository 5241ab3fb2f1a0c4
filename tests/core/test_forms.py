"""core.forms.text_field: the one text box every app's forms use."""

from django import forms

from coplan.core.forms import text_field


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
