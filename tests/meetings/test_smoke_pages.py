import pytest

pytestmark = pytest.mark.django_db


def test_pages_open(client_for, lead, meeting, venue, invite, fixed_today):
    from tests.meetings.conftest import needs

    invite(meeting, needs(communication=["hearing_loop"], dietary=["vegan"]))
    client = client_for(lead)
    p, m = meeting.project_id, meeting.pk
    org = meeting.project.organisation_id
    for path in [
        f"/projects/{p}/meetings/",
        f"/projects/{p}/meetings/add/",
        f"/projects/{p}/meetings/{m}/",
        f"/projects/{p}/meetings/{m}/change/",
        f"/projects/{p}/meetings/{m}/paperwork/",
        f"/projects/{p}/meetings/{m}/papers/",
        f"/projects/{p}/meetings/{m}/papers/add/",
        f"/projects/{p}/meetings/{m}/invited/",
        f"/projects/{p}/meetings/{m}/invited/add/",
        f"/projects/{p}/meetings/{m}/catering/",
        f"/projects/{p}/meetings/{m}/catering.txt",
        f"/organisations/{org}/venues/",
        f"/organisations/{org}/venues/add/",
        f"/organisations/{org}/venues/{venue.pk}/",
        f"/organisations/{org}/venues/{venue.pk}/change/",
        f"/projects/{p}/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
