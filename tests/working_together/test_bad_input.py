"""Bad input gets a clear message beside the field, never a server error, and nothing
already saved is lost."""

import datetime

import pytest

from coplan.projects.roles import Role
from coplan.working_together import services
from coplan.working_together.models import (
    Action,
    Agreement,
    AgreementVersion,
    CarParkItem,
    SessionRecord,
)
from tests.factories import AgreementFactory, CarParkItemFactory, SessionRecordFactory
from tests.working_together.pages import date_fields, field_error, words

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the agreement"),
        ("   \n  ", "Enter the agreement"),
        ("x" * 501, "The agreement must be 500 characters or fewer"),
        ("We listen\x00", "The agreement must not contain hidden or control characters"),
        ("We listen\x07", "The agreement must not contain hidden or control characters"),
        ("We listen\ue000", "The agreement must not contain hidden or control characters"),
    ],
)
def test_bad_agreement_is_refused_beside_the_field(as_role, base, text, message):
    response = as_role(Role.CO_PRODUCER).post(base + "agreements/add/", {"text": text})

    assert response.status_code == 400
    assert field_error(response, "id_text") == message
    assert words(response).startswith("Error: Add an agreement")
    assert not Agreement.objects.exists()


def test_bad_change_to_an_agreement_keeps_the_saved_words(as_role, base, group):
    agreement = services.agreement_write(
        project=group[Role.LEAD].project, text="We listen", by=group[Role.LEAD].user
    )

    response = as_role(Role.CO_PRODUCER).post(
        base + f"agreements/{agreement.pk}/change/", {"text": "y" * 600}
    )

    agreement.refresh_from_db()
    assert response.status_code == 400
    assert agreement.text == "We listen"
    assert AgreementVersion.objects.count() == 1


def test_odd_unicode_is_kept_as_typed_in_one_form(as_role, base):
    typed = "Cafe\u0301 at 10 o’clock 🚌 — مرحبا, 你好"

    as_role(Role.CO_PRODUCER).post(base + "car-park/add/", {"text": typed})

    assert CarParkItem.objects.get().text == "Café at 10 o’clock 🚌 — مرحبا, 你好"


def test_markup_is_shown_as_text_never_run(as_role, base, group):
    CarParkItemFactory(project=group[Role.LEAD].project, text="<script>alert(1)</script>")

    page = as_role(Role.CO_PRODUCER).get(base + "car-park/").content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_too_long_car_park_item_is_refused(as_role, base):
    response = as_role(Role.CO_PRODUCER).post(base + "car-park/add/", {"text": "z" * 1001})

    assert response.status_code == 400
    assert field_error(response, "id_text") == (
        "What you want to put in the car park must be 1,000 characters or fewer"
    )


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("", "", "", "Enter the date of the session"),
        ("31", "2", "2027", "The date of the session must be a real date"),
        ("1", "", "2027", "The date of the session must include a month"),
        ("one", "3", "2027", "The date of the session must be a real date"),
        ("1", "3", "27", "Year must include 4 numbers"),
        ("1", "3", "1999", "The date of the session must be between 2000 and 2100"),
        ("1", "3", "9999", "The date of the session must be between 2000 and 2100"),
    ],
)
def test_bad_session_dates_are_refused_beside_the_field(as_role, base, day, month, year, message):
    response = as_role(Role.FACILITATOR).post(
        base + "sessions/add/",
        {"title": "Workshop", "held_on-day": day, "held_on-month": month, "held_on-year": year},
    )

    assert response.status_code == 400
    assert field_error(response, "id_held_on") == message
    assert not SessionRecord.objects.exists()


def test_session_with_someone_not_in_the_list_is_refused(as_role, base):
    response = as_role(Role.FACILITATOR).post(
        base + "sessions/add/",
        {"title": "W", **date_fields("held_on", datetime.date(2027, 3, 1)), "came": ["99999"]},
    )

    assert response.status_code == 400
    assert field_error(response, "id_came") == "Select people from the list"


def test_bad_follow_up_keeps_what_was_saved(as_role, base, group):
    item = CarParkItemFactory(
        project=group[Role.LEAD].project, owner=group[Role.LEAD], next_step="Ask the team"
    )

    response = as_role(Role.LEAD).post(
        base + f"car-park/{item.pk}/follow-up/",
        {"owner": "", "next_step": "", "due_on-day": "40", "due_on-month": "1"},
    )

    item.refresh_from_db()
    assert response.status_code == 400
    assert field_error(response, "id_owner") == "Select who will follow it up"
    assert field_error(response, "id_next_step") == "Enter what will happen to it"
    assert field_error(response, "id_due_on") == (
        "The date it will be followed up by must include a year"
    )
    assert (item.owner, item.next_step) == (group[Role.LEAD], "Ask the team")


def test_empty_answer_is_refused(as_role, base, group):
    item = CarParkItemFactory(project=group[Role.LEAD].project)

    response = as_role(Role.LEAD).post(base + f"car-park/{item.pk}/answer/", {"answer": ""})

    item.refresh_from_db()
    assert response.status_code == 400
    assert field_error(response, "id_answer") == "Enter the answer"
    assert item.status == "added"


def test_action_without_anything_gets_a_message_for_each_field(as_role, base):
    response = as_role(Role.LEAD).post(base + "actions/add/", {})

    assert response.status_code == 400
    assert [field_error(response, f"id_{name}") for name in ("what", "owner", "due_on")] == [
        "Enter what will be done",
        "Select who will do it",
        "Enter the date it will be done by",
    ]
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    "value", ["abc", "-1", "1.5", "99999999999999999999", "²", "٣", "9" * 5000]
)
def test_odd_session_and_meeting_addresses_are_not_found(as_role, base, value):
    client = as_role(Role.FACILITATOR)

    statuses = [
        client.get(base + f"car-park/add/?session={value}").status_code,
        client.get(base + f"sessions/add/?meeting={value}").status_code,
    ]

    assert statuses == [404, 404]


def test_live_check_with_odd_input_still_answers(as_role, base):
    response = as_role(Role.CO_PRODUCER).post(
        base + "check-wording/", {"field_name": "text", "text": "\x00" * 10, "mode": "nonsense"}
    )

    assert response.status_code == 200


def test_definition_word_too_long(as_role, base):
    response = as_role(Role.FACILITATOR).post(
        base + "shared-definitions/add/", {"word": "w" * 101, "meaning": "A meaning"}
    )

    assert response.status_code == 400
    assert field_error(response, "id_word") == "The word or phrase must be 100 characters or fewer"


def test_revisit_without_a_choice(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)
    AgreementFactory(project=session.project)

    response = as_role(Role.FACILITATOR).post(
        base + f"sessions/{session.pk}/agreements-revisited/", {"outcome": "maybe"}
    )

    assert response.status_code == 400
    assert field_error(response, "id_outcome") == (
        "Select whether the group is still happy with its agreements"
    )
