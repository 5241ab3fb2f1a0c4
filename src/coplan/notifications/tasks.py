"""Background work for telling people, run by the database task worker (`coplan worker`).

- `updates_send_task` sends every message due straight away. `tell` queues it when the
  handover's transaction commits. A message that could not be sent is tried again later
  (services.RETRY_AFTER): the task queues itself for then.
- `summaries_task` sends each person's daily summary at SUMMARY_HOUR (5pm, London time),
  then queues itself for the next day; the first message anyone chose to get in a summary
  starts it.

Both are safe to run twice or in several workers at once: each message is marked sent in
the same transaction as it is sent, with its row locked.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from coplan.notifications import services

SUMMARY_HOUR = 17


@task()
def updates_send_task() -> dict[str, int]:
    result = services.updates_send_due()
    if result.try_again_at is not None:
        updates_send_soon(at=result.try_again_at)
    return {"sent": result.sent, "failed": result.failed}


@task()
def summaries_task() -> dict[str, int]:
    try:
        sent = services.summaries_send()
    finally:
        summaries_keep_running(at=next_summary_time(after=timezone.now()))
    return {"summaries_sent": sent}


def next_summary_time(*, after: datetime.datetime) -> datetime.datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    local = timezone.localtime(after, zone)
    at = datetime.datetime.combine(local.date(), datetime.time(SUMMARY_HOUR), tzinfo=zone)
    if at <= local:
        at = datetime.datetime.combine(
            local.date() + datetime.timedelta(days=1), datetime.time(SUMMARY_HOUR), tzinfo=zone
        )
    return at


def _queued(task_path: str, *, by: datetime.datetime | None) -> bool:
    """Whether a run of the task is waiting in the database queue (to run by `by`)."""
    from django.db.models import Q
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult, get_date_max

    waiting = DBTaskResult.objects.filter(task_path=task_path, status=TaskResultStatus.READY)
    if by is not None:  # no run_after is stored as the largest date: run now
        waiting = waiting.filter(Q(run_after=get_date_max()) | Q(run_after__lte=by))
    return waiting.exists()


def _queue(queued_task, *, at: datetime.datetime | None) -> None:
    backend = queued_task.get_backend()
    if not backend.supports_defer:
        queued_task.enqueue()
        return
    if _queued(queued_task.module_path, by=at or timezone.now()):
        return
    queued_task.using(run_after=at or timezone.now()).enqueue()


def updates_send_soon(*, at: datetime.datetime | None = None) -> None:
    """Queue the sending task (at `at`, or now) unless one will run by then anyway."""
    _queue(updates_send_task, at=at)


def summaries_keep_running(*, at: datetime.datetime | None = None) -> None:
    """Queue the daily summary for `at` (the next 5pm) unless a run is already waiting."""
    at = at or next_summary_time(after=timezone.now())
    backend = summaries_task.get_backend()
    if backend.supports_defer and not _queued(summaries_task.module_path, by=None):
        summaries_task.using(run_after=at).enqueue()
