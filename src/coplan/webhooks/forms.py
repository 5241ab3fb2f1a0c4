from django import forms

from coplan.core.events import event_choices
from coplan.webhooks.addresses import EXAMPLE, address_problem


class WebhookForm(forms.Form):
    url = forms.CharField(
        label="Address to send events to",
        help_text=f"The web address of your own system that receives them, like {EXAMPLE}. "
        "It must start with https://.",
        max_length=2000,
        error_messages={
            "required": "Enter the address to send events to",
            "max_length": "The address must be 2,000 characters or fewer",
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
    )
    events = forms.MultipleChoiceField(
        label="Which events should we send?",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select the events to send",
            "invalid_choice": "Select the events to send",
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["events"].choices = event_choices()

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        problem = address_problem(url)
        if problem:
            raise forms.ValidationError(problem)
        return url


class WebhookChangeForm(WebhookForm):
    active = forms.BooleanField(
        label="Send events to this address (untick to pause it)", required=False
    )
