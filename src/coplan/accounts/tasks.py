"""Background work for signing in, run by the database-backed task worker (`coplan worker`).

`sign_in_tidy_task` forgets what sign-in keeps once it counts for nothing (a turn row for
every account and address that ever tried, failed tries older than the lock-out window;
`services.sign_in_tidy`), then queues itself to run again TIDY_EVERY later. Every try at
signing in queues it if no run is waiting, so the first sign-in starts it. For a deployment
that prefers cron, `manage.py sign_in_tidy` does the same once.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from coplan.accounts import services
from coplan.core import repeating

TIDY_EVERY = datetime.timedelta(days=1)


@task()
def sign_in_tidy_task() -> dict[str, int]:
    try:
        tidied = services.sign_in_tidy()
    finally:
        sign_in_tidy_keep_running(at=timezone.now() + TIDY_EVERY)
    return {"turns": tidied.turns, "failed_tries": tidied.failures, "logs": tidied.logs}


def sign_in_tidy_keep_running(*, at: datetime.datetime | None = None) -> None:
    """Queue a run of the tidy task (at `at`, or TIDY_EVERY from now) unless one waits."""
    repeating.keep_running(sign_in_tidy_task, every=TIDY_EVERY, at=at)
