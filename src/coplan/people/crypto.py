"""Encryption at rest for special category data (access needs, equality monitoring).

Fernet (AES-128-CBC with HMAC-SHA256, from `cryptography`) with keys from
`settings.PEOPLE_DATA_KEYS`, newest first. A `MultiFernet` encrypts with the
newest key and decrypts with any of them, so a key is rotated by putting a new
one first, running `manage.py people_rotate_keys`, then removing the old one.
Values are JSON, so a whole set of needs is one token: nothing about the
shape of someone's needs (which categories they filled in) shows in the database.
"""

import json
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class UnreadableDataError(Exception):
    """A stored value none of the current keys can decrypt."""


class DataKeysMissingError(ImproperlyConfigured):
    """PEOPLE_DATA_KEYS is empty: nothing encrypted can be read or written."""


@lru_cache(maxsize=4)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise DataKeysMissingError(
            "PEOPLE_DATA_KEYS is not set. It holds the keys that encrypt people's access needs; "
            "every app server needs the same keys."
        )
    try:
        return MultiFernet([Fernet(key.encode("ascii")) for key in keys])
    except (ValueError, UnicodeEncodeError) as error:
        raise ImproperlyConfigured(
            "Each key in PEOPLE_DATA_KEYS must be a Fernet key: 32 random bytes in URL-safe base64."
        ) from error


def _fernet() -> MultiFernet:
    return _multi_fernet(tuple(settings.PEOPLE_DATA_KEYS))


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


def encrypt_json(value: Any) -> str:
    plain = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _fernet().encrypt(plain.encode("utf-8")).decode("ascii")


def decrypt_json(token: str) -> Any:
    try:
        plain = _fernet().decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UnreadableDataError(
            "None of the keys in PEOPLE_DATA_KEYS can read this value"
        ) from error
    return json.loads(plain)


def reencrypt(token: str) -> str:
    """The same value encrypted with the newest key."""
    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as error:
        raise UnreadableDataError(
            "None of the keys in PEOPLE_DATA_KEYS can read this value"
        ) from error


def encrypt_bytes(value: bytes) -> str:
    return _fernet().encrypt(value).decode("ascii")


def decrypt_bytes(token: str) -> bytes:
    try:
        return _fernet().decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError) as error:
        raise UnreadableDataError(
            "None of the keys in PEOPLE_DATA_KEYS can read this value"
        ) from error
