"""Send every meeting reminder that is due now (for cron, for example every 15 minutes).

The task worker does this too (coplan.meeting_invitations.tasks); running both is safe:
each reminder is sent once.
"""

from django.core.management.base import BaseCommand

from coplan.meeting_invitations.services import reminders_send_due


class Command(BaseCommand):
    help = "Send the meeting reminders that are due now. Each reminder is only ever sent once."

    def handle(self, *args, **options) -> None:
        sent = reminders_send_due()
        self.stdout.write(f"{sent} reminder{'s' if sent != 1 else ''} sent.")
