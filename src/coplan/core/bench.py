"""The large organisation `make bench` measures coplan with (issue 16), seeded the same
way every time.

As with demo data (`coplan.core.demo`), each app adds its own part from its
`contributions.py` (`BENCH.register`): the projects app first makes the organisation,
its projects and the people who sign in; the others then fill them, with bulk inserts
where the services would take too long at this size. So this module imports none of
them. `Size` says how much: `Size.full()` is the organisation the issue measured,
`Size.tiny()` a small one for tests.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from coplan.core.registry import Registry

BENCH_PASSWORD = "bench-coplan-2026"  # noqa: S105 - a throwaway benchmark database only
BENCH_ORGANISATION = "Benchmark County Council"
BENCH_BIG_PROJECT = "Big project"


@dataclass(frozen=True)
class Size:
    """How large the benchmark organisation is. The big project is the one measured;
    the other projects make the tables as large as a real organisation's."""

    projects: int = 200
    leads: int = 16  # leads of the big project: one account per simulated user
    people: int = 20_000
    big_participants: int = 2_000
    big_meetings: int = 200
    big_upcoming: int = 88
    other_meetings: int = 2_000
    invited_per_meeting: int = 10
    one_meeting_invited: int = 40
    big_car_park: int = 500
    big_claims: int = 1_000
    other_claims: int = 5_000
    feedback_answers: int = 50_000
    big_feedback_forms: int = 20
    venues: int = 30

    @classmethod
    def full(cls) -> "Size":
        return cls()

    @classmethod
    def tiny(cls, times: int = 1) -> "Size":
        """A small organisation for tests; `times` grows the big project's lists
        (times=1 already fills more than a page of each, and two of claims)."""
        return cls(
            projects=3,
            leads=2,
            people=40 + 130 * times,
            big_participants=110 * times,
            big_meetings=50 * times,
            big_upcoming=25 * times,
            other_meetings=4,
            invited_per_meeting=3,
            one_meeting_invited=8,
            big_car_park=80 * times,
            big_claims=110 * times,
            other_claims=6,
            feedback_answers=120 * times,
            big_feedback_forms=2,
            venues=3,
        )


@dataclass
class Bench:
    """What the benchmark organisation is made of so far; each app's seed reads it and
    adds to it. `found` holds what one app hands the next (by the app's own names)."""

    size: Size
    random: random.Random
    organisation: Any = None
    big_project: Any = None
    projects: list = field(default_factory=list)
    leads: list = field(default_factory=list)  # the big project's lead accounts
    found: dict[str, Any] = field(default_factory=dict)


BenchSeed = Callable[[Bench], None]
BENCH: Registry[BenchSeed] = Registry("benchmark data")


def bench_seed(
    size: Size | None = None, *, say: Callable[[str], None] = lambda text: None
) -> Bench:
    """Make the benchmark organisation in an empty database (deterministic: the same
    rows every time for the same size and day)."""
    import time

    bench = Bench(size=size or Size.full(), random=random.Random(16))  # noqa: S311
    with transaction.atomic():
        for name, seed in BENCH.items():
            started = time.monotonic()
            seed(bench)
            say(f"  {name:<20} {time.monotonic() - started:6.1f} s")
    return bench
