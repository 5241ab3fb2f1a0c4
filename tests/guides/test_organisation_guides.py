import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coplan.guides.models import GuideVersion, ProjectGuide
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, ProjectFactory, StaffMembershipFactory
from tests.guides.guide_files import guide_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return StaffMembershipFactory(is_admin=True)


def _upload(client, admin, text, name="our-guide.toml"):
    return client.post(
        f"/organisations/{admin.organisation_id}/guides/",
        {"guide_file": SimpleUploadedFile(name, text.encode(), content_type="text/plain")},
        follow=True,
    )


def test_admin_uploads_a_guide_and_new_projects_start_from_it(client_for, admin):
    response = _upload(client_for(admin.user), admin, guide_file("our-start", questions=3))

    assert "‘Our start’ version 1 is ready for new projects" in response.content.decode()
    project = ProjectFactory(organisation=admin.organisation)
    lead = MembershipFactory(project=project, role=Role.LEAD)
    page = client_for(lead.user).get(f"/projects/{project.pk}/plan/").content.decode()
    assert "Our start" in page
    assert ProjectGuide.objects.filter(project=project, guide_key="our-start").exists()


def test_a_broken_guide_file_is_refused_with_every_problem_named(client_for, admin):
    broken = guide_file("our-start", questions=2).replace('kind = "text"', 'kind = "essay"', 1)
    broken = broken.replace('id = "question-2"', 'id = "question-1"')

    page = _upload(client_for(admin.user), admin, broken, name="broken.toml").content.decode()

    assert "The guide file has problems" in page
    assert "broken.toml" in page
    assert "essay" in page
    assert "question-1" in page
    assert GuideVersion.objects.filter(organisation=admin.organisation).count() == 0


def test_a_guide_must_have_a_higher_version_than_the_last(client_for, admin):
    client = client_for(admin.user)
    _upload(client, admin, guide_file("our-start", questions=2))

    page = _upload(client, admin, guide_file("our-start", questions=2)).content.decode()

    assert "already has version 1" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\xff\xfe\x00bad", "saved as UTF-8"), (b"x" * 1_000_001, "smaller than 1 MB")],
)
def test_bad_files_are_refused_plainly(client_for, admin, content, message):
    response = client_for(admin.user).post(
        f"/organisations/{admin.organisation_id}/guides/",
        {"guide_file": SimpleUploadedFile("g.toml", content)},
    )

    assert message in response.content.decode()


def test_projects_keep_the_version_they_started_with(client_for, admin):
    client = client_for(admin.user)
    _upload(client, admin, guide_file("our-start", questions=2))
    project = ProjectFactory(organisation=admin.organisation)
    lead = MembershipFactory(project=project, role=Role.LEAD)
    client_for(lead.user).get(f"/projects/{project.pk}/plan/")

    _upload(client, admin, guide_file("our-start", questions=5, version=2))
    page = client_for(lead.user).get(f"/projects/{project.pk}/plan/").content.decode()

    assert (
        ProjectGuide.objects.get(project=project, guide_key="our-start").guide_version.version == 1
    )
    assert "0 of 2 questions answered" in page


def test_staff_who_are_not_admins_cannot_upload(client_for):
    staff = StaffMembershipFactory()

    response = client_for(staff.user).get(f"/organisations/{staff.organisation_id}/guides/")

    assert response.status_code == 403
