"""List, then anonymise, people kept longer than their organisation's retention time."""

from django.core.management.base import BaseCommand

from coplan.organisations.models import Organisation
from coplan.people import selectors, services


class Command(BaseCommand):
    help = (
        "List people with no active project kept longer than their organisation allows; "
        "with --anonymise, anonymise them (counts stay, nothing identifies them)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--anonymise", action="store_true", help="Anonymise them, not just list them."
        )
        parser.add_argument("--organisation", type=int, help="Only this organisation (its id).")

    def handle(
        self, *args, anonymise: bool = False, organisation: int | None = None, **options
    ) -> None:
        organisations = Organisation.objects.order_by("pk")
        if organisation is not None:
            organisations = organisations.filter(pk=organisation)
        for org in organisations:
            due = selectors.people_past_retention(organisation=org)
            policy = selectors.people_policy(organisation=org)
            self.stdout.write(
                f"{org.name}: {len(due)} past {policy.retention_months} months "
                "with no active project"
            )
            for person in due:
                self.stdout.write(f"  person {person.pk}, last involved {person.last_involved}")
            if anonymise and due:
                result = services.people_retention_apply(organisation=org)
                self.stdout.write(self.style.SUCCESS(f"  anonymised {len(result.erased)}"))
                for person_id, reason in result.kept:
                    self.stdout.write(self.style.WARNING(f"  person {person_id} kept: {reason}"))
        if not anonymise:
            self.stdout.write("Nothing changed. Run with --anonymise to anonymise them.")
