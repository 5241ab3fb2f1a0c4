"""What the API answers with: paging, ETags, request ids, problem details, the
document and docs it serves."""

import datetime

import pytest

from coplan.guides import services as guides_services
from coplan.projects.roles import Role
from tests.api.helpers import bearer, tokens_for
from tests.factories import MeetingFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead():
    membership = MembershipFactory(role=Role.LEAD)
    return membership, tokens_for({Role.LEAD: membership})[Role.LEAD]


def test_project_has_its_readiness_and_open_problems(client, lead):
    membership, token = lead
    project = membership.project
    project.end_date = project.start_date + datetime.timedelta(days=60)  # under 6 months
    project.save()
    guides_services.project_guides_ensure(project=project)

    found = client.get(f"/api/v1/projects/{project.pk}", **bearer(token)).json()

    at_the_start = next(guide for guide in found["readiness"] if guide["guide"] == "at-the-start")
    assert found["name"] == project.name
    assert found["your_role"] == "lead"
    assert at_the_start["status"] == "stopped"
    assert [problem["level"] for problem in found["open_problems"]][:1] == ["stop"]


def test_meetings_come_a_page_at_a_time_in_date_order_without_overlap(client, lead):
    membership, token = lead
    for day in (5, 3, 1, 4, 2):
        MeetingFactory(project=membership.project, meets_on=f"2027-03-0{day}")
    path = f"/api/v1/projects/{membership.project_id}/meetings?per_page=2"

    first = client.get(path, **bearer(token)).json()
    second = client.get(first["next"], **bearer(token)).json()
    third = client.get(second["next"], **bearer(token)).json()

    dates = [each["date"] for page in (first, second, third) for each in page["items"]]
    assert dates == [f"2027-03-0{day}" for day in range(1, 6)]
    assert first["count"] == 5
    assert first["previous"] is None
    assert third["next"] is None


def test_meetings_filtered_by_date(client, lead):
    membership, token = lead
    for day in (1, 2, 3):
        MeetingFactory(project=membership.project, meets_on=f"2027-03-0{day}")

    found = client.get(
        f"/api/v1/projects/{membership.project_id}/meetings?from_date=2027-03-02&to_date=2027-03-02",
        **bearer(token),
    ).json()

    assert [each["date"] for each in found["items"]] == ["2027-03-02"]


def test_read_has_an_etag_and_an_unchanged_one_gets_304(client, lead):
    membership, token = lead
    path = f"/api/v1/projects/{membership.project_id}"

    first = client.get(path, **bearer(token))
    again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"], **bearer(token))
    membership.project.name = "A new name"
    membership.project.save()
    changed = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"], **bearer(token))

    assert again.status_code == 304
    assert again.content == b""
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert first["Cache-Control"] == "private, no-store"


def test_every_answer_has_a_request_id_and_a_sensible_one_sent_is_kept(client, lead):
    _, token = lead

    made = client.get("/api/v1/projects", **bearer(token))
    kept = client.get("/api/v1/projects", HTTP_X_REQUEST_ID="crm-12345678", **bearer(token))
    odd = client.get("/api/v1/projects", HTTP_X_REQUEST_ID="<script>", **bearer(token))

    assert len(made["X-Request-ID"]) == 32
    assert kept["X-Request-ID"] == "crm-12345678"
    assert odd["X-Request-ID"] != "<script>"


def test_bad_input_gets_problem_details_that_say_what_is_wrong(client, lead):
    _, token = lead

    response = client.get("/api/v1/projects?per_page=1000", **bearer(token))

    body = response.json()
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert body["title"] == "Something you sent is not right"
    assert body["errors"][0]["where"] == "query.per_page"
    assert body["instance"] == "/api/v1/projects"


def test_what_is_wrong_is_said_in_plain_words_for_each_part(client, lead):
    membership, token = lead
    meetings = f"/api/v1/projects/{membership.project_id}/meetings"

    listed = client.get("/api/v1/projects?page=first&per_page=1000", **bearer(token)).json()
    dated = client.get(f"{meetings}?from_date=31/03/2027", **bearer(token)).json()
    sent = client.post(
        f"/api/v1/projects/{membership.project_id}/claims/1/send-back",
        data={"reason": 12},
        content_type="application/json",
        **bearer(token),
    ).json()

    assert listed["errors"] == [
        {"where": "query.page", "problem": "must be a whole number, like 12"},
        {"where": "query.per_page", "problem": "must be 100 or less"},
    ]
    assert listed["detail"] == (
        "Check what you sent. query.page: must be a whole number, like 12; "
        "query.per_page: must be 100 or less"
    )
    assert dated["errors"] == [
        {
            "where": "query.from_date",
            "problem": "must be a date written year-month-day, like 2027-03-31",
        }
    ]
    assert sent["errors"] == [{"where": "body.reason", "problem": "must be words, in quotes"}]


def test_not_a_member_gets_problem_details(client, lead):
    _, token = lead
    other = MembershipFactory()

    response = client.get(f"/api/v1/projects/{other.project_id}", **bearer(token))

    assert response.status_code == 404
    assert response.json() == {
        "type": "about:blank",
        "title": "Not found",
        "status": 404,
        "detail": "There is nothing here, or it is in a project you are not a member of.",
        "instance": f"/api/v1/projects/{other.project_id}",
    }


def test_openapi_document_and_docs_are_served(client):
    document = client.get("/api/v1/openapi.json")
    docs = client.get("/api/v1/docs")

    assert document.json()["info"]["title"] == "Co-production Planner API"
    problem = document.json()["paths"]["/api/v1/projects"]["get"]["responses"]["404"]
    assert list(problem["content"]) == ["application/problem+json"]
    assert docs.status_code == 200
    page = docs.content.decode()
    assert '<h1 class="govuk-heading-l">How to use the API</h1>' in page
    # Swagger UI from the app's own static files, never another site (the page's
    # Content Security Policy would block it, and offline it would never load).
    assert 'src="/static/ninja/swagger-ui-bundle.js"' in page
    assert "cdn" not in page
    assert "<code>GET /api/v1/projects/{project_id}/claims</code>" in page
