"""An authenticator app, for tests: the code it shows for a key.

A code is good once, so a person whose app still shows the code they just used
waits for the next one. `code_from` does the same: it never gives the code of
a 30-second step it already gave for that key, which keeps the tests true
whatever the clock does between two sign-ins on a busy machine.
"""

import base64
import time

from django_otp.oath import TOTP

_STEP = 30
_last_step_given: dict[str, int] = {}


def code_from(key_words: str) -> str:
    """What an authenticator app shows for this key now, once a new code shows."""
    key = key_words.replace(" ", "")
    while int(time.time()) // _STEP <= _last_step_given.get(key, -1):
        time.sleep(_STEP - time.time() % _STEP + 0.05)
    totp = TOTP(base64.b32decode(key))
    totp.time = time.time()
    _last_step_given[key] = totp.t()
    return f"{totp.token():06d}"
