import pytest
from django.core.management import call_command

from coplan.accounts.models import User
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

pytestmark = pytest.mark.django_db


def test_demo_data_has_one_person_per_role_and_loads_only_once(capsys):
    call_command("demo_data")
    call_command("demo_data")

    output = capsys.readouterr().out
    project = Project.objects.get()
    roles = sorted(Membership.objects.filter(project=project).values_list("role", flat=True))
    assert roles == sorted(role.value for role in Role)
    assert User.objects.count() == len(Role) + 1  # and the organisation admin
    assert "lead@demo.coplan.local" in output
    assert "password: demo-coplan-2026" in output


def test_demo_people_can_sign_in(client):
    call_command("demo_data")

    response = client.post(
        "/sign-in/", {"email": "coproducer@demo.coplan.local", "password": "demo-coplan-2026"}
    )

    assert response.status_code == 302
