"""The project menu shows each role the sections it uses; every page stays reachable by
its links for every role its permission allows (tests/projects/test_access.py)."""

import pytest

from coplan.projects.roles import Role
from tests.projects.test_pages import Page

pytestmark = pytest.mark.django_db

MENUS = {
    Role.LEAD: [
        "Overview",
        "Plan",
        "Keeping track",
        "Meetings",
        "Working together",
        "Feedback",
        "Paying people",
        "Project team",
        "Stakeholders and participants",
        "Download data",
    ],
    Role.FACILITATOR: [
        "Overview",
        "Plan",
        "Keeping track",
        "Meetings",
        "Working together",
        "Feedback",
        "Paying people",
        "Project team",
        "Stakeholders and participants",
        "Download data",
    ],
    Role.MANAGER: [
        "Overview",
        "Plan",
        "Keeping track",
        "Meetings",
        "Working together",
        "Feedback",
        "Project team",
        "Stakeholders and participants",
        "Download data",
    ],
    Role.CO_PRODUCER: [
        "Overview",
        "Meetings",
        "Working together",
        "Feedback",
        "Paying people",
        "Project team",
    ],
    Role.FINANCE: [
        "Overview",
        "Keeping track",
        "Meetings",
        "Paying people",
        "Project team",
        "Download data",
    ],
}


@pytest.mark.parametrize("role", list(Role))
def test_the_project_menu_shows_each_role_the_sections_it_uses(
    client_for, project, member_of, role
):
    person = member_of(role)

    page = Page(client_for(person).get(f"/projects/{project.pk}/").content.decode())

    assert [text for text, _, _ in page.menus["Project"]] == MENUS[role]


def test_every_role_has_a_menu_named():
    assert set(MENUS) == set(Role)


def test_the_project_team_and_the_people_involved_have_names_that_differ(client_for, project, lead):
    client = client_for(lead)

    team = Page(client.get(f"/projects/{project.pk}/people/").content.decode())
    involved = Page(client.get(f"/projects/{project.pk}/involving-people/").content.decode())

    assert (team.title.split(" – ")[0], team.heading) == ("Project team", "Project team")
    assert involved.heading == "Stakeholders and participants"
