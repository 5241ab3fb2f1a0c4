"""The co-producer's home in a project: what they raised in the car park with its answer,
and the group's latest agreements and shared definitions (coplan.working_together's
HomePanels)."""

import datetime

import pytest

from coplan.projects.roles import Role
from coplan.working_together.models import CarParkItem, SharedDefinition
from tests.factories import (
    AgreementFactory,
    CarParkItemFactory,
    MembershipFactory,
    SharedDefinitionFactory,
)
from tests.homes import home_page, home_queries

pytestmark = pytest.mark.django_db


def test_a_co_producer_sees_what_they_raised_and_its_answer(group, as_role):
    project = group[Role.LEAD].project
    me = group[Role.CO_PRODUCER]
    item = CarParkItemFactory(
        project=project,
        raised_by=me.user,
        text="Can we meet in the evenings?",
        status="answered",
        answer="Yes, from June we meet on Tuesday evenings.",
        answered_on=datetime.date(2027, 3, 2),
        answered_by=group[Role.LEAD].user,
    )
    CarParkItemFactory(project=project, raised_by=me.user, text="Is there parking nearby?")

    page = home_page(as_role(Role.CO_PRODUCER), project.pk)

    assert "Things you raised in the car park" in page
    assert "Can we meet in the evenings?" in page
    assert "Yes, from June we meet on Tuesday evenings." in page
    assert "Is there parking nearby?" in page
    assert f'href="/projects/{project.pk}/working-together/car-park/{item.pk}/"' in page


def test_only_what_they_raised_is_under_their_name(group, as_role):
    project = group[Role.LEAD].project
    CarParkItemFactory(project=project, raised_by=group[Role.FACILITATOR].user, text="Fran's")

    page = home_page(as_role(Role.CO_PRODUCER), project.pk)

    assert "You have not raised anything in the car park." in page
    assert "Fran" not in page
    assert f'href="/projects/{project.pk}/working-together/car-park/add/"' in page


def test_a_co_producer_sees_the_latest_agreements_and_definitions_with_links(group, as_role):
    project = group[Role.LEAD].project
    for n in range(5):
        AgreementFactory(project=project, text=f"Agreement number {n}")
    for n in range(5):
        SharedDefinitionFactory(
            project=project,
            word=f"word-{n}",
            updated_at=datetime.datetime(2027, 1, 1 + n, tzinfo=datetime.UTC),
        )

    page = home_page(as_role(Role.CO_PRODUCER), project.pk)

    assert "How we work together" in page
    assert "Agreement number 4" in page
    assert "Agreement number 0" not in page
    assert "word-4" in page
    assert "word-0" not in page
    assert f'href="/projects/{project.pk}/working-together/agreements/"' in page
    assert f'href="/projects/{project.pk}/working-together/shared-definitions/"' in page


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.MANAGER, Role.FINANCE, Role.LEAD])
def test_other_roles_do_not_get_these_parts_on_their_first_page(group, as_role, role):
    page = home_page(as_role(role), group[Role.LEAD].project_id)

    assert "Things you raised in the car park" not in page
    assert "How we work together" not in page


def _grow(project, user, count):
    CarParkItem.objects.bulk_create(
        CarParkItem(project=project, raised_by=user, text=f"Item {n}", raised_on=project.start_date)
        for n in range(count)
    )
    for n in range(count):
        AgreementFactory(project=project, text=f"Agreement {n}")
    SharedDefinition.objects.bulk_create(
        SharedDefinition(project=project, word=f"word {n}", meaning="Agreed.") for n in range(count)
    )


def test_the_home_asks_the_same_number_of_queries_however_much_the_group_wrote(client_for):
    small = MembershipFactory(role=Role.CO_PRODUCER)
    large = MembershipFactory(role=Role.CO_PRODUCER)
    _grow(small.project, small.user, 1)
    _grow(large.project, large.user, 60)

    few = home_queries(client_for(small.user), small.project_id)
    many = home_queries(client_for(large.user), large.project_id)

    print(f"co-producer's home: {few} queries with 1 item each, {many} with 60")
    assert few == many
