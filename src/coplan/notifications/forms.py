from django import forms

from coplan.notifications.choices import DELIVERY_HINTS, Delivery
from coplan.notifications.kinds import kinds_chosen_by_people


class ChoicesForm(forms.Form):
    """One question for each kind of message a person may choose how to get."""

    def __init__(self, *args, chosen: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds_chosen_by_people():
            field = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=chosen.get(kind.code, Delivery.AT_ONCE),
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Select when to tell you: {kind.label.lower()}",
                    "invalid_choice": f"Select when to tell you: {kind.label.lower()}",
                },
            )
            field.item_hints = {str(value): hint for value, hint in DELIVERY_HINTS.items()}
            self.fields[kind.code] = field


def _template_field(label: str, hint: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=100,
        help_text=hint,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": False}),
        error_messages={"max_length": "A template ID is 36 letters, numbers and dashes"},
    )


class NotifyAccountForm(forms.Form):
    api_key = forms.CharField(
        label="API key",
        required=False,
        max_length=500,
        strip=True,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": "The API key must be 500 characters or fewer"},
    )
    text_template_id = _template_field(
        "Text message template ID",
        "A text message template whose words are ((subject)) ((body)) ((link)). Leave it "
        "empty if you do not send texts.",
    )
    letter_template_id = _template_field(
        "Letter template ID",
        "A letter template with ((subject)) as its heading and ((body)) ((link)) as its "
        "words. Leave it empty if you do not send letters.",
    )

    def __init__(self, *args, has_key: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["api_key"].help_text = (
            "We keep it encrypted and never show it again. Leave it empty to keep the key "
            "you set before."
            if has_key
            else "Make a 'live' key in GOV.UK Notify, under API integration. We keep it "
            "encrypted and never show it again."
        )
