from django import forms

from coplan.api.models import Scope
from coplan.api.services import EXPIRY_CHOICES
from coplan.core.text import clean_plain_text


class AccessTokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="What the token is for, so you know it later. For example, "
        "‘Our CRM’ or ‘Dashboard of engagement’.",
        error_messages={
            "required": "Enter a name for the token",
            "max_length": "The name must be 100 characters or fewer",
        },
    )
    days = forms.TypedChoiceField(
        label="How long it lasts",
        choices=[(days, "1 year" if days == 365 else f"{days} days") for days in EXPIRY_CHOICES],
        coerce=int,
        widget=forms.RadioSelect,
        help_text="After this, it stops working and you make a new one.",
        error_messages={"required": "Choose how long the token lasts"},
    )
    scope = forms.ChoiceField(
        label="What it may do",
        choices=[
            (Scope.READ, "Read only: see what you can see on the pages"),
            (Scope.READ_WRITE, "Read and change: also change what you can change on the pages"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the token may do"},
    )

    def clean_name(self) -> str:
        return clean_plain_text(self.cleaned_data["name"], field_label="Name")
