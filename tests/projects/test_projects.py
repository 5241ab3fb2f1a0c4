import datetime

import pytest

from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, StaffMembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Day services review",
    "description": "Looking again at day services.",
    "reason": "The contracts end next year.",
    "start_date-day": "4",
    "start_date-month": "1",
    "start_date-year": "2027",
    "end_date-day": "30",
    "end_date-month": "9",
    "end_date-year": "2028",
}


@pytest.fixture
def staff(db):
    return StaffMembershipFactory().user


def test_staff_member_creates_a_project_and_lands_on_its_overview(client_for, staff):
    client = client_for(staff)

    response = client.post("/projects/new/", GOOD, follow=True)

    project = Project.objects.get()
    assert response.redirect_chain[-1][0] == f"/projects/{project.pk}/"
    page = response.content.decode()
    assert "Day services review" in page
    assert "4 January 2027 to 30 September 2028" in page
    assert "20 months" in page
    assert project.start_date == datetime.date(2027, 1, 4)
    assert Membership.objects.get(project=project).role == Role.LEAD


def test_end_date_before_start_date_is_refused_beside_the_field(client_for, staff):
    data = {**GOOD, "end_date-year": "2026"}

    response = client_for(staff).post("/projects/new/", data)

    page = response.content.decode()
    assert response.status_code == 400
    assert "The end date must be after the start date" in page
    assert 'href="#id_end_date-day"' in page
    assert Project.objects.count() == 0
    # What was typed is kept.
    assert 'value="Day services review"' in page


def test_someone_who_is_not_staff_cannot_start_a_project(client_for, stranger):
    client = client_for(stranger)

    assert client.get("/projects/new/").status_code == 403
    assert "Start a new project" not in client.get("/projects/").content.decode()


def test_staff_in_two_organisations_choose_which_one(client_for, staff):
    second = StaffMembershipFactory(user=staff).organisation
    client = client_for(staff)

    missing = client.post("/projects/new/", GOOD)
    chosen = client.post("/projects/new/", {**GOOD, "organisation": str(second.pk)})

    assert "Select the organisation this project is for" in missing.content.decode()
    assert chosen.status_code == 302
    assert Project.objects.get().organisation == second


def test_your_projects_lists_only_your_projects_with_your_role(client_for):
    membership = MembershipFactory(role=Role.FACILITATOR)
    MembershipFactory(project__name="Somebody else's project")

    page = client_for(membership.user).get("/projects/").content.decode()

    assert membership.project.name in page
    assert "Your role: Facilitator" in page
    assert "Somebody else" not in page


def test_lead_changes_project_details(client_for, project, lead):
    response = client_for(lead).post(
        f"/projects/{project.pk}/edit/", {**GOOD, "name": "New name"}, follow=True
    )

    project.refresh_from_db()
    assert project.name == "New name"
    assert "The project details have been saved" in response.content.decode()


def test_overview_counts_people_by_role(client_for, project, lead, member_of):
    member_of(Role.CO_PRODUCER)
    member_of(Role.CO_PRODUCER)

    page = client_for(lead).get(f"/projects/{project.pk}/").content.decode()

    assert "Project lead: 1" in page
    assert "Co-producer: 2" in page


def test_anonymous_visitor_is_sent_to_sign_in(client, project):
    response = client.get(f"/projects/{project.pk}/")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in/?next=")


def test_new_user_with_no_projects_is_told_how_to_join(client_for):
    page = client_for(UserFactory()).get("/projects/").content.decode()

    assert "You are not in any projects yet" in page
    assert "When a project lead invites you" in page
