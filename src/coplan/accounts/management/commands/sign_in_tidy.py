"""Forget what sign-in keeps once it counts for nothing: the turn rows and failed tries
older than the lock-out window (for cron, for example daily; the task worker does this
daily too, see accounts/tasks.py). Running it twice, or beside the worker, is safe."""

from django.core.management.base import BaseCommand

from coplan.accounts import services


class Command(BaseCommand):
    help = "Remove sign-in turns and failed tries older than the lock-out window."

    def handle(self, *args, **options) -> None:
        tidied = services.sign_in_tidy()
        self.stdout.write(
            f"Removed {tidied.turns} sign-in turns, {tidied.failures} failed tries "
            f"and {tidied.logs} log rows."
        )
