"""The sign-in figures for issue 17: on each way in, how many guesses are checked at all,
by account, by address, and sent at once. Each test counts the checks themselves (the
password compared, the code compared), not the pages that say "locked".

- /sign-in/ (passwords): 5 for one account from one address, 10 for one account from
  anywhere, 30 for one address over any accounts, within SIGN_IN_LOCKOUT_MINUTES.
- /admin/login/: checks no password at all; it sends everyone to /sign-in/.
- /sign-in/code/ (the second step, reached only with the right password): one wrong code
  for the account, then django-otp makes each next try wait twice as long (1, 2, 4 ...
  seconds), from any address: 10 wrong codes checked in 15 minutes, and as many wrong
  recovery codes, which wait on their own.
Sent at once (PostgreSQL, real concurrent requests): the same numbers.
"""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.utils import timezone
from django_otp import models as otp_models
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice

from coplan.accounts import two_step
from coplan.accounts.models import User
from coplan.organisations.models import StaffMembership
from tests.factories import PASSWORD, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

TRIES = 50


@pytest.fixture
def password_checks(monkeypatch):
    """Every password compared with the one stored, whoever's."""
    checks: list[str] = []
    check_password = User.check_password

    def counting(user, raw_password):
        checks.append(user.email)
        return check_password(user, raw_password)

    monkeypatch.setattr(User, "check_password", counting)
    return checks


@pytest.fixture
def code_checks(monkeypatch):
    """Every code from an app compared with the ones the key makes now."""
    checks: list[int] = []
    verify = TOTP.verify

    def counting(totp, token, *args, **kwargs):
        checks.append(token)
        return verify(totp, token, *args, **kwargs)

    monkeypatch.setattr(TOTP, "verify", counting)
    return checks


@pytest.fixture
def otp_clock(monkeypatch):
    """django-otp's clock for its waits between wrong codes, stopped until a test moves
    it: the figures are per second of the attacker's time, not of a busy test machine."""
    clock = {"now": timezone.now()}

    class Clock:
        @staticmethod
        def now():
            return clock["now"]

    monkeypatch.setattr(otp_models, "timezone", Clock)
    return clock


def _try(email, password, address, path="/sign-in/"):
    field = "username" if path.startswith("/admin/") else "email"
    return Client(REMOTE_ADDR=address).post(path, {field: email, "password": password})


def test_sign_in_page_one_account_from_one_address(settings, password_checks):
    UserFactory(email="sam@example.org")

    for n in range(TRIES):
        _try("sam@example.org", f"guess-{n}", "203.0.113.5")
    right = _try("sam@example.org", PASSWORD, "203.0.113.5")

    assert len(password_checks) == settings.SIGN_IN_MAX_FAILURES == 5
    assert right.status_code == 429


def test_sign_in_page_one_account_from_many_addresses(settings, password_checks):
    UserFactory(email="sam@example.org")

    for n in range(TRIES):
        _try("sam@example.org", f"guess-{n}", f"198.51.100.{n + 1}")

    assert len(password_checks) == settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT == 10


def test_sign_in_page_one_address_over_many_accounts(settings, password_checks):
    for n in range(TRIES):
        UserFactory(email=f"person{n}@example.org")

    for n in range(TRIES):
        _try(f"person{n}@example.org", "Summer2026!", "192.0.2.66")

    assert len(password_checks) == settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS == 30


def test_the_admin_sign_in_checks_no_password(password_checks):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)

    answers = [
        _try("root@example.org", f"guess-{n}", "203.0.113.5", "/admin/login/") for n in range(TRIES)
    ]
    answers.append(_try("root@example.org", PASSWORD, "203.0.113.5", "/admin/login/"))

    assert password_checks == []
    assert {answer.headers["Location"] for answer in answers} == {"/sign-in/?next=/admin/"}


def _admin_with_an_app() -> tuple[User, str]:
    admin = UserFactory(email="admin@example.org")
    StaffMembership.objects.create(
        organisation=ProjectFactory().organisation, user=admin, is_admin=True
    )
    device = two_step.app_device_to_set_up(admin)
    device.confirmed = True
    device.save()
    return admin, device


def _at_the_code_page(user, address="203.0.113.5") -> Client:
    client = Client(REMOTE_ADDR=address)
    answer = client.post("/sign-in/", {"email": user.email, "password": PASSWORD})
    assert answer.headers["Location"] == "/sign-in/code/"
    return client


def test_code_page_wrong_codes_in_one_second(settings, code_checks, otp_clock):
    settings.TWO_STEP_REQUIRED = True
    admin, _device = _admin_with_an_app()
    client = _at_the_code_page(admin)

    answers = [client.post("/sign-in/code/", {"code": "000000"}) for _ in range(TRIES)]

    assert len(code_checks) == 1
    assert all(
        "You have entered too many wrong codes" in answer.content.decode() for answer in answers[1:]
    )


def test_code_page_wrong_codes_in_the_lock_out_window(settings, code_checks, otp_clock):
    """A wrong code every second for 15 minutes, from anywhere: the wait doubles."""
    settings.TWO_STEP_REQUIRED = True
    admin, _device = _admin_with_an_app()
    start = otp_clock["now"]
    for second in range(15 * 60):
        otp_clock["now"] = start + datetime.timedelta(seconds=second)
        two_step.code_check(admin, "000000")

    assert len(code_checks) == 10


def test_code_page_wrong_recovery_codes_wait_on_their_own(
    settings, code_checks, otp_clock, monkeypatch
):
    """Recovery codes have their own doubling wait: guessing both kinds every second
    for 15 minutes has 10 app codes and 10 recovery codes checked."""
    settings.TWO_STEP_REQUIRED = True
    admin, _device = _admin_with_an_app()
    two_step.recovery_codes_new(admin)
    recovery_checks: list[str] = []
    increment = StaticDevice.throttle_increment

    def counting(device, *args, **kwargs):
        recovery_checks.append(device.name)
        return increment(device, *args, **kwargs)

    monkeypatch.setattr(StaticDevice, "throttle_increment", counting)
    start = otp_clock["now"]
    for second in range(15 * 60):
        otp_clock["now"] = start + datetime.timedelta(seconds=second)
        two_step.code_check(admin, "000000")
        two_step.code_check(admin, "abcdabcd")

    assert len(code_checks) == 10
    assert len(recovery_checks) == 10


# Sent at once ------------------------------------------------------------------------


def at_once(test):
    """Real concurrent requests, one database connection each, so PostgreSQL: SQLite
    takes one writer at a time, so the tries could never overlap there."""
    test = pytest.mark.django_db(transaction=True)(test)
    return pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write transaction at a time",
    )(test)


def _all_at_once(requests) -> list[int]:
    start = threading.Barrier(len(requests))
    statuses: list[int] = []

    def send(request) -> None:
        try:
            start.wait()
            statuses.append(request().status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@at_once
def test_at_once_one_account_from_many_addresses(settings, password_checks):
    UserFactory(email="sam@example.org")

    statuses = _all_at_once(
        [
            (lambda n=n: _try("sam@example.org", f"guess-{n}", f"198.51.100.{n + 1}"))
            for n in range(30)
        ]
    )

    assert len(statuses) == 30
    assert len(password_checks) == settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT == 10


@at_once
def test_at_once_one_address_over_many_accounts(settings, password_checks):
    for n in range(40):
        UserFactory(email=f"person{n}@example.org")

    statuses = _all_at_once(
        [
            (lambda n=n: _try(f"person{n}@example.org", "Summer2026!", "192.0.2.66"))
            for n in range(40)
        ]
    )

    assert len(statuses) == 40
    assert len(password_checks) == settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS == 30


@at_once
def test_at_once_wrong_codes_for_one_account(settings, code_checks, otp_clock):
    settings.TWO_STEP_REQUIRED = True
    admin, _device = _admin_with_an_app()
    clients = [_at_the_code_page(admin, address=f"198.51.100.{n + 1}") for n in range(30)]

    statuses = _all_at_once(
        [
            (lambda client=client: client.post("/sign-in/code/", {"code": "000000"}))
            for client in clients
        ]
    )

    assert statuses == [200] * 30
    assert len(code_checks) == 1
