"""The "keeping track" page: what needs attention, and only what each role may see."""

import pytest

from coplan.planning.models import Budget
from coplan.projects.models import Membership
from coplan.projects.registries import needs_attention
from coplan.projects.roles import Role
from tests.factories import BarrierFactory, BudgetLineFactory, MilestoneFactory, SignOffFactory
from tests.planning.pages import days_from_today, words

pytestmark = pytest.mark.django_db


def _url(project):
    return f"/projects/{project.pk}/keeping-track/"


@pytest.fixture
def busy_project(project):
    SignOffFactory(project=project, what="Logo check", due_on=days_from_today(-1))
    MilestoneFactory(project=project, title="Book the venue", due_on=days_from_today(-4))
    MilestoneFactory(project=project, title="Next year", due_on=days_from_today(300))
    Budget.objects.create(project=project, held_pence=10000)
    BudgetLineFactory(project=project, planned_pence=15000)
    BarrierFactory(project=project, status="lifted")
    return project


def test_lead_sees_everything_that_needs_attention(client_for, busy_project, lead):
    page = words(client_for(lead).get(_url(busy_project)))

    assert "1 sign-off is overdue." in page
    assert "Logo check: needed by" in page
    assert "Book the venue" in page
    assert "4 days late" in page
    assert "Next year" not in page
    assert "The planned spending is £50.00 more than the money the project has." in page
    assert "0 not started, 0 being worked on, 1 lifted." in page


def test_co_producer_sees_timeline_and_barriers_but_not_sign_offs_or_budget(
    client_for, busy_project, member_of
):
    page = words(client_for(member_of(Role.CO_PRODUCER)).get(_url(busy_project)))

    assert "Book the venue" in page
    assert "1 lifted" in page
    assert "Logo check" not in page
    assert "Sign-offs" not in page
    assert "£" not in page
    assert "Budget" not in page


def test_nothing_to_worry_about_is_said_plainly(client_for, project, lead):
    page = words(client_for(lead).get(_url(project)))

    assert "Nothing is overdue." in page
    assert "Nothing is late or due in the next 2 weeks" in page


def test_project_nav_links_to_keeping_track(client_for, project, lead):
    page = words(client_for(lead).get(f"/projects/{project.pk}/"))

    assert f'href="/projects/{project.pk}/keeping-track/"' in page


def test_overview_lists_what_needs_attention_with_links(client_for, busy_project, lead):
    page = words(client_for(lead).get(f"/projects/{busy_project.pk}/"))

    assert "Needs attention" in page
    assert "1 sign-off is overdue" in page
    assert "1 date is late on the timeline" in page
    assert "Planned spending is £50.00 more than the money held" in page
    assert f'href="/projects/{busy_project.pk}/sign-offs/"' in page


def test_attention_for_a_co_producer_leaves_out_sign_offs_and_money(busy_project, member_of):
    co_producer = Membership.objects.get(user=member_of(Role.CO_PRODUCER))

    notes = " ".join(note for note, _ in needs_attention(co_producer))

    assert "1 date is late on the timeline" in notes
    assert "sign-off" not in notes
    assert "£" not in notes


def test_a_co_producer_opens_the_project_on_their_home_without_staff_attention(
    client_for, busy_project, member_of
):
    page = words(client_for(member_of(Role.CO_PRODUCER)).get(f"/projects/{busy_project.pk}/"))

    assert "Needs attention" not in page
    assert "1 date is late on the timeline" not in page


def test_overview_says_nothing_needs_attention_when_all_is_well(client_for, project, lead):
    page = words(client_for(lead).get(f"/projects/{project.pk}/"))

    assert "Needs attention" not in page
