from django.db import migrations
from django.db.models import Count
from django.utils import timezone


def cancel_repeated_open_invitations(apps, schema_editor):
    """Inviting the same address twice at the same moment could leave two open
    invitations. Keep the one sent last (its link is the newest, as a resend would
    leave it) and cancel the others, as a resend replaces the old link."""
    invitation_model = apps.get_model("projects", "Invitation")
    repeated = (
        invitation_model.objects.filter(accepted_at__isnull=True, cancelled_at__isnull=True)
        .values("project_id", "email")
        .annotate(open=Count("pk"))
        .filter(open__gt=1)
    )
    now = timezone.now()
    for pair in repeated:
        older = list(
            invitation_model.objects.filter(
                project_id=pair["project_id"],
                email=pair["email"],
                accepted_at__isnull=True,
                cancelled_at__isnull=True,
            )
            .order_by("-sent_at", "-pk")
            .values_list("pk", flat=True)
        )[1:]
        invitation_model.objects.filter(pk__in=older).update(cancelled_at=now)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_invitation_message"),
    ]

    operations = [
        migrations.RunPython(cancel_repeated_open_invitations, migrations.RunPython.noop),
    ]
