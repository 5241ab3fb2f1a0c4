"""Backing up and restoring the database and the private files, as one archive.

The archive is a .tar holding `manifest.json` (when it was made, which database,
and a SHA-256 checksum of every file in it), the database (`database.sqlite3`, made
with SQLite's online backup API, so it is a consistent copy even while the app runs
and writes; or `database.pgdump`, made by `pg_dump` in its custom format) and the
private files (receipts) under `private/`, read from whichever private storage is set up
(the folder on this machine, or the S3-compatible bucket: core/private_files.py) and put
back into whichever is set up when restoring. They stay encrypted in the archive, as they
are in the storage.

The data keys (PEOPLE_DATA_KEYS) and SECRET_KEY are never in the archive: they are
kept separately (README, "Backing up").
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import Storage

from coplan.core.private_files import DurableFolderStorage, private_files_list

MANIFEST = "manifest.json"
SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.pgdump"
PRIVATE_PREFIX = "private/"


class BackupError(Exception):
    """A backup or restore that cannot go ahead, said in plain words."""


@dataclass(frozen=True)
class Restored:
    database: str
    files: int


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _vendor(database: dict) -> str:
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups work on SQLite and PostgreSQL, not {engine}.")


def _postgres_env(database: dict) -> dict[str, str]:
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed: install PostgreSQL's client programs.")
    return found


def _run(command: list[str], env: dict[str, str]) -> None:
    command = [_tool(command[0]), *command[1:]]
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if finished.returncode != 0:
        raise BackupError(f"{command[0]} failed: {finished.stderr.strip()}")


def _dump_database(database: dict, into: Path) -> tuple[str, Path]:
    vendor = _vendor(database)
    if vendor == "sqlite":
        target = into / SQLITE_NAME
        source = sqlite3.connect(database["NAME"], timeout=20)
        copy = sqlite3.connect(target)
        try:
            # The online backup API copies a consistent snapshot, pages at a time, and
            # starts again if a writer changes the database meanwhile.
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        return SQLITE_NAME, target
    target = into / POSTGRES_NAME
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), database["NAME"]],
        _postgres_env(database),
    )
    return POSTGRES_NAME, target


def _storage(private: Storage | Path) -> Storage:
    """The private storage to read or fill; a folder is taken as a folder storage."""
    if isinstance(private, Storage):
        return private
    return DurableFolderStorage(location=str(private))


def _where(storage: Storage) -> str:
    location = getattr(storage, "location", "")
    bucket = getattr(storage, "bucket_name", None)
    return f"bucket {bucket}" if bucket else f"folder {location}"


def make_backup(destination: Path, database: dict, private: Storage | Path) -> dict:
    """Write one archive with the database and the private files; return its manifest."""
    destination = Path(destination)
    storage = _storage(private)
    files: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as work:
        name, dumped = _dump_database(database, Path(work))
        files[name] = _file_checksum(dumped)
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(dumped, arcname=name)
            for stored in private_files_list(storage):
                # Read once: the checksum is of exactly the bytes archived, even if the
                # file changes while we work.
                try:
                    with storage.open(stored, "rb") as handle:
                        data = handle.read()
                    written = storage.get_modified_time(stored)
                except FileNotFoundError:
                    continue  # removed since it was listed (an orphan tidied, a line removed)
                arcname = PRIVATE_PREFIX + stored
                info = tarfile.TarInfo(arcname)
                info.size = len(data)
                info.mtime = int(written.timestamp())
                archive.addfile(info, io.BytesIO(data))
                files[arcname] = _checksum(data)
            manifest = {
                "made_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": {"vendor": _vendor(database), "name": str(database["NAME"])},
                "files": files,
            }
            body = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            info.mtime = int(datetime.now(UTC).timestamp())
            archive.addfile(info, io.BytesIO(body))
        partial.replace(destination)
    return manifest


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember(MANIFEST)
    except KeyError as error:
        raise BackupError("This is not a coplan backup: it has no manifest.json.") from error
    return json.loads(archive.extractfile(member).read())


def _safe_relative(name: str) -> PurePosixPath:
    relative = PurePosixPath(name[len(PRIVATE_PREFIX) :])
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise BackupError(f"The backup has a file outside the private folder: {name}")
    return relative


def database_is_empty(database: dict) -> bool:
    vendor = _vendor(database)
    if vendor == "sqlite":
        path = Path(database["NAME"])
        if not path.exists():
            return True
        connection = sqlite3.connect(path)
        try:
            tables = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchone()[0]
        finally:
            connection.close()
        return tables == 0
    finished = subprocess.run(  # noqa: S603
        [
            _tool("psql"),
            "--no-psqlrc",
            "-At",
            "-d",
            database["NAME"],
            "-c",
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
        ],
        env=_postgres_env(database),
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        raise BackupError(f"Cannot reach the database to restore into: {finished.stderr.strip()}")
    return int(finished.stdout.strip()) == 0


def restore_backup(
    source: Path, database: dict, private: Storage | Path, replace: bool = False
) -> Restored:
    """Put the database and private files back from an archive, then check every checksum.

    Refuses a database with tables in it, or a private storage with files in it,
    unless `replace` is given.
    """
    vendor = _vendor(database)
    storage = _storage(private)
    if not replace:
        if not database_is_empty(database):
            raise BackupError(
                "The database to restore into is not empty. Restore into a new, empty "
                "database, or give --replace to overwrite it."
            )
        if next(private_files_list(storage), None) is not None:
            raise BackupError(
                f"The private files {_where(storage)} is not empty. Restore into an "
                "empty one, or give --replace to overwrite it."
            )
    with tarfile.open(source, "r") as archive, tempfile.TemporaryDirectory() as work:
        manifest = read_manifest(archive)
        if manifest["database"]["vendor"] != vendor:
            raise BackupError(
                f"This backup is of a {manifest['database']['vendor']} database; "
                f"the settings point to {vendor}."
            )
        expected = manifest["files"]
        names = set(archive.getnames()) - {MANIFEST}
        if names != set(expected):
            raise BackupError("The backup's files do not match its manifest.")
        # Check everything before changing anything.
        for name in sorted(names):
            data = archive.extractfile(name).read()
            if _checksum(data) != expected[name]:
                raise BackupError(f"{name} in the backup is damaged: its checksum is wrong.")
        dump_name = SQLITE_NAME if vendor == "sqlite" else POSTGRES_NAME
        dumped = Path(work) / dump_name
        dumped.write_bytes(archive.extractfile(dump_name).read())
        _restore_database(vendor, dumped, database, replace)
        restored_files = 0
        for name in sorted(names):
            if not name.startswith(PRIVATE_PREFIX):
                continue
            stored = _safe_relative(name).as_posix()
            saved = storage.save(stored, ContentFile(archive.extractfile(name).read()))
            with storage.open(saved, "rb") as handle:
                if saved != stored or _checksum(handle.read()) != expected[name]:
                    raise BackupError(
                        f"{stored} in the private {_where(storage)} does not match the "
                        "backup after restoring it."
                    )
            restored_files += 1
    return Restored(database=str(database["NAME"]), files=restored_files)


def _restore_database(vendor: str, dumped: Path, database: dict, replace: bool) -> None:
    if vendor == "sqlite":
        target = Path(database["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(dumped)
        copy = sqlite3.connect(target, timeout=20)
        try:
            with copy:
                source.backup(copy)
            copy.execute("PRAGMA journal_mode=WAL")
            problem = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
            source.close()
        if problem != "ok":
            raise BackupError(f"The restored database failed its integrity check: {problem}")
        return
    command = ["pg_restore", "--no-owner", "--exit-on-error", "-d", database["NAME"]]
    if replace:
        command[1:1] = ["--clean", "--if-exists"]
    _run([*command, str(dumped)], _postgres_env(database))
