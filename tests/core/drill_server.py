"""The real production server (`coplan serve`, gunicorn) on 127.0.0.1, for the drills.

It runs with the production settings on the test database, so what the test made
through the ORM (a project, its members) is there for it, and what people write
through it can be counted afterwards. The static files are collected once a session
into a folder of the test's own. Requests go as the HTTPS proxy in front of the app
sends them (`Proxy` from the production test); each person signs in with a password
through the sign-in page and writes through the form pages, as a person would. The
background task worker is left out (`--no-worker`): the tasks the writes make wait in
the database for it, as they would while a worker is busy.
"""

import http.client
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher

from coplan.accounts.models import User
from coplan.projects.roles import Role
from coplan.working_together.models import CarParkItem, Comment
from tests.core.test_production import ROOT, Proxy, _free_port, _wait_for_health
from tests.factories import MembershipFactory, ProjectFactory

HOST = "127.0.0.1"
WORKERS = 2
THREADS = 8
STOP_TIMEOUT = 60
PASSWORD = "drill-" + secrets.token_urlsafe(12)


def password_hash() -> str:
    """The drill password as the server checks it (the tests' own hasher is a fast one)."""
    return Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())


def database_url(database: dict) -> str:
    """The test database, as DATABASE_URL for the server."""
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = quote(database.get("USER") or "")
    password = quote(database.get("PASSWORD") or "")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = database.get("HOST") or "127.0.0.1"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{database['NAME']}"


def _production_env(data_dir: Path, database: dict) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        COPLAN_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        PEOPLE_DATA_KEYS=",".join(settings.PEOPLE_DATA_KEYS),
        DATABASE_URL=database_url(database or {"ENGINE": "sqlite3", "NAME": data_dir / "none"}),
        ALLOWED_HOSTS=HOST,
        SITE_URL=f"https://{HOST}",
        COPLAN_DATA_DIR=str(data_dir),
        COPLAN_PRIVATE_MEDIA=str(settings.PRIVATE_MEDIA_ROOT),
        LOG_LEVEL="WARNING",
    )
    return env


def collect_static(folder: Path) -> None:
    """`collectstatic` as production runs it (the drills do it once a test session)."""
    env = {**_production_env(folder, {}), "COPLAN_STATIC_ROOT": str(folder)}
    result = subprocess.run(
        [sys.executable, "-m", "coplan.cli", "manage", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@dataclass
class Server:
    """`coplan serve` in a process group of its own, so a hard kill takes every worker."""

    folder: Path
    database: dict
    static: Path
    port: int = field(default_factory=_free_port)
    starts: int = 0
    process: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        self.env = _production_env(self.folder / "data", self.database)
        self.env["COPLAN_STATIC_ROOT"] = str(self.static)

    def start(self) -> None:
        self.starts += 1
        log = (self.folder / f"serve-{self.starts}.log").open("w")
        command = [sys.executable, "-m", "coplan.cli", "serve", "--no-worker"]
        command += ["--bind", f"{HOST}:{self.port}"]
        command += ["--workers", str(WORKERS), "--threads", str(THREADS)]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        status, body = _wait_for_health(self.proxy(), self.process)
        assert status == 200, f"the server did not start: {status} {body!r}\n{self.log()}"

    def kill(self) -> None:
        """SIGKILL to the server and every worker, as a power cut or the OOM killer does."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=STOP_TIMEOUT)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.kill()

    def proxy(self) -> Proxy:
        return Proxy(self.port, HOST)

    def log(self) -> str:
        return "".join(path.read_text() for path in sorted(self.folder.glob("serve-*.log")))


def csrf_token(page: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()


def signed_in(server: Server, email: str) -> Proxy:
    """A person signed in through the sign-in page with the drill password."""
    proxy = server.proxy()
    status, _, page = proxy.request("/sign-in/")
    assert status == 200
    form = {"csrfmiddlewaretoken": csrf_token(page), "email": email, "password": PASSWORD}
    status, headers, body = proxy.request("/sign-in/", form)
    problem = re.search(rb"govuk-error-summary.*?</ul>", body, re.DOTALL)
    assert (status, headers.get("Location")) == (302, "/projects/"), problem or body[:500]
    return proxy


@dataclass
class Writer:
    """One person writing through the form pages, keeping count of what came back."""

    server: Server
    project_id: int
    item_id: int
    email: str
    name: str
    statuses: Counter = field(default_factory=Counter)
    acknowledged: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    proxy: Proxy | None = None
    token: str = ""

    def sign_in(self) -> None:
        self.proxy = signed_in(self.server, self.email)
        status, _, page = self.proxy.request(self._car_park + "add/")
        assert status == 200
        self.token = csrf_token(page)

    @property
    def _car_park(self) -> str:
        return f"/projects/{self.project_id}/working-together/car-park/"

    def write(self, number: int) -> None:
        """An item for the car park, or (every other time) a comment on the shared item."""
        text = f"{self.name} write {number}"
        if number % 2:
            path, done = self._car_park + f"{self.item_id}/comment/", f"{self.item_id}/#comments"
        else:
            path, done = self._car_park + "add/", self._car_park
        try:
            status, headers, _ = self.proxy.request(
                path, {"csrfmiddlewaretoken": self.token, "text": text}
            )
        except (OSError, http.client.HTTPException):
            self.statuses["no answer"] += 1
            self.unanswered.append(text)
            return
        self.statuses[status] += 1
        if status == 302 and headers.get("Location", "").endswith(done):
            self.acknowledged.append(text)


def writers_in_a_project(server: Server, count: int) -> tuple[list[Writer], int]:
    """A new project with `count` co-producers, who may sign in with the drill password,
    and a car park item they all comment on; one Writer each, and the project's id."""
    project = ProjectFactory()
    members = [MembershipFactory(project=project, role=Role.CO_PRODUCER) for _ in range(count)]
    User.objects.filter(project_memberships__project=project).update(password=password_hash())
    item = CarParkItem.objects.create(
        project=project, text="Shared item", raised_on="2026-01-05", raised_by=members[0].user
    )
    return [
        Writer(server, project.pk, item.pk, member.user.email, f"Person {number:02d}")
        for number, member in enumerate(members)
    ], project.pk


def written_texts(project_id: int) -> Counter:
    """Every text the drill wrote that is in the database, with how many times."""
    items = CarParkItem.objects.filter(project_id=project_id).exclude(text="Shared item")
    comments = Comment.objects.filter(project_id=project_id)
    return Counter(items.values_list("text", flat=True)) + Counter(
        comments.values_list("text", flat=True)
    )


def in_threads(writers: list[Writer], work) -> None:
    """`work(writer)` for every writer at once, each in a thread; their errors fail."""
    errors = []

    def run(writer: Writer) -> None:
        try:
            work(writer)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(writer,), daemon=True) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


# What the drills found, for the test summary (tests/conftest.py prints it).
figures: list[str] = []


def integrity_failures(database: dict) -> list[str]:
    """What the database's own checks find wrong, read with its own driver (empty: none).

    SQLite: `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. PostgreSQL: every
    table reads in full, every B-tree index agrees with its table (amcheck, which comes
    with PostgreSQL), and no row points at a row that is not there.
    """
    if database["ENGINE"].endswith("sqlite3"):
        import sqlite3

        raw = sqlite3.connect(database["NAME"])
        try:
            found = [row[0] for row in raw.execute("PRAGMA integrity_check")]
            found = [] if found == ["ok"] else found
            return found + [repr(row) for row in raw.execute("PRAGMA foreign_key_check")]
        finally:
            raw.close()
    import psycopg

    raw = psycopg.connect(database_url(database), autocommit=True)
    found = []
    try:
        raw.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        tables = raw.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        for (table,) in tables:
            raw.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608 - our table names
        indexes = raw.execute(
            "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            " JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE a.amname = 'btree' AND n.nspname = 'public'"
        ).fetchall()
        for (index,) in indexes:
            try:
                raw.execute("SELECT bt_index_check(%s::regclass, true)", [index])
            except psycopg.Error as error:
                found.append(f"{index}: {error}")
        foreign_keys = raw.execute(
            "SELECT conrelid::regclass::text, a.attname, confrelid::regclass::text, b.attname"
            " FROM pg_constraint"
            " JOIN pg_attribute a ON a.attrelid = conrelid AND a.attnum = conkey[1]"
            " JOIN pg_attribute b ON b.attrelid = confrelid AND b.attnum = confkey[1]"
            " WHERE contype = 'f' AND connamespace = 'public'::regnamespace"
        ).fetchall()
        for table, column, target, target_column in foreign_keys:
            orphans = raw.execute(
                f'SELECT count(*) FROM {table} t WHERE t."{column}" IS NOT NULL AND NOT EXISTS'  # noqa: S608
                f' (SELECT 1 FROM {target} u WHERE u."{target_column}" = t."{column}")'
            ).fetchone()[0]
            if orphans:
                found.append(f"{table}.{column}: {orphans} rows point at no {target}")
    finally:
        raw.close()
    return found
