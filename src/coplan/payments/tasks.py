"""Background work for payments, run by the database-backed task worker (`coplan worker`).

`receipts_tidy_task` removes receipt files that no Receipt names (left by a crash between
writing the file and saving its row), then queues itself to run again TIDY_EVERY later.
Saving a receipt queues it, so there is always a run waiting once the first receipt is kept.
For a deployment that prefers cron, `manage.py receipts_orphans --remove` does the same once.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from coplan.payments import services

TIDY_EVERY = datetime.timedelta(days=1)


@task()
def receipts_tidy_task() -> dict[str, int]:
    try:
        removed = services.receipts_orphans_remove()
    finally:
        receipts_tidy_keep_running(at=timezone.now() + TIDY_EVERY)
    return {"receipt_files_removed": len(removed)}


def _queued() -> bool:
    """Whether a run of the tidy task is waiting in the database queue."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=receipts_tidy_task.module_path, status=TaskResultStatus.READY
    ).exists()


def receipts_tidy_keep_running(*, at: datetime.datetime | None = None) -> None:
    """Queue a run of the tidy task (at `at`, or a day from now) unless one is waiting.

    Only with a backend that can run tasks later (the database one); with any
    other, the command is the way."""
    backend = receipts_tidy_task.get_backend()
    if not backend.supports_defer or _queued():
        return
    receipts_tidy_task.using(run_after=at or timezone.now() + TIDY_EVERY).enqueue()
