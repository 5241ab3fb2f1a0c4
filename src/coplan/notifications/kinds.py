"""The kinds of message coplan sends at a handover, registered by the app that sends them.

Each feature app says, in its own `telling.py`, what it tells people and in which words,
and registers those kinds when it starts (its `AppConfig.ready`). This module keeps the
list; it imports nothing of Django or of any feature app, so every app can use it.

A kind's words are plain-words templates: `{name}` is filled in from what the app gives
when it tells someone. Messages about money or security are always sent, straight away:
the person cannot turn them off or put them in a daily summary.
"""

import string
from dataclasses import dataclass

MONEY = "money"
SECURITY = "security"


@dataclass(frozen=True)
class Kind:
    """One kind of message: its code ("app.what"), what the choices page calls it, the
    words of the message (subject and body, each with `{name}` places) and whether it is
    about money or security."""

    code: str
    label: str
    subject: str
    body: str
    always: str = ""
    # The same message in Easy Read, for people who asked for Easy Read papers: one idea
    # a line (lines split by "\n"), the same `{name}` places. "" when it has none.
    easy_read_subject: str = ""
    easy_read_body: str = ""

    def __post_init__(self) -> None:
        if self.always not in ("", MONEY, SECURITY):
            raise ValueError(f"{self.code}: always must be '{MONEY}', '{SECURITY}' or ''")
        if "." not in self.code:
            raise ValueError(f"{self.code}: a code is 'app.what', like 'payments.claim_paid'")

    @property
    def is_always_sent(self) -> bool:
        return bool(self.always)

    @property
    def has_easy_read(self) -> bool:
        return bool(self.easy_read_body)

    @property
    def places(self) -> set[str]:
        """The names its words need filled in."""
        return {
            name
            for text in (self.subject, self.body, self.easy_read_subject, self.easy_read_body)
            for _, name, _, _ in string.Formatter().parse(text)
            if name
        }

    def words(self, **values: object) -> tuple[str, str]:
        """The subject and body with the places filled in."""
        missing = self.places - set(values)
        if missing:
            raise KeyError(f"{self.code} needs {sorted(missing)}")
        text = {name: str(value) for name, value in values.items()}
        return self.subject.format(**text), self.body.format(**text)

    def easy_read_words(self, **values: object) -> tuple[str, str]:
        """The Easy Read subject and body with the places filled in (the usual words if
        the kind has no Easy Read words)."""
        if not self.has_easy_read:
            return self.words(**values)
        self.words(**values)  # every place given
        text = {name: str(value) for name, value in values.items()}
        subject = self.easy_read_subject or self.subject
        return subject.format(**text), self.easy_read_body.format(**text)


_registered: dict[str, Kind] = {}


def kinds_register(kinds: list[Kind] | tuple[Kind, ...]) -> None:
    """Register an app's kinds. The same kind twice is fine (apps can be reloaded);
    two different kinds with one code are a mistake."""
    for kind in kinds:
        known = _registered.get(kind.code)
        if known is not None and known != kind:
            raise ValueError(f"Two different kinds of message are called {kind.code}")
        _registered[kind.code] = kind


def kind_get(code: str) -> Kind:
    try:
        return _registered[code]
    except KeyError:
        raise LookupError(f"No kind of message called {code} is registered") from None


def kinds_all() -> list[Kind]:
    """Every registered kind, in the order the apps registered them."""
    return list(_registered.values())


def kinds_chosen_by_people() -> list[Kind]:
    """The kinds a person may choose how to get: all but money and security."""
    return [kind for kind in _registered.values() if not kind.is_always_sent]


def kinds_always_sent() -> list[Kind]:
    return [kind for kind in _registered.values() if kind.is_always_sent]
