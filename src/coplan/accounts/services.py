import contextlib
import dataclasses
import datetime
from collections.abc import Iterator

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from coplan.accounts.models import SignInTurn, User, normalise_email


@contextlib.contextmanager
def sign_in_turn(*, account: str, address: str | None) -> Iterator[None]:
    """Hold this account's and this address's turn while a password is checked: tries
    at once wait, then see what the try before them recorded (coplan.accounts.lockout).
    The rows are locked in one order, so two tries never wait for each other. If the
    daily tidy removed a row between making it and locking it, it is made again."""
    keys = sorted({f"account:{account}", f"address:{address}"})
    while True:
        SignInTurn.objects.bulk_create([SignInTurn(key=key) for key in keys], ignore_conflicts=True)
        with transaction.atomic():
            held = SignInTurn.objects.select_for_update().filter(key__in=keys).order_by("key")
            if len(held) == len(keys):
                yield
                break
    transaction.on_commit(_sign_in_tidy_keep_running)


def _sign_in_tidy_keep_running() -> None:
    from coplan.accounts.tasks import sign_in_tidy_keep_running  # tasks imports this module

    sign_in_tidy_keep_running()


@dataclasses.dataclass(frozen=True)
class SignInTidied:
    turns: int
    failures: int
    logs: int


def sign_in_tidy() -> SignInTidied:
    """Forget what sign-in keeps once it counts for nothing: turns and failed tries older
    than the lock-out window, and any axes log rows older than a day (both logs are off,
    so there are none unless an operator turns one on)."""
    since = timezone.now() - datetime.timedelta(minutes=settings.SIGN_IN_LOCKOUT_MINUTES)
    with transaction.atomic():
        # A turn held by a try now is left for the next tidy, never waited for.
        free = SignInTurn.objects.select_for_update(skip_locked=True).filter(created_at__lt=since)
        old = list(free.values_list("pk", flat=True))
        turns, _ = SignInTurn.objects.filter(pk__in=old).delete()
    failures, _ = AccessAttempt.objects.filter(attempt_time__lt=since).delete()
    handler = AxesDatabaseHandler()
    logs = handler.reset_logs(age_days=1) + handler.reset_failure_logs(age_days=1)
    return SignInTidied(turns=turns, failures=failures, logs=logs)


def sign_in_failures_forget_old() -> None:
    """Failed tries older than the lock-out window count for nothing: drop them."""
    window = datetime.timedelta(minutes=settings.SIGN_IN_LOCKOUT_MINUTES)
    AccessAttempt.objects.filter(attempt_time__lt=timezone.now() - window).delete()


def sign_in_failures_forget(*, email: str) -> None:
    """A new password ends any lock-out of the account from earlier failed tries."""
    AccessAttempt.objects.filter(username=normalise_email(email)).delete()


def user_create(*, email: str, full_name: str, password: str | None) -> User:
    return User.objects.create_user(email=email, password=password, full_name=full_name.strip())


def user_update_details(*, user: AbstractBaseUser, full_name: str) -> None:
    user.full_name = full_name.strip()
    user.save(update_fields=["full_name"])
