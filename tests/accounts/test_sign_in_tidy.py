"""What sign-in keeps is forgotten once it counts for nothing: a turn row for each account
and address that tried, and failed tries, older than the lock-out window. Recent ones stay,
so a lock-out still holds."""

import datetime
import io

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coplan.accounts.models import SignInTurn
from coplan.accounts.tasks import sign_in_tidy_task
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _try(email, password, address):
    return Client(REMOTE_ADDR=address).post("/sign-in/", {"email": email, "password": password})


def _age(*, minutes: int, but: tuple[str, str] = ("", "")) -> None:
    """Make what sign-in has kept this many minutes old, except for this account and
    address (a sign-in try itself forgets failed tries older than the window, so the
    tests age them after the tries)."""
    account, address = but
    then = timezone.now() - datetime.timedelta(minutes=minutes)
    SignInTurn.objects.exclude(key__in=[f"account:{account}", f"address:{address}"]).update(
        created_at=then
    )
    AccessAttempt.objects.exclude(username=account).update(attempt_time=then)


def test_old_turns_and_failed_tries_go_and_recent_ones_stay(settings):
    UserFactory(email="sam@example.org")
    for n in range(3):
        _try(f"old{n}@example.org", "guess", address=f"198.51.100.{n + 1}")
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        _try("sam@example.org", "wrong-password", address="192.0.2.7")
    _age(minutes=settings.SIGN_IN_LOCKOUT_MINUTES + 1, but=("sam@example.org", "192.0.2.7"))
    assert SignInTurn.objects.count() == 3 * 2 + 2
    assert AccessAttempt.objects.count() == 3 + 1

    result = sign_in_tidy_task.call()

    assert result == {"turns": 6, "failed_tries": 3, "logs": 0}
    assert set(SignInTurn.objects.values_list("key", flat=True)) == {
        "account:sam@example.org",
        "address:192.0.2.7",
    }
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["sam@example.org"]
    locked = _try("sam@example.org", PASSWORD, address="192.0.2.7")
    assert locked.status_code == 429


def test_an_account_whose_turn_was_tidied_away_signs_in_as_before():
    UserFactory(email="sam@example.org")
    _try("sam@example.org", "wrong-password", address="192.0.2.7")
    _age(minutes=60 * 24)
    sign_in_tidy_task.call()
    assert not SignInTurn.objects.exists()

    assert _try("sam@example.org", PASSWORD, address="192.0.2.7").status_code == 302
    assert SignInTurn.objects.count() == 2


def test_signing_in_keeps_no_log_of_each_try():
    UserFactory(email="sam@example.org")

    _try("sam@example.org", "wrong-password", address="192.0.2.7")
    _try("sam@example.org", PASSWORD, address="192.0.2.7")

    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_the_first_try_at_signing_in_starts_the_daily_tidy_which_keeps_itself_queued(
    django_capture_on_commit_callbacks,
):
    waiting = DBTaskResult.objects.filter(
        task_path=sign_in_tidy_task.module_path, status=TaskResultStatus.READY
    )
    with django_capture_on_commit_callbacks(execute=True):
        _try("sam@example.org", "wrong-password", address="192.0.2.7")
        _try("sam@example.org", "wrong-password", address="192.0.2.7")
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + datetime.timedelta(hours=23)

    sign_in_tidy_task.call()

    assert waiting.count() == 1


def test_the_command_does_the_same_for_cron():
    _try("sam@example.org", "wrong-password", address="192.0.2.7")
    _age(minutes=60)

    out = io.StringIO()
    call_command("sign_in_tidy", stdout=out)

    assert out.getvalue().strip() == "Removed 2 sign-in turns, 1 failed tries and 0 log rows."
    assert not SignInTurn.objects.exists()


def test_a_turn_tidied_away_just_before_it_is_held_is_made_again(monkeypatch):
    """The daily tidy can remove a turn between a try making it and holding it: the try
    makes it again rather than go on without holding it."""
    UserFactory(email="sam@example.org")
    make = SignInTurn.objects.bulk_create
    made: list[int] = []

    def make_then_tidy(turns, **options):
        result = make(turns, **options)
        made.append(len(turns))
        if len(made) == 1:
            SignInTurn.objects.all().delete()  # the tidy, at the worst moment
        return result

    monkeypatch.setattr(SignInTurn.objects, "bulk_create", make_then_tidy)

    signed_in = _try("sam@example.org", PASSWORD, address="192.0.2.7")

    assert signed_in.status_code == 302
    assert made == [2, 2]
    assert SignInTurn.objects.count() == 2
