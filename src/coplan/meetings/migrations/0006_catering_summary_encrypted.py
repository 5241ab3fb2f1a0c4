"""The catering summary as sent to the caterer is no longer kept as readable JSON.

Before: `Meeting.catering_sent_counts` held the numbers and, in plain text, the notes
people gave for the caterer ("anaphylaxis"), and erasing a person left them there.
After: the numbers are encrypted with the people data keys in
`Meeting.catering_sent_token`, and each person's note as sent is encrypted on their
invitation (`InvitedPerson.catering_note_token`), so erasing them erases it.

Existing rows: a note sent is kept with each person invited whose dietary note is that
note today; a note nobody has any more is dropped (the check already said it had changed).
"""

from django.db import migrations, models

from coplan.people import crypto


def _dietary_note(person) -> str:
    if not person.needs_token:
        return ""
    try:
        needs = crypto.decrypt_json(person.needs_token)
    except crypto.UnreadableDataError:
        return ""
    return str((needs.get("notes") or {}).get("dietary") or "").strip()


def encrypt_sent_summaries(apps, schema_editor):
    meeting_model = apps.get_model("meetings", "Meeting")
    invited_model = apps.get_model("meetings", "InvitedPerson")
    for meeting in meeting_model.objects.filter(catering_sent_counts__isnull=False):
        sent = dict(meeting.catering_sent_counts or {})
        notes = {str(note).strip() for note in sent.pop("notes", None) or ()} - {""}
        meeting.catering_sent_token = crypto.encrypt_json(sent)
        meeting.catering_sent_counts = None
        meeting.save(update_fields=["catering_sent_token", "catering_sent_counts"])
        if not notes:
            continue
        invited = list(invited_model.objects.filter(meeting=meeting).select_related("person"))
        for row in invited:
            note = _dietary_note(row.person)
            if note in notes:
                row.catering_note_token = crypto.encrypt_json(note)
        invited_model.objects.bulk_update(invited, ["catering_note_token"])


def decrypt_sent_summaries(apps, schema_editor):
    meeting_model = apps.get_model("meetings", "Meeting")
    invited_model = apps.get_model("meetings", "InvitedPerson")
    for meeting in meeting_model.objects.exclude(catering_sent_token=""):
        tokens = invited_model.objects.filter(meeting=meeting).exclude(catering_note_token="")
        notes = {
            crypto.decrypt_json(token)
            for token in tokens.values_list("catering_note_token", flat=True)
        }
        meeting.catering_sent_counts = {
            **crypto.decrypt_json(meeting.catering_sent_token),
            "notes": sorted(notes),
        }
        meeting.save(update_fields=["catering_sent_counts"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_invitations_move_to_their_own_app"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitedperson",
            name="catering_note_token",
            field=models.TextField(blank=True),
        ),
        migrations.AddField(
            model_name="meeting",
            name="catering_sent_token",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(encrypt_sent_summaries, decrypt_sent_summaries),
        migrations.RemoveField(
            model_name="meeting",
            name="catering_sent_counts",
        ),
    ]
