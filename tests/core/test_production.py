"""The README's "Running it for an organisation", followed as written.

The test reads the README's command block, so the README and the test cannot drift,
and runs it on a copy of this checkout without its build, data or collected static
files, as a clean checkout would be. Only the values the README asks you to choose
are the test's own: a secret key, a data key and a PostgreSQL database it creates
and drops. Every line runs as written, except that `make` does not reinstall the
.venv and node_modules this checkout already has, `createsuperuser` gets `--noinput`
(it asks questions otherwise) and `serve` binds a free port on 127.0.0.1. Then the
test is the HTTPS proxy the README asks for, in front of `coplan serve`.
"""

import http.client
import json
import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest
from cryptography.fernet import Fernet

from tests.accounts.authenticator import code_from

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
# What a clean checkout does not have: the asset build, data and anything installed.
NOT_IN_A_CLEAN_CHECKOUT = {".git", ".venv", "node_modules", "build", "data", "test-results"}
INSTALLED = [".venv", "node_modules"]
COMMAND_TIMEOUT = 180
SERVER_START_TIMEOUT = 120


def readme_production_block() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Running it for an organisation\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    return [shlex.split(line, comments=True) for line in block.splitlines() if line.strip()]


def _clean_checkout(destination: Path) -> Path:
    def leave_out(folder: str, names: list[str]) -> set[str]:
        at_top = Path(folder) == ROOT
        return {
            name
            for name in names
            if name in {"__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"}
            or name.endswith(".egg-info")
            or (at_top and name in NOT_IN_A_CLEAN_CHECKOUT)
        }

    shutil.copytree(ROOT, destination, ignore=leave_out, symlinks=True)
    for installed in INSTALLED:
        (destination / installed).symlink_to((ROOT / installed).resolve())
    return destination


@pytest.fixture
def postgres_database():
    """A PostgreSQL database of this test's own, dropped afterwards."""
    name = f"coplan_readme_{os.getpid()}"
    server = POSTGRES_URL.rsplit("/", 1)[0]
    try:
        admin = psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        if IN_CI:
            pytest.fail(f"CI needs PostgreSQL at {server}: {error}", pytrace=False)
        pytest.skip(f"SKIPPED: the README's production steps need PostgreSQL at {server}")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{server}/{name}"
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Proxy:
    """Requests as the HTTPS proxy in front of the app sends them."""

    def __init__(self, port: int, host: str) -> None:
        self.port, self.host, self.cookies = port, host, {}

    def request(
        self, path: str, form: dict | None = None, files: dict | None = None
    ) -> tuple[int, dict, bytes]:
        """GET `path`, or POST `form` to it (with `files`, {name: (filename, bytes)}, as
        a browser sends a form with a file)."""
        headers = {"Host": self.host, "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None and files:
            boundary = secrets.token_hex(16)
            parts = [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
                for name, value in form.items()
            ]
            parts += [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
                for name, (filename, content) in files.items()
            ]
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
            headers["Referer"] = f"https://{self.host}{path}"
        elif form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://{self.host}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("POST" if form is not None else "GET", path, body, headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, dict(response.headers), content


def _wait_for_health(proxy: Proxy, server: subprocess.Popen) -> tuple[int, bytes]:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        try:
            status, _, body = proxy.request("/healthz")
            if status == 200 or time.monotonic() > deadline:
                return status, body
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                return 0, b"the server did not answer"
        time.sleep(0.5)


def _check_the_running_app(
    proxy: Proxy, server: subprocess.Popen, superuser: dict[str, str]
) -> None:
    health_status, health = _wait_for_health(proxy, server)
    assert (health_status, json.loads(health or b"null")) == (
        200,
        {"status": "ok", "database": "ok", "pages": "ok"},
    ), health

    home_status, _, home = proxy.request("/")
    sign_in_status, _, sign_in = proxy.request("/sign-in/")
    assert (home_status, sign_in_status) == (200, 200)

    # The real static files, under their hashed names from collectstatic's manifest.
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', home.decode()).group(1)
    assert re.fullmatch(r"/static/coplan/app\.[0-9a-f]{12}\.css", stylesheet), stylesheet
    css_status, css_headers, css = proxy.request(stylesheet)
    assert css_status == 200
    assert css_headers["Content-Type"].startswith("text/css")
    assert b".govuk-template" in css
    linked = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', home.decode()))
    linked |= {
        url for url in re.findall(r'url\("?([^")]+)"?\)', css.decode()) if url.startswith("/")
    }
    assert {url: proxy.request(url)[0] for url in linked} == dict.fromkeys(linked, 200)

    # The API's page, with Swagger UI from the pinned package's files, collected and hashed.
    docs_status, _, docs = proxy.request("/api/v1/docs")
    assert (docs_status, b"How to use the API" in docs) == (200, True)
    linked = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', docs.decode()))
    assert any(
        re.fullmatch(r"/static/ninja/swagger-ui-bundle\.[0-9a-f]{12}\.js", u) for u in linked
    )
    assert {url: proxy.request(url)[0] for url in linked} == dict.fromkeys(linked, 200)
    assert proxy.request("/api/v1/openapi.json")[0] == 200

    # The superuser made by createsuperuser signs in: password, then (as the README says)
    # sets up two-step sign-in with an authenticator app, here worked out from the key.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', sign_in.decode()).group(1)
    status, headers, _ = proxy.request("/sign-in/", {"csrfmiddlewaretoken": token, **superuser})
    assert (status, headers.get("Location")) == (302, "/sign-in/set-up-two-step/")
    status, _, set_up = proxy.request("/sign-in/set-up-two-step/")
    key = re.search(r'coplan-key">([A-Z2-7 ]+)<', set_up.decode()).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', set_up.decode()).group(1)
    status, headers, _ = proxy.request(
        "/sign-in/set-up-two-step/", {"csrfmiddlewaretoken": token, "code": code_from(key)}
    )
    assert (status, headers.get("Location")) == (302, "/your-account/two-step/recovery-codes/")
    status, _, codes = proxy.request("/your-account/two-step/recovery-codes/")
    assert (status, b"Save your recovery codes" in codes) == (200, True)
    assert proxy.request("/projects/")[0] == 200


def test_readme_production_steps_serve_pages_with_their_static_files(tmp_path, postgres_database):
    checkout = _clean_checkout(tmp_path / "coplan")
    chosen = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "PEOPLE_DATA_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": postgres_database,
    }
    superuser = {"email": "admin@example.org", "password": secrets.token_urlsafe(16)}
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "COPLAN_DATA_DIR", *chosen}
    }
    env["PYTHONPATH"] = str(checkout / "src")  # this checkout's code
    ran = []
    for line in readme_production_block():
        if line[0] == "export":
            for assignment in line[1:]:
                name, value = assignment.split("=", 1)
                env[name] = chosen.get(name, value)
            continue
        command = list(line)
        if command[0] == "make":
            command[1:1] = [f"--old-file={installed}/.installed" for installed in INSTALLED]
        if command[-1] == "createsuperuser":
            command.append("--noinput")
            env.update(
                DJANGO_SUPERUSER_EMAIL=superuser["email"],
                DJANGO_SUPERUSER_PASSWORD=superuser["password"],
                DJANGO_SUPERUSER_FULL_NAME="Alex Admin",
            )
        if command[1] == "serve":
            port = _free_port()
            command[command.index("--bind") + 1] = f"127.0.0.1:{port}"
            ran.append("serve")
            break
        result = subprocess.run(
            command,
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, f"{shlex.join(line)}\n{result.stdout}{result.stderr}"
        if command[-1] == "--deploy":
            assert "no issues" in result.stdout, result.stdout + result.stderr
        ran.append(shlex.join(line))

    assert ran == [
        "make setup",
        ".venv/bin/coplan manage migrate",
        ".venv/bin/coplan manage collectstatic --noinput",
        ".venv/bin/coplan manage check --deploy",
        ".venv/bin/coplan manage createsuperuser",
        "serve",
    ]
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            command, cwd=checkout, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            _check_the_running_app(Proxy(port, env["ALLOWED_HOSTS"]), server, superuser)
        finally:
            server.terminate()
            server.wait(timeout=60)
    workers = int(command[command.index("--workers") + 1])
    assert log.read_text().count("Booting worker") == workers, log.read_text()


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update(COPLAN_ENV="production", COPLAN_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
