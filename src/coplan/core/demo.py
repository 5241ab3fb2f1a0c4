"""Demo data for trying coplan on a laptop: idempotent, so `make run` can load it every time.

Each app adds its own part from its `contributions.py` (`DEMO.register`): the projects
app first makes the organisation, the project and one person per role; the others then
fill the project. So this module imports none of them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from coplan.core.registry import Registry

DEMO_PASSWORD = "demo-coplan-2026"  # noqa: S105 - printed for local demo use only


@dataclass
class Demo:
    """What the demo is made of so far; each app's loader reads it and adds to it."""

    organisation: Any = None
    project: Any = None
    sign_ins: list[tuple[str, str]] = field(default_factory=list)


DemoLoader = Callable[[Demo], None]
DEMO: Registry[DemoLoader] = Registry("demo data")


@transaction.atomic
def demo_data_load() -> Demo:
    demo = Demo()
    for load in DEMO:
        load(demo)
    return demo
