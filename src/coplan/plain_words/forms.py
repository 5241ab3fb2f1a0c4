from django import forms

from coplan import language

MODE_CHOICES = [
    (language.PLAIN, "Plain English"),
    (language.EASY_READ, "Easy Read (stricter: short sentences, one idea each, numbers as digits)"),
]


class CheckForm(forms.Form):
    text = forms.CharField(
        label="Text to check",
        max_length=200_000,
        help_text="Paste an invitation, letter, agenda or information pack.",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": "Enter some text to check",
            "max_length": "The text must be 200,000 characters or fewer",
        },
    )
    mode = forms.ChoiceField(
        label="How strict?",
        choices=MODE_CHOICES,
        initial=language.PLAIN,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how strict the check should be"},
    )


def allowed_words(raw: str) -> tuple[str, ...]:
    """Words someone said are fine here, sent back with each live check."""
    return tuple(word.strip() for word in raw.split("\n") if word.strip())[:200]


class EasyReadForm(forms.Form):
    title = forms.CharField(
        label="Title (optional)",
        max_length=150,
        required=False,
        error_messages={"max_length": "The title must be 150 characters or fewer"},
    )
    text = forms.CharField(
        label="Text to make Easy Read",
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": "Enter some text to make an Easy Read version of",
            "max_length": "The text must be 50,000 characters or fewer",
        },
    )
