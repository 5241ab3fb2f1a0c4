"""Every number and money field of every form refuses what is out of its range, with a
message in plain words beside it, or accepts a sensible value: never an exception.

The forms are listed by hand (NUMBER_FORMS) and a walk over every form class in coplan
fails if a form with a number field is missing from the list, so a new one is tested too."""

import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django import forms
from hypothesis import given, settings
from hypothesis import strategies as st

import coplan
from coplan.core.number_fields import MoneyField, NumberField
from coplan.feedback.forms import OneTimeLinksForm
from coplan.guides import engine
from coplan.guides.forms import SectionForm
from coplan.meetings.forms import NoticePolicyForm
from coplan.payments.choices import ExpenseCategory
from coplan.payments.forms import BankDetailsForm, ExpenseForm, PolicyForm, TimeForm
from coplan.people.forms import MonitoringAimForm, NeedsForm, RetentionForm, StakeholderGroupForm
from coplan.planning.forms import BudgetForm, BudgetLineForm
from tests.core.wild_numbers import NUMBERS_GUIDE, WILD

NUMBERS_SECTION = engine.guide_read(NUMBERS_GUIDE).sections[0]


@dataclass(frozen=True)
class FormCase:
    form: type[forms.Form]
    fields: tuple[str, ...]
    kwargs: dict

    def build(self, data: dict | None = None) -> forms.Form:
        return self.form(data, **self.kwargs)


NUMBER_FORMS = [
    FormCase(
        PolicyForm,
        (
            "hour_rate_pence",
            "half_day_rate_pence",
            "day_rate_pence",
            "activity_rate_pence",
            "half_day_up_to_hours",
            "mileage_pence_per_mile",
            "target_working_days",
            "bank_change_days",
        ),
        {},
    ),
    FormCase(
        ExpenseForm, ("amount", "miles"), {"covered": [code for code, _ in ExpenseCategory.choices]}
    ),
    FormCase(TimeForm, ("hours", "minutes"), {"activities": [("meetings", "Meetings")]}),
    FormCase(BudgetForm, ("held",), {}),
    FormCase(BudgetLineForm, ("planned",), {}),
    FormCase(OneTimeLinksForm, ("count",), {}),
    FormCase(NoticePolicyForm, ("notice_days",), {}),
    FormCase(StakeholderGroupForm, ("representation_aim",), {}),
    FormCase(NeedsForm, ("reminder_days_before",), {}),
    FormCase(MonitoringAimForm, ("aim",), {}),
    FormCase(RetentionForm, ("retention_months",), {}),
    FormCase(SectionForm, ("how-much", "how-many"), {"section": NUMBERS_SECTION, "answers": {}}),
]
# Boxes for digits that are not amounts: read by their own rules (payments.services).
NOT_NUMBERS = {(BankDetailsForm, "sort_code"), (BankDetailsForm, "account_number")}
# Durations are read by the guides engine ("6 months"); they are tested with the numbers.
DURATIONS = [FormCase(SectionForm, ("how-long",), {"section": NUMBERS_SECTION, "answers": {}})]

HOSTILE = [
    *WILD,
    "1E5",
    "nan",
    "-Infinity",
    "inf",
    "-0.0",
    "١٢٣",
    "1,00",
    "12.50p",
    "9" * 30,
    "1" + "0" * 400,
    "0." + "0" * 400 + "1",
    "−5",
    "+5",
    "0x10",
    "0",
    "12",
    "12.5",
    "12.345",
    "",
    " ",
    "\x00",
    "\u202e12",
    "<script>alert(1)</script>",
]
TYPED = st.one_of(
    st.sampled_from(HOSTILE),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
    st.text(max_size=20),
    st.text(alphabet="0123456789,.-£e ", max_size=30),
)
# Words Django uses by default: a message people would not understand.
DJANGO_WORDS = ("This field", "Ensure this value", "Enter a number.", "Enter a whole number.")


def _forms_modules() -> list:
    names = [
        info.name
        for info in pkgutil.walk_packages(coplan.__path__, prefix="coplan.")
        if info.name.rsplit(".", 1)[-1].endswith("forms") and "tests" not in info.name
    ]
    return [importlib.import_module(name) for name in names]


def _all_form_classes() -> list[type[forms.BaseForm]]:
    found = []
    for module in _forms_modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def _looks_like_a_number(field: forms.Field) -> bool:
    return isinstance(
        field, forms.IntegerField | forms.DecimalField | forms.FloatField | NumberField
    ) or field.widget.attrs.get("inputmode") in {"numeric", "decimal"}


def _number_fields(fields: dict[str, forms.Field], form: type) -> set[str]:
    return {
        name
        for name, field in fields.items()
        if _looks_like_a_number(field) and (form, name) not in NOT_NUMBERS
    }


def test_every_form_with_a_number_field_is_listed():
    listed = {case.form: case for case in NUMBER_FORMS}
    found = {}
    for form in _all_form_classes():
        fields = listed[form].build().fields if form in listed else form.base_fields
        numbers = _number_fields(fields, form) - {
            name for case in DURATIONS if case.form is form for name in case.fields
        }
        if numbers:
            found[form] = numbers

    assert found == {case.form: set(case.fields) for case in NUMBER_FORMS}


def test_every_number_field_is_one_of_cores_number_fields():
    for case in NUMBER_FORMS:
        fields = case.build().fields
        assert all(isinstance(fields[name], NumberField) for name in case.fields), case.form


def test_no_form_makes_a_number_field_of_its_own():
    sources = {
        path: path.read_text()
        for path in Path(coplan.__file__).parent.glob("*/*forms.py")
        if path.parent.name != "core"
    }

    assert [
        path.name
        for path, text in sources.items()
        if any(f"forms.{kind}Field(" in text for kind in ("Integer", "Decimal", "Float"))
    ] == []


def _cases() -> list[tuple[FormCase, str]]:
    return [(case, name) for case in NUMBER_FORMS + DURATIONS for name in case.fields]


def _checked(case: FormCase, name: str, typed: str) -> None:
    form = case.build({name: typed})
    form.is_valid()  # must not raise
    field = form.fields[name]
    errors = form.errors.get(name)
    if errors:
        message = errors[0]
        assert message.strip(), (name, typed)
        assert not any(words in message for words in DJANGO_WORDS), (name, typed, message)
        return
    value = form.cleaned_data.get(name)
    if value is None or not isinstance(field, NumberField):
        return
    assert isinstance(value, int | Decimal)
    in_pence = isinstance(field, MoneyField) and isinstance(value, int)
    amount = Decimal(value) / 100 if in_pence else Decimal(value)
    rule = field.rule
    assert Decimal(rule.least) <= amount <= Decimal(rule.most), (name, typed, value)
    assert amount == amount.quantize(Decimal(1).scaleb(-rule.places)), (name, typed, value)


@pytest.mark.parametrize(("case", "name"), _cases(), ids=lambda x: getattr(x, "__name__", x))
@pytest.mark.parametrize("typed", HOSTILE, ids=lambda typed: repr(typed[:12]))
def test_hostile_numbers_get_a_message_or_a_sensible_value(case, name, typed):
    _checked(case, name, typed)


@pytest.mark.parametrize(("case", "name"), _cases(), ids=lambda x: getattr(x, "__name__", x))
@settings(max_examples=60, deadline=None)
@given(typed=TYPED)
def test_any_typed_number_gets_a_message_or_a_sensible_value(case, name, typed):
    _checked(case, name, typed)


@pytest.mark.parametrize(
    ("case", "name", "typed", "message"),
    [
        (NUMBER_FORMS[1], "miles", "1e308", "Miles must be a number, like 12 or 12.5"),
        (NUMBER_FORMS[1], "miles", "2001", "Miles must be 2,000 or fewer"),
        (NUMBER_FORMS[1], "amount", "1000000", "The amount must be £10,000 or less"),
        (NUMBER_FORMS[0], "hour_rate_pence", "1500", "The rate an hour must be £1,000 or less"),
        (NUMBER_FORMS[0], "mileage_pence_per_mile", "45", "The mileage rate must be £5 or less"),
        (NUMBER_FORMS[0], "half_day_up_to_hours", "1e308", "Hours must be a number, like 4 or 3.5"),
        (NUMBER_FORMS[2], "hours", "1e308", "Hours must be a whole number, like 2"),
        (
            NUMBER_FORMS[3],
            "held",
            "٣",
            "The amount the project has must be written with the digits",
        ),
        (
            NUMBER_FORMS[-1],
            "how-much",
            "1e308",
            "Enter the amount in pounds and pence, like 2500.50",
        ),
        (NUMBER_FORMS[-1], "how-many", "-1", "The answer must be 0 or more"),
        (NUMBER_FORMS[-1], "how-many", "1e9999", "The answer must be a number, like 12 or 12.5"),
        (DURATIONS[0], "how-long", "9" * 41, "Enter a length of time, for example 6 months"),
    ],
)
def test_out_of_range_numbers_are_refused_in_the_persons_terms(case, name, typed, message):
    form = case.build({name: typed})

    assert not form.is_valid()
    assert form.errors[name][0].startswith(message)
