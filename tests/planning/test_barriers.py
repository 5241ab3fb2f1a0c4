"""Barriers: what might get in the way, how it will be lifted, who is making sure."""

import pytest

from coplan.planning import selectors, services
from coplan.planning.models import Barrier, BarrierStatus
from coplan.projects.roles import Role
from tests.factories import BarrierFactory, MembershipFactory
from tests.planning.pages import tags

pytestmark = pytest.mark.django_db


def _url(project, tail=""):
    return f"/projects/{project.pk}/barriers/{tail}"


def test_facilitator_adds_a_barrier_with_an_owner(client_for, project, member_of):
    owner = MembershipFactory(project=project, role=Role.CO_PRODUCER)

    response = client_for(member_of(Role.FACILITATOR)).post(
        _url(project, "add/"),
        {
            "what": "Some people cannot travel to the venue",
            "how_lifted": "Pay for taxis\nMeet in people's own area",
            "owner": str(owner.pk),
            "status": "in_hand",
        },
        follow=True,
    )

    barrier = Barrier.objects.get()
    assert (barrier.what, barrier.owner, barrier.status) == (
        "Some people cannot travel to the venue",
        owner,
        BarrierStatus.IN_HAND,
    )
    assert "The barrier has been added." in response.content.decode()


def test_owner_from_another_project_is_refused(client_for, project, lead):
    elsewhere = MembershipFactory()

    response = client_for(lead).post(
        _url(project, "add/"),
        {"what": "X", "how_lifted": "Y", "owner": str(elsewhere.pk), "status": "not_started"},
    )

    assert response.status_code == 400
    assert "Select who is making sure it is lifted" in response.content.decode()
    assert not Barrier.objects.exists()


def test_service_refuses_an_owner_from_another_project(project):
    with pytest.raises(services.PlanningRuleError):
        services.barrier_create(
            project=project, what="X", how_lifted="Y", owner=MembershipFactory(), status="lifted"
        )


def test_co_producer_reads_barriers_in_plain_words(client_for, project, member_of):
    owner = MembershipFactory(project=project, role=Role.LEAD, user__full_name="Priya Lead")
    BarrierFactory(project=project, what="Lifted one", owner=owner, status=BarrierStatus.LIFTED)
    BarrierFactory(project=project, what="Open one", owner=owner)

    page = client_for(member_of(Role.CO_PRODUCER)).get(_url(project)).content.decode()

    assert page.index("Open one") < page.index("Lifted one")
    assert tags(page) == ["Not started", "Lifted"]
    assert "Priya Lead" in page
    assert "Add a barrier" not in page


def test_owner_who_left_is_shown_plainly(client_for, project, lead):
    owner = MembershipFactory(project=project)
    BarrierFactory(project=project, owner=owner)
    owner.delete()

    page = client_for(lead).get(_url(project)).content.decode()

    assert "No one: the person has left the project" in page


def test_empty_barrier_form_says_what_is_missing(client_for, project, lead):
    page = client_for(lead).post(_url(project, "add/"), {}).content.decode()

    for message in (
        "Enter what might get in the way",
        "Enter how it will be lifted",
        "Select who is making sure it is lifted",
        "Select where it is up to",
    ):
        assert message in page


def test_barrier_counts_is_one_query(project, django_assert_num_queries):
    BarrierFactory(project=project, status=BarrierStatus.LIFTED)
    BarrierFactory(project=project)
    BarrierFactory(project=project)
    BarrierFactory()

    with django_assert_num_queries(1):
        counts = selectors.barrier_counts(project=project)

    assert counts == {"not_started": 2, "in_hand": 0, "lifted": 1}
