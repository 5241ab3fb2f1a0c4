"""Access needs and equality answers are encrypted at rest, with keys that rotate."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.utils import timezone

from coplan.meetings import selectors as meetings_selectors
from coplan.meetings import services as meetings_services
from coplan.people import crypto, selectors, services
from coplan.people.models import MonitoringResponse, Person
from coplan.people.needs import AccessNeeds
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    PersonFactory,
    ProjectFactory,
)
from tests.people.conftest import HEARING_LOOP_AND_VEGAN, give_needs

pytestmark = pytest.mark.django_db

OLD_KEY = "q2zqDYPNs4pW-4hU6M5AJ52jNpIbeK6YSTXVzWFyWwA="
NEW_KEY = "L2kQTR3Bn8VbfWj1qz4N3ECxuXGJ1VIKr-nVsdZcU8Y="


def _meeting_with_food(project):
    return MeetingFactory(
        project=project,
        food="provided",
        caterer="Kitchen Co-op",
        meets_on=timezone.localdate() + datetime.timedelta(days=60),
    )


def _all_raw_rows() -> str:
    """Every row of every table, as the database stores it."""
    text = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            text.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(text)


def test_the_database_holds_no_plain_text_access_needs(client_for, project, lead, participant):
    client_for(lead).post(
        f"/projects/{project.pk}/participants/{participant.pk}/access-needs/",
        {
            "communication": ["hearing_loop", "bsl_interpreter"],
            "dietary": ["nut_allergy"],
            "dietary_notes": "Severe sesame allergy",
            "mobility_notes": "Uses a walking frame",
            "reminder_days_before": "3",
        },
    )
    services.monitoring_response_add(project=project, answers={"disability": "yes"})
    meeting = _meeting_with_food(project)
    InvitedPersonFactory(meeting=meeting, person=participant, reply="in_person")
    today = timezone.localdate()
    client_for(lead).post(  # the caterer has the numbers
        f"/projects/{project.pk}/meetings/{meeting.pk}/catering/",
        {"sent_on-day": today.day, "sent_on-month": today.month, "sent_on-year": today.year},
    )

    raw = _all_raw_rows()

    assert selectors.person_needs(person=Person.objects.get(pk=participant.pk)).has(
        "communication:hearing_loop"
    )
    meeting.refresh_from_db()
    assert meeting.catering_sent_on == today
    for secret in (
        "hearing_loop",
        "bsl_interpreter",
        "nut_allergy",
        "sesame",
        "walking frame",
        "disability",
    ):
        assert secret not in raw.lower()


def test_needs_token_reveals_nothing_about_which_categories_were_filled(participant):
    give_needs(participant)
    token = Person.objects.values_list("needs_token", flat=True).get(pk=participant.pk)

    assert token.startswith("gAAAA")  # a Fernet token: version byte, then ciphertext
    assert "communication" not in token
    assert "dietary" not in token


def test_rotating_keys_re_encrypts_everything_with_the_newest_key(settings):
    settings.PEOPLE_DATA_KEYS = [OLD_KEY]
    person = PersonFactory()
    give_needs(person)
    services.monitoring_response_add(project=ProjectFactory(), answers={"carer": "yes"})
    meeting = _meeting_with_food(ProjectFactory())
    diner = InvolvementFactory(project=meeting.project).person
    give_needs(
        diner,
        AccessNeeds.from_answers(
            chosen={"dietary": ["vegan"]}, notes={"dietary": "No honey"}, reminder_days_before=None
        ),
    )
    InvitedPersonFactory(meeting=meeting, person=diner, reply="in_person")
    meetings_services.catering_mark_sent(
        meeting=meeting,
        summary=meetings_selectors.meeting_checkup(meeting=meeting).readiness.catering,
        sent_on=timezone.localdate(),
    )
    settings.PEOPLE_DATA_KEYS = [NEW_KEY, OLD_KEY]

    out = io.StringIO()
    call_command("people_rotate_keys", stdout=out)
    settings.PEOPLE_DATA_KEYS = [NEW_KEY]  # the old key is gone

    person.refresh_from_db()
    meeting.refresh_from_db()
    assert selectors.person_needs(person=person) == HEARING_LOOP_AND_VEGAN
    assert "access needs of 2 people, 1 equality monitoring answers" in out.getvalue()
    assert "1 catering summaries sent to caterers, with 1 notes" in out.getvalue()
    checkup = meetings_selectors.meeting_checkup(meeting=meeting)
    assert checkup.catering_is_current
    assert checkup.readiness.needs.all_met
    token = MonitoringResponse.objects.get().answers_token
    assert crypto.decrypt_json(token) == {"carer": "yes"}


def test_data_under_a_removed_key_is_reported_not_misread(settings):
    settings.PEOPLE_DATA_KEYS = [OLD_KEY]
    person = PersonFactory()
    give_needs(person)
    settings.PEOPLE_DATA_KEYS = [NEW_KEY]

    person.refresh_from_db()
    with pytest.raises(crypto.UnreadableDataError):
        selectors.person_needs(person=person)


def test_rotation_command_says_which_keys_are_missing(settings):
    from django.core.management.base import CommandError

    settings.PEOPLE_DATA_KEYS = [OLD_KEY]
    give_needs(PersonFactory())
    settings.PEOPLE_DATA_KEYS = [NEW_KEY]

    with pytest.raises(CommandError, match="newest first"):
        call_command("people_rotate_keys")


def test_missing_or_malformed_keys_are_a_configuration_error(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.PEOPLE_DATA_KEYS = []
    with pytest.raises(ImproperlyConfigured, match="PEOPLE_DATA_KEYS is not set"):
        crypto.encrypt_json({})
    settings.PEOPLE_DATA_KEYS = ["not-a-key"]
    with pytest.raises(ImproperlyConfigured, match="Fernet key"):
        crypto.encrypt_json({})


def test_new_key_command_prints_a_usable_key(capsys, settings):
    call_command("people_rotate_keys", "--new-key")
    settings.PEOPLE_DATA_KEYS = [capsys.readouterr().out.strip()]

    assert crypto.decrypt_json(crypto.encrypt_json({"a": 1})) == {"a": 1}


@pytest.mark.parametrize(
    ("keys", "said"),
    [
        ([], "PEOPLE_DATA_KEYS is not set"),
        (["not-a-key"], "must be a Fernet key"),
    ],
)
def test_the_deploy_check_says_when_the_keys_for_peoples_data_are_missing_or_wrong(
    settings, keys, said
):
    settings.PEOPLE_DATA_KEYS = keys
    with pytest.raises(SystemCheckError, match=said):
        call_command("check", "--deploy", "--fail-level", "ERROR", stdout=io.StringIO())


def test_the_deploy_check_passes_the_keys_of_a_working_server(settings):
    settings.PEOPLE_DATA_KEYS = [crypto.new_key()]
    out = io.StringIO()
    call_command("check", "--deploy", "--tag", "security", stdout=out)
    assert "coplan.people.E001" not in out.getvalue()
