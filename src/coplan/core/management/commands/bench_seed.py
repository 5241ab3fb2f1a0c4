import json
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from coplan.core.bench import BENCH_PASSWORD, Size, bench_seed


class Command(BaseCommand):
    help = (
        "Fill an empty database with the large organisation `make bench` measures "
        "(200 projects, 20,000 people; issue 16). Prints what the benchmark needs as JSON."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--tiny", action="store_true", help="a small organisation, for trying")

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        try:
            bench = bench_seed(
                Size.tiny() if options["tiny"] else Size.full(),
                say=lambda text: self.stderr.write(text),
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if connection.vendor == "postgresql":
            # What autovacuum would have done by now in a database that grew to this size
            # over months: without its statistics the planner takes 20,000 people for 3,000.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stderr.write(f"Seeded in {time.monotonic() - started:.1f} s")
        one_meeting = bench.found["one_meeting"]
        self.stdout.write(
            json.dumps(
                {
                    "organisation": bench.organisation.pk,
                    "project": bench.big_project.pk,
                    "meeting": one_meeting.pk,
                    "person": bench.found["people"][bench.big_project.pk][0],
                    "feedback_form": bench.found["feedback_form"].pk,
                    "feedback_token": bench.found["feedback_form"].token,
                    "feedback_choices": bench.found["feedback_answer"],
                    "leads": [user.email for user in bench.leads],
                    "finance": bench.found.get("finance", ""),
                    "password": BENCH_PASSWORD,
                }
            )
        )
