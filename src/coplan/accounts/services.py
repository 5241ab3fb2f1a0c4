import contextlib
import datetime
from collections.abc import Iterator

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
    The rows are locked in one order, so two tries never wait for each other."""
    keys = sorted({f"account:{account}", f"address:{address}"})
    SignInTurn.objects.bulk_create([SignInTurn(key=key) for key in keys], ignore_conflicts=True)
    with transaction.atomic():
        list(SignInTurn.objects.select_for_update().filter(key__in=keys).order_by("key"))
        yield


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
