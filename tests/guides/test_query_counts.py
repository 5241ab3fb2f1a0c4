"""Plan pages do the same number of queries for a guide of 10 questions and of 200."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.guides import services
from coplan.guides.models import GuideAnswer, GuideComment, ProjectGuide
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, ProjectFactory, StaffMembershipFactory
from tests.guides.guide_files import guide_file

pytestmark = pytest.mark.django_db


def _project_with_guide(questions: int):
    admin = StaffMembershipFactory(is_admin=True)
    services.organisation_guide_upload(
        organisation=admin.organisation,
        file_name="big.toml",
        source=guide_file("big-guide", questions=questions, sections=1),
        user=admin.user,
    )
    project = ProjectFactory(organisation=admin.organisation)
    lead = MembershipFactory(project=project, role=Role.LEAD)
    services.project_guides_ensure(project=project)
    project_guide = ProjectGuide.objects.get(project=project, guide_key="big-guide")
    GuideAnswer.objects.bulk_create(
        GuideAnswer(
            project_guide=project_guide,
            question_id=f"question-{n}",
            value=f"Answer {n}",
            state="answered",
        )
        for n in range(1, questions + 1)
    )
    GuideComment.objects.bulk_create(
        GuideComment(project_guide=project_guide, question_id=f"question-{n}", text="A comment")
        for n in range(1, questions + 1)
    )
    return lead


def _queries(client, path) -> int:
    client.get(path)  # the first visit may attach guides; count the steady state
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["plan/", "plan/big-guide/section-1/", "plan/whole/"])
def test_plan_pages_do_not_grow_with_questions(client_for, page):
    small, large = _project_with_guide(10), _project_with_guide(200)

    small_count = _queries(client_for(small.user), f"/projects/{small.project_id}/{page}")
    large_count = _queries(client_for(large.user), f"/projects/{large.project_id}/{page}")

    print(f"{page}: {small_count} queries for 10 questions, {large_count} for 200")
    assert small_count == large_count


def test_co_producer_section_page_does_not_grow_with_questions(client_for):
    small, large = _project_with_guide(10), _project_with_guide(200)
    small_reader = MembershipFactory(project=small.project, role=Role.CO_PRODUCER).user
    large_reader = MembershipFactory(project=large.project, role=Role.CO_PRODUCER).user
    page = "plan/big-guide/section-1/"

    assert _queries(client_for(small_reader), f"/projects/{small.project_id}/{page}") == _queries(
        client_for(large_reader), f"/projects/{large.project_id}/{page}"
    )
