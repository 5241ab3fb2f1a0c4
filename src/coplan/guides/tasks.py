"""Background work for the plan, run by the database task worker (`coplan worker`).

- `plan_download_make_task` makes the whole plan of a large project as a PDF or Word
  file (`services.plan_download_make`), then queues its removal for when it is no
  longer kept (a day).
- `plan_downloads_remove_task` removes the files kept longer than that.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from coplan.guides import services


@task()
def plan_download_make_task(download_id: int) -> dict[str, str]:
    made = services.plan_download_make(download_id=download_id)
    backend = plan_downloads_remove_task.get_backend()
    if made is not None and backend.supports_defer:
        kept = datetime.timedelta(hours=settings.PLAN_DOWNLOAD_KEPT_HOURS, minutes=1)
        plan_downloads_remove_task.using(run_after=timezone.now() + kept).enqueue()
    return {"status": made.status if made else "not waiting"}


@task()
def plan_downloads_remove_task() -> dict[str, int]:
    return {"removed": services.plan_downloads_remove_old()}
