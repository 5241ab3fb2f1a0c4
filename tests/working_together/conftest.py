import pytest

from coplan.projects.roles import Role
from tests.factories import InvolvementFactory, MembershipFactory


@pytest.fixture
def group(db):
    """A project with one member of each role, as memberships keyed by role."""
    lead = MembershipFactory(role=Role.LEAD, user__full_name="Lee Lead")
    project = lead.project
    names = {
        Role.CO_PRODUCER: "Cara Co-producer",
        Role.FACILITATOR: "Fran Facilitator",
        Role.MANAGER: "Max Manager",
        Role.FINANCE: "Fin Finance",
    }
    members = {Role.LEAD: lead}
    for role, name in names.items():
        members[role] = MembershipFactory(project=project, role=role, user__full_name=name)
    return members


@pytest.fixture
def as_role(group, client_for):
    """A test client signed in as the group's member with that role."""

    def make(role: str):
        return client_for(group[role].user)

    return make


@pytest.fixture
def base(group):
    """The start of every working together address in the group's project."""
    return f"/projects/{group[Role.LEAD].project_id}/working-together/"


@pytest.fixture
def easy(group, client_for):
    """Cara, the group's co-producer, who asked for Easy Read papers."""
    InvolvementFactory(
        project=group[Role.CO_PRODUCER].project,
        person__user=group[Role.CO_PRODUCER].user,
        person__formats=["easy_read"],
    )
    return client_for(group[Role.CO_PRODUCER].user)
