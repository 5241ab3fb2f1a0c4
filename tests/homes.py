"""A member's first page in a project (their role's home, or the lead's overview), read
as text, and the queries a page asks once it has been seen (a project gets its guides on
the first visit)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def home_page(client, project_id: int) -> str:
    response = client.get(f"/projects/{project_id}/")
    assert response.status_code == 200
    return response.content.decode()


def page_queries(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def home_queries(client, project_id: int) -> int:
    return page_queries(client, f"/projects/{project_id}/")
