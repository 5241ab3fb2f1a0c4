"""Re-encrypt everything kept with the people keys with the newest key: access needs,
monitoring answers and spreadsheets here, and what every other app registers in
`coplan.people.services.KEY_ROTATIONS` (bank details, receipts, GOV.UK Notify keys).

Rotation: put a new key first in PEOPLE_DATA_KEYS (keep the old ones after it),
restart the app, run this command, then remove the old keys.
"""

from django.core.management.base import BaseCommand, CommandError

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
            done = services.all_keys_rotate()
        except crypto.UnreadableDataError as error:
            raise CommandError(
                f"{error}. Put every key still in use in PEOPLE_DATA_KEYS, newest first."
            ) from error
        self.stdout.write(
            self.style.SUCCESS(f"Re-encrypted with the newest key: {', '.join(done)}.")
        )
