"""Django form fields rendered as GOV.UK Frontend components.

`field_params` turns a bound field into the macro name and parameters of the
matching GOV.UK component (label, hint, error message, fieldset and legend), so
templates never hand-write form HTML. `error_summary_params` builds the error
summary that every form shows above itself when something is wrong.
"""

import datetime
from typing import Any

from django import forms
from django.forms.boundfield import BoundField


class DateInput(forms.MultiWidget):
    """The GOV.UK date pattern: separate day, month and year boxes."""

    template_name = "django/forms/widgets/multiwidget.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)
        self.widgets_names = [f"-{part}" for part in self.parts]

    def decompress(self, value: Any) -> list:
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed into day, month and year boxes, with GOV.UK error messages."""

    widget = DateInput

    def __init__(self, *, label_for_errors: str = "the date", **kwargs: Any) -> None:
        self.label_for_errors = label_for_errors
        fields = (
            forms.CharField(required=False),
            forms.CharField(required=False),
            forms.CharField(required=False),
        )
        kwargs.setdefault(
            "error_messages",
            {"required": f"Enter {label_for_errors}", "incomplete": f"Enter {label_for_errors}"},
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list) -> datetime.date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        missing = [
            name for name, part in zip(DateInput.parts, (day, month, year), strict=True) if not part
        ]
        if missing:
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must include a {' and '.join(missing)}"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(day + month) > 4:
            raise forms.ValidationError(f"{self.label_for_errors.capitalize()} must be a real date")
        if len(year) != 4:
            raise forms.ValidationError("Year must include 4 numbers")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError as error:
            raise forms.ValidationError(
                f"{self.label_for_errors.capitalize()} must be a real date"
            ) from error


def _first_error(bound_field: BoundField) -> dict | None:
    errors = bound_field.errors
    return {"text": errors[0]} if errors else None


def _label(bound_field: BoundField, options: dict) -> dict:
    label = {"text": str(bound_field.label)}
    if options.get("size"):
        label["classes"] = f"govuk-label--{options['size']}"
    if options.get("heading"):
        label.update(isPageHeading=True, classes="govuk-label--l")
    return label


def _legend(bound_field: BoundField, options: dict) -> dict:
    size = options.get("size") or "s"
    legend = {"text": str(bound_field.label), "classes": f"govuk-fieldset__legend--{size}"}
    if options.get("heading"):
        legend.update(isPageHeading=True, classes="govuk-fieldset__legend--l")
    return legend


def _hint(bound_field: BoundField) -> dict | None:
    return {"text": str(bound_field.help_text)} if bound_field.help_text else None


def _choices(bound_field: BoundField, *, multiple: bool = False) -> list[dict]:
    value = bound_field.value()
    if multiple:
        chosen = {str(v) for v in value or ()}
    else:
        chosen = {str(value)} if value is not None else set()
    item_hints = getattr(bound_field.field, "item_hints", {})
    # A choice's label with markup of its own (a picture beside the words), if given.
    item_html = getattr(bound_field.field, "item_html", {})
    return [
        {
            "value": str(choice_value),
            **(
                {"html": item_html[str(choice_value)]}
                if str(choice_value) in item_html
                else {"text": str(choice_label)}
            ),
            "checked": str(choice_value) in chosen,
            "hint": {"text": item_hints[str(choice_value)]}
            if str(choice_value) in item_hints
            else None,
        }
        for choice_value, choice_label in bound_field.field.choices
        if str(choice_value) != "" or not multiple
    ]


def _date_params(bound_field: BoundField, options: dict) -> tuple[str, dict]:
    value = bound_field.value()
    if isinstance(value, datetime.date):
        value = [value.day, value.month, value.year]
    value = value or [None, None, None]
    has_error = bool(bound_field.errors)
    widths = ("govuk-input--width-2", "govuk-input--width-2", "govuk-input--width-4")
    items = [
        {
            "name": part,
            "value": "" if part_value is None else str(part_value),
            "classes": width + (" govuk-input--error" if has_error else ""),
        }
        for part, part_value, width in zip(DateInput.parts, value, widths, strict=True)
    ]
    return "date", {
        "id": bound_field.auto_id,
        "namePrefix": bound_field.html_name,
        "fieldset": {"legend": _legend(bound_field, options)},
        "hint": _hint(bound_field),
        "errorMessage": _first_error(bound_field),
        "items": items,
    }


def field_params(bound_field: BoundField, **options: Any) -> tuple[str, dict]:
    """The GOV.UK component name and its parameters for one bound field."""
    widget = bound_field.field.widget
    if isinstance(widget, DateInput):
        return _date_params(bound_field, options)
    common = {
        "id": bound_field.auto_id,
        "name": bound_field.html_name,
        "hint": _hint(bound_field),
        "errorMessage": _first_error(bound_field),
    }
    attributes = {
        key: value
        for key, value in widget.attrs.items()
        if key not in {"class", "autocomplete", "spellcheck", "rows", "inputmode"}
    }
    common["attributes"] = attributes
    # Radios and checkboxes: the first box's id is the field's, so the error
    # summary's link reaches it (GOV.UK numbers the others -2, -3, ...).
    # CheckboxSelectMultiple is a kind of RadioSelect in Django, so it comes first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes", {
            **common,
            "idPrefix": bound_field.auto_id,
            "fieldset": {"legend": _legend(bound_field, options)},
            "items": _choices(bound_field, multiple=True),
        }
    if isinstance(widget, forms.RadioSelect):
        return "radios", {
            **common,
            "idPrefix": bound_field.auto_id,
            "fieldset": {"legend": _legend(bound_field, options)},
            "items": _choices(bound_field),
        }
    if isinstance(widget, forms.CheckboxInput):
        return "checkboxes", {
            **common,
            "idPrefix": bound_field.auto_id,
            "classes": "govuk-checkboxes--small" if options.get("small") else None,
            "items": [
                {
                    "value": "on",
                    "text": str(bound_field.label),
                    "checked": bool(bound_field.value()),
                }
            ],
        }
    if isinstance(widget, forms.FileInput):
        return "file", {**common, "label": _label(bound_field, options)}
    value = bound_field.value()
    common.update(label=_label(bound_field, options), value="" if value is None else str(value))
    if isinstance(widget, forms.Select):
        return "select", {**common, "items": _choices(bound_field)}
    if isinstance(widget, forms.Textarea):
        return "textarea", {**common, "rows": widget.attrs.get("rows", 5)}
    extra = {
        "autocomplete": widget.attrs.get("autocomplete"),
        "spellcheck": widget.attrs.get("spellcheck"),
        "inputmode": widget.attrs.get("inputmode"),
        "classes": widget.attrs.get("class"),
    }
    if isinstance(widget, forms.PasswordInput):
        common["value"] = ""
        return "password", {**common, **extra}
    prefix = getattr(bound_field.field, "prefix_text", None)
    if prefix:
        extra["prefix"] = {"text": prefix}
    input_type = getattr(widget, "input_type", "text")
    return "input", {**common, **extra, "type": input_type}


def error_summary_params(*forms_with_errors: forms.BaseForm) -> dict | None:
    """Parameters for the GOV.UK error summary, linking each error to its field."""
    error_list = []
    for form in forms_with_errors:
        if form is None or not form.is_bound:
            continue
        error_list.extend(
            {"text": str(error), "href": "#main-content"} for error in form.non_field_errors()
        )
        for bound_field in form:
            if not bound_field.errors:
                continue
            target = bound_field.auto_id
            if isinstance(bound_field.field.widget, DateInput):
                target = f"{bound_field.auto_id}-day"
            error_list.append({"text": str(bound_field.errors[0]), "href": f"#{target}"})
    if not error_list:
        return None
    return {"titleText": "There is a problem", "errorList": error_list}
