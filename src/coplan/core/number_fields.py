"""Form fields for numbers and money, used by every form that asks for one.

Each is a GOV.UK text box (with `inputmode`, not `type=number`) read by
core.numbers under the field's rule, so every number field in coplan refuses
the same things in the same plain words: a value out of its range, too many
figures after the point, exponents, "NaN", other scripts' digits. Messages can
be reworded per field with Django's `error_messages`, keyed by the codes
"required", "invalid", "digits", "places", "min_value" and "max_value".
"""

from decimal import Decimal
from typing import Any

from django import forms

from coplan.core.numbers import (
    MAX_PENCE,
    NumberError,
    NumberRule,
    money_rule,
    number_read,
    pence_typed,
)


class NumberField(forms.CharField):
    """A number in the field's own unit (hours, miles), cleaned to a Decimal."""

    def __init__(
        self,
        *,
        what: str,
        most: Decimal | int,
        least: Decimal | int = 0,
        places: int = 1,
        more_than_least: bool = False,
        counted: bool = True,
        example: str = "",
        width: str = "govuk-input--width-4",
        **kwargs: Any,
    ) -> None:
        rule = NumberRule(
            what=what,
            most=most,
            least=least,
            places=places,
            more_than_least=more_than_least,
            counted=counted,
            example=example,
        )
        self._start(rule, width=width, kwargs=kwargs)

    def _start(self, rule: NumberRule, *, width: str, kwargs: dict) -> None:
        self.rule = rule
        inputmode = "numeric" if rule.places == 0 else "decimal"
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": width, "inputmode": inputmode}))
        kwargs["error_messages"] = {
            "required": f"Enter {rule.what[:1].lower()}{rule.what[1:]}",
            **kwargs.get("error_messages", {}),
        }
        super().__init__(**kwargs)
        # The rule reads the text: Django's own checks on text (null characters) would
        # answer first with words of their own.
        self.validators = []

    def read(self, text: str) -> object:
        return number_read(text, self.rule)

    def clean(self, value: Any) -> Any:
        text = self.to_python(value)
        self.validate(text)
        if text in self.empty_values:
            return None
        try:
            return self.read(text)
        except NumberError as error:
            message = self.error_messages.get(error.code) or str(error)
            raise forms.ValidationError(message, code=error.code) from error

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return format(value, "f")
        return value


class WholeNumberField(NumberField):
    """A count (days, people, links), cleaned to an int."""

    def __init__(self, *, what: str, most: int, least: int = 0, **kwargs: Any) -> None:
        super().__init__(what=what, most=most, least=least, places=0, **kwargs)

    def read(self, text: str) -> int:
        return int(number_read(text, self.rule))


class MoneyField(NumberField):
    """An amount in pounds, cleaned to whole pence (an int), up to `most_pence`."""

    prefix_text = "£"

    def __init__(
        self,
        *,
        label_for_errors: str,
        most_pence: int = MAX_PENCE,
        more_than_zero: bool = False,
        example: str = "",
        **kwargs: Any,
    ) -> None:
        rule = money_rule(
            label_for_errors, most_pence=most_pence, more_than_least=more_than_zero, example=example
        )
        self._start(rule, width="govuk-input--width-10", kwargs=kwargs)

    def read(self, text: str) -> int:
        return int(number_read(text, self.rule) * 100)

    def prepare_value(self, value: Any) -> Any:
        return pence_typed(value) if isinstance(value, int) else value
