"""The security and data protection statement: one text, shown as a page and kept in docs/.

The text is `data/security-and-data-protection.md` (docs/security-and-data-protection.md
is the same file), in a small part of Markdown: `#`, `##` and `###` headings,
paragraphs, `- ` lists, `**strong**` and `` `code` ``. Each heading gets an id from its
words (`### Access needs` is `#access-needs`), so forms can link to their part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.text import slugify
from markupsafe import Markup, escape

SOURCE = Path(__file__).parent / "data" / "security-and-data-protection.md"
_INLINE = re.compile(r"\*\*(?P<strong>[^*]+)\*\*|`(?P<code>[^`]+)`")


@dataclass(frozen=True)
class Statement:
    title: str
    body: Markup
    parts: tuple[str, ...]  # the id of every heading, for links to a part


def _inline(text: str) -> Markup:
    out, at = [], 0
    for found in _INLINE.finditer(text):
        out.append(escape(text[at : found.start()]))
        if found["strong"]:
            out.append(Markup("<strong>%s</strong>") % found["strong"])
        else:
            out.append(Markup("<code>%s</code>") % found["code"])
        at = found.end()
    out.append(escape(text[at:]))
    return Markup("").join(out)


def _blocks(text: str) -> list[list[str]]:
    blocks, block = [], []
    for line in text.splitlines():
        if not line.strip():
            if block:
                blocks.append(block)
            block = []
        elif line.startswith("#"):
            if block:
                blocks.append(block)
            blocks.append([line])
            block = []
        else:
            block.append(line)
    if block:
        blocks.append(block)
    return blocks


def render(text: str) -> Statement:
    title, html, parts = "", [], []
    for block in _blocks(text):
        first = block[0]
        if first.startswith("# "):
            title = first[2:].strip()
        elif first.startswith("#"):
            level = len(first) - len(first.lstrip("#"))
            words = first[level:].strip()
            part = slugify(words)
            parts.append(part)
            size = "l" if level == 2 else "m"
            html.append(
                Markup('<h{0} class="govuk-heading-{1}" id="{2}">{3}</h{0}>').format(
                    level, size, part, words
                )
            )
        elif first.startswith("- "):
            items, item = [], []
            for line in block:
                if line.startswith("- ") and item:
                    items.append(" ".join(item))
                    item = []
                item.append(line.removeprefix("- ").strip())
            items.append(" ".join(item))
            html.append(
                Markup('<ul class="govuk-list govuk-list--bullet">%s</ul>')
                % Markup("").join(Markup("<li>%s</li>") % _inline(each) for each in items)
            )
        else:
            paragraph = " ".join(line.strip() for line in block)
            html.append(Markup('<p class="govuk-body">%s</p>') % _inline(paragraph))
    return Statement(title=title, body=Markup("\n").join(html), parts=tuple(parts))


@cache
def statement() -> Statement:
    return render(SOURCE.read_text(encoding="utf-8"))
