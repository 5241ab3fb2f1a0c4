"""Reading the form controls on a page as a browser would: what can be typed in,
ticked or chosen, under which name."""

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Control:
    type: str  # an input's type ("text" if none), or "textarea" or "select"
    name: str
    id: str
    value: str
    checked: bool
    attrs: dict


class _Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.controls: list[Control] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if "id" in found:
            self.ids.add(found["id"])
        if tag not in {"input", "textarea", "select"}:
            return
        kind = (found.get("type") or "text").lower() if tag == "input" else tag
        self.controls.append(
            Control(
                type=kind,
                name=found.get("name", ""),
                id=found.get("id", ""),
                value=found.get("value", ""),
                checked="checked" in found,
                attrs=found,
            )
        )


def _read(page: str) -> _Controls:
    parser = _Controls()
    parser.feed(page)
    parser.close()
    return parser


def controls(page: str, name: str | None = None) -> list[Control]:
    """Every input, text box and list on the page (only those called `name`, if given)."""
    found = _read(page).controls
    return [control for control in found if name is None or control.name == name]


def control_types(page: str, name: str) -> Counter:
    """How many controls of each type the page has under one name."""
    return Counter(control.type for control in controls(page, name))


def ticked(page: str, name: str) -> set[str]:
    """The values of the boxes and radios under `name` that show as ticked."""
    return {control.value for control in controls(page, name) if control.checked}


def element_ids(page: str) -> set[str]:
    """The id of every element on the page, for checking where links lead."""
    return _read(page).ids


class _ErrorText(HTMLParser):
    def __init__(self, element_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.element_id = element_id
        self.depth = 0
        self.hidden_depth = 0
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if self.depth:
            self.depth += 1
            if "govuk-visually-hidden" in (found.get("class") or ""):
                self.hidden_depth = self.depth
        elif found.get("id") == self.element_id:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            if self.hidden_depth == self.depth:
                self.hidden_depth = 0
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden_depth:
            self.words.append(data)


def error_beside(page: str, field_id: str) -> str:
    """The error message shown beside a field, as a sighted person reads it ("" if none)."""
    parser = _ErrorText(f"{field_id}-error")
    parser.feed(page)
    parser.close()
    return " ".join(" ".join(parser.words).split())
