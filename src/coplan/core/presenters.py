"""Pieces presenters of every app share."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Tag:
    """A status tag as GOV.UK draws it: its words and colour (`core/macros.html` `tag`)."""

    text: str
    colour: str = ""

    def params(self) -> dict:
        return {"text": self.text, "classes": f"govuk-tag--{self.colour}" if self.colour else ""}
