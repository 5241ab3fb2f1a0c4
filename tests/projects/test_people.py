import pytest

from coplan.projects.models import Membership
from coplan.projects.roles import Role

pytestmark = pytest.mark.django_db


def test_lead_changes_a_members_role(client_for, project, lead, member_of):
    person = member_of(Role.CO_PRODUCER)
    membership = Membership.objects.get(user=person)

    response = client_for(lead).post(
        f"/projects/{project.pk}/people/{membership.pk}/role/", {"role": "facilitator"}, follow=True
    )

    membership.refresh_from_db()
    assert membership.role == Role.FACILITATOR
    assert f"{person.full_name} is now facilitator" in response.content.decode()


def test_the_only_lead_cannot_stop_being_lead(client_for, project, lead):
    membership = Membership.objects.get(user=lead)

    response = client_for(lead).post(
        f"/projects/{project.pk}/people/{membership.pk}/role/", {"role": "co_producer"}
    )

    membership.refresh_from_db()
    assert membership.role == Role.LEAD
    assert "A project must always have a project lead" in response.content.decode()


def test_a_lead_can_step_down_when_there_is_another(client_for, project, lead, member_of):
    member_of(Role.LEAD)
    membership = Membership.objects.get(user=lead)

    client_for(lead).post(
        f"/projects/{project.pk}/people/{membership.pk}/role/", {"role": "manager"}
    )

    membership.refresh_from_db()
    assert membership.role == Role.MANAGER


def test_lead_removes_a_member(client_for, project, lead, member_of):
    person = member_of(Role.FINANCE)
    membership = Membership.objects.get(user=person)
    client = client_for(lead)

    confirm = client.get(f"/projects/{project.pk}/people/{membership.pk}/remove/")
    response = client.post(f"/projects/{project.pk}/people/{membership.pk}/remove/", follow=True)

    assert f"Remove {person.full_name} from the project?" in confirm.content.decode()
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert f"{person.full_name} has been removed" in response.content.decode()
    assert client_for(person).get(f"/projects/{project.pk}/").status_code == 404


def test_the_only_lead_cannot_be_removed(client_for, project, lead):
    membership = Membership.objects.get(user=lead)

    response = client_for(lead).post(f"/projects/{project.pk}/people/{membership.pk}/remove/")

    assert response.status_code == 400
    assert "You cannot remove the only project lead" in response.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_people_page_hides_email_addresses_from_co_producers(client_for, project, lead, member_of):
    co_producer = member_of(Role.CO_PRODUCER)

    as_co_producer = client_for(co_producer).get(f"/projects/{project.pk}/people/")
    as_lead = client_for(lead).get(f"/projects/{project.pk}/people/")

    assert lead.full_name in as_co_producer.content.decode()
    assert lead.email not in as_co_producer.content.decode()
    assert lead.email in as_lead.content.decode()
    assert "Change role" not in as_co_producer.content.decode()


def test_role_change_with_no_choice_asks_for_one(client_for, project, lead, member_of):
    membership = Membership.objects.get(user=member_of(Role.CO_PRODUCER))

    response = client_for(lead).post(f"/projects/{project.pk}/people/{membership.pk}/role/", {})

    assert "Select a role" in response.content.decode()
