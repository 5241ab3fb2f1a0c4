"""List the receipt files that no receipt in the database names, and with --remove remove
them (for cron, for example daily; the task worker does this daily too, see payments/tasks.py).

Only files written more than an hour ago count, so an upload still being saved is never
removed. Running it twice, or beside the worker, is safe.
"""

from django.core.management.base import BaseCommand

from coplan.payments import selectors, services


class Command(BaseCommand):
    help = (
        "List receipt files older than an hour that no receipt names; with --remove, remove them."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--remove", action="store_true", help="Remove the files listed, not only list them."
        )

    def handle(self, *args, remove: bool = False, **options) -> None:
        if remove:
            names = services.receipts_orphans_remove()
            verb = "removed"
        else:
            names = selectors.receipts_orphaned()
            verb = "found"
        for name in names:
            self.stdout.write(name)
        count = len(names)
        self.stdout.write(
            f"{count} receipt file{'s' if count != 1 else ''} with no receipt {verb}."
        )
