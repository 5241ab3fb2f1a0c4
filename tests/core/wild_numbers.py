"""Numbers people (and attackers) type, and reading the message beside a field, for the
tests that post them to every form and page that asks for a number."""

import html
import re

WILD = [
    "1e308",
    "-1e308",
    "1e-308",
    "NaN",
    "Infinity",
    "-0",
    "1_000",
    "٣",
    "1,000.50",
    "£12.50",
    "9" * 5000,
    "-5",
    "²",
]

# A guide whose one section asks for money, a number and a length of time.
NUMBERS_GUIDE = """
[guide]
id = "numbers"
title = "Numbers"
version = 1

[[sections]]
id = "money-and-time"
title = "Money and time"

[[sections.questions]]
id = "how-much"
text = "How much money is there?"
kind = "money"

[[sections.questions]]
id = "how-many"
text = "How many people will take part?"
kind = "number"

[[sections.questions]]
id = "how-long"
text = "How long is the project?"
kind = "duration"
"""


def error_beside(response, name: str) -> str:
    """The message shown beside a field, as a person reads it ("" if none)."""
    found = re.search(
        rf'<p id="id_{re.escape(name)}-error" class="govuk-error-message">\s*'
        r'<span class="govuk-visually-hidden">Error:</span>\s*(.*?)\s*</p>',
        response.content.decode(),
        re.S,
    )
    return html.unescape(found.group(1)) if found else ""
