"""A STOP in the plan: the lead meets it when they save, chooses a way forward, and a
manager of the project agrees it (or says no, with a reason)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.guides.models import WayForwardChoice
from coplan.notifications.models import Update
from coplan.projects.roles import Role

pytestmark = pytest.mark.django_db

SECTION = "getting-started"
RULE = "time-frame-too-short"
QUERIES_ON_THE_AGREEING_PAGE = 7
# The manager's answer names the way forward they read.
_ANSWER = {"way_forward_id": "not-fully-co-produced"}


def _section(project):
    return f"/projects/{project.pk}/plan/at-the-start/{SECTION}/"


def _choose(project):
    return f"/projects/{project.pk}/plan/at-the-start/stops/{RULE}/"


def _met(project):
    return _choose(project) + "met/"


def _agree(project):
    return _choose(project) + "agree/"


def _three_months(client, project):
    return client.post(
        _section(project),
        {"how-much-time": "3 months", "what-is-the-project": "A", "save_and_continue": "1"},
    )


@pytest.fixture
def manager(member_of):
    return member_of(Role.MANAGER)


def _chosen(client, project, way="not-fully-co-produced"):
    return client.post(_choose(project), {"way_forward": way})


def test_saving_an_answer_that_raises_a_stop_shows_the_interruption_page(client_for, project, lead):
    client = client_for(lead)

    response = _three_months(client, project)

    assert response.status_code == 302
    assert response["Location"].startswith(_met(project))
    page = client.get(response["Location"]).content.decode()
    assert "There is not enough time for this project to be fully co-produced" in page
    assert "Take this back to your manager with a request for more time" in page
    assert "Accept (and have it agreed)" in page
    assert f'href="{_choose(project)}"' in page
    assert "Continue" in page


def test_saving_without_a_stop_goes_on_to_the_next_section(client_for, project, lead):
    response = client_for(lead).post(
        _section(project),
        {"how-much-time": "18 months", "what-is-the-project": "A", "save_and_continue": "1"},
    )

    assert "/stops/" not in response["Location"]


def test_choosing_a_way_forward_sends_it_to_each_manager_once(
    client_for, project, lead, manager, member_of
):
    other_manager = member_of(Role.MANAGER)
    client = client_for(lead)
    _three_months(client, project)
    before = set(Update.objects.values_list("pk", flat=True))

    _chosen(client, project)
    _chosen(client, project)  # sent again: still once for this choice

    choice = WayForwardChoice.objects.get()
    assert (choice.way_forward_id, choice.agreed_by, choice.agreed_by_user) == (
        "not-fully-co-produced",
        "",
        None,
    )
    sent = Update.objects.exclude(pk__in=before).filter(kind="guides.way_forward_to_agree")
    assert sorted(u.user.email for u in sent) == sorted([manager.email, other_manager.email])
    assert all(u.link.endswith(_agree(project)) for u in sent)
    assert all("won’t be a fully co-produced" in u.body for u in sent)


def test_the_project_is_not_ready_until_a_manager_agrees(client_for, project, lead, manager):
    client = client_for(lead)
    _three_months(client, project)
    _chosen(client, project)

    plan = client.get(f"/projects/{project.pk}/plan/").content.decode()
    assert "Stop: sort out 1 problem" in plan
    assert "waiting for a manager to agree" in plan

    client_for(manager).post(_agree(project), _ANSWER | {"decision": "agree"})

    plan = client.get(f"/projects/{project.pk}/plan/").content.decode()
    assert "Stop: sort out" not in plan


def test_a_manager_agrees_and_the_plan_and_overview_say_who_and_when(
    client_for, project, lead, manager
):
    client = client_for(lead)
    _three_months(client, project)
    _chosen(client, project)

    page = client_for(manager).get(_agree(project)).content.decode()
    assert "Accept (and have it agreed)" in page
    assert lead.full_name in page
    client_for(manager).post(_agree(project), _ANSWER | {"decision": "agree"})

    choice = WayForwardChoice.objects.get()
    assert choice.agreed_by_user == manager
    assert choice.agreed_at is not None
    wanted = f"greed by {manager.full_name} on {choice.agreed_on.day}"
    for path in ("plan/", "plan/whole/", ""):
        page = client.get(f"/projects/{project.pk}/{path}").content.decode()
        assert wanted in page, path
        assert "won’t be a fully co-produced" in page, path


def test_a_manager_says_no_with_a_reason_and_the_lead_chooses_again(
    client_for, project, lead, manager
):
    client = client_for(lead)
    _three_months(client, project)
    _chosen(client, project)

    missing = client_for(manager).post(_agree(project), _ANSWER | {"decision": "no"})
    assert "Say why" in missing.content.decode()
    client_for(manager).post(
        _agree(project), _ANSWER | {"decision": "no", "reason": "Ask the board for more time first"}
    )

    plan = client.get(f"/projects/{project.pk}/plan/").content.decode()
    assert "Ask the board for more time first" in plan
    assert "Choose a way forward" in plan
    assert WayForwardChoice.objects.get().agreed_by_user is None


def test_a_lead_cannot_agree_a_way_forward(client_for, project, lead, manager):
    client = client_for(lead)
    _three_months(client, project)
    _chosen(client, project)

    response = client.post(_agree(project), _ANSWER | {"decision": "agree"})

    assert response.status_code == 403
    assert WayForwardChoice.objects.get().agreed_by_user is None


def test_a_lead_no_longer_types_who_agreed(client_for, project, lead, manager):
    page = client_for(lead).get(_choose(project)).content.decode()

    assert "Who agreed it?" not in page
    assert "a manager of the project" in page


def test_a_project_with_no_manager_tells_the_lead_to_invite_one(client_for, project, lead):
    page = client_for(lead).get(_choose(project)).content.decode()

    assert "This project has no manager" in page
    assert f"/projects/{project.pk}/people/invite/" in page


def test_an_agreed_way_forward_cannot_be_agreed_twice(client_for, project, lead, manager):
    client = client_for(lead)
    _three_months(client, project)
    _chosen(client, project)
    client_for(manager).post(_agree(project), _ANSWER | {"decision": "agree"})

    again = client_for(manager).post(_agree(project), _ANSWER | {"decision": "agree"}, follow=True)

    assert "already agreed" in again.content.decode()


@pytest.mark.parametrize("managers", [1, 6])
def test_the_agreeing_page_keeps_a_fixed_number_of_queries(
    client_for, project, lead, manager, member_of, managers
):
    client = client_for(lead)
    for _ in range(managers - 1):
        member_of(Role.MANAGER)
    _three_months(client, project)
    _chosen(client, project)
    manager_client = client_for(manager)
    manager_client.get(_agree(project))

    with CaptureQueriesContext(connection) as queries:
        manager_client.get(_agree(project))

    assert len(queries) == QUERIES_ON_THE_AGREEING_PAGE


def test_meeting_a_stop_tells_the_managers_with_a_link_to_their_agreeing_page(
    client_for, project, lead, manager
):
    _three_months(client_for(lead), project)

    told = Update.objects.get(kind="guides.stop_waiting")
    assert told.user == manager
    assert told.link.endswith(_agree(project))
    assert client_for(manager).get(told.link).status_code == 200
