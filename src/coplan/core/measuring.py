"""What one page costs the server: database queries, rows fetched, CPU time.

`measured()` counts while a block runs, in this thread only; tests use it to say that
a page fetches as many rows for a big project as for a small one. With
`COPLAN_MEASURE=true` (as `make bench` serves the app) `MeasuringMiddleware` puts the
counts of each request in its response headers, with the worker's peak memory, for the
benchmark to read from outside.

Rows are counted where Django reads them from the database cursor (`fetchone`,
`fetchmany`, `fetchall` on its cursor wrapper), for every database backend.
"""

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.backends import utils as backend_utils

_counting = threading.local()


@dataclass
class Measure:
    queries: int = 0
    rows: int = 0


def _add_rows(found) -> None:
    measure = getattr(_counting, "measure", None)
    if measure is not None and found is not None:
        measure.rows += len(found) if isinstance(found, list | tuple) else 1


def _counted(name: str):
    def fetch(self, *args, **kwargs):
        found = getattr(self.cursor, name)(*args, **kwargs)
        if name == "fetchone":
            _add_rows(None if found is None else (found,))
        else:
            _add_rows(list(found) if not isinstance(found, list | tuple) else found)
        return found

    return fetch


for _name in ("fetchone", "fetchmany", "fetchall"):
    setattr(backend_utils.CursorWrapper, _name, _counted(_name))


def _count_query(execute, sql, params, many, context):
    measure = getattr(_counting, "measure", None)
    if measure is not None:
        measure.queries += 1
    return execute(sql, params, many, context)


@contextlib.contextmanager
def measured() -> Iterator[Measure]:
    """Count the queries and rows of the default database in this block (this thread)."""
    measure = Measure()
    outer = getattr(_counting, "measure", None)
    _counting.measure = measure
    try:
        with connection.execute_wrapper(_count_query):
            yield measure
    finally:
        _counting.measure = outer


def _peak_memory_kb() -> int:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class MeasuringMiddleware:
    """Adds X-Queries, X-Rows, X-CPU-Microseconds, X-Worker and X-Peak-Memory-KB to
    every response (only when settings.MEASURE_REQUESTS is on)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        import os

        cpu = time.thread_time_ns()
        with measured() as measure:
            response = self.get_response(request)
            if getattr(response, "render", None) and not response.is_rendered:
                response.render()
        response["X-Queries"] = str(measure.queries)
        response["X-Rows"] = str(measure.rows)
        response["X-CPU-Microseconds"] = str((time.thread_time_ns() - cpu) // 1000)
        response["X-Worker"] = str(os.getpid())
        response["X-Peak-Memory-KB"] = str(_peak_memory_kb())
        return response
