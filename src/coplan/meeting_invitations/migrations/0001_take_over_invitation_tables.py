"""Take over the invitation models from the meetings app, keeping every row.

Django's record first says the models are here, with their old tables (no change to
the database). Then the tables are renamed to this app's names: a rename keeps every
row, on SQLite and PostgreSQL alike, and nothing else points at these tables. The
content types move with them (so permissions and admin history follow), and a
reminders run already waiting in the task queue is pointed at the task's new home.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

OLD_TASK = "coplan.meetings.tasks.meeting_reminders_task"
NEW_TASK = "coplan.meeting_invitations.tasks.meeting_reminders_task"
MODELS = ("invitationwording", "invitationsent", "remindersent")


def _move_content_types(apps, from_label: str, to_label: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=from_label, model__in=MODELS).update(app_label=to_label)


def _move_queued_task(apps, from_path: str, to_path: str) -> None:
    result = apps.get_model("django_tasks_database", "DBTaskResult")
    result.objects.filter(task_path=from_path).update(task_path=to_path)


def forwards(apps, schema_editor):
    _move_content_types(apps, "meetings", "meeting_invitations")
    _move_queued_task(apps, OLD_TASK, NEW_TASK)


def backwards(apps, schema_editor):
    _move_content_types(apps, "meeting_invitations", "meetings")
    _move_queued_task(apps, NEW_TASK, OLD_TASK)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("meetings", "0005_invitations_move_to_their_own_app"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="InvitationWording",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "message",
                            models.TextField(
                                blank=True, max_length=2000, verbose_name="a message from you"
                            ),
                        ),
                        (
                            "how_it_affects",
                            models.TextField(
                                blank=True,
                                max_length=2000,
                                verbose_name="how the project affects them",
                            ),
                        ),
                        (
                            "getting_involved",
                            models.TextField(
                                blank=True,
                                max_length=2000,
                                verbose_name="how they can get involved",
                            ),
                        ),
                        (
                            "commitment",
                            models.TextField(
                                blank=True,
                                max_length=2000,
                                verbose_name="the commitment asked of them",
                            ),
                        ),
                        (
                            "training",
                            models.TextField(
                                blank=True, max_length=2000, verbose_name="training offered"
                            ),
                        ),
                        (
                            "payment",
                            models.TextField(
                                blank=True,
                                max_length=2000,
                                verbose_name="payment for their time and expenses",
                            ),
                        ),
                        (
                            "reply_by",
                            models.DateField(blank=True, null=True, verbose_name="reply by"),
                        ),
                        ("updated_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "meeting",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitation_wording",
                                to="meetings.meeting",
                            ),
                        ),
                        (
                            "updated_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"db_table": "meetings_invitationwording"},
                ),
                migrations.CreateModel(
                    name="InvitationSent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "sent_by",
                            models.CharField(
                                choices=[("email", "Email"), ("letter", "Letter")],
                                max_length=10,
                                verbose_name="how",
                            ),
                        ),
                        ("format", models.CharField(default="standard", max_length=20)),
                        ("sent_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "invited",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations_sent",
                                to="meetings.invitedperson",
                            ),
                        ),
                        (
                            "sender",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "meetings_invitationsent",
                        "ordering": ["sent_at", "pk"],
                        "indexes": [
                            models.Index(
                                fields=["invited", "sent_at"], name="meetings_in_invited_053a6d_idx"
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ReminderSent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "for_starts",
                            models.DateTimeField(verbose_name="for the meeting starting at"),
                        ),
                        ("sent_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "invited",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="reminders_sent",
                                to="meetings.invitedperson",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "meetings_remindersent",
                        "ordering": ["sent_at", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("invited", "for_starts"),
                                name="one_reminder_per_meeting_time",
                            )
                        ],
                    },
                ),
            ]
        ),
        migrations.AlterModelTable(name="invitationwording", table=None),
        migrations.AlterModelTable(name="invitationsent", table=None),
        migrations.AlterModelTable(name="remindersent", table=None),
        migrations.RenameIndex(
            model_name="invitationsent",
            new_name="meeting_inv_invited_dd3c8c_idx",
            old_name="meetings_in_invited_053a6d_idx",
        ),
        migrations.RunPython(forwards, backwards),
    ]
