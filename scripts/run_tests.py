"""Run the whole test suite twice: on SQLite, then on PostgreSQL.

In CI (CI=true) a missing PostgreSQL or browser fails the run. Elsewhere, what
the machine cannot have is skipped, and said loudly at the end.
"""

import os
import subprocess
import sys

PG_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def postgres_reachable() -> bool:
    import psycopg

    try:
        with psycopg.connect(PG_URL, connect_timeout=3) as connection:
            connection.execute("SELECT 1")
    except psycopg.OperationalError as error:
        print(f"PostgreSQL at {PG_URL} is not reachable: {error}", file=sys.stderr)
        return False
    return True


def run_pytest(label: str, database_url: str | None, extra: list[str]) -> int:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    print(f"\n=== Test suite on {label} ===", flush=True)
    command = [sys.executable, "-m", "pytest", "--create-db", *extra]
    return subprocess.call(command, env=env)  # noqa: S603


def main() -> int:
    extra = sys.argv[1:]
    warnings = []
    results = {"SQLite": run_pytest("SQLite", None, extra)}
    if postgres_reachable():
        results["PostgreSQL"] = run_pytest("PostgreSQL", PG_URL, extra)
    elif IN_CI:
        print("CI needs PostgreSQL at 127.0.0.1:5432, and it is not there.", file=sys.stderr)
        results["PostgreSQL"] = 1
    else:
        warnings.append("SKIPPED: the PostgreSQL run (no server at 127.0.0.1:5432).")
    print("\n=== Summary ===")
    for label, code in results.items():
        print(f"{label}: {'passed' if code == 0 else 'FAILED'}")
    for warning in warnings:
        print(f"!!! {warning}")
    return 0 if all(code == 0 for code in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
