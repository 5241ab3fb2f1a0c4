"""`make bench`: coplan at a large organisation's size (issue 16), measured from outside.

For each database (PostgreSQL in a database of its own, created and dropped; then
SQLite in a temporary folder) it migrates, seeds the large organisation
(`coplan manage bench_seed`), serves the app as the README's production section does
(`coplan serve`, production settings), signs in 16 project leads and, page by page,
has them ask for the page as fast as it comes for a few seconds. It prints, per page:
p50/p95/p99, requests per second, that as a share of a trivial signed-in page measured
in the same run, CPU per request, queries and rows per request, errors, and each
worker's peak memory (the server reports these in response headers when
COPLAN_MEASURE is on, see `coplan.core.measuring`); then the time to make the whole
plan as a PDF, and each goal with pass or fail.

    .venv/bin/python scripts/bench.py [--seconds 5] [--users 16] [--only sqlite|postgres]
                                      [--soak 600] [--tiny]

Needs nothing beyond the app's own requirements (requests is one).
"""

import argparse
import base64
import datetime
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from cryptography.fernet import Fernet
from django_otp.oath import TOTP

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
BENCH_DATABASE = "coplan_bench"

# Goals (issue 16), as shares of the trivial page measured in the same run.
SHARE_GOAL, WORST_SHARE_GOAL = 0.30, 0.20
READ_P95_GOAL_MS, WRITE_P95_GOAL_MS = 200, 300
MEMORY_GOAL_MB = 200
OVERVIEW_QUERIES_GOAL = 12
PLAN_PDF_GOAL_S = 10


@dataclass
class Sample:
    seconds: float
    status: int
    queries: int = 0
    rows: int = 0
    cpu_us: int = 0
    worker: str = ""
    peak_kb: int = 0
    size: int = 0


@dataclass
class Result:
    """A page's samples; anything but a 2xx answer to a read (a redirect to sign-in is
    not the page) counts as an error."""

    name: str
    samples: list[Sample] = field(default_factory=list)
    elapsed: float = 0.0
    write: bool = False

    def ok(self) -> list[Sample]:
        good = 400 if self.write else 300
        return [sample for sample in self.samples if sample.status < good]

    @property
    def errors(self) -> int:
        return len(self.samples) - len(self.ok())

    @property
    def per_second(self) -> float:
        return len(self.samples) / self.elapsed if self.elapsed else 0.0

    def percentile(self, share: float) -> float:
        times = sorted(sample.seconds for sample in self.samples)
        if not times:
            return 0.0
        return times[min(len(times) - 1, int(share * len(times)))] * 1000

    def mean(self, what: str) -> float:
        found = [getattr(sample, what) for sample in self.ok()]
        return statistics.mean(found) if found else 0.0


class Visitor:
    """One signed-in person with their own connection. Cookies are kept by hand: the
    production settings mark them Secure, and the benchmark is the HTTPS proxy."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.http = requests.Session()
        self.cookies: dict[str, str] = {}
        self.api_token = ""
        host = base.split("//", 1)[1]
        self.headers = {"X-Forwarded-Proto": "https", "Origin": f"https://{host}"}

    def _keep(self, response: requests.Response) -> None:
        for cookie in response.cookies:
            self.cookies[cookie.name] = cookie.value

    def request(
        self,
        method: str,
        path: str,
        data: dict | None = None,
        timeout: float = 60,
        extra_headers: dict | None = None,
    ) -> requests.Response:
        headers = {**self.headers, **(extra_headers or {})}
        headers["Referer"] = f"https://{self.base.split('//', 1)[1]}{path}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None and "csrftoken" in self.cookies:
            data = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **data}
        response = self.http.request(
            method,
            self.base + path,
            data=data,
            headers=headers,
            allow_redirects=False,
            timeout=timeout,
        )
        self._keep(response)
        return response

    def make_api_token(self) -> None:
        """Make a read token on Your account, as a person does, and keep it for the API."""
        data = {"name": "Benchmark", "days": "30", "scope": "read"}
        self.request("POST", "/your-account/api-tokens/new/", data)
        page = self.request("GET", "/your-account/api-tokens/").text
        self.api_token = re.search(r'id="new-token">([^<]+)<', page).group(1)

    def api_get(self, path: str) -> requests.Response:
        return self.request(
            "GET", path, extra_headers={"Authorization": f"Bearer {self.api_token}"}
        )

    def sign_in(self, email: str, password: str) -> None:
        """Sign in as a person does, through the second step where it is asked for (the
        benchmark's leads are organisation admins): the app is set up from the key on
        the page, as an authenticator app would be."""
        self.request("GET", "/sign-in/")
        response = self.request("POST", "/sign-in/", {"email": email, "password": password})
        asked = response.headers.get("Location") if response.status_code == 302 else None
        if asked == SET_UP_TWO_STEP:
            page = self.request("GET", SET_UP_TWO_STEP).text
            key = re.search(r"coplan-key['\"]>([A-Z2-7 ]+)<", page).group(1).replace(" ", "")
            code = f"{TOTP(base64.b32decode(key)).token():06d}"
            response = self.request("POST", SET_UP_TWO_STEP, {"code": code})
            codes = self.request("GET", response.headers["Location"]).text
            RECOVERY_CODES[email] = re.findall(r">([a-z2-7]{4} [a-z2-7]{4})<", codes)
        elif asked == TWO_STEP_CODE:
            # Someone else signed in as this lead a moment ago: an app's code is good
            # once in its 30 seconds, so one of the recovery codes given then is used.
            code = RECOVERY_CODES[email].pop()
            response = self.request("POST", TWO_STEP_CODE, {"code": code})
        if response.status_code != 302 or "/sign-in/" in response.headers["Location"]:
            raise SystemExit(
                f"Could not sign in as {email}: {response.status_code} "
                f"{response.headers.get('Location', '')}"
            )


def _sample(response: requests.Response, seconds: float) -> Sample:
    head = response.headers
    return Sample(
        seconds=seconds,
        status=response.status_code,
        queries=int(head.get("X-Queries", 0)),
        rows=int(head.get("X-Rows", 0)),
        cpu_us=int(head.get("X-CPU-Microseconds", 0)),
        worker=head.get("X-Worker", ""),
        peak_kb=int(head.get("X-Peak-Memory-KB", 0)),
        size=len(response.content),
    )


def drive(visitors: list[Visitor], name: str, ask, seconds: float, *, write: bool = False):
    """Every visitor asks `ask(visitor, number)` again and again for `seconds`."""
    result = Result(name, write=write)
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def run(visitor: Visitor, index: int) -> None:
        number = 0
        while time.monotonic() < stop_at:
            started = time.monotonic()
            try:
                response = ask(visitor, index * 1_000_000 + number)
                sample = _sample(response, time.monotonic() - started)
            except requests.RequestException:
                sample = Sample(seconds=time.monotonic() - started, status=599)
            with lock:
                result.samples.append(sample)
            number += 1

    started = time.monotonic()
    threads = [
        threading.Thread(target=run, args=(visitor, index))
        for index, visitor in enumerate(visitors)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.elapsed = time.monotonic() - started
    return result


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, check=True, cwd=ROOT, **kwargs)  # noqa: S603


def _serve(env: dict, port: int, workers: int, threads: int, log: Path) -> subprocess.Popen:
    command = [PYTHON, "-m", "coplan.cli", "serve", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--threads", str(threads), "--no-worker"]
    server = subprocess.Popen(  # noqa: S603
        command, env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    for _ in range(300):
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"The server did not start: see {log}")


def pages(seed: dict) -> list[tuple[str, str]]:
    project, meeting, person = seed["project"], seed["meeting"], seed["person"]
    p = f"/projects/{project}"
    return [
        ("your projects (dashboard)", "/projects/"),
        ("project overview", f"{p}/"),
        ("meetings list", f"{p}/meetings/"),
        ("one meeting", f"{p}/meetings/{meeting}/"),
        ("car park", f"{p}/working-together/car-park/"),
        ("claims list", f"{p}/payments/claims/"),
        ("participants", f"{p}/participants/"),
        ("one person", f"{p}/participants/{person}/"),
        ("budget", f"{p}/budget/"),
        ("project team (members)", f"{p}/people/"),
        ("plan", f"{p}/plan/"),
        ("feedback results", f"{p}/feedback/forms/{seed['feedback_form']}/results/"),
    ]


def api_pages(seed: dict) -> list[tuple[str, str]]:
    """The API's lists (issue 18), read with a token: the same goals as the pages."""
    p = f"/api/v1/projects/{seed['project']}"
    return [
        ("API: your projects", "/api/v1/projects"),
        # From today, as the meetings page: the meetings with their checks.
        ("API: meetings list", f"{p}/meetings?from_date={datetime.date.today().isoformat()}"),
        ("API: you said, we did", f"{p}/you-said-we-did"),
        ("API: participants", f"{p}/participants"),
        ("API: car park", f"{p}/car-park"),
        ("API: actions", f"{p}/actions"),
        ("API: claims list", f"{p}/claims"),
    ]


def finance_api_pages(seed: dict) -> list[tuple[str, str]]:
    """Read with the token of the organisation's finance officer (finance in every
    project): the claims waiting to be paid across the organisation."""
    o = f"/api/v1/organisations/{seed['organisation']}"
    return [("API: finance queue", f"{o}/claims-waiting?step=pay")]


TRIVIAL = ("trivial signed-in page", "/your-account/")
SET_UP_TWO_STEP = "/sign-in/set-up-two-step/"
TWO_STEP_CODE = "/sign-in/code/"
RECOVERY_CODES: dict[str, list[str]] = {}


def writes(seed: dict) -> list[tuple[str, object]]:
    car_park = f"/projects/{seed['project']}/working-together/car-park/add/"
    answer = f"/feedback/{seed['feedback_token']}/form/"
    choices = seed["feedback_choices"]

    def add_car_park_item(visitor: Visitor, number: int):
        return visitor.request("POST", car_park, {"text": f"Benchmark item {number}"})

    def answer_feedback(visitor: Visitor, number: int):
        return visitor.request("POST", answer, choices)

    return [("add a car-park item", add_car_park_item), ("give a feedback answer", answer_feedback)]


PDF_TIMEOUT = 300


def _plan_pdf(visitor: Visitor, seed: dict) -> tuple[float, int, float, int]:
    """Seconds to make the whole plan as a PDF, its status and size, and the peak memory
    of the worker that made it."""
    path = f"/projects/{seed['project']}/plan/whole/plan.pdf"
    started = time.monotonic()
    try:
        response = visitor.request("GET", path, timeout=PDF_TIMEOUT)
    except requests.RequestException:
        return time.monotonic() - started, 599, 0, 0
    sample = _sample(response, time.monotonic() - started)
    return sample.seconds, sample.status, sample.size / 1024, sample.peak_kb


def _table(results: list[Result], trivial: Result) -> list[str]:
    lines = [
        f"{'page':<28} {'p50':>6} {'p95':>6} {'p99':>6} {'req/s':>7} {'share':>6} "
        f"{'CPU ms':>7} {'queries':>7} {'rows':>7} {'KB':>6} {'errors':>6}"
    ]
    for result in [trivial, *results]:
        share = result.per_second / trivial.per_second if trivial.per_second else 0
        lines.append(
            f"{result.name:<28} {result.percentile(0.5):6.0f} {result.percentile(0.95):6.0f} "
            f"{result.percentile(0.99):6.0f} {result.per_second:7.1f} {share:6.1%} "
            f"{result.mean('cpu_us') / 1000:7.1f} {result.mean('queries'):7.1f} "
            f"{result.mean('rows'):7.0f} {result.mean('size') / 1024:6.0f} {result.errors:6d}"
        )
    return lines


def _goals(results, trivial, peak_mb, overview_queries, pdf_seconds) -> list[tuple[str, bool]]:
    reads = [result for result in results if not result.write]
    shares = {r.name: r.per_second / trivial.per_second for r in reads if trivial.per_second}
    worst = min(shares.values(), default=0)
    slow_reads = [r.name for r in reads if r.percentile(0.95) >= READ_P95_GOAL_MS]
    slow_writes = [r.name for r in results if r.write and r.percentile(0.95) >= WRITE_P95_GOAL_MS]
    errors = sum(result.errors for result in [trivial, *results])
    below = [name for name, share in shares.items() if share < SHARE_GOAL]
    return [
        (
            f"every read page at least {SHARE_GOAL:.0%} of the trivial page"
            + (f" (below: {', '.join(below)})" if below else ""),
            not below,
        ),
        (f"the worst page at least {WORST_SHARE_GOAL:.0%} (it is {worst:.1%})", worst >= 0.2),
        (
            f"p95 under {READ_P95_GOAL_MS} ms for every read page"
            + (f" (not: {', '.join(slow_reads)})" if slow_reads else ""),
            not slow_reads,
        ),
        (
            f"p95 under {WRITE_P95_GOAL_MS} ms for writes"
            + (f" (not: {', '.join(slow_writes)})" if slow_writes else ""),
            not slow_writes,
        ),
        (f"zero errors ({errors})", errors == 0),
        (f"at most {MEMORY_GOAL_MB} MB per worker ({peak_mb:.0f} MB)", peak_mb <= MEMORY_GOAL_MB),
        (
            f"the overview in at most {OVERVIEW_QUERIES_GOAL} queries ({overview_queries:.0f})",
            overview_queries <= OVERVIEW_QUERIES_GOAL,
        ),
        (
            f"the whole plan as a PDF in under {PLAN_PDF_GOAL_S} s ({pdf_seconds:.1f} s)",
            pdf_seconds < PLAN_PDF_GOAL_S,
        ),
    ]


def bench_one(database: str, arguments, folder: Path) -> bool:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    port = _free_port()
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        COPLAN_ENV="production",
        COPLAN_MEASURE="true",
        SECRET_KEY=secrets.token_urlsafe(50),
        PEOPLE_DATA_KEYS=Fernet.generate_key().decode(),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"https://127.0.0.1:{port}",
        COPLAN_DATA_DIR=str(folder / database),
        LOG_LEVEL="WARNING",
        # Every simulated user asks as fast as it can: no token's limit is reached.
        API_RATE_LIMIT_PER_MINUTE="100000000",
    )
    if database == "postgres":
        env["DATABASE_URL"] = f"{POSTGRES}/{BENCH_DATABASE}"
        _psql(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        _psql(f'CREATE DATABASE "{BENCH_DATABASE}"')
    manage = [PYTHON, "-m", "coplan.cli", "manage"]
    server = None
    try:
        _run([*manage, "migrate", "--noinput", "-v0"], env)
        _run([*manage, "collectstatic", "--noinput", "-v0"], env)
        started = time.monotonic()
        seeded = _run(
            [*manage, "bench_seed", *(["--tiny"] if arguments.tiny else [])],
            env,
            stdout=subprocess.PIPE,
            text=True,
        )
        seed = json.loads(seeded.stdout)
        seed_seconds = time.monotonic() - started
        server = _serve(env, port, arguments.workers, arguments.threads, folder / f"{database}.log")
        base = f"http://127.0.0.1:{port}"
        visitors = [Visitor(base) for _ in range(arguments.users)]
        for visitor, email in zip(visitors, seed["leads"] * arguments.users, strict=False):
            visitor.sign_in(email, seed["password"])
        print(
            f"\n== {database}: seeded in {seed_seconds:.0f} s; {arguments.users} users, "
            f"{arguments.workers} workers x {arguments.threads} threads, "
            f"{arguments.seconds:.0f} s a page; load before: {os.getloadavg()[0]:.2f}"
        )
        read_pages = pages(seed)
        for _, path in [TRIVIAL, *read_pages]:  # the first visit sets up the project's guides
            visitors[0].request("GET", path)
        for visitor in visitors:
            visitor.make_api_token()
        finance = Visitor(base)
        finance.sign_in(seed["finance"], seed["password"])
        finance.make_api_token()

        def getter(path):
            return lambda visitor, number: visitor.request("GET", path)

        trivial = drive(visitors, TRIVIAL[0], getter(TRIVIAL[1]), arguments.seconds)
        results = [
            drive(visitors, name, getter(path), arguments.seconds) for name, path in read_pages
        ]
        results += [
            drive(
                visitors,
                name,
                lambda visitor, number, path=path: visitor.api_get(path),
                arguments.seconds,
            )
            for name, path in api_pages(seed)
        ]
        results += [
            drive(
                visitors,
                name,
                lambda visitor, number, path=path: visitor.request(
                    "GET", path, extra_headers={"Authorization": f"Bearer {finance.api_token}"}
                ),
                arguments.seconds,
            )
            for name, path in finance_api_pages(seed)
        ]
        results += [
            drive(visitors, name, ask, arguments.seconds, write=True) for name, ask in writes(seed)
        ]
        if arguments.soak:
            everything = [path for _, path in read_pages]

            def mixed(visitor, number):
                return visitor.request("GET", everything[number % len(everything)])

            results.append(
                drive(visitors, f"soak {arguments.soak:.0f} s, all pages", mixed, arguments.soak)
            )
        for line in _table(results, trivial):
            print(line, flush=True)
        pdf_seconds, pdf_status, pdf_kb, pdf_peak_kb = _plan_pdf(visitors[0], seed)
        peak = {}
        for sample in (s for r in [trivial, *results] for s in r.samples):
            if sample.worker:
                peak[sample.worker] = max(peak.get(sample.worker, 0), sample.peak_kb)
        peak_mb = max(peak.values(), default=0) / 1024
        print(
            f"whole plan PDF: {pdf_seconds:.1f} s, {pdf_kb:.0f} KB, status {pdf_status}; "
            f"the worker's peak memory after it: {pdf_peak_kb / 1024:.0f} MB"
        )
        print(
            "peak memory per worker (pages): "
            + ", ".join(f"{kb / 1024:.0f} MB" for kb in sorted(peak.values()))
        )
        print(f"load after: {os.getloadavg()[0]:.2f}")
        overview = next(r for r in results if r.name == "project overview")
        goals = _goals(results, trivial, peak_mb, overview.mean("queries"), pdf_seconds)
        if pdf_status != 200:
            goals.append((f"the plan PDF is made (status {pdf_status})", False))
        print("goals:")
        for text, passed in goals:
            print(f"  {'PASS' if passed else 'FAIL'}  {text}")
        return all(passed for _, passed in goals)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if database == "postgres":
            _psql(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')


def _psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(sql)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long each page is driven")
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--only", choices=["postgres", "sqlite"])
    parser.add_argument("--soak", type=float, default=0, help="then all pages mixed, this long")
    parser.add_argument("--tiny", action="store_true", help="a small organisation, to try it")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="coplan-bench-"))
    passed = True
    try:
        for database in ["postgres", "sqlite"]:
            if arguments.only in (None, database):
                passed = bench_one(database, arguments, folder) and passed
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
