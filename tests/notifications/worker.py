"""Running the real database task worker in a test."""

from django.core.management import call_command


def run_worker() -> None:
    """One pass of the real task worker (`manage.py db_worker`): run everything due, stop."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
