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

TIDY_EVERY = datetime.timedelta(days=1)


@task()
def sign_in_tidy_task() -> dict[str, int]:
    try:
        tidied = services.sign_in_tidy()
    finally:
        sign_in_tidy_keep_running(at=timezone.now() + TIDY_EVERY)
    return {"turns": tidied.turns, "failed_tries": tidied.failures, "logs": tidied.logs}


def _queued() -> bool:
    """Whether a run of the tidy task is waiting in the database queue."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=sign_in_tidy_task.module_path, status=TaskResultStatus.READY
    ).exists()


def sign_in_tidy_keep_running(*, at: datetime.datetime | None = None) -> None:
    """Queue a run of the tidy task (at `at`, or a day from now) unless one is waiting.

    Only with a backend that can run tasks later (the database one); with any
    other, the command is the way."""
    backend = sign_in_tidy_task.get_backend()
    if not backend.supports_defer or _queued():
        return
    sign_in_tidy_task.using(run_after=at or timezone.now() + TIDY_EVERY).enqueue()
