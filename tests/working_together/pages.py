"""Reading working together pages as people see them."""

import html
import re


def words(response) -> str:
    """The page's text with tags taken out and spaces squeezed, as a person reads it."""
    text = re.sub(r"<script.*?</script>", " ", response.content.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def field_error(response, field_id: str) -> str:
    """The inline error message shown beside one field."""
    match = re.search(
        rf'<p id="{re.escape(field_id)}-error" class="govuk-error-message">(.*?)</p>',
        response.content.decode(),
        re.S,
    )
    if match is None:
        return ""
    text = re.sub(r"<[^>]+>", " ", match.group(1))
    return re.sub(r"\s+", " ", html.unescape(text)).replace("Error:", "").strip()


def date_fields(prefix: str, value) -> dict:
    return {
        f"{prefix}-day": str(value.day),
        f"{prefix}-month": str(value.month),
        f"{prefix}-year": str(value.year),
    }


def textarea_value(response, field_id: str) -> str | None:
    """What a text box holds when the page opens (None if there is no such box)."""
    match = re.search(
        rf'<textarea[^>]*id="{re.escape(field_id)}"[^>]*>(.*?)</textarea>',
        response.content.decode(),
        re.S,
    )
    return html.unescape(match.group(1)).strip() if match else None
