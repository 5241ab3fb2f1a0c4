""" "Only one" rules (one claim a meeting, one answer a member, one staff place a person)
are database constraints, so two requests at the same moment cannot both get past them.

A service still checks the rule first, to answer in plain words. When another request
adds the same thing between that check and the write, the constraint stops the write
(PostgreSQL reports it once the other request has committed, so its row can be seen
then); these helpers give that request the answer it would have had a moment later.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from django.db import IntegrityError, transaction

Result = TypeVar("Result")


@contextmanager
def clash_raises(error: Exception) -> Iterator[None]:
    """Run the block in a savepoint; if a constraint stops its write, raise `error`
    (the rule's own message) instead."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as clash:
        raise error from clash


def again_after_clash(write: Callable[[], Result]) -> Result:
    """Run `write` in a savepoint; if a constraint stops it because the same thing was
    added at the same moment, run it once more. It then sees what was added, and does
    what it does for a request that came second: says the rule's message, or uses the
    row that is there now."""
    try:
        with transaction.atomic():
            return write()
    except IntegrityError:
        return write()
