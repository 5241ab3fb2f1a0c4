"""Checks on text people type, shared by every form."""

import unicodedata

from django import forms

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
