import pytest

from coplan.guides import services
from coplan.guides.models import GuideAnswer, GuideAnswerChange, ProjectGuide
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, ProjectFactory, StaffMembershipFactory
from tests.guides.guide_files import guide_file

pytestmark = pytest.mark.django_db


def _upload(admin, text):
    return services.organisation_guide_upload(
        organisation=admin.organisation, file_name="ours.toml", source=text, user=admin.user
    )


def test_moving_to_a_newer_version_keeps_answers_whose_questions_kept_their_ids(client_for):
    admin = StaffMembershipFactory(is_admin=True)
    _upload(admin, guide_file("ours", questions=3))
    project = ProjectFactory(organisation=admin.organisation)
    lead = MembershipFactory(project=project, role=Role.LEAD).user
    client = client_for(lead)
    section = f"/projects/{project.pk}/plan/ours/section-1/"
    client.get(section)
    client.post(section, {"question-1": "Kept", "question-3": "Will go"})
    # Version 2 drops question 3.
    _upload(admin, guide_file("ours", questions=2, version=2))

    plan = client.get(f"/projects/{project.pk}/plan/").content.decode()
    preview = client.get(f"/projects/{project.pk}/plan/ours/newer-version/").content.decode()
    client.post(f"/projects/{project.pk}/plan/ours/newer-version/")

    assert "A newer version of this guide is ready (version 2)" in plan
    assert "Question number 3?: the question is no longer in the guide" in preview
    project_guide = ProjectGuide.objects.get(project=project, guide_key="ours")
    assert project_guide.guide_version.version == 2
    assert list(GuideAnswer.objects.values_list("question_id", "value")) == [("question-1", "Kept")]
    removal = GuideAnswerChange.objects.filter(question_id="question-3").first()
    assert (removal.old_value, removal.new_state) == ("Will go", "")
    assert (
        "1 of 2 questions answered" in client.get(f"/projects/{project.pk}/plan/").content.decode()
    )


def test_no_newer_version_means_nothing_to_move_to(client_for, project, lead):
    client_for(lead).get(f"/projects/{project.pk}/plan/")

    response = client_for(lead).get(f"/projects/{project.pk}/plan/at-the-start/newer-version/")

    assert response.status_code == 404
