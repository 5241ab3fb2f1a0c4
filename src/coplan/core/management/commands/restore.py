"""coplan restore SRC: put back a backup made by `coplan backup`."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from coplan.core.backup import BackupError, restore_backup
from coplan.core.private_files import private_storage


class Command(BaseCommand):
    help = (
        "Restore the database and private files from a backup, into an empty database "
        "(or over the existing one with --replace), then check every checksum."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="the archive made by `coplan backup`")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="overwrite a database and private files folder that are not empty",
        )

    def handle(self, *args, source: str, replace: bool, **options):
        connections.close_all()
        try:
            restored = restore_backup(
                Path(source),
                settings.DATABASES["default"],
                private_storage(),
                replace=replace,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the database {restored.database} and {restored.files} private files; "
            "every checksum matches."
        )
