from django.conf import settings
from django.db import connection
from django.db.utils import ConnectionHandler


def _sqlite_connection(tmp_path):
    """A connection made with exactly the options coplan uses for SQLite."""
    if connection.vendor == "sqlite":
        return connection
    from coplan.settings import sqlite_database

    handler = ConnectionHandler({"default": sqlite_database(tmp_path / "check.sqlite3")})
    return handler["default"]


def _pragma(live, name):
    with live.cursor() as cursor:
        cursor.execute(f"PRAGMA {name}")
        return cursor.fetchone()[0]


def test_sqlite_uses_wal_full_sync_and_busy_timeout(db, tmp_path):
    live = _sqlite_connection(tmp_path)

    assert _pragma(live, "journal_mode") == "wal"
    assert _pragma(live, "synchronous") == 2  # FULL
    assert _pragma(live, "busy_timeout") == 20_000


def test_sqlite_transactions_are_immediate(db, tmp_path):
    live = _sqlite_connection(tmp_path)
    live.ensure_connection()

    assert live.transaction_mode == "IMMEDIATE"


def test_database_comes_from_database_url_when_set():
    import os

    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        assert engine == "django.db.backends.postgresql"
    else:
        assert engine == "django.db.backends.sqlite3"
