"""Receipts: what an upload really is, read from its content, and where it is kept.

A receipt must be a JPEG or PNG photo or a PDF, no bigger than
settings.PAYMENTS_RECEIPT_MAX_BYTES. The file's name and the browser's content
type are never trusted: the first bytes must be the format's signature, photos
must open and verify with Pillow, and a PDF must start with "%PDF-" and end with
"%%EOF". Files are kept in the private storage (core/private_files.py: a folder that
the servers of one machine share, written durably, or an S3-compatible bucket) under
`receipts/` with a random name, encrypted with the people data keys before the storage
sees them (a receipt for a carer's costs can say something about someone's needs), and
served only by the receipt view, which checks who may see the claim.
`manage.py people_rotate_keys` re-encrypts them with the newest key.

A file that no Receipt names (a crash between writing it and saving its row) is an
orphan: `manage.py receipts_orphans --remove` and the daily task in payments/tasks.py
remove those older than ORPHAN_AFTER, so an upload still being saved is never touched.
"""

import datetime
import hashlib
import io
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image

from coplan.core.private_files import WRITING, private_files_list, private_storage
from coplan.people import crypto

JPEG = "image/jpeg"
PNG = "image/png"
PDF = "application/pdf"
EXTENSIONS = {JPEG: "jpg", PNG: "png", PDF: "pdf"}
Image.MAX_IMAGE_PIXELS = 60_000_000  # a phone photo is far less; bigger is a decompression bomb
ORPHAN_AFTER = datetime.timedelta(hours=1)
FOLDER = "receipts"
_STORED_NAME = re.compile(r"[0-9a-f]{32}\.(jpg|png|pdf)")
_LEFT_WRITING = re.compile(re.escape(WRITING) + r"[A-Za-z0-9_]+")


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
        # Pillow raises many kinds of error on a damaged file, more once WeasyPrint has been
        # imported (it lets Pillow read truncated images, for every caller): any is a refusal.
        try:
            with Image.open(io.BytesIO(content)) as image:
                image_format = image.format
                image.verify()
        except Exception as err:
            raise ReceiptError(
                "The selected photo cannot be opened. Take the photo again, or choose another file"
            ) from err
        if image_format != ("JPEG" if kind == JPEG else "PNG"):
            raise ReceiptError("The selected file must be a photo (JPG or PNG) or a PDF")
    elif b"%%EOF" not in content[-1024:]:
        raise ReceiptError(
            "The selected PDF is not complete. Save it again, or choose another file"
        )
    return CheckedReceipt(content, kind, hashlib.sha256(content).hexdigest())


def _key(stored_name: str) -> str:
    """Where the receipt is in the private storage; only names we chose are accepted."""
    if not _STORED_NAME.fullmatch(stored_name):
        raise ReceiptError("Not a receipt")
    return f"{FOLDER}/{stored_name}"


def receipt_store(*, checked: CheckedReceipt) -> str:
    """Keep the file, encrypted, under a random name and return that name."""
    name = f"{secrets.token_hex(16)}.{EXTENSIONS[checked.content_type]}"
    private_storage().save(
        _key(name), ContentFile(crypto.encrypt_bytes(checked.content).encode("ascii"))
    )
    return name


def _stored() -> list[str]:
    """Every receipt file's key, leaving out ones still being written."""
    return list(private_files_list(private_storage(), FOLDER))


def receipt_files_written_before(moment: datetime.datetime) -> list[str]:
    """The names of every file under receipts/ last written before `moment`, leftover
    temporary files from a crash included."""
    storage = private_storage()
    try:
        _, names = storage.listdir(FOLDER)
    except FileNotFoundError:
        return []
    older = []
    for name in sorted(names):
        try:
            written = storage.get_modified_time(f"{FOLDER}/{name}")
        except FileNotFoundError:
            continue  # removed meanwhile
        if written < moment:
            older.append(name)
    return older


def receipt_read(stored_name: str) -> bytes:
    """The receipt as it was uploaded (decrypted)."""
    with private_storage().open(_key(stored_name), "rb") as file:
        return crypto.decrypt_bytes(file.read().decode("ascii"))


def receipt_exists(stored_name: str) -> bool:
    return private_storage().exists(_key(stored_name))


def receipts_rotate() -> int:
    """Re-encrypt every stored receipt with the newest key; how many there were."""
    storage = private_storage()
    done = 0
    for key in _stored():
        with storage.open(key, "rb") as file:
            token = file.read().decode("ascii")
        storage.save(key, ContentFile(crypto.reencrypt(token).encode("ascii")))
        done += 1
    return done


def receipt_remove(stored_name: str) -> None:
    """Remove a receipt file (or a leftover temporary file) from the private storage."""
    if _LEFT_WRITING.fullmatch(stored_name):
        private_storage().delete(f"{FOLDER}/{stored_name}")
        return
    private_storage().delete(_key(stored_name))
