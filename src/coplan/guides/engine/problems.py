"""Problems found in a guide file, each naming the file, the place and what is wrong."""

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_TYPE_NAMES = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    list: "a list",
    dict: "a table",
}


@dataclass(frozen=True, slots=True)
class Place:
    """Where in the file: a path such as sections[2].questions[4], and what is there."""

    path: str = ""
    label: str = ""

    def key(self, key: str) -> "Place":
        return Place(f"{self.path}.{key}" if self.path else key, self.label)

    def index(self, index: int) -> "Place":
        return Place(f"{self.path}[{index}]", self.label)

    def named(self, label: str) -> "Place":
        return Place(self.path, label)

    def __str__(self) -> str:
        path = self.path or "the top of the file"
        return f"{path} ({self.label})" if self.label else path


@dataclass(frozen=True, slots=True)
class GuideProblem:
    file: str
    place: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}, {self.place}: {self.problem}"


class GuideFileError(ValueError):
    """A guide file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Iterable[GuideProblem]) -> None:
        self.problems = tuple(problems)
        file = self.problems[0].file if self.problems else "the guide file"
        count = len(self.problems)
        heading = f"{file} has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n".join([heading, *(f"- {problem}" for problem in self.problems)]))


def type_name(value: object) -> str:
    return next(
        (name for kind, name in _TYPE_NAMES.items() if type(value) is kind),
        type(value).__name__,
    )


@dataclass
class ProblemList:
    """Collects problems while a guide file is read, so all are reported at once."""

    file: str
    problems: list[GuideProblem] = field(default_factory=list)

    def add(self, place: Place, problem: str) -> None:
        self.problems.append(GuideProblem(self.file, str(place), problem))

    def text(self, table: dict, key: str, place: Place, *, required: bool = True) -> str:
        value = table.get(key)
        if value is None:
            if required:
                self.add(place, f'"{key}" is missing')
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(place.key(key), f'"{key}" should be text, not {type_name(value)}')
            return ""
        return value.strip()

    def flag(self, table: dict, key: str, place: Place) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self.add(place.key(key), f'"{key}" should be true or false, not {type_name(value)}')
            return False
        return value

    def texts(self, table: dict, key: str, place: Place) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
            self.add(place.key(key), f'"{key}" should be a list of texts')
            return ()
        return tuple(entry.strip() for entry in value if entry.strip())

    def identifier(self, table: dict, place: Place) -> str:
        value = self.text(table, "id", place)
        if value and not ID_PATTERN.match(value):
            self.add(
                place.key("id"),
                f'the id "{value}" should use only small letters, numbers and single dashes, '
                'like "venue-booked"',
            )
        return value

    def table(self, value: object, place: Place, what: str) -> dict | None:
        if not isinstance(value, dict):
            self.add(place, f"{what} should be a table, not {type_name(value)}")
            return None
        return value

    def tables(self, table: dict, key: str, place: Place, *, required: bool = False) -> list:
        """The tables of an array such as [[sections]], each with its place."""
        value = table.get(key)
        if value is None:
            if required:
                self.add(place, f'"{key}" is missing')
            return []
        if not isinstance(value, list):
            self.add(place.key(key), f'"{key}" should be a list, not {type_name(value)}')
            return []
        found = []
        for index, entry in enumerate(value):
            entry_place = place.key(key).index(index)
            if self.table(entry, entry_place, f"each of {key}") is not None:
                found.append((entry_place, entry))
        return found

    def only_known_keys(self, table: dict, known: Iterable[str], place: Place) -> None:
        known = tuple(known)
        for key in table:
            if key not in known:
                self.add(place, f'"{key}" is not a word guides use here{_did_you_mean(key, known)}')

    def unique_ids(self, ids_and_places: Iterable[tuple[str, Place]], what: str) -> None:
        seen: dict[str, Place] = {}
        for identifier, place in ids_and_places:
            if not identifier:
                continue
            if identifier in seen:
                self.add(
                    place,
                    f'the {what} id "{identifier}" is used twice (first at {seen[identifier]})',
                )
            else:
                seen[identifier] = place


def _did_you_mean(word: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, known, n=1)
    if close:
        return f'; did you mean "{close[0]}"?'
    return f"; use {', '.join(known)}"
