"""`coplan backup` and `coplan restore`: a drill under writes, and the refusals.

The drill backs up the test database while a thread keeps adding people (through the
ORM) and receipts-like private files, restores the archive into a fresh database and
an empty folder, and compares every table and every file. The backup is a snapshot at
one moment, so each table restored holds everything there before the writes began,
nothing that was never written, and every write acknowledged before the backup began.
Bounded in count (at most WRITES_AT_MOST people); no timing asserts.
"""

import io
import sqlite3
import tarfile
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from coplan.core.backup import BackupError, make_backup, restore_backup
from tests.factories import UserFactory

WRITES_AT_MOST = 400
WRITES_BEFORE_BACKUP = 20


def _value(value):
    return bytes(value) if isinstance(value, memoryview) else value


def _read_tables(database: dict) -> dict[str, set[tuple]]:
    """Every row of every table, read with the database's own driver."""
    if database["ENGINE"].endswith("sqlite3"):
        raw = sqlite3.connect(database["NAME"])
        names = [
            row[0]
            for row in raw.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    else:
        import psycopg

        raw = psycopg.connect(
            dbname=database["NAME"],
            host=database.get("HOST") or None,
            port=database.get("PORT") or None,
            user=database.get("USER") or None,
            password=database.get("PASSWORD") or None,
        )
        names = [
            row[0]
            for row in raw.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ]
    try:
        return {
            name: {
                tuple(_value(value) for value in row)
                for row in raw.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - our table names
            }
            for name in names
        }
    finally:
        raw.close()


def _read_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


class Writer(threading.Thread):
    """Adds people and private files until told to stop, remembering each acknowledged one."""

    def __init__(self, private_root: Path) -> None:
        super().__init__(daemon=True)
        self.private_root = private_root
        self.stop = threading.Event()
        self.warmed_up = threading.Event()
        self.written_ids: list[int] = []
        self.written_files: list[str] = []
        self.error: BaseException | None = None

    def run(self) -> None:
        from django.db import connection as own_connection

        try:
            for number in range(WRITES_AT_MOST):
                if self.stop.is_set():
                    break
                self.written_ids.append(UserFactory().pk)
                if number % 10 == 0:
                    name = f"receipts/drill-{number}.bin"
                    path = self.private_root / name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(f"receipt {number}\n".encode() * 200)
                    self.written_files.append(name)
                if len(self.written_ids) >= WRITES_BEFORE_BACKUP:
                    self.warmed_up.set()
        except BaseException as error:
            self.error = error
        finally:
            self.warmed_up.set()
            own_connection.close()


def test_a_backup_made_under_writes_restores_every_table_and_file(tmp_path, fresh_database):
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    (private_root / "receipts").mkdir(parents=True, exist_ok=True)
    (private_root / "receipts" / "before.pdf").write_bytes(b"%PDF-1.4 before the drill")
    UserFactory.create_batch(5)
    live = connection.settings_dict
    before_tables = _read_tables(live)
    before_files = _read_files(private_root)

    writer = Writer(private_root)
    writer.start()
    writer.warmed_up.wait(timeout=120)
    acknowledged_before_backup = set(writer.written_ids)
    files_before_backup = set(writer.written_files)
    archive = tmp_path / "coplan.tar"
    try:
        make_backup(archive, live, private_root)
    finally:
        writer.stop.set()
        writer.join(timeout=120)
    assert writer.error is None
    after_tables = _read_tables(live)
    after_files = _read_files(private_root)

    restored_root = tmp_path / "restored-private"
    restored = restore_backup(archive, fresh_database, restored_root)
    restored_tables = _read_tables(fresh_database)
    restored_files = _read_files(restored_root)

    assert set(restored_tables) == set(after_tables)
    for table, rows in restored_tables.items():
        assert before_tables[table] <= rows, f"{table}: rows there before the drill are lost"
        assert rows <= after_tables[table], f"{table}: rows that were never written"
    restored_people = {row[0] for row in restored_tables["accounts_user"]}
    lost = acknowledged_before_backup - restored_people
    assert not lost
    assert set(before_files.items()) <= set(restored_files.items())
    assert set(restored_files.items()) <= set(after_files.items())
    assert files_before_backup <= set(restored_files)
    assert restored.files == len(restored_files)
    written = len(writer.written_ids)
    people_in_backup = len(restored_people & set(writer.written_ids))
    print(
        f"backup drill ({connection.vendor}): {written} people written while backing up "
        f"({len(acknowledged_before_backup)} before it began), {people_in_backup} of them "
        f"in the backup, {len(lost)} lost; {sum(len(r) for r in restored_tables.values())} "
        f"rows in {len(restored_tables)} tables and {len(restored_files)} files restored"
    )


def test_restore_refuses_a_database_that_is_not_empty(tmp_path, transactional_db):
    archive = tmp_path / "coplan.tar"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(archive))


def test_restore_refuses_a_damaged_backup_before_changing_anything(tmp_path, fresh_database):
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    (private_root / "receipt.pdf").write_bytes(b"%PDF-1.4 a receipt")
    archive = tmp_path / "coplan.tar"
    make_backup(archive, connection.settings_dict, private_root)
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "private/receipt.pdf":
                data = b"%PDF-1.4 a changed receipt"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(BackupError, match="damaged"):
        restore_backup(damaged, fresh_database, tmp_path / "restored")
    assert not (tmp_path / "restored").exists()
