"""Thirty wrong passwords sent at the same moment get no more password checks than the
limit: each try waits for the one before it (coplan.accounts.services.sign_in_turn).

Real concurrent requests, one database connection each, so PostgreSQL: SQLite takes one
writer at a time, so the tries could never overlap there."""

import threading

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection, connections
from django.test import Client

from tests.factories import UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write transaction at a time",
    ),
]

CHECKS: list[str] = []


class CountingArgon2(Argon2PasswordHasher):
    """Argon2, counting each password it checks."""

    def verify(self, password, encoded):
        CHECKS.append(password)
        return super().verify(password, encoded)


def test_thirty_wrong_passwords_at_once_are_checked_no_more_than_the_limit(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingArgon2"]
    UserFactory(email="sam@example.org")
    CHECKS.clear()
    start = threading.Barrier(30)
    statuses: list[int] = []

    def guess(n: int) -> None:
        try:
            start.wait()
            response = Client(REMOTE_ADDR="203.0.113.5").post(
                "/sign-in/", {"email": "sam@example.org", "password": f"guess-{n}"}
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(30)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(statuses) == 30
    assert len(CHECKS) == settings.SIGN_IN_MAX_FAILURES
    assert statuses.count(429) == 30 - settings.SIGN_IN_MAX_FAILURES
