"""An authenticator app, for tests: the code it shows for a key."""

import base64
import time

from django_otp.oath import TOTP


def code_from(key_words: str, later: int = 0) -> str:
    """What an authenticator app shows for this key now (or `later` steps of 30 s on)."""
    totp = TOTP(base64.b32decode(key_words.replace(" ", "")))
    totp.time = time.time() + 30 * later
    return f"{totp.token():06d}"
