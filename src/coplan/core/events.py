"""Things that happened in a project that systems outside coplan may want to hear about
(a claim approved, a meeting changed), without the app where it happened knowing who
listens.

The app that owns an event declares it once, from its `contributions.py`:

    EVENT_KINDS.register("claim.approved", EventKind("A claim is approved"), order=10)

and its service says when it happens, inside the same transaction as the change:

    events.happened("claim.approved", project=claim.project, facts={"claim_id": claim.pk})

Every listener (webhooks) registered in `LISTENERS` is called at once, in that
transaction: what a listener writes (a delivery waiting to be sent) is kept only if
the change is. `facts` are ids and plain facts, never personal data: they may leave
coplan. So the apps where things happen import only this module, and the listeners
import none of them.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from coplan.core.registry import Registry


@dataclass(frozen=True)
class EventKind:
    """What an organisation admin reads when choosing the events to hear about."""

    label: str


@dataclass(frozen=True)
class Event:
    name: str
    organisation_id: int
    project_id: int
    facts: Mapping[str, Any]
    at: datetime.datetime = field(default_factory=timezone.now)


EVENT_KINDS: Registry[EventKind] = Registry("events")
LISTENERS: Registry[Callable[[Event], None]] = Registry("event listeners")


def event_choices() -> list[tuple[str, str]]:
    """Each event by name, with its label, in the order the apps gave."""
    return [(name, kind.label) for name, kind in EVENT_KINDS.items()]


def happened(name: str, *, project, facts: Mapping[str, Any]) -> Event:
    """Tell every listener that `name` happened in `project`."""
    if name not in dict(EVENT_KINDS.items()):
        raise ValueError(f"{name} is not an event any app declared in EVENT_KINDS")
    event = Event(
        name=name,
        organisation_id=project.organisation_id,
        project_id=project.pk,
        facts={"project_id": project.pk, **facts},
    )
    for listener in LISTENERS:
        listener(event)
    return event
