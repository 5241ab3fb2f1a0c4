"""Receipts: what an upload really is, read from its content, and where it is kept.

A receipt must be a JPEG or PNG photo or a PDF, no bigger than
settings.PAYMENTS_RECEIPT_MAX_BYTES. The file's name and the browser's content
type are never trusted: the first bytes must be the format's signature, photos
must open and verify with Pillow, and a PDF must start with "%PDF-" and end with
"%%EOF". Files are kept under settings.PRIVATE_MEDIA_ROOT with a random name,
encrypted with the people data keys (a receipt for a carer's costs can say something
about someone's needs), and served only by the receipt view, which checks who may see
the claim. `manage.py people_rotate_keys` re-encrypts them with the newest key.

Every file is written durably (a temporary file in the same folder, synced to disk, then
renamed into place and the folder synced), so a crash leaves either the whole file or
none. A file that no Receipt names (a crash between writing it and saving its row) is an
orphan: `manage.py receipts_orphans --remove` and the daily task in payments/tasks.py
remove those older than ORPHAN_AFTER, so an upload still being saved is never touched.
"""

import datetime
import hashlib
import io
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from PIL import Image, UnidentifiedImageError

from coplan.people import crypto

JPEG = "image/jpeg"
PNG = "image/png"
PDF = "application/pdf"
EXTENSIONS = {JPEG: "jpg", PNG: "png", PDF: "pdf"}
Image.MAX_IMAGE_PIXELS = 60_000_000  # a phone photo is far less; bigger is a decompression bomb
ORPHAN_AFTER = datetime.timedelta(hours=1)
_WRITING = ".writing-"


class ReceiptError(ValueError):
    """Why an upload cannot be a receipt, in plain words."""


@dataclass(frozen=True)
class CheckedReceipt:
    content: bytes
    content_type: str
    sha256: str


def _kind(content: bytes) -> str | None:
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"%PDF-"):
        return PDF
    return None


def receipt_check(*, content: bytes) -> CheckedReceipt:
    """The upload as a receipt, or ReceiptError saying what is wrong."""
    limit = settings.PAYMENTS_RECEIPT_MAX_BYTES
    if not content:
        raise ReceiptError("The selected file is empty")
    if len(content) > limit:
        raise ReceiptError(f"The selected file must be smaller than {limit // (1024 * 1024)}MB")
    kind = _kind(content)
    if kind is None:
        raise ReceiptError("The selected file must be a photo (JPG or PNG) or a PDF")
    if kind in (JPEG, PNG):
        try:
            with Image.open(io.BytesIO(content)) as image:
                if image.format != ("JPEG" if kind == JPEG else "PNG"):
                    raise ReceiptError("The selected file must be a photo (JPG or PNG) or a PDF")
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as err:
            raise ReceiptError(
                "The selected photo cannot be opened. Take the photo again, or choose another file"
            ) from err
    elif b"%%EOF" not in content[-1024:]:
        raise ReceiptError(
            "The selected PDF is not complete. Save it again, or choose another file"
        )
    return CheckedReceipt(content, kind, hashlib.sha256(content).hexdigest())


def _folder() -> Path:
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "receipts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def receipt_store(*, checked: CheckedReceipt) -> str:
    """Write the file under a random name and return that name."""
    name = f"{secrets.token_hex(16)}.{EXTENSIONS[checked.content_type]}"
    _write_durably(_folder() / name, crypto.encrypt_bytes(checked.content).encode("ascii"))
    return name


def _write_durably(path: Path, content: bytes) -> None:
    """Write `content` to `path` so that after a crash it is either all there or not at all:
    a temporary file in the same folder (readable by us only), synced, renamed into place,
    then the folder synced so the new name is on disk too."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=_WRITING)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
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


def _stored() -> list[Path]:
    """Every receipt file, leaving out ones still being written."""
    return sorted(
        path
        for path in _folder().iterdir()
        if path.is_file() and not path.name.startswith(_WRITING)
    )


def receipt_files_written_before(moment: datetime.datetime) -> list[Path]:
    """Every file in the receipts folder last written before `moment`, leftover temporary
    files from a crash included."""
    before = moment.timestamp()
    return sorted(
        path for path in _folder().iterdir() if path.is_file() and path.stat().st_mtime < before
    )


def receipt_read(stored_name: str) -> bytes:
    """The receipt as it was uploaded (decrypted)."""
    return crypto.decrypt_bytes(receipt_path(stored_name).read_text("ascii"))


def receipts_rotate() -> int:
    """Re-encrypt every stored receipt with the newest key; how many there were."""
    done = 0
    for path in _stored():
        _write_durably(path, crypto.reencrypt(path.read_text("ascii")).encode("ascii"))
        done += 1
    return done


def receipt_path(stored_name: str) -> Path:
    path = (_folder() / stored_name).resolve()
    if path.parent != _folder().resolve():
        raise ReceiptError("Not a receipt")
    return path


def receipt_remove(stored_name: str) -> None:
    receipt_path(stored_name).unlink(missing_ok=True)
