"""Forms for paying people. Every problem is a message beside its field, in plain words.
Money is read into whole pence, and every other number by its rule, by core's number fields
(core/number_fields.py), so a value out of range gets a message beside its field."""

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone

from coplan.core.formats import long_date
from coplan.core.forms import checkboxes_field, radio_field, text_field
from coplan.core.govuk_forms import DateField
from coplan.core.number_fields import MoneyField, NumberField, WholeNumberField
from coplan.core.text import NoHiddenCharacters, clean_plain_text
from coplan.payments.amounts import MAX_MILES
from coplan.payments.choices import ExpenseCategory, HowPaid, PaidActivity, RateBasis

YES_NO = [("yes", "Yes"), ("no", "No")]
DATE_HINT = "For example, 27 3 2027"


class _PlainForm(forms.Form):
    """Text fields are checked for hidden characters (core.text.clean_plain_text)."""

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str) and value:
                try:
                    data[name] = clean_plain_text(
                        value,
                        field_label=str(self.fields[name].label),
                        multiline=isinstance(self.fields[name].widget, forms.Textarea),
                    )
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data


# The most a rate or an expense can be, in pence: far above what anyone is paid, low enough
# to catch pence typed as pounds (1500 for £15 an hour, 45 for 45p a mile).
MOST_HOUR_RATE = 1_000 * 100
MOST_SESSION_RATE = 10_000 * 100
MOST_MILEAGE_RATE = 5 * 100
MOST_EXPENSE = 10_000 * 100


def _rate(
    label: str,
    errors: str,
    most_pence: int,
    hint: str = "In pounds, for example 15 or 12.50",
) -> MoneyField:
    return MoneyField(
        label=label,
        label_for_errors=errors,
        most_pence=most_pence,
        required=False,
        help_text=hint,
    )


class PolicyForm(_PlainForm):
    plain_words = {"information": "plain"}

    applies_from = DateField(
        label="Date these rules apply from",
        label_for_errors="the date these rules apply from",
        help_text="Claims for meetings and activities on or after this date use these rules. "
        + DATE_HINT,
    )
    basis = forms.ChoiceField(
        label="How is time paid?",
        choices=RateBasis.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how time is paid"},
    )
    hour_rate_pence = _rate("Rate an hour", "The rate an hour", MOST_HOUR_RATE)
    half_day_rate_pence = _rate("Rate for half a day", "The rate for half a day", MOST_SESSION_RATE)
    day_rate_pence = _rate("Rate for a day", "The rate for a day", MOST_SESSION_RATE)
    activity_rate_pence = _rate(
        "Set amount for each meeting or activity",
        "The set amount for each meeting",
        MOST_SESSION_RATE,
    )
    half_day_up_to_hours = NumberField(
        label="A half day is up to how many hours?",
        what="Hours",
        least=Decimal("0.5"),
        most=12,
        places=1,
        initial=Decimal("4"),
        error_messages={
            "required": "Enter how many hours a half day is",
            "invalid": "Hours must be a number, like 4 or 3.5",
            "min_value": "A half day must be at least half an hour",
            "max_value": "A half day must be 12 hours or less",
            "places": "Hours can have one figure after the point, like 3.5",
        },
    )
    paid_activities = checkboxes_field("What are people paid for?", PaidActivity.choices)
    covered_expenses = checkboxes_field("Which expenses do we pay?", ExpenseCategory.choices)
    receipt_needed = checkboxes_field("Which expenses need a receipt?", ExpenseCategory.choices)
    agreed_first = checkboxes_field(
        "Which expenses must be agreed before they are used?",
        ExpenseCategory.choices,
        hint="For example, taxis. People say who agreed it when they claim.",
    )
    mileage_pence_per_mile = _rate(
        "Mileage rate a mile",
        "The mileage rate",
        MOST_MILEAGE_RATE,
        hint="In pounds, for example 0.45",
    )
    target_working_days = WholeNumberField(
        label="We pay claims within how many working days?",
        what="Working days",
        least=1,
        most=60,
        example="10",
        initial=10,
        help_text="Working days leave out weekends and bank holidays in England and Wales.",
        error_messages={"required": "Enter how many working days"},
    )
    bank_change_days = WholeNumberField(
        label="Check new bank details with a second person for how many days?",
        what="Days",
        least=0,
        most=90,
        example="7",
        initial=7,
        help_text="When someone changes their own bank details, no payment uses the new "
        "details for this many days unless another finance member confirms them. Details "
        "that staff enter always need a second finance member. 0 means only staff changes "
        "are checked.",
        error_messages={"required": "Enter how many days"},
    )
    information = text_field(
        "What we tell people about payment, tax and benefits",
        errors_label="what we tell people about payment, tax and benefits",
        max_length=5000,
        rows=8,
        hint="In plain words. People read this before they choose how to be paid. For "
        "example, who to ask about how payment may affect their benefits.",
    )

    def clean(self):
        data = super().clean()
        hours = data.pop("half_day_up_to_hours", None)
        if hours is not None:
            data["half_day_up_to_minutes"] = int(hours * 60)
        for name in ("receipt_needed", "agreed_first"):
            covered = set(data.get("covered_expenses", []))
            extra = [code for code in data.get(name, []) if code not in covered]
            if extra:
                self.add_error(
                    name,
                    f"{ExpenseCategory(extra[0]).label} is not an expense we pay: tick it "
                    "under 'Which expenses do we pay?' too, or untick it here",
                )
        data["mileage_pence_per_mile"] = data.get("mileage_pence_per_mile") or 0
        return data


class PaymentChoiceForm(forms.Form):
    privacy_part = "bank-details"  # of the security and data protection statement

    how = forms.ChoiceField(
        label="How do you want to be paid?",
        choices=HowPaid.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how you want to be paid"},
    )
    time_paid = forms.ChoiceField(
        label="Do you want to be paid for your time, as well as your expenses?",
        choices=[("yes", "Yes"), ("no", "No, only my expenses")],
        widget=forms.RadioSelect,
        required=False,
        help_text="Some people choose expenses only because of their benefits.",
    )
    saw_information = forms.BooleanField(
        label="I have read what payment can mean for tax and benefits",
        required=False,
    )

    def __init__(self, *args, needs_information: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.needs_information = needs_information
        if not needs_information:
            del self.fields["saw_information"]

    def clean(self):
        data = super().clean()
        if data.get("how") and data["how"] != HowPaid.NOT_PAID and not data.get("time_paid"):
            self.add_error("time_paid", "Select if you want to be paid for your time")
        if self.needs_information and not data.get("saw_information"):
            self.add_error("saw_information", "Confirm you have read what payment can mean for you")
        data["time_paid"] = data.get("time_paid") == "yes"
        return data


class BankDetailsForm(_PlainForm):
    privacy_part = "bank-details"  # of the security and data protection statement

    name = text_field(
        "Name on the account",
        errors_label="the name on the account",
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        validators=[NoHiddenCharacters("The name on the account")],
    )
    sort_code = text_field(
        "Sort code",
        errors_label="a sort code",
        max_length=10,
        hint="Must be 6 numbers long, like 30-94-57",
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-5", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
    account_number = text_field(
        "Account number",
        errors_label="an account number",
        max_length=12,
        hint="Must be between 6 and 8 numbers long",
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-10", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


SOMETHING_ELSE = "other"


class ClaimStartForm(_PlainForm):
    """Which meeting, or another activity and its date; for staff, whose claim it is."""

    privacy_part = "receipts-and-claims"  # of the security and data protection statement

    person = forms.TypedChoiceField(
        label="Who is the claim for?",
        coerce=int,
        choices=[],
        error_messages={"required": "Select who the claim is for"},
    )
    meeting = radio_field(
        "What are you claiming for?", [], error="Select what you are claiming for"
    )
    activity = text_field(
        "What did you do?",
        errors_label="what you did",
        max_length=200,
        required=False,
        hint="For example, read the papers for the next workshop",
    )
    activity_on = DateField(
        label="When did you do it?",
        label_for_errors="the date",
        required=False,
        help_text=DATE_HINT,
    )

    def __init__(self, *args, meetings, people=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [
            (str(meeting.pk), f"{meeting.title} ({long_date(meeting.meets_on)})")
            for meeting in meetings
        ] + [(SOMETHING_ELSE, "Something else, like reading papers or preparing")]
        if people is None:
            del self.fields["person"]
        else:
            self.fields["person"].choices = [("", "Choose someone")] + [
                (person.pk, person.full_name) for person in people
            ]
            self.fields["meeting"].label = "What is the claim for?"

    def clean(self):
        data = super().clean()
        if data.get("meeting") == SOMETHING_ELSE:
            if not data.get("activity"):
                self.add_error("activity", "Enter what you did")
            if not data.get("activity_on"):
                self.add_error("activity_on", "Enter the date")
            elif data["activity_on"] > datetime.date.today() + datetime.timedelta(days=1):
                self.add_error("activity_on", "The date must be today or in the past")
        return data


class ExpenseForm(_PlainForm):
    privacy_part = "receipts-and-claims"  # of the security and data protection statement

    category = radio_field(
        "What kind of expense is it?", [], error="Select what kind of expense it is"
    )
    description = text_field(
        "What was it?",
        errors_label="what it was",
        max_length=200,
        required=False,
        hint="For example, bus from Banbury and back",
    )
    amount = MoneyField(
        label="How much did it cost?",
        label_for_errors="The amount",
        most_pence=MOST_EXPENSE,
        example="4.50",
        required=False,
        help_text="In pounds, for example 4.50. For mileage, enter the miles instead.",
    )
    miles = NumberField(
        label="How many miles? (mileage only)",
        what="Miles",
        most=MAX_MILES,
        more_than_least=True,
        places=1,
        example="12 or 12.5",
        width="govuk-input--width-5",
        required=False,
        help_text="There and back, for example 12 or 12.5",
    )
    agreed_by = text_field(
        "Who agreed it before you used it?",
        errors_label="who agreed it",
        max_length=150,
        required=False,
        hint="Only for expenses that must be agreed first, like taxis",
        validators=[NoHiddenCharacters("Who agreed it")],
    )
    receipt = forms.FileField(
        label="Photo or PDF of the receipt",
        required=False,
        help_text="A photo (JPG or PNG) or a PDF",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )

    def __init__(self, *args, covered: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            (value, label) for value, label in ExpenseCategory.choices if value in covered
        ]

    def clean(self):
        data = super().clean()
        if data.get("category") == ExpenseCategory.MILEAGE:
            if data.get("miles") is None and "miles" not in self.errors:
                self.add_error("miles", "Enter how many miles")
        elif data.get("category") and data.get("amount") is None and "amount" not in self.errors:
            self.add_error("amount", "Enter how much it cost")
        elif data.get("amount") == 0:
            self.add_error("amount", "The amount must be more than £0")
        return data


class TimeForm(_PlainForm):
    privacy_part = "receipts-and-claims"  # of the security and data protection statement

    activity = radio_field("What did you spend time on?", [], error="Select what you spent time on")
    hours = WholeNumberField(
        label="Hours",
        what="Hours",
        most=24,
        example="2",
        width="govuk-input--width-3",
        required=False,
    )
    minutes = WholeNumberField(
        label="Minutes",
        what="Minutes",
        most=59,
        example="30",
        width="govuk-input--width-3",
        required=False,
    )
    description = text_field(
        "What did you do? (optional)", errors_label="what you did", max_length=200, required=False
    )

    def __init__(self, *args, activities: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = activities

    def clean(self):
        data = super().clean()
        if "hours" in self.errors or "minutes" in self.errors:
            return data
        total = (data.get("hours") or 0) * 60 + (data.get("minutes") or 0)
        if total == 0:
            self.add_error("hours", "Enter how long you spent")
        elif total > 24 * 60:
            self.add_error("hours", "Time must be 24 hours or less")
        data["total_minutes"] = total
        return data


class ReturnForm(_PlainForm):
    reason = text_field(
        "What needs to change?",
        errors_label="what needs to change",
        max_length=2000,
        rows=4,
        hint="In plain words. The person sees this, for example: the bus ticket photo "
        "is blurred, please take it again.",
    )


class PaidForm(forms.Form):
    paid_on = DateField(label="Date paid", label_for_errors="the date paid", help_text=DATE_HINT)
    reference = text_field(
        "Payment reference",
        errors_label="the payment reference",
        max_length=100,
        hint="From the payment system, so the payment can be found again",
    )


MOST_AT_ONCE = 50  # a page of the queue


class _ClaimsTicked(forms.MultipleChoiceField):
    """The claims ticked on the queue, by number. A claim not on the page any more (paid
    meanwhile, on another page) is still taken: the service says what became of it."""

    widget = forms.CheckboxSelectMultiple

    def valid_value(self, value) -> bool:
        return str(value).isdigit()


class BatchPaidForm(forms.Form):
    """Marking several approved claims paid with one payment reference and date."""

    claims = _ClaimsTicked(
        label="Claims to mark paid",
        error_messages={"required": "Select the claims to mark paid"},
    )
    paid_on = DateField(label="Date paid", label_for_errors="the date paid", help_text=DATE_HINT)
    reference = text_field(
        "Payment reference",
        errors_label="the payment reference",
        max_length=100,
        hint="From the payment system, so you can find the payments again. The same for "
        "every claim you tick",
    )

    def __init__(self, *args, choices: list[tuple[str, str]], hints: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claims"].choices = choices
        self.fields["claims"].item_hints = hints

    def clean_claims(self) -> list[int]:
        ticked = [int(value) for value in self.cleaned_data["claims"]]
        if len(ticked) > MOST_AT_ONCE:
            raise forms.ValidationError(f"Select up to {MOST_AT_ONCE} claims at once")
        return ticked

    def clean_paid_on(self) -> datetime.date:
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError("The date paid must be today or in the past")
        return paid_on


class ExportForm(forms.Form):
    start = DateField(label="Approved from", label_for_errors="the first date", help_text=DATE_HINT)
    end = DateField(label="Approved up to", label_for_errors="the last date", help_text=DATE_HINT)
    file_format = forms.ChoiceField(
        label="File type",
        choices=[("xlsx", "Spreadsheet (.xlsx)"), ("csv", "CSV (.csv)")],
        widget=forms.RadioSelect,
        initial="xlsx",
        error_messages={"required": "Select a file type"},
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The last date must be the same as or after the first date")
        return data


class CostCodeForm(_PlainForm):
    cost_code = text_field(
        "Cost code",
        errors_label="the cost code",
        max_length=50,
        required=False,
        hint="The code finance uses for this project's spending",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}),
    )
