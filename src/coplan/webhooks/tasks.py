"""Sending webhooks, by the database task worker (`coplan worker`).

`deliveries_send_task` tries every delivery that is due; if any wait to be tried again,
it queues itself for the earliest. A new event or test event queues it when its
transaction commits. Safe to run twice or in several workers at once: each delivery is
locked while it is tried.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from coplan.webhooks import services


@task()
def deliveries_send_task() -> dict[str, int]:
    result = services.deliveries_send_due()
    if result.try_again_at is not None:
        deliveries_send_soon(at=result.try_again_at)
    return {"sent": result.sent, "failed": result.failed}


def _queued(*, by: datetime.datetime) -> bool:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    return DBTaskResult.objects.filter(
        Q(run_after=get_date_max()) | Q(run_after__lte=by),
        task_path=deliveries_send_task.module_path,
        status=TaskResultStatus.READY,
    ).exists()


def deliveries_send_soon(*, at: datetime.datetime | None = None) -> None:
    """Queue the sending task (at `at`, or now) unless a run waits that starts by then."""
    at = at or timezone.now()
    if not deliveries_send_task.get_backend().supports_defer:
        deliveries_send_task.enqueue()
    elif not _queued(by=at):
        deliveries_send_task.using(run_after=at).enqueue()
