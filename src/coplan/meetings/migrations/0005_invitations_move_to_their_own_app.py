"""The invitation models (wording, invitations sent, reminders sent) belong to the
`meeting_invitations` app now. Only this app's record of its models changes here; the
tables stay, and meeting_invitations' 0001 takes them over and renames them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_one_venue_name_any_case"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="invitationwording",
                    name="meeting",
                ),
                migrations.RemoveField(
                    model_name="invitationwording",
                    name="updated_by",
                ),
                migrations.RemoveField(
                    model_name="remindersent",
                    name="invited",
                ),
                migrations.DeleteModel(
                    name="InvitationSent",
                ),
                migrations.DeleteModel(
                    name="InvitationWording",
                ),
                migrations.DeleteModel(
                    name="ReminderSent",
                ),
            ]
        ),
    ]
