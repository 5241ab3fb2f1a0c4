"""Who sees what: the role table is in tests/projects/test_access.py; these are the
cases that matter most for health data."""

import pytest

from coplan.people.models import AuditEntry
from coplan.projects.roles import Role
from tests.factories import InvolvementFactory, MembershipFactory
from tests.people.conftest import give_needs

pytestmark = pytest.mark.django_db


def test_co_producer_cannot_read_another_persons_needs(client_for, project, member_of, participant):
    give_needs(participant)
    co_producer = member_of(Role.CO_PRODUCER)
    client = client_for(co_producer)

    statuses = {
        path: client.get(f"/projects/{project.pk}/{path}").status_code
        for path in (
            f"participants/{participant.pk}/",
            f"participants/{participant.pk}/access-needs/",
            f"participants/{participant.pk}/everything-we-hold/",
            f"participants/{participant.pk}/everything-we-hold.json",
            "access-needs/",
            "participants/",
        )
    }

    assert statuses == dict.fromkeys(statuses, 403)
    assert not AuditEntry.objects.filter(action="viewed_needs").exists()


@pytest.mark.parametrize("role", [Role.MANAGER, Role.FINANCE, Role.CO_PRODUCER])
def test_roles_that_do_not_meet_needs_never_see_them(
    client_for, project, member_of, participant, role
):
    give_needs(participant)
    client = client_for(member_of(role))

    pages = [
        client.get(f"/projects/{project.pk}/{path}")
        for path in ("involving-people/", "stakeholders/")
    ]

    for page in pages:
        assert page.status_code == 200
        assert "hearing loop" not in page.content.decode().lower()
        assert "Sam Smith" not in page.content.decode()


def test_your_details_shows_only_your_own_needs(client_for, project, member_of, participant):
    give_needs(participant)
    co_producer = member_of(Role.CO_PRODUCER)

    page = client_for(co_producer).get(f"/projects/{project.pk}/your-details/").content.decode()

    assert "Sam Smith" not in page
    assert "Zebra-striped" not in page
    assert "You have not told us yet" in page


def test_a_person_in_another_project_of_the_same_organisation_is_not_found(
    client_for, project, lead
):
    other_project_person = InvolvementFactory(project__organisation=project.organisation).person
    client = client_for(lead)

    response = client.get(f"/projects/{project.pk}/participants/{other_project_person.pk}/")

    assert response.status_code == 404


def test_facilitator_sees_needs_and_the_view_is_logged(client_for, project, member_of, participant):
    give_needs(participant)
    facilitator = member_of(Role.FACILITATOR)

    page = client_for(facilitator).get(f"/projects/{project.pk}/participants/{participant.pk}/")

    assert "A hearing loop" in page.content.decode()
    entry = AuditEntry.objects.get(action="viewed_needs")
    assert (entry.actor, entry.person, entry.project) == (facilitator, participant, project)


def test_organisation_pages_are_for_its_admins_only(client_for, project, lead):
    from tests.factories import StaffMembershipFactory

    admin = StaffMembershipFactory(organisation=project.organisation, is_admin=True).user
    staff = StaffMembershipFactory(organisation=project.organisation).user
    other_admin = StaffMembershipFactory(is_admin=True).user
    paths = [
        f"/organisations/{project.organisation_id}/access-needs-log/",
        f"/organisations/{project.organisation_id}/keeping-details/",
    ]

    statuses = {
        (who, path): client_for(user).get(path).status_code
        for who, user in (
            ("admin", admin),
            ("staff", staff),
            ("lead", lead),
            ("other", other_admin),
        )
        for path in paths
    }

    assert statuses == {
        **{("admin", path): 200 for path in paths},
        **{("staff", path): 403 for path in paths},
        **{("lead", path): 404 for path in paths},
        **{("other", path): 404 for path in paths},
    }


def test_another_projects_lead_gets_not_found_for_your_participants(
    client_for, participant, project
):
    outsider = MembershipFactory(role=Role.LEAD).user

    response = client_for(outsider).get(f"/projects/{project.pk}/participants/{participant.pk}/")

    assert response.status_code == 404
