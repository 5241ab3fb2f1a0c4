import datetime

import pytest

from coplan.guides.models import GuideAnswer, GuideAnswerChange, GuideComment, WayForwardChoice
from coplan.projects.roles import Role
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

SECTION = "getting-started"


def _section(project, section=SECTION, guide="at-the-start"):
    return f"/projects/{project.pk}/plan/{guide}/{section}/"


def _plan(project):
    return f"/projects/{project.pk}/plan/"


def test_plan_shows_each_guide_with_its_sections_and_progress(client_for, project, lead):
    page = client_for(lead).get(_plan(project)).content.decode()

    assert "At the start" in page
    assert "Planning meetings and workshops" in page
    assert "Getting started: motive and scope" in page
    assert "2 of 10 answered" in page  # what and why: from the project's details


def test_lead_saves_answers_and_each_change_is_kept(client_for, project, lead):
    client = client_for(lead)

    client.post(_section(project), {"how-much-time": "18 months", "what-is-the-project": "A"})
    response = client.post(
        _section(project), {"how-much-time": "2 years", "what-is-the-project": "A"}, follow=True
    )

    assert "1 answer saved" in response.content.decode()
    answer = GuideAnswer.objects.get(question_id="how-much-time")
    assert answer.value == "2 years"
    changes = list(GuideAnswerChange.objects.filter(question_id="how-much-time"))
    assert [(c.old_value, c.new_value) for c in changes] == [
        ("18 months", "2 years"),
        (None, "18 months"),
    ]
    history = client.get(
        f"/projects/{project.pk}/plan/at-the-start/questions/how-much-time/history/"
    ).content.decode()
    assert "18 months" in history
    assert "2 years" in history
    assert lead.full_name in history


def test_an_answer_that_does_not_fit_is_refused_beside_it_and_nothing_is_saved(
    client_for, project, lead
):
    response = client_for(lead).post(
        _section(project), {"how-much-time": "ages", "request-to-co-produce": "Kept as typed"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#id_how-much-time"' in page
    assert "Kept as typed" in page
    assert GuideAnswer.objects.count() == 0


def test_not_sure_yet_with_a_note_is_kept_and_counts_as_not_answered(client_for, project, lead):
    client = client_for(lead)

    client.post(
        _section(project),
        {"how-much-time--not-sure": "on", "how-much-time--note": "Asking my manager on Friday"},
    )

    answer = GuideAnswer.objects.get(question_id="how-much-time")
    assert (answer.state, answer.note) == ("not sure yet", "Asking my manager on Friday")
    assert "1 not sure yet" in client.get(_plan(project)).content.decode()


def test_short_project_dates_raise_the_stop_with_its_ways_forward(client_for, lead, project):
    project.end_date = project.start_date + datetime.timedelta(days=90)
    project.save()

    page = client_for(lead).get(_plan(project)).content.decode()

    assert "Stop: sort out 1 problem before you carry on" in page
    assert "Take this back to your manager with a request for more time" in page
    assert "Cannot start yet" in page


def test_choosing_no_way_forward_says_so_beside_the_choices(client_for, lead, project):
    url = f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/"

    response = client_for(lead).post(url, {})

    assert "Choose a way forward" in response.content.decode()
    assert WayForwardChoice.objects.count() == 0


def test_an_agreement_recorded_the_old_way_still_clears_the_stop(client_for, lead, project):
    """Plans from before managers agreed in coplan kept who agreed as typed by the lead."""
    project.end_date = project.start_date + datetime.timedelta(days=90)
    project.save()
    client = client_for(lead)
    client.get(_plan(project))
    WayForwardChoice.objects.create(
        project_guide=project.guides.get(guide_key="at-the-start"),
        rule_id="time-frame-too-short",
        way_forward_id="not-fully-co-produced",
        agreed_by="Morgan, Head of Service",
        agreed_on=datetime.date(2027, 2, 3),
        recorded_by=lead,
    )

    page = client.get(_plan(project)).content.decode()

    assert "Stop: sort out" not in page
    assert "Agreed by Morgan, Head of Service on 3 February 2027" in page
    assert "Cannot start yet" not in page


def test_co_producer_reads_the_plan_and_comments_but_cannot_change_answers(
    client_for, project, lead, member_of
):
    client_for(lead).post(_section(project), {"request-to-co-produce": "Looking at day services"})
    co_producer = member_of(Role.CO_PRODUCER)
    client = client_for(co_producer)

    page = client.get(_section(project)).content.decode()
    refused = client.post(_section(project), {"request-to-co-produce": "Changed"})
    commented = client.post(
        _section(project) + "comments/",
        {"question_id": "what-is-the-project", "text": "Can we include transport too?"},
        follow=True,
    )

    assert "Looking at day services" in page
    assert 'name="request-to-co-produce"' not in page
    assert refused.status_code == 403
    assert GuideAnswer.objects.get(question_id="request-to-co-produce").value == (
        "Looking at day services"
    )
    assert "Can we include transport too?" in commented.content.decode()
    assert GuideComment.objects.get().author == co_producer


def test_empty_comment_is_refused_beside_the_box(client_for, project, member_of):
    client = client_for(member_of(Role.CO_PRODUCER))

    response = client.post(
        _section(project) + "comments/", {"question_id": "what-is-the-project", "text": " "}
    )

    assert response.status_code == 400
    assert "Write your comment" in response.content.decode()


def test_unknown_guide_section_and_question_are_not_found(client_for, project, lead):
    client = client_for(lead)

    assert client.get(_section(project, guide="no-such-guide")).status_code == 404
    assert client.get(_section(project, section="no-such-section")).status_code == 404
    assert (
        client.get(f"/projects/{project.pk}/plan/at-the-start/questions/nope/history/").status_code
        == 404
    )


def test_a_projects_answers_are_its_own(client_for, project, lead):
    other = MembershipFactory(role=Role.LEAD)
    client_for(lead).post(_section(project), {"request-to-co-produce": "Our secret plan"})

    page = client_for(other.user).get(_section(other.project)).content.decode()

    assert "Our secret plan" not in page


def test_checklist_and_money_answers_are_shown_in_words(client_for, project, member_of, lead):
    client_for(lead).post(
        _section(project, section="budget-legal-governance"),
        {"budget": "yes", "money-for-paying-people": "The day services budget"},
    )

    page = (
        client_for(member_of(Role.FINANCE))
        .get(_section(project, section="budget-legal-governance"))
        .content.decode()
    )

    assert "Yes" in page
    assert "The day services budget" in page
