"""Registries: how an app adds to something every app shares without being imported.

Demo data, the project navigation, the overview's "Needs attention", everything held
about a person and erasing them span every app. The app that owns each of those makes a
`Registry`; every other app registers what it contributes from its `AppConfig.ready()`.
So the owner imports none of the apps that contribute (as pretalx's `delete_user` and
`dashboard_tile` signals do), and the order the user sees is written down in one place:
each contribution names its place with `order`, and no two may share one.
"""

from collections.abc import Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Contributions by name, given in `order` (lowest first)."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._entries: dict[str, tuple[int, T]] = {}

    def register(self, name: str, item: T, *, order: int) -> None:
        """Add (or, for the same name, replace) a contribution at place `order`."""
        for other, (taken, _) in self._entries.items():
            if taken == order and other != name:
                raise ValueError(f"{self.what}: {name} and {other} both ask for place {order}")
        self._entries[name] = (order, item)

    def items(self) -> list[tuple[str, T]]:
        """Each contribution with its name, in order."""
        ordered = sorted(self._entries.items(), key=lambda entry: entry[1][0])
        return [(name, item) for name, (_, item) in ordered]

    def __iter__(self) -> Iterator[T]:
        return iter(item for _, item in self.items())

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Registry {self.what}: {', '.join(sorted(self._entries))}>"
