"""Run steps at the same moment, each in its own thread and database connection, to see
what two people (or systems) doing the same thing together get. Real concurrent
transactions: PostgreSQL only (SQLite takes one writer at a time)."""

import threading
from collections.abc import Callable
from typing import Any

from django.db import connections


def at_once(*steps: Callable[[], Any]) -> list[Any]:
    """Each step's result, or the exception it raised, in the order the steps finished."""
    start = threading.Barrier(len(steps))
    results: list[Any] = []

    def run(step):
        try:
            start.wait()
            results.append(step())
        except Exception as error:  # what the step got is its result
            results.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
