import datetime

from django import forms

from coplan.accounts.forms import email_field
from coplan.core.forms import checkboxes_field, radio_field, text_field
from coplan.core.govuk_forms import DateField
from coplan.core.number_fields import WholeNumberField
from coplan.core.text import NoHiddenCharacters, clean_plain_text
from coplan.people import monitoring
from coplan.people.choices import (
    CONSENT_EXPLANATIONS,
    CONSENT_QUESTIONS,
    SCALE,
    ConsentMethod,
    ConsentPurpose,
    ContactMethod,
    Format,
    GroupCategory,
    Helper,
    InvolvementRole,
)
from coplan.people.importing import MAX_BYTES
from coplan.people.models import StakeholderGroup
from coplan.people.needs import (
    CATEGORIES,
    MAX_NOTES_LENGTH,
    MAX_REMINDER_DAYS,
    AccessNeeds,
    NeedCategory,
)

PHONE_CHARACTERS = set("0123456789 +()-")


def _whole_number(
    label: str,
    *,
    errors_label: str,
    min_value: int,
    max_value: int,
    required: bool = False,
    hint: str = "",
) -> WholeNumberField:
    return WholeNumberField(
        label=label,
        what=f"{errors_label[0].upper()}{errors_label[1:]}",
        least=min_value,
        most=max_value,
        required=required,
        help_text=hint,
    )


def _clean(form: forms.Form, name: str, label: str, *, multiline: bool = False) -> str:
    value = form.cleaned_data.get(name, "")
    if not value or not value.strip():
        return ""
    return clean_plain_text(value, field_label=label, multiline=multiline)


class StakeholderGroupForm(forms.Form):
    name = text_field(
        "Name of the group",
        max_length=150,
        hint="For example, ‘People who use day services in Banbury’.",
        errors_label="the name of the group",
    )
    category = radio_field(
        "What kind of group is it?", GroupCategory.choices, error="Select what kind of group it is"
    )
    influence = forms.TypedChoiceField(
        label="How much influence does this group have over the project?",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how much influence the group has",
            "invalid_choice": "Select how much influence the group has",
        },
    )
    interest = forms.TypedChoiceField(
        label="How much interest does this group have in the project?",
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        help_text="How much the project affects them, or how much they care about it.",
        error_messages={
            "required": "Select how much interest the group has",
            "invalid_choice": "Select how much interest the group has",
        },
    )
    how_reached = text_field(
        "How will you make contact with, reach or find this group? (optional)",
        max_length=2000,
        required=False,
        rows=3,
        errors_label="how you will reach them",
    )
    helpers = checkboxes_field(
        "Who can help you reach them? (optional)",
        Helper.choices,
        error="Select who can help from the list",
    )
    helper_notes = text_field(
        "Names of people or organisations who can help (optional)",
        max_length=1000,
        required=False,
        rows=3,
        errors_label="who can help",
    )
    representation_aim = _whole_number(
        "How many people from this group do you aim to involve? (optional)",
        errors_label="the number of people",
        min_value=1,
        max_value=100_000,
        hint="So you can see if representation is wide enough.",
    )

    def clean_name(self) -> str:
        return clean_plain_text(self.cleaned_data["name"], field_label="The name of the group")

    def clean_how_reached(self) -> str:
        return _clean(self, "how_reached", "How you will reach them", multiline=True)

    def clean_helper_notes(self) -> str:
        return _clean(self, "helper_notes", "Who can help", multiline=True)


def _group_choices(groups: list[StakeholderGroup]) -> list[tuple[str, str]]:
    return [("", "Not in a group")] + [(str(group.pk), group.name) for group in groups]


class _GroupChoice(forms.Form):
    def _set_groups(self, groups: list[StakeholderGroup]) -> None:
        self.groups = {str(group.pk): group for group in groups}
        self.fields["group"] = forms.ChoiceField(
            label="Stakeholder group (optional)",
            choices=_group_choices(groups),
            required=False,
            error_messages={"invalid_choice": "Select a group from the list"},
        )

    def clean_group(self) -> StakeholderGroup | None:
        return self.groups.get(self.cleaned_data.get("group") or "")


def _phone_field() -> forms.CharField:
    return forms.CharField(
        label="Phone number (optional)",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "class": "govuk-input--width-20"}),
        error_messages={
            "max_length": "The phone number must be 40 characters or fewer",
            "null_characters_not_allowed": "Enter a phone number, like 01632 960 001",
        },
    )


def _clean_phone(value: str) -> str:
    value = value.strip()
    if value and (not set(value) <= PHONE_CHARACTERS or sum(c.isdigit() for c in value) < 6):
        raise forms.ValidationError("Enter a phone number, like 01632 960 001 or 07700 900 982")
    return value


class ParticipantForm(_GroupChoice):
    privacy_part = "your-details"  # of the security and data protection statement

    full_name = text_field(
        "Full name",
        max_length=150,
        errors_label="their full name",
        validators=[NoHiddenCharacters("Their full name")],
    )
    email = email_field(label="Email address (optional)", required_message="", autocomplete="off")
    phone = _phone_field()
    role = radio_field(
        "What will they do in the project?",
        InvolvementRole.choices,
        error="Select what they will do in the project",
    )

    def __init__(self, *args, groups: list[StakeholderGroup], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        self.fields["email"].help_text = (
            "If they are already known to your organisation, we use the details "
            "they have already given."
        )
        self._set_groups(groups)

    def clean_full_name(self) -> str:
        return clean_plain_text(self.cleaned_data["full_name"], field_label="Their full name")

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data["phone"])


class DetailsForm(forms.Form):
    privacy_part = "your-details"  # of the security and data protection statement

    full_name = text_field(
        "Full name",
        max_length=150,
        errors_label="the full name",
        validators=[NoHiddenCharacters("The full name")],
    )
    email = email_field(label="Email address (optional)", required_message="", autocomplete="email")
    phone = _phone_field()
    address = text_field(
        "Postal address (optional)",
        max_length=500,
        required=False,
        rows=3,
        errors_label="the address",
    )
    contact_by = radio_field(
        "How would you like us to contact you?",
        ContactMethod.choices,
        error="Select how to make contact",
        required=False,
    )
    formats = checkboxes_field(
        "Which formats do papers need to be in? (optional)",
        Format.choices,
        error="Select formats from the list",
    )
    other_language = text_field(
        "If another language, which one?",
        max_length=100,
        required=False,
        errors_label="the language",
    )

    def __init__(
        self, *args, about_someone_else: bool = False, only: tuple[str, ...] = (), **kwargs
    ) -> None:
        """`only`: just these fields (one question of "tell us once")."""
        super().__init__(*args, **kwargs)
        self.fields["email"].required = False
        if about_someone_else:
            self.fields["contact_by"].label = "How do they want to be contacted?"
            self.fields["formats"].label = "Which formats do their papers need to be in? (optional)"
        if only:
            self.fields = {name: self.fields[name] for name in only}

    def clean_full_name(self) -> str:
        return clean_plain_text(self.cleaned_data["full_name"], field_label="The full name")

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data["phone"])

    def clean_address(self) -> str:
        return _clean(self, "address", "The address", multiline=True)

    def clean_other_language(self) -> str:
        return _clean(self, "other_language", "The language")

    def clean(self) -> dict:
        cleaned = super().clean()
        contact_by = cleaned.get("contact_by")
        needs = {"email": "email", "phone": "phone", "text": "phone", "post": "address"}
        words = {
            "email": "an email address",
            "phone": "a phone number",
            "address": "a postal address",
        }
        if (
            contact_by in needs
            and not cleaned.get(needs[contact_by])
            and needs[contact_by] not in self.errors
        ):
            self.add_error(
                needs[contact_by],
                f"Enter {words[needs[contact_by]]}, or choose another way to make contact",
            )
        if (
            "other_language" in (cleaned.get("formats") or [])
            and not cleaned.get("other_language")
            and "other_language" not in self.errors
        ):
            self.add_error("other_language", "Enter the language")
        return cleaned


class NeedsForm(forms.Form):
    """One group of checkboxes and a notes box per category, built from `needs.CATEGORIES`."""

    privacy_part = "access-needs"  # of the security and data protection statement

    def __init__(
        self,
        *args,
        about_someone_else: bool = False,
        categories: tuple[NeedCategory, ...] = CATEGORIES,
        **kwargs,
    ) -> None:
        """`categories`: just these (one question of "tell us once")."""
        super().__init__(*args, **kwargs)
        self.categories = categories
        for category in categories:
            self.fields[category.code] = checkboxes_field(
                category.question, category.options, error="Select from the list"
            )
            self.fields[f"{category.code}_notes"] = text_field(
                f"{category.notes_label} (optional)",
                max_length=MAX_NOTES_LENGTH,
                required=False,
                rows=3,
                errors_label=category.notes_label.lower(),
            )
            if category.code == "reminders":
                self.fields[
                    category.code
                ].label = "How would you like to be reminded about meetings?"
                self.fields["reminder_days_before"] = _whole_number(
                    "How many days before a meeting? (optional)",
                    errors_label="the number of days",
                    min_value=0,
                    max_value=MAX_REMINDER_DAYS,
                    hint="Enter 0 for a reminder on the day.",
                )
        if about_someone_else and "reminders" in self.fields:
            self.fields["reminders"].label = "How would they like to be reminded about meetings?"

    @classmethod
    def initial_from(cls, needs: AccessNeeds) -> dict:
        initial = {"reminder_days_before": needs.reminder_days_before}
        for category in CATEGORIES:
            initial[category.code] = sorted(needs.options(category.code))
            initial[f"{category.code}_notes"] = needs.notes.get(category.code, "")
        return initial

    def clean(self) -> dict:
        cleaned = super().clean()
        for category in self.categories:
            name = f"{category.code}_notes"
            if cleaned.get(name):
                try:
                    cleaned[name] = clean_plain_text(
                        cleaned[name], field_label=category.notes_label, multiline=True
                    )
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def needs(self) -> AccessNeeds:
        data = self.cleaned_data
        return AccessNeeds.from_answers(
            chosen={category.code: data.get(category.code) or [] for category in self.categories},
            notes={
                category.code: data.get(f"{category.code}_notes") or ""
                for category in self.categories
            },
            reminder_days_before=data.get("reminder_days_before"),
        )


class InvolvementForm(_GroupChoice):
    privacy_part = "your-details"  # of the security and data protection statement

    plain_words = {
        "role_description": "plain",
        "training_needed": "plain",
    }

    role = radio_field(
        "What do they do in the project?",
        InvolvementRole.choices,
        error="Select what they do in the project",
    )
    role_description = text_field(
        "Role description (optional)",
        max_length=2000,
        required=False,
        rows=3,
        hint="What the role involves and the commitment it needs.",
        errors_label="the role description",
    )
    training_needed = text_field(
        "Training they need (optional)",
        max_length=1000,
        required=False,
        rows=3,
        hint="For example, training before sitting on an interview panel.",
        errors_label="the training they need",
    )
    training_done = text_field(
        "Training they have done (optional)",
        max_length=1000,
        required=False,
        rows=3,
        errors_label="the training they have done",
    )

    def __init__(self, *args, groups: list[StakeholderGroup], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._set_groups(groups)
        self.order_fields(["role", "group"])

    def clean_role_description(self) -> str:
        return _clean(self, "role_description", "The role description", multiline=True)

    def clean_training_needed(self) -> str:
        return _clean(self, "training_needed", "The training they need", multiline=True)

    def clean_training_done(self) -> str:
        return _clean(self, "training_done", "The training they have done", multiline=True)


class ConsentForm(forms.Form):
    privacy_part = "your-details"  # of the security and data protection statement

    purpose = radio_field(
        "What is the consent for?", ConsentPurpose.choices, error="Select what the consent is for"
    )
    given = radio_field(
        "What did they say?",
        [("yes", "Yes, they agree"), ("no", "No, they do not agree")],
        error="Select what they said",
    )
    given_on = DateField(
        label="When did they answer?",
        help_text="For example, 27 3 2027",
        label_for_errors="the date they answered",
    )
    method = radio_field(
        "How did they answer?", ConsentMethod.choices, error="Select how they answered"
    )
    told = text_field(
        "What were they told?",
        max_length=2000,
        rows=5,
        hint="What the information will be used for, who will see it and how long it is kept.",
        errors_label="what they were told",
    )
    review_on = DateField(
        label="When should this be checked again? (optional)",
        help_text="For example, 27 3 2028",
        label_for_errors="the review date",
        required=False,
    )

    def clean_told(self) -> str:
        return clean_plain_text(
            self.cleaned_data["told"], field_label="What they were told", multiline=True
        )

    def clean_given_on(self) -> datetime.date:
        value = self.cleaned_data["given_on"]
        if value and value > datetime.date.today() + datetime.timedelta(days=1):
            raise forms.ValidationError("The date they answered must be today or in the past")
        if value and value.year < 2000:
            raise forms.ValidationError("The date they answered must be after 2000")
        return value

    def clean_review_on(self) -> datetime.date | None:
        value = self.cleaned_data.get("review_on")
        if value and not 2000 <= value.year <= 2100:
            raise forms.ValidationError("The review date must be between 2000 and 2100")
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        given_on, review_on = cleaned.get("given_on"), cleaned.get("review_on")
        if given_on and review_on and review_on <= given_on:
            self.add_error("review_on", "The review date must be after the date they answered")
        return cleaned


class OwnConsentForm(forms.Form):
    """The person answers each consent question themselves."""

    privacy_part = "your-details"  # of the security and data protection statement

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for purpose in ConsentPurpose:
            field = radio_field(
                CONSENT_QUESTIONS[purpose], [("yes", "Yes"), ("no", "No")], error="Select yes or no"
            )
            field.help_text = CONSENT_EXPLANATIONS[purpose]
            self.fields[purpose.value] = field


class KeepDetailsForm(forms.Form):
    """The consent to keep someone's details, asked as the last question of "tell us once"."""

    privacy_part = "your-details"  # of the security and data protection statement

    keep_details = radio_field(
        CONSENT_QUESTIONS[ConsentPurpose.DATA_STORAGE],
        [("yes", "Yes"), ("no", "No")],
        error="Select yes or no",
        hint=CONSENT_EXPLANATIONS[ConsentPurpose.DATA_STORAGE],
        required=False,
    )


class ImportForm(forms.Form):
    privacy_part = "your-details"  # of the security and data protection statement

    file = forms.FileField(
        label="Upload a CSV file",
        help_text="The first row must have the column headings. Files can be up to 5 MB.",
        error_messages={
            "required": "Select a CSV file",
            "empty": "The file is empty",
            "invalid": "Select a CSV file",
            "missing": "Select a CSV file",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        name = (upload.name or "").lower()
        if name.endswith((".xlsx", ".xls", ".ods", ".numbers")):
            raise forms.ValidationError(
                "The file must be a CSV file. In your spreadsheet, choose ‘Save as’ and then "
                "‘CSV UTF-8 (comma delimited)’"
            )
        return upload


class MonitoringForm(forms.Form):
    privacy_part = "equality-monitoring"  # of the security and data protection statement

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for question in monitoring.QUESTIONS:
            self.fields[question.code] = radio_field(
                f"{question.label} (optional)",
                question.answers,
                error="Select an answer from the list",
                required=False,
            )


def _aim_choices() -> list[tuple[str, str]]:
    choices = [("", "Choose an answer")]
    for question in monitoring.QUESTIONS:
        for answer, label in question.answers:
            if (answer, label) != monitoring.PREFER_NOT_TO_SAY:
                choices.append((f"{question.code}={answer}", f"{question.label} {label}"))
    return choices


class MonitoringAimForm(forms.Form):
    answer = forms.ChoiceField(
        label="Which people do you aim to involve?",
        choices=_aim_choices,
        error_messages={
            "required": "Select which people you aim to involve",
            "invalid_choice": "Select which people you aim to involve",
        },
    )
    aim = _whole_number(
        "How many?", errors_label="how many people", min_value=1, max_value=100_000, required=True
    )

    def question_and_answer(self) -> tuple[str, str]:
        question, _, answer = self.cleaned_data["answer"].partition("=")
        return question, answer


class RetentionForm(forms.Form):
    retention_months = _whole_number(
        "How many months after their last project ends should we keep someone’s details?",
        errors_label="the number of months",
        min_value=1,
        max_value=240,
        required=True,
        hint=(
            "After this, their details are anonymised: counts stay, nothing that "
            "identifies them does."
        ),
    )
