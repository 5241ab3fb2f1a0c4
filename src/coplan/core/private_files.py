"""Where private files (receipts) are kept: Django's storage named "private" (settings.STORAGES).

Two storages are set up from the environment (README, "Private files"):

- the default, `DurableFolderStorage`: a folder on this machine (settings.PRIVATE_MEDIA_ROOT),
  which every server on the machine shares. Each file is written durably: a temporary file in
  the same folder (readable by us only), synced to disk, renamed into place, then the folder
  synced, so after a crash a file is either all there or not at all;
- `COPLAN_PRIVATE_STORAGE=s3`: an S3-compatible bucket through django-storages, which servers
  on several machines share. boto3 is only imported when that storage is first used.

Whatever the storage, what is handed to it is already encrypted by the caller (receipts.py):
the storage never sees a file as it was uploaded.
"""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible

PRIVATE = "private"
# Temporary files being written start with this; they are never a finished file.
WRITING = ".writing-"


@deconstructible(path="coplan.core.private_files.DurableFolderStorage")
class DurableFolderStorage(FileSystemStorage):
    """A folder of private files, written durably, a file saved again replacing the old one
    in one step. Its folder is settings.PRIVATE_MEDIA_ROOT unless given."""

    def __init__(self, location=None, **options) -> None:
        options.setdefault("allow_overwrite", True)
        options.setdefault("base_url", "/no-public-address/")
        super().__init__(location=location, **options)

    @property
    def base_location(self):  # read each time, so a changed setting is followed
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def _save(self, name: str, content) -> str:
        path = Path(self.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=WRITING)
        try:
            with os.fdopen(handle, "wb") as file:
                content.seek(0)
                for chunk in content.chunks():
                    file.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
        return str(path.relative_to(self.location)).replace("\\", "/")


def private_storage() -> Storage:
    """The storage for private files, as settings.STORAGES["private"] says."""
    return storages[PRIVATE]


def private_files_list(storage: Storage, folder: str = "") -> Iterator[str]:
    """Every finished file's name in `storage` under `folder`, in a stable order (files
    still being written left out)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder.rstrip('/')}/" if folder else ""
    for name in sorted(files):
        if not name.startswith(WRITING):
            yield prefix + name
    for inner in sorted(folders):
        yield from private_files_list(storage, prefix + inner)
