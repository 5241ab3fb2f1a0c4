"""The benchmark big project's car park: items raised, followed up and answered. See
`coplan.core.bench`."""

import datetime

from django.utils import timezone

from coplan.core.bench import Bench
from coplan.projects.models import Membership
from coplan.working_together.models import CarParkItem, CarParkStatus


def working_together_bench_seed(bench: Bench) -> None:
    size, today = bench.size, timezone.localdate()
    big = bench.big_project
    owners = list(Membership.objects.filter(project=big).order_by("pk"))
    statuses = CarParkStatus.values
    items = []
    for number in range(size.big_car_park):
        status = statuses[number % len(statuses)]
        raised_on = today - datetime.timedelta(days=number % 300)
        items.append(
            CarParkItem(
                project=big,
                text=f"Car park item {number + 1}: what about the bus times on Sundays?",
                raised_on=raised_on,
                raised_by=bench.leads[number % len(bench.leads)],
                owner=owners[number % len(owners)] if status != CarParkStatus.ADDED else None,
                next_step="Ask the bus company." if status != CarParkStatus.ADDED else "",
                due_on=raised_on + datetime.timedelta(days=30)
                if status != CarParkStatus.ADDED
                else None,
                status=status,
                answer="They will run a bus at 9am." if status == CarParkStatus.ANSWERED else "",
                answered_on=raised_on + datetime.timedelta(days=20)
                if status == CarParkStatus.ANSWERED
                else None,
            )
        )
    CarParkItem.objects.bulk_create(items, batch_size=2000)
