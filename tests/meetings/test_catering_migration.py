"""Catering summaries sent before notes were encrypted: the migration encrypts them."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from coplan.meetings import selectors
from coplan.meetings.models import Meeting
from tests.factories import InvitedPersonFactory, InvolvementFactory, MeetingFactory
from tests.meetings.conftest import give_needs, needs

BEFORE = [("meetings", "0005_invitations_move_to_their_own_app")]


def _meetings_rows() -> str:
    with connection.cursor() as cursor:
        rows = []
        for table in ("meetings_meeting", "meetings_invitedperson"):
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            rows.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(rows)


@pytest.mark.django_db(transaction=True)
def test_notes_already_sent_to_a_caterer_are_encrypted_and_kept_with_each_person():
    meeting = MeetingFactory(food="provided", caterer="Kitchen Co-op")
    allergic = InvolvementFactory(project=meeting.project).person
    give_needs(allergic, needs(dietary=["nut_allergy"], notes={"dietary": "Anaphylaxis"}))
    InvitedPersonFactory(meeting=meeting, person=allergic, reply="in_person")
    InvitedPersonFactory(meeting=meeting, reply="in_person")
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_meeting = executor.loader.project_state(BEFORE).apps.get_model("meetings", "Meeting")
    old_meeting.objects.filter(pk=meeting.pk).update(
        catering_sent_on=meeting.meets_on.replace(day=1, month=1),
        catering_sent_counts={
            "people": 2,
            "support_workers": 0,
            "counts": {"dietary:nut_allergy": 1},
            "notes": ["Anaphylaxis", "Someone who has left"],
        },
    )
    assert "Anaphylaxis" in _meetings_rows()  # as it was: readable

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    stored = _meetings_rows()
    for secret in ("Anaphylaxis", "Someone who has left", "nut_allergy"):
        assert secret not in stored
    checkup = selectors.meeting_checkup(meeting=Meeting.objects.get(pk=meeting.pk))
    assert checkup.catering_is_current  # the caterer still has what it needs
    tokens = [row.catering_note_token for row in checkup.invited]
    assert selectors.catering_sent(checkup.meeting, tokens)["notes"] == ["Anaphylaxis"]
