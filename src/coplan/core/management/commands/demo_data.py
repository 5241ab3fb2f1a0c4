from django.core.management.base import BaseCommand

from coplan.core.demo import DEMO_PASSWORD, demo_data_load


class Command(BaseCommand):
    help = "Load a demo organisation and project with one person per role. Safe to run again."

    def handle(self, *args, **options) -> None:
        demo = demo_data_load()
        self.stdout.write(self.style.SUCCESS(f"Demo project ready: {demo.project.name}"))
        self.stdout.write("Sign in at http://127.0.0.1:8000 with any of these (password for all):")
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        for role_label, email in demo.sign_ins:
            self.stdout.write(f"  {role_label:<22} {email}")
