"""`coplan backup` and `coplan restore`: a drill under writes, and the refusals.

The drill backs up the test database while the real production server (`coplan serve`,
see drill_server.py) is answering people who write through its form pages: members
adding to the car park and commenting, and a co-producer adding expenses to their claim,
each with a PDF receipt (a private file). It restores the archive into a fresh database
and an empty folder and compares every table and every file. The backup is a snapshot
at one moment, so each table restored holds everything there before the writes began,
nothing that was never written, every write acknowledged before the backup began, and
a file for every receipt it names. Bounded in count (WRITES_AT_MOST a person); no
timing asserts.
"""

import io
import json
import sqlite3
import tarfile
import threading
import time
from collections import Counter
from functools import partial
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from coplan.core import backup as backup_module
from coplan.core.backup import BackupError, make_backup, restore_backup
from coplan.core.private_files import WRITING
from coplan.payments import services
from coplan.projects.roles import Role
from tests.core.drill_server import (
    Writer,
    csrf_token,
    database_url,
    in_threads,
    password_hash,
    writers_in_a_project,
)
from tests.core.drill_server import figures as drill_figures
from tests.factories import UserFactory
from tests.payments.conftest import PDF, Team

WRITERS = 3
WRITES_AT_MOST = 400  # each
WRITES_BEFORE_BACKUP = 10  # each, before the backup begins
WAIT = 120  # seconds, generous, for a busy machine; never a measure
# Adding an expense to a claim marks the claim changed: its one column a write changes.
CHANGED_IN_PLACE = {"payments_claim": {"updated_at"}}


def _value(value):
    """A value as it can be compared in a set (PostgreSQL gives JSON as lists and dicts)."""
    if isinstance(value, memoryview):
        return bytes(value)
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True)
    return value


def _connect(database: dict):
    """The database's own driver, rows as dicts."""
    if database["ENGINE"].endswith("sqlite3"):
        raw = sqlite3.connect(database["NAME"])
        raw.row_factory = sqlite3.Row
        return raw
    import psycopg
    from psycopg.rows import dict_row

    return psycopg.connect(database_url(database), row_factory=dict_row)


def _table_names(raw, database: dict) -> list[str]:
    if database["ENGINE"].endswith("sqlite3"):
        query = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    else:
        query = "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"
    return [row["name"] for row in raw.execute(query)]


def _read_rows(database: dict, table: str) -> list[dict]:
    raw = _connect(database)
    try:
        return [dict(row) for row in raw.execute(f'SELECT * FROM "{table}"')]  # noqa: S608
    finally:
        raw.close()


def _read_tables(database: dict) -> dict[str, set[tuple]]:
    """Every row of every table, read with the database's own driver (without the
    columns the drill's writes change in place, CHANGED_IN_PLACE)."""
    raw = _connect(database)
    try:
        return {
            name: {
                tuple(
                    _value(value)
                    for column, value in dict(row).items()
                    if column not in CHANGED_IN_PLACE.get(name, ())
                )
                for row in raw.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - our table names
            }
            for name in _table_names(raw, database)
        }
    finally:
        raw.close()


def _read_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


class ReceiptWriter(Writer):
    """The co-producer adding expenses, each with a PDF receipt, to their claim."""

    claim_id: int = 0

    def sign_in(self) -> None:
        super().sign_in()
        status, _, page = self.proxy.request(self._claim + "expenses/add/")
        assert status == 200
        self.token = csrf_token(page)

    @property
    def _claim(self) -> str:
        return f"/projects/{self.project_id}/payments/claims/{self.claim_id}/"

    def write(self, number: int) -> None:
        text = f"Lunch {number}"
        receipt = PDF.replace(b"%%EOF", f"% receipt {number}\n%%EOF".encode())
        status, headers, _ = self.proxy.request(
            self._claim + "expenses/add/",
            {
                "csrfmiddlewaretoken": self.token,
                "category": "food",
                "description": text,
                "amount": "4.50",
            },
            files={"receipt": (f"receipt-{number}.pdf", receipt)},
        )
        self.statuses[status] += 1
        if status == 302 and headers.get("Location") == self._claim:
            self.acknowledged.append(text)


def _write_until(stop: threading.Event, writer: Writer) -> None:
    """Write until told to stop (or an answer is not the one expected), at most
    WRITES_AT_MOST times."""
    for number in range(WRITES_AT_MOST):
        if stop.is_set() or set(writer.statuses) - {302}:
            return
        writer.write(number)


def _column(database: dict, table: str, column: str) -> list:
    return [row[column] for row in _read_rows(database, table)]


@pytest.mark.drill
def test_a_backup_of_the_running_server_under_writes_restores_every_table_and_file(
    tmp_path, drill_server, fresh_database
):
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    (private_root / "receipts").mkdir(parents=True, exist_ok=True)
    drill_server.start()
    writers, _ = writers_in_a_project(drill_server, WRITERS)
    team = Team()
    co_producer = team.user(Role.CO_PRODUCER)
    co_producer.password = password_hash()
    co_producer.save(update_fields=["password"])
    claim = services.claim_start(
        project=team.project,
        person=team.person(Role.CO_PRODUCER),
        created_by=co_producer,
        meeting=team.meeting,
    )
    receipts = ReceiptWriter(drill_server, team.project.pk, 0, co_producer.email, "receipts")
    receipts.claim_id = claim.pk
    writers.append(receipts)
    in_threads(writers, Writer.sign_in)
    UserFactory.create_batch(5)
    live = connection.settings_dict
    before_tables = _read_tables(live)
    before_files = _read_files(private_root)

    stop = threading.Event()
    failed = []

    def write() -> None:
        try:
            in_threads(writers, partial(_write_until, stop))
        except AssertionError as error:
            failed.append(error)

    writing = threading.Thread(target=write, daemon=True)
    writing.start()
    deadline = time.monotonic() + WAIT
    while min(len(writer.acknowledged) for writer in writers) < WRITES_BEFORE_BACKUP:
        assert writing.is_alive(), [failed, *(writer.statuses for writer in writers)]
        assert time.monotonic() < deadline, "the writes did not go through"
        time.sleep(0.1)
    acknowledged_before_backup = {text for writer in writers for text in writer.acknowledged}
    archive = tmp_path / "coplan.tar"
    try:
        make_backup(archive, live, private_root)
    finally:
        stop.set()
        writing.join(timeout=WAIT)
        drill_server.stop()
    assert not failed
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
    restored_texts = set(_column(fresh_database, "working_together_carparkitem", "text"))
    restored_texts |= set(_column(fresh_database, "working_together_comment", "text"))
    restored_texts |= set(_column(fresh_database, "payments_claimline", "description"))
    lost = acknowledged_before_backup - restored_texts
    assert not lost
    assert set(before_files.items()) <= set(restored_files.items())
    assert set(restored_files.items()) <= set(after_files.items())
    receipts_named = _column(fresh_database, "payments_receipt", "stored_name")
    assert receipts_named
    assert {f"receipts/{name}" for name in receipts_named} <= set(restored_files)
    assert restored.files == len(restored_files)
    statuses = sum((writer.statuses for writer in writers), Counter())
    acknowledged = {text for writer in writers for text in writer.acknowledged}
    assert set(statuses) == {302}, statuses
    drill_figures.append(
        f"backup under writes ({connection.vendor}): {sum(statuses.values())} writes through "
        f"the server by {len(writers)} people, {len(acknowledged)} acknowledged "
        f"({len(acknowledged_before_backup)} before the backup began, the rest while it ran), "
        f"{len(acknowledged & restored_texts)} in the backup, {len(lost)} lost, "
        f"0 server errors; "
        f"{sum(len(r) for r in restored_tables.values())} rows in {len(restored_tables)} "
        f"tables and {len(restored_files)} files ({len(receipts_named)} receipts) restored"
    )
    print(drill_figures[-1])


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


def test_a_file_still_being_written_or_gone_meanwhile_is_left_out_of_the_backup(
    tmp_path, transactional_db, monkeypatch
):
    """A private file is written under a temporary name, then renamed into place: the
    backup keeps finished files only, and one removed while it works is no error."""
    private_root = Path(settings.PRIVATE_MEDIA_ROOT)
    (private_root / "receipts").mkdir(parents=True, exist_ok=True)
    (private_root / "receipts" / "done.pdf").write_bytes(b"%PDF-1.4 a finished receipt")
    (private_root / "receipts" / f"{WRITING}x1y2").write_bytes(b"%PDF-1.4 half a rec")
    listed = list(backup_module.private_files_list(backup_module._storage(private_root)))
    monkeypatch.setattr(
        backup_module,
        "private_files_list",
        lambda storage: iter([*listed, "receipts/removed-meanwhile.pdf"]),
    )
    archive = tmp_path / "coplan.tar"

    manifest = make_backup(archive, connection.settings_dict, private_root)

    with tarfile.open(archive) as made:
        private = sorted(name for name in made.getnames() if name.startswith("private/"))
    assert private == ["private/receipts/done.pdf"]
    assert [name for name in manifest["files"] if name.startswith("private/")] == private
