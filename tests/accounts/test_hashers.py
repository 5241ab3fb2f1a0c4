"""A worker checks or hashes one password at a time: each Argon2 hash takes 100 MiB for a
moment, and a worker serves four requests at once (issue 16: at most 200 MB a worker)."""

import threading
import time

import argon2
import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, make_password

from coplan import settings as coplan_settings


@pytest.fixture
def argon2_in_use(settings):
    settings.PASSWORD_HASHERS = coplan_settings.PASSWORD_HASHERS


def test_four_sign_ins_at_once_hash_one_password_at_a_time(argon2_in_use, monkeypatch):
    stored = make_password("a long enough password")
    in_progress, most = 0, 0
    counting = threading.Lock()

    def one_hash(result):
        nonlocal in_progress, most
        with counting:
            in_progress += 1
            most = max(most, in_progress)
        time.sleep(0.05)  # as long as a hash takes, near enough for threads to meet
        with counting:
            in_progress -= 1
        return result

    monkeypatch.setattr(
        argon2.low_level, "hash_secret", lambda *args, **kwargs: one_hash(b"$argon2id$made")
    )
    monkeypatch.setattr(argon2.PasswordHasher, "verify", lambda *args: one_hash(True))
    start = threading.Barrier(4)
    done = []

    def sign_in(n: int) -> None:
        start.wait()
        if n % 2:
            done.append(check_password("a long enough password", stored))
        else:
            done.append(make_password(f"new password {n}").startswith("argon2$"))

    threads = [threading.Thread(target=sign_in, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert done == [True] * 4
    assert most == 1


def test_hashes_stay_argon2_so_stored_passwords_still_work(argon2_in_use):
    made_by_django = Argon2PasswordHasher().encode("a long enough password", "somesaltvalue1")

    assert make_password("a long enough password").startswith("argon2$")
    assert check_password("a long enough password", made_by_django)
    assert not check_password("the wrong password!", made_by_django)
