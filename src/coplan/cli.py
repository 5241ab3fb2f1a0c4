"""The `coplan` command.

coplan dev            run the app and the background worker on this machine
coplan serve          run the app for an organisation (gunicorn, several processes)
coplan worker         run the background task worker
coplan check-language FILE|-  check text for plain language (--json, --easy-read)
coplan backup DEST    the database and private files in one archive
coplan restore SRC    put a backup back into an empty database (--replace to overwrite)
coplan manage ...     any Django management command
"""

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Sequence


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coplan.settings")


def _manage(arguments: Sequence[str]) -> None:
    _django_setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["coplan", *arguments])


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _with_worker(command: list[str]) -> int:
    """Run the task worker beside a server process; stop both together."""
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    worker = subprocess.Popen([sys.executable, "-m", "coplan.cli", "worker"])
    server = subprocess.Popen(command)  # noqa: S603 - our own fixed command line
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for process in (server, worker):
            process.terminate()
        for process in (server, worker):
            process.wait(timeout=15)


def dev(address: str) -> int:
    return _with_worker(
        [sys.executable, "-m", "coplan.cli", "manage", "runserver", address, "--noreload"]
    )


def serve(bind: str, workers: int, threads: int, with_worker: bool) -> int:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "coplan.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--access-logfile",
        "-",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
    ]
    if with_worker:
        return _with_worker(command)
    os.execv(sys.executable, command)  # noqa: S606 - gunicorn takes over this process


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "manage":
        _manage(argv[1:])
        return 0
    if argv and argv[0] in ("backup", "restore"):
        _manage(argv)
        return 0
    if argv and argv[0] == "check-language":
        from coplan.language.cli import main as check_language

        return check_language(argv[1:])
    parser = argparse.ArgumentParser(prog="coplan", description="The Co-production Planner.")
    commands = parser.add_subparsers(dest="command", required=True)
    dev_parser = commands.add_parser("dev", help="run the app and worker on this machine")
    dev_parser.add_argument("--address", default="127.0.0.1:8000")
    serve_parser = commands.add_parser("serve", help="run the app with gunicorn")
    serve_parser.add_argument("--bind", default=os.environ.get("BIND", "0.0.0.0:8000"))
    serve_parser.add_argument(
        "--workers", type=int, default=int(os.environ.get("WEB_WORKERS", "4"))
    )
    serve_parser.add_argument(
        "--threads", type=int, default=int(os.environ.get("WEB_THREADS", "4"))
    )
    serve_parser.add_argument(
        "--no-worker", action="store_true", help="do not start a task worker beside the server"
    )
    commands.add_parser("worker", help="run the background task worker")
    commands.add_parser("backup", help="back up the database and private files")
    commands.add_parser("restore", help="restore a backup")
    commands.add_parser("manage", help="run a Django management command")
    commands.add_parser("check-language", help="check a text file for plain language")
    arguments = parser.parse_args(argv)
    if arguments.command == "dev":
        return dev(arguments.address)
    if arguments.command == "serve":
        return serve(arguments.bind, arguments.workers, arguments.threads, not arguments.no_worker)
    _manage(["db_worker"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
