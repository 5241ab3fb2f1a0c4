from django import forms

from coplan.accounts.forms import email_field, full_name_field
from coplan.core.text import clean_plain_text


class StaffMemberForm(forms.Form):
    email = email_field(
        help_text="Their work email address. If they are new, we will email them a link "
        "to set a password.",
        required_message="Enter their email address",
        autocomplete="off",
    )
    full_name = full_name_field(label_for_errors="Their full name")
    is_admin = forms.BooleanField(
        label="They can manage the organisation's staff (organisation admin)", required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].error_messages["required"] = "Enter their full name"

    def clean_full_name(self) -> str:
        return clean_plain_text(self.cleaned_data["full_name"], field_label="Their full name")
