"""Tasks that queue themselves again, for the database-backed task worker
(`coplan worker`): a daily tidy runs, then asks to run again `every` later.

    repeating.keep_running(receipts_tidy_task, every=datetime.timedelta(days=1))

queues one run unless one is already waiting, and only with a backend that can run
tasks later (the database one); with any other, each tidy's command is the way.
"""

import datetime

from django.utils import timezone


def queued(task) -> bool:
    """Whether a run of `task` waits in the database queue."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    ).exists()


def keep_running(task, *, every: datetime.timedelta, at: datetime.datetime | None = None) -> None:
    """Queue a run of `task` at `at` (or `every` from now) unless one is waiting."""
    if not task.get_backend().supports_defer or queued(task):
        return
    task.using(run_after=at or timezone.now() + every).enqueue()
