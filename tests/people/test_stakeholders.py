import pytest

from coplan.people.models import StakeholderGroup
from coplan.projects.roles import Role
from tests.factories import InvolvementFactory, StakeholderGroupFactory

pytestmark = pytest.mark.django_db

GROUP = {
    "name": "Carers in Banbury",
    "category": "carers",
    "influence": "2",
    "interest": "5",
    "how_reached": "Through the carers' centre newsletter",
    "helpers": ["community_leaders", "communications"],
    "helper_notes": "Banbury Carers Centre",
    "representation_aim": "6",
}


def test_lead_adds_a_stakeholder_group(client_for, project, lead):
    response = client_for(lead).post(
        f"/projects/{project.pk}/stakeholders/add/", GROUP, follow=True
    )

    group = StakeholderGroup.objects.get(project=project)
    assert (group.name, group.influence, group.interest, group.representation_aim) == (
        "Carers in Banbury",
        2,
        5,
        6,
    )
    assert group.helpers == ["community_leaders", "communications"]
    assert "The group ‘Carers in Banbury’ has been saved." in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter the name of the group"),
        ("category", "", "Select what kind of group it is"),
        ("category", "aliens", "Select what kind of group it is"),
        ("influence", "9", "Select how much influence the group has"),
        ("interest", "", "Select how much interest the group has"),
        ("representation_aim", "lots", "The number of people must be a whole number, like 12"),
        ("representation_aim", "0", "The number of people must be 1 or more"),
        ("helpers", ["nobody"], "Select who can help from the list"),
        ("name", "x" * 151, "The name of the group must be 150 characters or fewer"),
    ],
)
def test_stakeholder_group_form_says_what_is_wrong(
    client_for, project, lead, field, value, message
):
    response = client_for(lead).post(
        f"/projects/{project.pk}/stakeholders/add/", {**GROUP, field: value}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not StakeholderGroup.objects.exists()


def test_two_groups_cannot_share_a_name(client_for, project, lead):
    StakeholderGroupFactory(project=project, name="carers in banbury")

    response = client_for(lead).post(f"/projects/{project.pk}/stakeholders/add/", GROUP)

    assert "There is already a group with this name" in response.content.decode()


def test_stakeholder_page_shows_the_grid_table_and_representation(client_for, project, member_of):
    group = StakeholderGroupFactory(
        project=project, name="Day centre users", influence=1, interest=5, representation_aim=3
    )
    InvolvementFactory(project=project, group=group)
    co_producer = member_of(Role.CO_PRODUCER)

    page = client_for(co_producer).get(f"/projects/{project.pk}/stakeholders/").content.decode()

    assert '<svg viewBox="0 0' in page
    assert 'role="img" aria-labelledby="grid-title grid-desc"' in page
    assert "1: Day centre users, influence very low, interest very high" in page
    assert "1 of 3 aimed for" in page
    assert "Involve them and give them a real say" in page
    assert "Add a stakeholder group" not in page


def test_who_is_missing_lists_the_seeds_groups_with_no_group_yet(client_for, project, lead):
    StakeholderGroupFactory(project=project, category="carers")
    StakeholderGroupFactory(project=project, category="families", representation_aim=5)

    page = client_for(lead).get(f"/projects/{project.pk}/stakeholders/").content.decode()

    assert "There is no group for <strong>people using or receiving services</strong>" in page
    assert "There is no group for <strong>members of the public</strong>" in page
    assert "There is no group for <strong>carers</strong>" not in page
    assert "Nobody from" in page


def test_grid_downloads_as_a_standalone_svg_with_names_escaped(client_for, project, lead):
    StakeholderGroupFactory(project=project, name="<script>Carers & families</script>")

    response = client_for(lead).get(f"/projects/{project.pk}/stakeholders/grid.svg")

    body = response.content.decode()
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')  # opens as a picture
    assert 'xmlns="http://www.w3.org/2000/svg"' in body
    assert "&lt;script&gt;Carers &amp; families&lt;/script&gt;" in body
    assert "<script>" not in body


def test_removing_a_group_keeps_its_people_in_the_project(client_for, project, lead):
    group = StakeholderGroupFactory(project=project)
    involvement = InvolvementFactory(project=project, group=group)

    client_for(lead).post(f"/projects/{project.pk}/stakeholders/{group.pk}/remove/")

    involvement.refresh_from_db()
    assert involvement.group is None
    assert not StakeholderGroup.objects.exists()


def test_lead_changes_a_group(client_for, project, lead):
    group = StakeholderGroupFactory(project=project)

    client_for(lead).post(
        f"/projects/{project.pk}/stakeholders/{group.pk}/", {**GROUP, "influence": "4"}
    )

    group.refresh_from_db()
    assert (group.name, group.influence) == ("Carers in Banbury", 4)
