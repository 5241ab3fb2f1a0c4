"""The lean summary card long lists use draws what GOV.UK's summary list macro draws for a
card with one link, but for the white space (issue 16: the macro took most of a long
list's time)."""

import re

from django.template import engines
from markupsafe import Markup

MACRO = """{% from "govuk_frontend_jinja/components/summary-list/macro.html"
   import govukSummaryList %}
{{ govukSummaryList({
  "card": {"title": {"text": title, "headingLevel": 3},
           "actions": {"items": [
              {"href": "/somewhere/", "text": "View", "visuallyHiddenText": "this item"}]}},
  "rows": [{"key": {"text": "Raised by"}, "value": {"text": said}},
           {"key": {"text": "Where it is up to"}, "value": {"html": tagged}}],
}) }}"""
LEAN = """{% from "core/macros.html" import summary_card %}
{{ summary_card(title, [("Raised by", said), ("Where it is up to", tagged)],
   {"href": "/somewhere/", "text": "View", "hidden": "this item"}, 3) }}"""


def _drawn(source: str) -> str:
    html = (
        engines["jinja2"]
        .from_string(source)
        .render(
            {
                "title": "Buses <on> Sundays & holidays",
                "said": "Ada <Jones>",
                "tagged": Markup('<strong class="govuk-tag">Late</strong>'),
            }
        )
    )
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))).strip()


def test_summary_card_draws_the_macros_markup():
    assert _drawn(LEAN) == _drawn(MACRO)


def test_summary_card_escapes_what_people_typed():
    assert "Ada &lt;Jones&gt;" in _drawn(LEAN)
    assert "Buses &lt;on&gt; Sundays &amp; holidays" in _drawn(LEAN)
