"""Every API operation, for every role: the same rules as the pages
(tests/projects/test_access.py). The operations are read from the served OpenAPI
document, so a new one must be added here with who may use it."""

import datetime

import pytest
from django.utils import timezone

from coplan.api import services
from coplan.api.endpoints import api
from coplan.projects.roles import Role
from tests.api.helpers import bearer, tokens_for
from tests.factories import (
    ActionFactory,
    CarParkItemFactory,
    InvolvementFactory,
    MembershipFactory,
)
from tests.feedback.factories import YouSaidWeDidFactory
from tests.projects.test_access import project_data_build

pytestmark = pytest.mark.django_db

ALL = frozenset(Role)
STAFF = frozenset(ALL - {Role.CO_PRODUCER})
LEAD_FACILITATOR = frozenset({Role.LEAD, Role.FACILITATOR})
CLAIM_STAFF = frozenset({Role.LEAD, Role.FACILITATOR, Role.FINANCE})
FEEDBACK_VIEWERS = frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER})
FINANCE = frozenset({Role.FINANCE})

# path: the roles that may use it (as the page it mirrors); everyone else gets 403
EXPECTED = {
    "/api/v1/projects": ALL,  # only your own projects are listed
    "/api/v1/projects/{project_id}": ALL,  # projects:overview
    "/api/v1/projects/{project_id}/meetings": ALL,  # meetings:meetings
    "/api/v1/projects/{project_id}/you-said-we-did": ALL,  # feedback:you_said_we_did
    "/api/v1/projects/{project_id}/feedback-forms": FEEDBACK_VIEWERS,  # feedback:forms
    # feedback:results
    "/api/v1/projects/{project_id}/feedback-forms/{form_id}/results": FEEDBACK_VIEWERS,
    # feedback:results_words
    "/api/v1/projects/{project_id}/feedback-forms/{form_id}/questions/"
    "{feedback_question_id}/words": FEEDBACK_VIEWERS,
    "/api/v1/projects/{project_id}/participants": LEAD_FACILITATOR,  # people:participants
    "/api/v1/projects/{project_id}/car-park": ALL,  # working_together:car_park
    "/api/v1/projects/{project_id}/actions": ALL,  # working_together:actions
    "/api/v1/projects/{project_id}/claims": CLAIM_STAFF,  # payments:claims
    # payments:claim; the claim is the co-producer's own, so they see it too
    "/api/v1/projects/{project_id}/claims/{claim_id}": ALL - {Role.MANAGER},
    "/api/v1/projects/{project_id}/claims/export": FINANCE,  # payments:export
    # Finance's queue of the project's organisation (payments:queue, payments:queue_export):
    # the other roles are in one of its projects, so they are refused (403), not sent away.
    "/api/v1/organisations/{organisation_id}/claims-waiting": FINANCE,
    "/api/v1/organisations/{organisation_id}/claims-waiting/export": FINANCE,
}
# Changes (POST, with a read and change token): the roles that may, as on the pages.
WRITES = {
    "/api/v1/projects/{project_id}/claims/{claim_id}/approve": frozenset(
        {Role.LEAD, Role.FINANCE}
    ),  # payments:claim_approve
    "/api/v1/projects/{project_id}/claims/{claim_id}/paid": frozenset(
        {Role.FINANCE}
    ),  # payments:claim_pay
    "/api/v1/projects/{project_id}/claims/{claim_id}/send-back": frozenset(
        {Role.LEAD, Role.FINANCE}
    ),  # payments:claim_return
    # payments:queue's "Mark paid": the claim is not waiting, so it is reported, not paid
    "/api/v1/organisations/{organisation_id}/claims-waiting/paid": FINANCE,
}
# What each write answers to those who may, for the claim of project_data_build (not sent).
WRITE_ANSWERS = dict.fromkeys(WRITES, 409) | {
    "/api/v1/organisations/{organisation_id}/claims-waiting/paid": 200
}
PUBLIC = {"/api/v1/public/projects/{project_id}/you-said-we-did"}

# for the writes: all they need


def _payment(project) -> dict:
    return {
        "paid_on": "2026-01-01",
        "reference": "BACS 1",
        "reason": "The ticket is blurred",
        "claim_ids": [project.claims.order_by("pk").first().pk],
    }


# What each role sees inside the answers, as on the pages.
SEES_MEETING_CHECKS = STAFF  # meetings.rules.VIEW_READINESS
SEES_REPLIES = LEAD_FACILITATOR  # meetings.rules.MANAGE_INVITED
SEES_CALENDAR_FILE = ALL  # meeting_invitations.rules.DOWNLOAD_CALENDAR
SEES_UNPUBLISHED = LEAD_FACILITATOR  # feedback.rules.EDIT_YOU_SAID_WE_DID


@pytest.fixture
def api_data():
    project, memberships, _values = project_data_build()
    YouSaidWeDidFactory(project=project)  # not published
    return project, memberships, tokens_for(memberships)


def _path(template: str, project) -> str:
    path = template.replace("{project_id}", str(project.pk))
    path = path.replace("{organisation_id}", str(project.organisation_id))
    if "{claim_id}" in path:  # the co-producer's claim of project_data_build
        path = path.replace("{claim_id}", str(project.claims.order_by("pk").first().pk))
    if "{form_id}" in path:  # the form of project_data_build, with a words question
        form = project.feedback_forms.order_by("pk").first()
        path = path.replace("{form_id}", str(form.pk))
        question = form.questions.get(kind="words")
        path = path.replace("{feedback_question_id}", str(question.pk))
    return path


@pytest.mark.urls("coplan.api.urlconf")  # as for a request to /api/
def test_every_operation_is_in_the_expected_table():
    paths = set(api.get_openapi_schema()["paths"])

    assert paths == set(EXPECTED) | set(WRITES) | PUBLIC, "Add new API operations to EXPECTED"


@pytest.mark.urls("coplan.api.urlconf")
def test_every_operation_has_its_own_id():
    ids = [
        operation["operationId"]
        for operations in api.get_openapi_schema()["paths"].values()
        for operation in operations.values()
    ]

    assert len(ids) == len(set(ids)), "Two apps' operations have the same function name"


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_exactly_what_it_should(client, api_data, role):
    project, _, tokens = api_data

    statuses = {
        template: client.get(_path(template, project), **bearer(tokens[role])).status_code
        for template in EXPECTED
    }

    assert statuses == {
        template: 200 if role in roles else 403 for template, roles in EXPECTED.items()
    }


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_change_exactly_what_it_may_on_the_pages(client, api_data, role):
    project, memberships, _ = api_data
    token = services.access_token_create(
        user=memberships[role].user, name="T", scope="read_write", days=30
    ).token

    statuses = {
        template: client.post(
            _path(template, project),
            data=_payment(project),
            content_type="application/json",
            **bearer(token),
        ).status_code
        for template in WRITES
    }

    # The claim is not sent yet: those who may are told it is not at the step (409), or
    # that it is not waiting to be paid.
    assert statuses == {
        template: WRITE_ANSWERS[template] if role in roles else 403
        for template, roles in WRITES.items()
    }


@pytest.mark.parametrize("role", list(Role))
def test_a_read_token_changes_nothing(client, api_data, role):
    project, _, tokens = api_data

    responses = [
        client.post(
            _path(template, project),
            data=_payment(project),
            content_type="application/json",
            **bearer(tokens[role]),
        )
        for template in WRITES
    ]

    assert [response.status_code for response in responses] == [403] * len(WRITES)
    assert all("can only read" in response.json()["detail"] for response in responses)


def test_member_of_another_organisation_gets_not_found_for_its_queue(client, api_data):
    project, _, _ = api_data
    outsider = MembershipFactory(role=Role.FINANCE).user
    token = services.access_token_create(user=outsider, name="T", scope="read_write", days=30).token
    templates = [template for template in [*EXPECTED, *WRITES] if "{organisation_id}" in template]

    statuses = {
        template: (
            client.post(
                _path(template, project),
                data=_payment(project),
                content_type="application/json",
                **bearer(token),
            )
            if template in WRITES
            else client.get(_path(template, project), **bearer(token))
        ).status_code
        for template in templates
    }

    assert statuses == dict.fromkeys(templates, 404)


def test_member_of_another_project_gets_not_found_everywhere(client, api_data):
    project, _, _ = api_data
    outsider = MembershipFactory(role=Role.LEAD).user
    token = services.access_token_create(user=outsider, name="T", scope="read", days=30).token

    statuses = {
        template: client.get(_path(template, project), **bearer(token)).status_code
        for template in EXPECTED
        if "{project_id}" in template
    }

    assert statuses == dict.fromkeys(statuses, 404)


def test_projects_list_has_only_your_own_projects(client, api_data):
    project, _, tokens = api_data
    MembershipFactory(role=Role.LEAD)  # another project

    listed = client.get("/api/v1/projects", **bearer(tokens[Role.CO_PRODUCER])).json()

    assert [(each["id"], each["your_role"]) for each in listed["items"]] == [
        (project.pk, "co_producer")
    ]


def test_no_token_gets_401_everywhere_but_the_public_list(client, api_data):
    project, _, _ = api_data

    statuses = {template: client.get(_path(template, project)).status_code for template in EXPECTED}
    public = client.get(_path(next(iter(PUBLIC)), project))

    assert statuses == dict.fromkeys(statuses, 401)
    assert public.status_code == 200


@pytest.mark.parametrize("role", list(Role))
def test_meeting_checks_and_replies_only_for_the_roles_that_see_them(client, api_data, role):
    project, _, tokens = api_data

    response = client.get(f"/api/v1/projects/{project.pk}/meetings", **bearer(tokens[role]))

    meeting = response.json()["items"][0]
    assert (meeting["checks"] is not None, meeting["ready"] is not None) == (
        role in SEES_MEETING_CHECKS,
        role in SEES_MEETING_CHECKS,
    )
    assert (meeting["replies"] is not None) == (role in SEES_REPLIES)
    assert (meeting["calendar_file"] is not None) == (role in SEES_CALENDAR_FILE)


@pytest.mark.parametrize("role", list(Role))
def test_unpublished_you_said_we_did_only_for_those_who_write_it(client, api_data, role):
    project, _, tokens = api_data

    response = client.get(f"/api/v1/projects/{project.pk}/you-said-we-did", **bearer(tokens[role]))

    published = [each["published_at"] is not None for each in response.json()["items"]]
    assert sorted(published) == ([False, True] if role in SEES_UNPUBLISHED else [True])


def test_public_list_has_only_what_is_published(client, api_data):
    project, _, _ = api_data

    response = client.get(f"/api/v1/public/projects/{project.pk}/you-said-we-did")

    items = response.json()["items"]
    assert len(items) == 1
    assert items[0]["published_at"] is not None
    assert "Cache-Control" not in response or "private" not in response["Cache-Control"]


def test_public_list_of_a_project_that_published_nothing_is_not_found(client):
    entry = YouSaidWeDidFactory(published_at=None)

    response = client.get(f"/api/v1/public/projects/{entry.project_id}/you-said-we-did")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_published_entries_are_readable_once_published(client):
    entry = YouSaidWeDidFactory(published_at=timezone.now(), we_did="We opened a window.")

    response = client.get(f"/api/v1/public/projects/{entry.project_id}/you-said-we-did")

    assert response.json()["items"][0]["we_did"] == "We opened a window."


# What the participants page shows (people/participants.html), and nothing else: never
# their access needs, address or date of birth.
PARTICIPANT_FIELDS = {
    "id",
    "full_name",
    "role",
    "role_words",
    "group",
    "contact_by",
    "contact_by_words",
    "email",
    "phone",
    "photos_and_film",
}


@pytest.mark.parametrize("role", sorted(LEAD_FACILITATOR))
def test_participants_have_only_what_the_participants_page_shows(client, api_data, role):
    project, _, tokens = api_data
    person = InvolvementFactory(project=project, person__full_name="Ada Able").person
    person.contact_by = "phone"
    person.phone = "07700 900123"
    person.save()

    response = client.get(f"/api/v1/projects/{project.pk}/participants", **bearer(tokens[role]))

    items = response.json()["items"]
    assert all(set(each) == PARTICIPANT_FIELDS for each in items)
    ada = next(each for each in items if each["id"] == person.pk)
    assert (ada["phone"], ada["email"], ada["contact_by_words"]) == (
        "07700 900123",
        None,
        "Phone call",
    )
    assert "need" not in response.content.decode().lower()


def test_car_park_is_waiting_or_answered_as_asked(client, api_data):
    project, _, tokens = api_data
    CarParkItemFactory(project=project, text="Still waiting")
    CarParkItemFactory(
        project=project,
        text="Answered it",
        status="answered",
        answer="Yes",
        answered_on=datetime.date(2027, 2, 3),
    )
    path = f"/api/v1/projects/{project.pk}/car-park"

    waiting = client.get(path, **bearer(tokens[Role.CO_PRODUCER])).json()["items"]
    answered = client.get(f"{path}?status=answered", **bearer(tokens[Role.CO_PRODUCER]))

    assert "Still waiting" in [each["text"] for each in waiting]
    assert all(each["status"] != "answered" for each in waiting)
    assert [each["status"] for each in answered.json()["items"]] == ["answered"] * len(
        answered.json()["items"]
    )
    assert "Answered it" in [each["text"] for each in answered.json()["items"]]


def test_actions_are_to_do_or_done_as_asked(client, api_data):
    project, _, tokens = api_data
    ActionFactory(project=project, what="Book the room")
    ActionFactory(
        project=project, what="Sent the notes", status="done", done_on=datetime.date(2027, 2, 2)
    )
    path = f"/api/v1/projects/{project.pk}/actions"

    to_do = client.get(path, **bearer(tokens[Role.CO_PRODUCER])).json()["items"]
    done = client.get(f"{path}?status=done", **bearer(tokens[Role.CO_PRODUCER])).json()["items"]
    wrong = client.get(f"{path}?status=later", **bearer(tokens[Role.CO_PRODUCER]))

    assert "Book the room" in [each["what"] for each in to_do]
    assert all(each["status"] != "done" for each in to_do)
    assert "Sent the notes" in [each["what"] for each in done]
    assert all(each["status"] == "done" for each in done)
    assert wrong.status_code == 422
