"""Answers agree with the project's facts: "What is the project?" and "Why is it
happening?" come from the project's details (one source of each), and a time-frame
answer that disagrees with the project's dates is pointed out without being refused."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.guides.models import GuideAnswer
from coplan.projects.roles import Role

pytestmark = pytest.mark.django_db

DISAGREES = "are 3 months apart"


def _section(project):
    return f"/projects/{project.pk}/plan/at-the-start/getting-started/"


def _whole_plan(project):
    return f"/projects/{project.pk}/plan/whole/"


def _three_month_project(project):
    project.start_date = datetime.date(2027, 1, 4)
    project.end_date = datetime.date(2027, 4, 4)
    project.save()


def test_the_question_page_shows_the_project_words_with_a_link_to_change_them(
    client_for, project, lead
):
    page = client_for(lead).get(_section(project)).content.decode()

    assert project.description in page
    assert project.reason in page
    assert page.count("From the project’s details") == 2
    assert f'href="/projects/{project.pk}/edit/"' in page
    assert 'name="what-is-the-project"' not in page
    assert 'name="why-is-it-happening"' not in page
    assert "2 of 10 questions answered" in page


def test_the_answers_change_when_the_project_changes_and_are_not_stored(client_for, project, lead):
    client = client_for(lead)
    client.post(
        f"/projects/{project.pk}/edit/",
        {
            "name": project.name,
            "description": "New menus, chosen together",
            "reason": "People said the food was poor",
            "start_date-day": "4",
            "start_date-month": "1",
            "start_date-year": "2027",
            "end_date-day": "4",
            "end_date-month": "1",
            "end_date-year": "2028",
        },
    )

    page = client.get(_section(project)).content.decode()
    plan = client.get(_whole_plan(project)).content.decode()

    for shown in (page, plan):
        assert "New menus, chosen together" in shown
        assert "People said the food was poor" in shown
        assert "Looking again at day services" not in shown
    assert not GuideAnswer.objects.filter(
        question_id__in=["what-is-the-project", "why-is-it-happening"]
    ).exists()


def test_a_posted_answer_to_a_project_question_is_ignored(client_for, project, lead):
    client_for(lead).post(_section(project), {"what-is-the-project": "Typed over it"})

    assert not GuideAnswer.objects.filter(question_id="what-is-the-project").exists()


def test_a_co_producer_sees_the_project_words_without_the_link_to_change_them(
    client_for, project, member_of
):
    page = client_for(member_of(Role.CO_PRODUCER)).get(_section(project)).content.decode()

    assert project.description in page
    assert "From the project’s details" in page
    assert f'href="/projects/{project.pk}/edit/"' not in page


def test_a_time_frame_that_disagrees_with_the_dates_is_saved_and_pointed_out(
    client_for, project, lead
):
    _three_month_project(project)
    client = client_for(lead)

    client.post(_section(project), {"how-much-time": "12 months"})

    assert GuideAnswer.objects.get(question_id="how-much-time").value == "12 months"
    page = client.get(_section(project)).content.decode()
    assert "You said 12 months" in page
    assert DISAGREES in page
    plan = client.get(_whole_plan(project)).content.decode()
    assert "You said 12 months" in plan


def test_the_warning_goes_when_the_answer_or_the_dates_agree(client_for, project, lead):
    _three_month_project(project)
    client = client_for(lead)
    client.post(_section(project), {"how-much-time": "12 months"})

    client.post(_section(project), {"how-much-time": "3 months"})
    assert "You said" not in client.get(_section(project)).content.decode()

    client.post(_section(project), {"how-much-time": "12 months"})
    project.end_date = datetime.date(2028, 1, 4)
    project.save()
    assert "You said" not in client.get(_section(project)).content.decode()


def _queries(client, path) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_question_page_queries_do_not_change_with_the_warning(client_for, project, lead):
    _three_month_project(project)
    client = client_for(lead)
    client.post(_section(project), {"how-much-time": "3 months"})
    agreeing = _queries(client, _section(project))

    client.post(_section(project), {"how-much-time": "12 months"})

    assert _queries(client, _section(project)) == agreeing


def test_where_the_money_comes_from_is_suggested_from_the_budget_and_marked_so(
    client_for, project, lead
):
    from coplan.planning.models import Budget

    client = client_for(lead)
    assert "Suggested from" not in client.get(_budget_section(project)).content.decode()
    Budget.objects.create(project=project, money_source="The Better Care Fund")

    page = client.get(_budget_section(project)).content.decode()

    assert "Suggested from the project’s budget: The Better Care Fund" in page
    assert f'href="/projects/{project.pk}/budget/"' in page
    assert not GuideAnswer.objects.filter(question_id="money-for-paying-people").exists()


def _budget_section(project):
    return f"/projects/{project.pk}/plan/at-the-start/budget-legal-governance/"


def test_venues_with_their_access_checked_are_suggested_for_the_venues_question(
    client_for, project, lead
):
    from tests.factories import VenueFactory

    VenueFactory(organisation=project.organisation, name="Not checked hall")
    VenueFactory(
        organisation=project.organisation,
        name="Town Hall",
        checked_on=datetime.date(2026, 11, 2),
    )

    page = client_for(lead).get(_involving_section(project)).content.decode()

    assert "Suggested from the venues’ access checks: Yes, 1 venue" in page
    assert "Town Hall" in page
    assert "Not checked hall" not in page


def _involving_section(project):
    from coplan.guides.selectors import project_workbook
    from coplan.guides.services import project_guides_ensure

    project_guides_ensure(project=project)
    workbook = project_workbook(project=project, guide_key="at-the-start")
    section = next(
        s for s in workbook.guide.sections if any(q.id == "venues-known" for q in s.questions)
    )
    return f"/projects/{project.pk}/plan/at-the-start/{section.id}/"
