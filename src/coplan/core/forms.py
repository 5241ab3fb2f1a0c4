"""Form fields every app's forms use (numbers and money are in core/number_fields.py)."""

from typing import Any

from django import forms

from coplan.core.text import clean_typed_text


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def text_field(
    label: str,
    *,
    max_length: int,
    errors_label: str = "",
    required: bool = True,
    hint: str = "",
    rows: int = 0,
    typed: bool = False,
    **kwargs: Any,
) -> forms.CharField:
    """A text box whose messages name what is wrong in plain words: "Enter the
    note", "The note must be 2,000 characters or fewer", "The note must not
    contain hidden or control characters". `errors_label` names the answer in
    those messages (the label in lower case if not given); `rows` makes it a text
    area of that many rows; `hint` is the hint under the label. Anything else
    goes to Django's `CharField` (`validators`, `widget`, `initial`...).
    `typed`: the answer is also cleaned as `core.text.clean_typed_text` cleans
    it (in NFC; hidden characters refused; lines kept in a text area)."""
    what = errors_label or label.lower()
    if rows:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
    if typed:
        return _TypedTextField(
            label=label,
            max_length=max_length,
            required=required,
            help_text=hint,
            error_messages=_text_errors(what, max_length),
            named=_capital(what),
            multiline=bool(rows),
            **kwargs,
        )
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=hint,
        error_messages=_text_errors(what, max_length),
        **kwargs,
    )


def _text_errors(what: str, max_length: int) -> dict[str, str]:
    return {
        "required": f"Enter {what}",
        "max_length": f"{_capital(what)} must be {max_length:,} characters or fewer",
        "null_characters_not_allowed": (
            f"{_capital(what)} must not contain hidden or control characters"
        ),
    }


class _TypedTextField(forms.CharField):
    """A `text_field(typed=True)`: Django's checks, then `clean_typed_text`."""

    def __init__(self, *, named: str, multiline: bool, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.named = named
        self.multiline = multiline

    def clean(self, value: Any) -> str:
        return clean_typed_text(
            super().clean(value), self.named, required=self.required, multiline=self.multiline
        )


def radio_field(
    label: str,
    choices: Any = (),
    *,
    error: str,
    hint: str = "",
    required: bool = True,
    **kwargs: Any,
) -> forms.ChoiceField:
    """Radios of which one is chosen: `error` ("Select ...") is said when none is,
    or when what was sent is not one of `choices` (which may be set later, in the
    form's `__init__`). `hint` is the hint under the question. Anything else goes
    to Django's `ChoiceField` (`initial`...)."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        help_text=hint,
        error_messages={"required": error, "invalid_choice": error},
        **kwargs,
    )


def checkboxes_field(
    label: str,
    choices: Any = (),
    *,
    error: str = "",
    none_chosen: str = "",
    hint: str = "",
    required: bool = False,
    **kwargs: Any,
) -> forms.MultipleChoiceField:
    """Checkboxes of which any may be chosen, or none unless `required`: `error`
    ("Select ... from the list") is said when what was sent is not one of `choices`
    (which may be set later, in the form's `__init__`), and, when `required`, when none
    is chosen (`none_chosen` if that is said differently). `hint` is the hint under the
    question. Anything else goes to Django's `MultipleChoiceField`."""
    error_messages = {"invalid_choice": error} if error else {}
    if required and (none_chosen or error):
        error_messages["required"] = none_chosen or error
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text=hint,
        error_messages=error_messages,
        **kwargs,
    )
