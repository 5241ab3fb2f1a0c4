"""A database holding repeats made before the "only one" rules were constraints still
migrates: the repeats are settled first, sensibly, and nothing else changes."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_CONSTRAINTS = [
    ("feedback", "0001_initial"),
    ("people", "0002_alter_auditentry_action"),
    ("meetings", "0002_invitations_sent_and_reminders"),
    ("projects", "0002_invitation_message"),
]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def test_repeats_made_before_the_constraints_are_settled_when_migrating():
    executor = _migrate(BEFORE_THE_CONSTRAINTS)
    old = executor.loader.project_state(BEFORE_THE_CONSTRAINTS).apps
    user = old.get_model("accounts", "User").objects.create(email="mo@example.org", full_name="Mo")
    organisation = old.get_model("organisations", "Organisation").objects.create(name="Council")
    project = old.get_model("projects", "Project").objects.create(
        organisation=organisation,
        name="Day services",
        description="",
        reason="",
        start_date=datetime.date(2027, 1, 4),
        end_date=datetime.date(2028, 1, 4),
    )
    group = old.get_model("people", "StakeholderGroup")
    for name in ("Carers", "carers", "CARERS"):
        group.objects.create(project=project, name=name, category="carers", influence=3, interest=3)
    venue = old.get_model("meetings", "Venue")
    for name in ("Town Hall", "town hall"):
        venue.objects.create(organisation=organisation, name=name)
    invitation = old.get_model("projects", "Invitation")
    now = timezone.now()
    for number, sent_at in enumerate((now - datetime.timedelta(hours=1), now)):
        invitation.objects.create(
            project=project,
            email="guest@example.org",
            role="co_producer",
            token_hash=f"hash-{number}",
            sent_at=sent_at,
            expires_at=now + datetime.timedelta(days=14),
        )
    form = old.get_model("feedback", "FeedbackForm").objects.create(
        project=project, title="Named", intro="", closed_box=False, token="a-token"
    )
    question = old.get_model("feedback", "FeedbackQuestion").objects.create(
        form=form, position=1, kind="words", standard="Say more", easy_read="Say more"
    )
    response = old.get_model("feedback", "FeedbackResponse")
    answer = old.get_model("feedback", "FeedbackAnswer")
    for _ in range(3):
        answer.objects.create(
            response=response.objects.create(form=form, respondent=user),
            question=question,
            words="More breaks",
        )
    response.objects.create(form=form)  # a paper answer keeps no name: untouched

    executor = _migrate(executor.loader.graph.leaf_nodes())
    new = executor.loader.project_state(executor.loader.graph.leaf_nodes()).apps

    assert sorted(
        new.get_model("people", "StakeholderGroup").objects.values_list("name", flat=True)
    ) == ["CARERS (3)", "Carers", "carers (2)"]
    assert sorted(new.get_model("meetings", "Venue").objects.values_list("name", flat=True)) == [
        "Town Hall",
        "town hall (2)",
    ]
    invitations = new.get_model("projects", "Invitation").objects
    assert invitations.count() == 2
    assert list(
        invitations.filter(cancelled_at__isnull=True).values_list("token_hash", flat=True)
    ) == ["hash-1"]  # the one sent last stays open
    responses = new.get_model("feedback", "FeedbackResponse").objects
    assert responses.filter(respondent__isnull=False).count() == 1
    assert responses.filter(respondent__isnull=True).count() == 1
    assert new.get_model("feedback", "FeedbackAnswer").objects.count() == 1
