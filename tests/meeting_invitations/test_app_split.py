"""Invitations are their own app: their rows survive the move, and meetings never
depends on them (the invitation app adds its links to the meeting page itself)."""

import ast
import datetime
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from coplan.meeting_invitations.models import InvitationSent, InvitationWording, ReminderSent
from coplan.projects.roles import Role
from tests.factories import InvitedPersonFactory, MeetingFactory, MembershipFactory

BEFORE = [("meetings", "0002_invitations_sent_and_reminders")]
SRC = Path(__file__).resolve().parents[2] / "src" / "coplan"
WHEN = datetime.datetime(2027, 2, 1, 9, 30, tzinfo=datetime.UTC)


def _tables() -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


@pytest.mark.django_db(transaction=True)
def test_invitation_rows_written_before_the_split_are_all_still_there_after_it():
    meeting = MeetingFactory(title="Spring workshop")
    sam, jo = InvitedPersonFactory(meeting=meeting), InvitedPersonFactory(meeting=meeting)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    assert "meetings_invitationsent" in _tables()
    old.get_model("meetings", "InvitationWording").objects.create(
        meeting_id=meeting.pk, message="Come and help us plan", reply_by=datetime.date(2027, 2, 20)
    )
    sent = old.get_model("meetings", "InvitationSent")
    sent.objects.create(invited_id=sam.pk, sent_by="email", sent_at=WHEN)
    sent.objects.create(invited_id=jo.pk, sent_by="letter", format="easy_read", sent_at=WHEN)
    old.get_model("meetings", "ReminderSent").objects.create(
        invited_id=sam.pk, for_starts=WHEN + datetime.timedelta(days=28), sent_at=WHEN
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    wording = InvitationWording.objects.get(meeting=meeting)
    assert (wording.message, wording.reply_by) == (
        "Come and help us plan",
        datetime.date(2027, 2, 20),
    )
    assert sorted(InvitationSent.objects.values_list("invited", "sent_by", "format")) == sorted(
        [(sam.pk, "email", "standard"), (jo.pk, "letter", "easy_read")]
    )
    assert list(ReminderSent.objects.values_list("invited", "for_starts")) == [
        (sam.pk, WHEN + datetime.timedelta(days=28))
    ]
    tables = _tables()
    assert "meeting_invitations_invitationsent" in tables
    assert "meetings_invitationsent" not in tables
    assert ContentType.objects.get_for_model(ReminderSent).app_label == "meeting_invitations"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_meetings_never_imports_or_links_to_the_invitation_app():
    named = [
        f"{path.relative_to(SRC)}: {module}"
        for path in (SRC / "meetings").rglob("*.py")
        if "migrations" not in path.parts
        for module in _imports(path)
        if module.startswith("coplan.meeting_invitations")
        or module.startswith("coplan.meetings.invitation")
    ]
    named += [
        str(path.relative_to(SRC))
        for path in (SRC / "meetings" / "jinja2").rglob("*.html")
        if "meeting_invitations:" in path.read_text()
    ]
    assert named == []


@pytest.mark.django_db
def test_meeting_page_shows_the_invitation_links_the_role_may_follow(client_for):
    meeting = MeetingFactory()
    page = f"/projects/{meeting.project_id}/meetings/{meeting.pk}/"
    invitation = f"{page}invitation/"
    calendar = f"{page}calendar.ics"
    lead = MembershipFactory(project=meeting.project, role=Role.LEAD).user
    co_producer = MembershipFactory(project=meeting.project, role=Role.CO_PRODUCER).user

    for_lead = client_for(lead).get(page).content.decode()
    for_co_producer = client_for(co_producer).get(page).content.decode()

    assert f'href="{invitation}"' in for_lead
    assert f'href="{page}attendance/"' in for_lead
    assert f'href="{calendar}"' in for_lead
    assert f'href="{invitation}"' not in for_co_producer
    assert f'href="{calendar}"' in for_co_producer


def test_invitations_use_only_public_names_of_other_apps():
    private = [
        f"{path.name}: {node.module}.{alias.name}"
        for path in (SRC / "meeting_invitations").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("coplan.")
        and not node.module.startswith("coplan.meeting_invitations")
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert private == []
