from axes.models import AccessAttempt

from coplan.accounts.models import User, normalise_email


def user_for_email(*, email: str) -> User | None:
    return User.objects.filter(email=normalise_email(email)).first()


def sign_ins_held_about(*, user: User) -> list[dict]:
    """The failed tries at signing in as this account that are kept (for the lock-out),
    newest first: for "everything we hold" (coplan.people)."""
    return [
        {
            "last_failed": attempt.attempt_time.isoformat(timespec="seconds"),
            "failed_tries": attempt.failures_since_start,
            "from_address": attempt.ip_address,
            "browser": attempt.user_agent,
        }
        for attempt in AccessAttempt.objects.filter(username=normalise_email(user.email)).order_by(
            "-attempt_time", "-pk"
        )
    ]
