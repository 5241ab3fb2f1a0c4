import datetime

from django.conf import settings
from django.utils import timezone

from coplan.accounts.models import SignInAttempt, User, normalise_email


def sign_in_locked_until(*, email: str) -> datetime.datetime | None:
    """When an email address may try to sign in again, or None if it is not locked.

    Locked after SIGN_IN_MAX_FAILURES failed tries in a row within the lock-out
    window; a successful sign-in resets the count.
    """
    window = datetime.timedelta(minutes=settings.SIGN_IN_LOCKOUT_MINUTES)
    recent = list(
        SignInAttempt.objects.filter(
            email=normalise_email(email), attempted_at__gte=timezone.now() - window
        )
        .order_by("-attempted_at")
        .values_list("succeeded", "attempted_at")[: settings.SIGN_IN_MAX_FAILURES]
    )
    if len(recent) < settings.SIGN_IN_MAX_FAILURES or any(ok for ok, _ in recent):
        return None
    return recent[0][1] + window


def user_for_email(*, email: str) -> User | None:
    return User.objects.filter(email=normalise_email(email)).first()


def sign_ins_held_about(*, user: User) -> list[dict]:
    """Each try at signing in as this account that is kept (for the lock-out), newest
    first: for "everything we hold" (coplan.people)."""
    return [
        {"when": attempt.attempted_at.isoformat(timespec="seconds"), "succeeded": attempt.succeeded}
        for attempt in SignInAttempt.objects.filter(email=normalise_email(user.email)).order_by(
            "-attempted_at", "-pk"
        )
    ]
