from django import forms
from django.utils.html import format_html
from markupsafe import Markup

from coplan import language
from coplan.core.forms import checkboxes_field
from coplan.language.findings import CHANGE
from coplan.plain_words.pictures import Picture

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


def picture_label(picture: Picture, *, src: str) -> Markup:
    """A picture choice's label: the picture, then what it shows (which names it)."""
    return format_html(
        '<img class="app-easy-read__choice" src="{}" alt="" width="48" height="48"> {}',
        src,
        picture.alt,
    )


class EasyReadLineForm(forms.Form):
    """One line of an Easy Read version: its words, a heading or not, its picture."""

    plain_words = {"words": language.EASY_READ}

    words = forms.CharField(
        label="Words",
        max_length=500,
        required=False,
        help_text="One short sentence. Leave it empty to leave this line out.",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "The words must be 500 characters or fewer"},
    )
    heading = forms.BooleanField(label="Show it as a heading, with no picture", required=False)
    picture = forms.ChoiceField(
        label="Picture",
        required=False,
        help_text="The picture goes on the left of the words.",
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select a picture from the list"},
    )

    def __init__(self, *args, pictures: list[tuple[Picture, str]], **kwargs) -> None:
        """`pictures`: each picture that may be chosen, with the address of its image."""
        super().__init__(*args, **kwargs)
        field = self.fields["picture"]
        field.choices = [("", "No picture"), *((p.key, p.alt) for p, _ in pictures)]
        field.item_html = {p.key: picture_label(p, src=src) for p, src in pictures}
        field.item_hints = {
            p.key: ("Your organisation's picture" if not p.is_openmoji else f"For: {p.topic}")
            for p, _ in pictures
        }


class OrganisationPictureForm(forms.Form):
    picture = forms.FileField(
        label="Picture",
        help_text="An SVG or a PNG, smaller than 1MB",
        widget=forms.ClearableFileInput(attrs={"accept": "image/svg+xml,image/png"}),
        error_messages={"required": "Select a picture", "empty": "The selected file is empty"},
    )
    alt = forms.CharField(
        label="What does the picture show?",
        max_length=150,
        help_text="In plain words, for people who cannot see it. For example: A bus stop",
        error_messages={
            "required": "Enter what the picture shows",
            "max_length": "What the picture shows must be 150 characters or fewer",
        },
    )
    topics = checkboxes_field(
        "Which topics does it fit?",
        error="Select topics from the list",
        hint="Lines about these topics get this picture first. Select all that apply.",
    )

    def __init__(self, *args, topics: tuple[str, ...], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(topic, topic.capitalize()) for topic in topics]

    def clean_alt(self) -> str:
        alt = self.cleaned_data["alt"].strip()
        hard = [
            finding
            for finding in language.check(alt, mode=language.EASY_READ).findings
            if finding.severity == CHANGE
        ]
        if hard:
            raise forms.ValidationError(
                f"Use plain words to say what the picture shows: {hard[0].message}"
            )
        return alt
