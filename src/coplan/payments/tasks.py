"""Background work for payments, run by the database-backed task worker (`coplan worker`).

`receipts_tidy_task` removes receipt files that no Receipt names (left by a crash between
writing the file and saving its row), then queues itself to run again TIDY_EVERY later.
Saving a receipt queues it, so there is always a run waiting once the first receipt is kept.
For a deployment that prefers cron, `manage.py receipts_orphans --remove` does the same once.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from coplan.core import repeating
from coplan.payments import services

TIDY_EVERY = datetime.timedelta(days=1)


@task()
def receipts_tidy_task() -> dict[str, int]:
    try:
        removed = services.receipts_orphans_remove()
    finally:
        receipts_tidy_keep_running(at=timezone.now() + TIDY_EVERY)
    return {"receipt_files_removed": len(removed)}


def receipts_tidy_keep_running(*, at: datetime.datetime | None = None) -> None:
    """Queue a run of the tidy task (at `at`, or TIDY_EVERY from now) unless one waits."""
    repeating.keep_running(receipts_tidy_task, every=TIDY_EVERY, at=at)
