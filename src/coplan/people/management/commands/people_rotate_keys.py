"""Re-encrypt every access need, monitoring answer, bank details, receipt and GOV.UK
Notify key with the newest key.

Rotation: put a new key first in PEOPLE_DATA_KEYS (keep the old ones after it),
restart the app, run this command, then remove the old keys.
"""

from django.core.management.base import BaseCommand, CommandError

from coplan.notifications.services import notify_keys_rotate  # Notify keys too
from coplan.payments.receipts import receipts_rotate  # receipts use the same keys
from coplan.people import crypto, services


class Command(BaseCommand):
    help = "Re-encrypt people's special category data with the first key in PEOPLE_DATA_KEYS."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--new-key",
            action="store_true",
            help="Only print a new key to put first in PEOPLE_DATA_KEYS; change nothing.",
        )

    def handle(self, *args, new_key: bool = False, **options) -> None:
        if new_key:
            self.stdout.write(crypto.new_key())
            return
        try:
            result = services.data_keys_rotate()
            receipts = receipts_rotate()
            notify_keys = notify_keys_rotate()
        except crypto.UnreadableDataError as error:
            raise CommandError(
                f"{error}. Put every key still in use in PEOPLE_DATA_KEYS, newest first."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-encrypted with the newest key: access needs of {result.people} people, "
                f"{result.monitoring_responses} equality monitoring answers, "
                f"{result.imports} uploaded spreadsheets, "
                f"bank details of {result.bank_details} people, {receipts} receipts, "
                f"{notify_keys} GOV.UK Notify keys."
            )
        )
