"""Background work for meetings, run by the database-backed task worker (`coplan worker`,
which `make run` and `coplan serve` start).

`meeting_reminders_task` sends every reminder due now, then queues itself to run
again REMINDERS_EVERY later, so once it has run the worker keeps sending
reminders on time with no cron. Sending invitations queues it (`reminders_keep_running`),
so there is always a run waiting after the first invitation goes. For a deployment
that prefers cron, `manage.py send_meeting_reminders` does the same once. Both are
safe to run together or twice: each reminder is recorded before it is sent, once.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from coplan.core import repeating
from coplan.meeting_invitations import services

REMINDERS_EVERY = datetime.timedelta(minutes=15)


@task()
def meeting_reminders_task() -> dict[str, int]:
    try:
        sent = services.reminders_send_due()
    finally:
        reminders_keep_running(at=timezone.now() + REMINDERS_EVERY)
    return {"reminders_sent": sent}


def reminders_keep_running(*, at: datetime.datetime | None = None) -> None:
    """Queue a run of the reminders task (at `at`, or now) unless one is already waiting."""
    repeating.keep_running(meeting_reminders_task, every=REMINDERS_EVERY, at=at or timezone.now())
