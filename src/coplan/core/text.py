"""Checks on text people type, shared by every form."""

import unicodedata

from django import forms
from django.utils.deconstruct import deconstructible

# Control and other invisible characters that have no place in a name or title:
# C* categories, except ordinary line breaks and tabs in longer text.
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def clean_plain_text(value: str, *, field_label: str, multiline: bool = False) -> str:
    """Normalise what was typed and refuse characters nobody can see or read back.

    Text is stored as typed (HTML is escaped when shown, never stripped), in NFC
    so the same words always compare equal.
    """
    value = unicodedata.normalize("NFC", value).strip()
    allowed = _ALLOWED_CONTROLS if multiline else set()
    for character in value:
        category = unicodedata.category(character)
        if category in {"Cc", "Cs", "Co", "Cn"} and character not in allowed:
            raise forms.ValidationError(
                f"{field_label} must not contain hidden or control characters",
                code="control_characters",
            )
    if not value:
        raise forms.ValidationError(f"Enter {field_label.lower()}", code="required")
    return value


def clean_typed_text(
    value: str, label: str, *, required: bool = True, multiline: bool = True
) -> str:
    """A text box's answer as `clean_plain_text` leaves it (`label` names it in
    the messages); an answer that may be left empty and was is "" (only spaces
    count as empty)."""
    if not required and not value.strip():
        return ""
    return clean_plain_text(value, field_label=label, multiline=multiline)


# Characters nobody can see that change how the words around them read, or make
# two names that look the same differ: format characters (Cf: direction overrides
# and isolates, zero-width spaces and joiners, the soft hyphen, word joiners),
# controls, line and paragraph separators, unassigned and private-use code points,
# and the rest of Unicode's "default ignorable" characters (fillers that draw as
# nothing, variation selectors), plus the blank Braille pattern used as a blank name.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_HIDDEN_RANGES = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels, drawn as nothing
    (0x180B, 0x180F),  # Mongolian variation selectors
    (0x2800, 0x2800),  # Braille pattern blank
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0100, 0xE01EF),  # variation selectors supplement
)
# Zero-width non-joiner and joiner are part of how some scripts are written (in
# Persian, and in scripts of South Asia): allowed between two letters of such a
# script, never beside Latin, Greek or Cyrillic letters or in an emoji.
_JOINERS = {"\u200c", "\u200d"}
_FIRST_JOINING_SCRIPT = 0x0590


def _is_letter_of_a_joining_script(character: str) -> bool:
    return ord(character) >= _FIRST_JOINING_SCRIPT and unicodedata.category(character)[0] in "LM"


def _is_hidden(text: str, index: int) -> bool:
    character = text[index]
    if character in _JOINERS and 0 < index < len(text) - 1:
        return not (
            _is_letter_of_a_joining_script(text[index - 1])
            and _is_letter_of_a_joining_script(text[index + 1])
        )
    code = ord(character)
    return unicodedata.category(character) in _HIDDEN_CATEGORIES or any(
        low <= code <= high for low, high in _HIDDEN_RANGES
    )


def has_hidden_characters(text: str) -> bool:
    """Whether the text holds a character nobody can see (see `_HIDDEN_CATEGORIES`)."""
    return any(_is_hidden(text, index) for index in range(len(text)))


@deconstructible
class NoHiddenCharacters:
    """Validator for names and email addresses: refuses characters nobody can see,
    which can make a list of people read differently from what is stored."""

    code = "hidden_characters"

    def __init__(self, field_label: str) -> None:
        self.field_label = field_label

    def __call__(self, value: str) -> None:
        if value and has_hidden_characters(value):
            raise forms.ValidationError(
                f"{self.field_label} must not contain hidden characters. "
                "Type it in instead of pasting it",
                code=self.code,
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoHiddenCharacters) and other.field_label == self.field_label
