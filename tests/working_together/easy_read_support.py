"""What the Easy Read tests of the working together pages share."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.projects.roles import Role
from tests.easy_read_pages import read, turn
from tests.working_together.test_query_counts import _project_with


def easy_read_queries(client_for, page: str) -> list[int]:
    """The queries of `page` (under working-together/; `{item}` and `{session}` stand for
    a car park item and a session of the project) in Easy Read, for a co-producer of a
    project with 1 of everything, then of one with 40."""
    counts = []
    for count in (1, 40):
        member, session, item = _project_with(count, Role.CO_PRODUCER)
        client = client_for(member.user)
        url = f"/projects/{member.project_id}/working-together/" + page.format(
            item=item.pk, session=session.pk
        )
        turn(client, on=True, back=url)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            shown = client.get(url).content.decode()
        assert read(shown).lines
        counts.append(len(captured))
    return counts
