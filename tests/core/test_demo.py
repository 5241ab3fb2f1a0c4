import pytest
from django.core.management import call_command

from coplan.accounts.models import User
from coplan.guides.models import GuideAnswer, GuideAnswerChange, WayForwardChoice
from coplan.payments.models import Claim
from coplan.people.models import StakeholderGroup
from coplan.planning.models import BudgetLine, Milestone, SignOff, SignOffVersion
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

pytestmark = pytest.mark.django_db

MANAGER = "manager@demo.coplan.local"
LEAD = "lead@demo.coplan.local"
PASSWORD = "demo-coplan-2026"


def test_demo_data_has_one_person_per_role_and_loads_only_once(capsys):
    call_command("demo_data")
    counts = _counts()
    call_command("demo_data")

    assert _counts() == counts
    assert counts["answers"] >= 30
    assert counts["sign-offs"] == ["signed", "waiting", "waiting"]
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


# The plan well under way, so a newcomer sees real pages on first run ----------------


def _signed_in(client, email):
    client.post("/sign-in/", {"email": email, "password": PASSWORD})
    return client


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_manager_sees_a_sign_off_waiting_for_them(client):
    call_command("demo_data")
    project = Project.objects.get()

    html = _page(_signed_in(client, MANAGER), f"/projects/{project.pk}/")

    assert "Waiting for you to sign off" in html
    assert "The plan for involving people" in html
    # The lead asked for it: the manager reads the version asked, with what is missing.
    version = SignOffVersion.objects.get(sign_off__what="The plan for involving people")
    assert f"/sign-offs/versions/{version.pk}/" in html
    page = _page(
        _signed_in(client, MANAGER), f"/projects/{project.pk}/sign-offs/versions/{version.pk}/"
    )
    assert "Sign it off, or ask for changes" in page
    assert "People who use day services" in page


def test_the_plan_has_answers_and_the_stop_has_a_way_forward_the_manager_agreed(client):
    call_command("demo_data")
    project = Project.objects.get()

    html = _page(_signed_in(client, LEAD), f"/projects/{project.pk}/plan/whole/")

    assert "Not for the whole review" in html  # the time-frame answer that meets the STOP
    assert "won’t be a fully co-produced piece of work" in html
    assert "Morgan Manager" in html
    assert "People who use day services" in html  # a stakeholder group
    assert "Paying people for their time" in html  # a budget line
    choice = WayForwardChoice.objects.get(rule_id="time-frame-too-short")
    assert (choice.way_forward_id, choice.agreed_by) == ("not-fully-co-produced", "Morgan Manager")
    # Chosen by the lead, agreed by the manager, as the app records it.
    assert (choice.recorded_by.email, choice.agreed_by_user.email) == (LEAD, MANAGER)


def test_the_stakeholder_grid_has_people_and_the_budget_has_lines_with_claims_against_it(client):
    call_command("demo_data")
    project = Project.objects.get()
    client = _signed_in(client, LEAD)

    stakeholders = _page(client, f"/projects/{project.pk}/stakeholders/")
    budget = _page(client, f"/projects/{project.pk}/budget/")

    assert "Families and carers" in stakeholders
    assert "Day centre staff" in stakeholders
    assert StakeholderGroup.objects.filter(project=project).count() >= 4
    assert "Room hire at the library" in budget
    assert "£22.50" in budget  # Sam's paid claim: 90 minutes at £15 an hour, paid


def _counts() -> dict:
    return {
        "answers": GuideAnswer.objects.count(),
        "changes": GuideAnswerChange.objects.count(),
        "ways forward": WayForwardChoice.objects.count(),
        "groups": StakeholderGroup.objects.count(),
        "budget lines": BudgetLine.objects.count(),
        "milestones": Milestone.objects.count(),
        "sign-offs": sorted(SignOff.objects.values_list("status", flat=True)),
        "claims": Claim.objects.count(),
    }
