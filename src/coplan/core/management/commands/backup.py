"""coplan backup DEST: the database and the private files in one archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coplan.core.backup import BackupError, make_backup
from coplan.core.private_files import private_storage


class Command(BaseCommand):
    help = (
        "Back up the database and the private files (receipts, from the folder or the "
        "bucket set up) into one .tar archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", help="the archive to write, e.g. coplan-2026-12-07.tar")

    def handle(self, *args, destination: str, **options):
        try:
            manifest = make_backup(
                Path(destination), settings.DATABASES["default"], private_storage()
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = len(manifest["files"]) - 1
        self.stdout.write(
            f"Backed up the {manifest['database']['vendor']} database and {files} private "
            f"files to {destination}. Keep PEOPLE_DATA_KEYS and SECRET_KEY separately: "
            "they are not in the backup."
        )
