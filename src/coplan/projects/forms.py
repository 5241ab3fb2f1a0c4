import datetime

from django import forms

from coplan.accounts.forms import email_field
from coplan.core.govuk_forms import DateField
from coplan.core.text import NoHiddenCharacters, clean_plain_text
from coplan.organisations.models import Organisation
from coplan.projects.roles import ROLE_DESCRIPTIONS, Role

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100


def _text_errors(label: str, max_length: int) -> dict:
    return {
        "required": f"Enter {label}",
        "max_length": f"{label[0].upper()}{label[1:]} must be {max_length} characters or fewer",
    }


class ProjectForm(forms.Form):
    plain_words = {
        "description": "plain",
        "reason": "plain",
    }

    name = forms.CharField(
        label="Project name",
        max_length=150,
        help_text="A short name people will recognise, like ‘Day services review’.",
        error_messages=_text_errors("the project name", 150),
    )
    description = forms.CharField(
        label="What is the project?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_text_errors("what the project is", 2000),
    )
    reason = forms.CharField(
        label="Why is it happening?",
        max_length=2000,
        help_text="What is the reason for the change?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_text_errors("why the project is happening", 2000),
    )
    start_date = DateField(
        label="Start date", help_text="For example, 27 3 2027", label_for_errors="the start date"
    )
    end_date = DateField(
        label="End date", help_text="For example, 30 9 2028", label_for_errors="the end date"
    )

    def __init__(self, *args, organisations: list[Organisation] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if organisations and len(organisations) > 1:
            self.fields["organisation"] = forms.TypedChoiceField(
                label="Which organisation is this project for?",
                choices=[(organisation.pk, organisation.name) for organisation in organisations],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": "Select the organisation this project is for"},
            )
            self.order_fields(["organisation"])

    def clean_name(self) -> str:
        return clean_plain_text(self.cleaned_data["name"], field_label="The project name")

    def clean_description(self) -> str:
        return clean_plain_text(
            self.cleaned_data["description"], field_label="What the project is", multiline=True
        )

    def clean_reason(self) -> str:
        return clean_plain_text(
            self.cleaned_data["reason"], field_label="Why the project is happening", multiline=True
        )

    def _clean_year(self, field: str, label: str) -> datetime.date | None:
        value = self.cleaned_data.get(field)
        if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            self.add_error(field, f"{label} must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
            return None
        return value

    def clean(self) -> dict:
        cleaned = super().clean()
        start = self._clean_year("start_date", "The start date")
        end = self._clean_year("end_date", "The end date")
        if start and end and end <= start:
            self.add_error("end_date", "The end date must be after the start date")
        return cleaned


class InvitationForm(forms.Form):
    plain_words = {"message": "plain"}

    email = email_field(
        help_text="We will email them a link to join the project.",
        required_message="Enter their email address",
        autocomplete="off",
    )
    full_name = forms.CharField(
        label="Their name (optional)",
        max_length=150,
        required=False,
        help_text="So the email can greet them by name.",
        validators=[NoHiddenCharacters("Their name")],
        error_messages={"max_length": "Their name must be 150 characters or fewer"},
    )
    role = forms.ChoiceField(
        label="What will they do in the project?",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what they will do in the project"},
    )
    message = forms.CharField(
        label="A message from you (optional)",
        max_length=2000,
        required=False,
        help_text="Say in your own words why you would like them to take part.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Your message must be 2000 characters or fewer"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].item_hints = role_hints()

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"]
        return clean_plain_text(name, field_label="Their name") if name.strip() else ""

    def clean_message(self) -> str:
        message = self.cleaned_data["message"]
        if not message.strip():
            return ""
        return clean_plain_text(message, field_label="Your message", multiline=True)


class RoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a role"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].item_hints = role_hints()


def role_hints() -> dict[str, str]:
    return {str(role): text for role, text in ROLE_DESCRIPTIONS.items()}
