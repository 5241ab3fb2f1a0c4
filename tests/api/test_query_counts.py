"""The API's lists do the same number of database queries however much data there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coplan.guides import services as guides_services
from coplan.projects.roles import Role
from tests.api.helpers import bearer, tokens_for
from tests.factories import (
    ActionFactory,
    CarParkItemFactory,
    ConsentRecordFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    SessionRecordFactory,
    UserFactory,
)
from tests.feedback.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db


def _queries(client, path, token=None) -> int:
    headers = bearer(token) if token else {}
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return len(captured)


def _member_of(count: int):
    user = UserFactory()
    for membership in MembershipFactory.create_batch(count, user=user, role=Role.LEAD):
        guides_services.project_guides_ensure(project=membership.project)
    return tokens_for({Role.LEAD: membership})[Role.LEAD]


def test_projects_list_queries_do_not_grow_with_projects(client):
    one = _queries(client, "/api/v1/projects", _member_of(1))
    many = _queries(client, "/api/v1/projects", _member_of(20))

    assert one == many


def _project_with_meetings(count: int):
    lead = MembershipFactory(role=Role.LEAD)
    for meeting in MeetingFactory.create_batch(count, project=lead.project):
        InvitedPersonFactory.create_batch(3, meeting=meeting)
    return lead, tokens_for({Role.LEAD: lead})[Role.LEAD]


def test_meetings_list_queries_do_not_grow_with_meetings_and_people(client):
    small, small_token = _project_with_meetings(1)
    large, large_token = _project_with_meetings(20)

    small_count = _queries(client, f"/api/v1/projects/{small.project_id}/meetings", small_token)
    large_count = _queries(client, f"/api/v1/projects/{large.project_id}/meetings", large_token)

    assert small_count == large_count


@pytest.mark.parametrize("public", [False, True])
def test_you_said_we_did_queries_do_not_grow_with_entries(client, public):
    counts = []
    for count in (1, 20):
        lead = MembershipFactory(role=Role.LEAD)
        YouSaidWeDidFactory.create_batch(count, project=lead.project, published_at=timezone.now())
        token = tokens_for({Role.LEAD: lead})[Role.LEAD]
        path = f"/api/v1/projects/{lead.project_id}/you-said-we-did"
        if public:
            path, token = path.replace("/api/v1/", "/api/v1/public/"), None
        counts.append(_queries(client, path, token))

    assert counts[0] == counts[1]


def _with(count: int, make) -> tuple[int, str]:
    lead = MembershipFactory(role=Role.LEAD)
    for _ in range(count):
        make(lead)
    return lead.project_id, tokens_for({Role.LEAD: lead})[Role.LEAD]


def _participant(lead) -> None:
    involvement = InvolvementFactory(project=lead.project)
    ConsentRecordFactory(person=involvement.person, purpose="media")


def _car_park_item(lead) -> None:
    session = SessionRecordFactory(project=lead.project)
    for status in ("added", "answered"):
        CarParkItemFactory(
            project=lead.project, session=session, owner=lead, raised_by=lead.user, status=status
        )


def _action(lead) -> None:
    session = SessionRecordFactory(project=lead.project)
    for status in ("to_do", "done"):
        ActionFactory(project=lead.project, session=session, owner=lead, status=status)


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("participants", _participant),
        ("car-park", _car_park_item),
        ("car-park?status=answered", _car_park_item),
        ("actions", _action),
        ("actions?status=done", _action),
    ],
)
def test_participants_car_park_and_actions_queries_do_not_grow(client, path, make):
    counts = []
    for count in (1, 20):
        project_id, token = _with(count, make)
        counts.append(_queries(client, f"/api/v1/projects/{project_id}/{path}", token))

    assert counts[0] == counts[1]


def _project_with_claims(count: int):
    from tests.payments.conftest import Team, sent_claim

    team = Team()
    for number in range(count):
        sent_claim(team, activity=f"Reading {number}")
    return team, tokens_for({Role.FINANCE: team.members[Role.FINANCE]})[Role.FINANCE]


def test_claims_list_queries_do_not_grow_with_claims(client):
    counts = [
        _queries(client, f"/api/v1/projects/{team.project.pk}/claims", token)
        for team, token in (_project_with_claims(1), _project_with_claims(20))
    ]

    assert counts[0] == counts[1]


def _form_answered(count: int):
    """A lead's closed-box form with a feeling and a words question, answered `count`
    times (made in bulk)."""
    from coplan.feedback.models import FeedbackAnswer, FeedbackResponse
    from tests.feedback.factories import (
        FeedbackFormFactory,
        FeedbackQuestionFactory,
        WordsQuestionFactory,
    )

    lead = MembershipFactory(role=Role.LEAD)
    form = FeedbackFormFactory(project=lead.project)
    feeling = FeedbackQuestionFactory(form=form, position=1)
    said = WordsQuestionFactory(form=form, position=2)
    responses = FeedbackResponse.objects.bulk_create(
        FeedbackResponse(form=form) for _ in range(count)
    )
    FeedbackAnswer.objects.bulk_create(
        answer
        for number, response in enumerate(responses)
        for answer in (
            FeedbackAnswer(response=response, question=feeling, choice="good"),
            FeedbackAnswer(response=response, question=said, words=f"Idea {number}"),
        )
    )
    base = f"/api/v1/projects/{lead.project_id}/feedback-forms"
    paths = [
        base,
        f"{base}/{form.pk}/results",
        f"{base}/{form.pk}/questions/{said.pk}/words",
    ]
    return paths, tokens_for({Role.LEAD: lead})[Role.LEAD]


def test_feedback_forms_and_results_queries_do_not_grow_with_answers(client):
    counts = []
    for count in (5, 500):
        paths, token = _form_answered(count)
        counts.append([_queries(client, path, token) for path in paths])

    assert counts[0] == counts[1]


def _queue_with_claims(count: int):
    """Finance in two projects of an organisation, each with `count` claims to pay and
    `count` to approve."""
    from tests.factories import ProjectFactory
    from tests.payments.test_queue import _claim

    first = MembershipFactory(role=Role.FINANCE)
    organisation = first.project.organisation
    second = MembershipFactory(
        project=ProjectFactory(organisation=organisation), user=first.user, role=Role.FINANCE
    )
    for membership in (first, second):
        for number in range(count):
            _claim(membership.project, "approved", name=f"Paid {number}")
            _claim(membership.project, "submitted", name=f"Sent {number}")
    return organisation.pk, tokens_for({Role.FINANCE: first})[Role.FINANCE]


@pytest.mark.parametrize("step", ["pay", "approve"])
def test_finance_queue_queries_do_not_grow_with_claims(client, step):
    counts = []
    for count in (1, 20):
        organisation_id, token = _queue_with_claims(count)
        path = f"/api/v1/organisations/{organisation_id}/claims-waiting?step={step}"
        counts.append(_queries(client, path, token))

    assert counts[0] == counts[1]
