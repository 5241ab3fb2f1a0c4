"""Form fields every app's forms use (numbers and money are in core/number_fields.py)."""

from typing import Any

from django import forms


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
    **kwargs: Any,
) -> forms.CharField:
    """A text box whose messages name what is wrong in plain words: "Enter the
    note", "The note must be 2,000 characters or fewer", "The note must not
    contain hidden or control characters". `errors_label` names the answer in
    those messages (the label in lower case if not given); `rows` makes it a text
    area of that many rows; `hint` is the hint under the label. Anything else
    goes to Django's `CharField` (`validators`, `widget`, `initial`...)."""
    what = errors_label or label.lower()
    if rows:
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": rows}))
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=hint,
        error_messages={
            "required": f"Enter {what}",
            "max_length": f"{_capital(what)} must be {max_length:,} characters or fewer",
            "null_characters_not_allowed": (
                f"{_capital(what)} must not contain hidden or control characters"
            ),
        },
        **kwargs,
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
