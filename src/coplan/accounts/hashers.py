"""Passwords are hashed with Argon2, one at a time in each process.

Argon2 is slow and takes memory on purpose, so that stolen hashes are costly to guess:
with Django's settings each hash, and each check of a password, takes 100 MiB for a
moment. A web worker serves four requests at once, so four people signing in at the
same moment would take 400 MiB on top of what the worker holds. Hashing one password
at a time in each process keeps a worker's peak at one hash's worth (issue 16: at most
200 MB a worker). Little is lost: each hash already works on every core it is given.
"""

import threading

from django.contrib.auth.hashers import Argon2PasswordHasher

_ONE_AT_A_TIME = threading.RLock()


class OneAtATimeArgon2PasswordHasher(Argon2PasswordHasher):
    """Django's Argon2 (the same stored hashes, `argon2$...`), one hash or check at a
    time in this process."""

    def encode(self, password, salt):
        with _ONE_AT_A_TIME:
            return super().encode(password, salt)

    def verify(self, password, encoded):
        with _ONE_AT_A_TIME:
            return super().verify(password, encoded)
