"""Background work for people, run by the database-backed task worker.

Schedule `people_retention_task` once a day (for example from cron:
`coplan manage shell -c "from coplan.people.tasks import people_retention_task;
people_retention_task.enqueue()"`), or run `manage.py people_retention --anonymise`.
"""

from django_tasks import task

from coplan.organisations.models import Organisation
from coplan.people import services


@task()
def people_retention_task() -> dict[str, int]:
    erased = kept = 0
    for organisation in Organisation.objects.order_by("pk"):
        result = services.people_retention_apply(organisation=organisation)
        erased += len(result.erased)
        kept += len(result.kept)
    return {"anonymised": erased, "kept": kept}
