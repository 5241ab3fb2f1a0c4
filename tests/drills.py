"""Helpers for the drills: a fingerprint of everything the database holds, so a test can
tell that a request changed nothing at all."""

import hashlib

from django.db import connection

# Tables a request may write to without anything the person did changing: the signed-in
# session itself, and sign-in attempts.
NOT_DATA = {"django_session"}


def _plain(value: object) -> object:
    """PostgreSQL gives binary columns as memoryview, whose repr is its address."""
    return bytes(value) if isinstance(value, memoryview) else value


def _data_tables() -> list[str]:
    return sorted(set(connection.introspection.table_names()) - NOT_DATA)


def database_fingerprint() -> dict[str, str]:
    """A hash of every row of every table, by table."""
    fingerprint = {}
    with connection.cursor() as cursor:
        for table in _data_tables():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
            rows = sorted(repr(tuple(map(_plain, row))) for row in cursor.fetchall())
            fingerprint[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    return fingerprint


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    tables = before.keys() | after.keys()
    return sorted(table for table in tables if before.get(table) != after.get(table))


# What the drills did in this run, printed at the end by tests/conftest.py.
FIGURES: dict[str, int] = {}


def figures_count(**counts: int) -> None:
    for name, count in counts.items():
        FIGURES[name] = FIGURES.get(name, 0) + count


def figures_lines() -> list[str]:
    lines = []
    if "walk_requests" in FIGURES:
        lines.append(
            f"another project's ids: {FIGURES['walk_urls']} URL and id swaps x "
            f"{FIGURES['walk_callers']} visitors x GET and POST = {FIGURES['walk_requests']} "
            f"requests, {FIGURES.get('walk_wrong', 0)} found or server errors"
        )
    if "fuzz_cases" in FIGURES:
        lines.append(
            f"fuzz: {FIGURES['fuzz_forms']} forms, {FIGURES['fuzz_cases']} cases "
            f"({FIGURES.get('fuzz_refused', 0)} refused with a message), "
            f"{FIGURES.get('fuzz_server_errors', 0)} server errors, "
            f"{FIGURES.get('fuzz_saved_when_refused', 0)} saved when refused"
        )
    return lines
