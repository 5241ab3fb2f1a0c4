"""The manager's and the facilitator's homes: what waits for them, with a link straight to
where they act, and nothing that does not concern them; a fixed number of queries
however much there is."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coplan.guides.services import project_guides_ensure
from coplan.planning.models import SignOffStatus
from coplan.planning.services import sign_off_ask
from coplan.projects.roles import Role
from coplan.working_together.models import ActionStatus, CarParkStatus
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    CarParkItemFactory,
    MeetingFactory,
    MembershipFactory,
    ProjectFactory,
    SignOffFactory,
)
from tests.projects.test_pages import Page
from tests.projects.test_query_counts import _queries

pytestmark = pytest.mark.django_db


def _today():
    return timezone.localdate()


def _days(count):
    return _today() + datetime.timedelta(days=count)


def _short(project):
    """A project too short to be fully co-produced: the plan says stop (once its plan has
    been opened, which gives it its guides)."""
    project.end_date = project.start_date + datetime.timedelta(days=90)
    project.save()
    project_guides_ensure(project=project)
    return project


def _home(client, project) -> tuple[str, Page]:
    response = client.get(f"/projects/{project.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    return html, Page(html)


def _link(page: Page, words: str) -> str:
    """Where the link with these words goes (words hidden for screen readers included)."""
    return next(href for text, href in page.links if text.split() and _same(text, words))


def _same(text: str, words: str) -> bool:
    return text.replace(" ", "") == words.replace(" ", "")


# The manager ---------------------------------------------------------------------------


@pytest.fixture
def manager(project):
    return MembershipFactory(project=project, role=Role.MANAGER)


def test_manager_home_lists_the_sign_offs_waiting_for_them_with_the_way_to_sign(
    client_for, project, manager, lead
):
    leads = project.memberships.get(user=lead)
    mine = SignOffFactory(project=project, signer=manager, signer_outside="", what="Logo check")
    SignOffFactory(project=project, signer=leads, signer_outside="", what="Room booking")
    SignOffFactory(
        project=project,
        signer=manager,
        signer_outside="",
        what="Old consent form",
        status=SignOffStatus.SIGNED,
    )

    before_asking, _ = _home(client_for(manager.user), project)
    version = sign_off_ask(
        sign_off=mine, lead=leads, manager=manager, parts=["readiness"], gaps_accepted=True
    )

    html, page = _home(client_for(manager.user), project)

    assert "The lead has not sent it to you yet" in before_asking
    assert "Waiting for you to sign off" in html
    assert "Logo check" in html
    assert _link(page, "Read it and sign it off Logo check") == (
        f"/projects/{project.pk}/sign-offs/versions/{version.pk}/"
    )
    assert "Room booking" not in html
    assert "Old consent form" not in html


def test_manager_home_lists_the_stops_waiting_for_a_way_forward(client_for, manager):
    project = _short(manager.project)

    html, page = _home(client_for(manager.user), project)

    assert "Decisions waiting for you" in html
    assert _link(page, "See the decision") == (
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/agree/"
    )


def test_manager_home_says_why_the_project_is_not_ready(client_for, project, manager):
    SignOffFactory(project=project, due_on=_days(-1))

    html, page = _home(client_for(manager.user), project)

    assert "Is the project ready?" in html
    assert "1 sign-off is overdue" in html
    assert _link(page, "1 sign-off is overdue") == f"/projects/{project.pk}/sign-offs/"


def test_manager_home_with_nothing_waiting_says_so(client_for, project, manager):
    html, _ = _home(client_for(manager.user), project)

    assert "Nothing is waiting for you to sign off." in html
    assert "Decisions waiting for you" not in html


def test_manager_home_leaves_out_what_does_not_concern_them(client_for, project, manager):
    AgreementFactory(project=project, text="We take turns to speak")
    ActionFactory(project=project, what="Book the hall")
    CarParkItemFactory(project=project, text="Parking at the venue")

    html, _ = _home(client_for(manager.user), project)

    assert "Actions due" not in html
    assert "Book the hall" not in html
    assert "Things you raised in the car park" not in html


def test_your_projects_shows_a_manager_what_waits_for_them_across_projects(client_for):
    first = MembershipFactory(role=Role.MANAGER, project__name="Day services review")
    second = MembershipFactory(role=Role.MANAGER, user=first.user, project__name="Carers strategy")
    _short(second.project)
    elsewhere = MembershipFactory(
        role=Role.CO_PRODUCER, user=first.user, project__name="Library plans"
    )
    _short(elsewhere.project)
    SignOffFactory(project=first.project, signer=first, signer_outside="", what="Logo check")
    SignOffFactory(project=second.project, what="Not mine")

    response = client_for(first.user).get("/projects/")
    html = response.content.decode()
    page = Page(html)

    assert "Waiting for you to sign off" in html
    assert "Logo check" in html
    assert "Not mine" not in html
    assert "Decisions waiting for you" in html
    assert _link(page, "See the decision for Carers strategy") == (
        f"/projects/{second.project_id}/plan/at-the-start/stops/time-frame-too-short/agree/"
    )
    assert "Library plans: " not in " ".join(page.paragraphs)
    assert "Projects not ready" in html


def test_your_projects_shows_nothing_of_this_to_someone_who_manages_nothing(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    _short(member.project)

    html = client_for(member.user).get("/projects/").content.decode()

    assert "Decisions waiting for you" not in html
    assert "Projects not ready" not in html
    assert "Waiting for you to sign off" not in html


def _manager_with(count: int):
    manager = MembershipFactory(role=Role.MANAGER)
    for number in range(count):
        project = manager.project if number == 0 else ProjectFactory()
        member = (
            manager
            if number == 0
            else MembershipFactory(project=project, user=manager.user, role=Role.MANAGER)
        )
        _short(project)
        SignOffFactory.create_batch(3, project=project, signer=member, signer_outside="")
        SignOffFactory(project=project, due_on=_days(-2))
    return manager


def test_manager_home_queries_do_not_grow(client_for):
    small = _manager_with(1)
    large = _manager_with(1)
    SignOffFactory.create_batch(40, project=large.project, signer=large, signer_outside="")

    small_count = _queries(client_for(small.user), f"/projects/{small.project_id}/")
    large_count = _queries(client_for(large.user), f"/projects/{large.project_id}/")

    print(f"manager's home: {small_count} queries with 3 sign-offs, {large_count} with 43")
    assert small_count == large_count


def test_your_projects_for_a_manager_queries_do_not_grow(client_for):
    small = _manager_with(1)
    large = _manager_with(12)
    for project_client in (small, large):
        client_for(project_client.user).get("/projects/")

    small_count = _queries(client_for(small.user), "/projects/")
    large_count = _queries(client_for(large.user), "/projects/")

    print(f"Your projects, manager: {small_count} queries with 1 project, {large_count} with 12")
    assert small_count == large_count


# The facilitator -----------------------------------------------------------------------


@pytest.fixture
def facilitator(project):
    return MembershipFactory(project=project, role=Role.FACILITATOR)


def test_facilitator_home_shows_the_next_session_and_the_agreements_to_revisit(
    client_for, project, facilitator
):
    MeetingFactory(project=project, title="Last month's workshop", meets_on=_days(-30))
    soon = MeetingFactory(project=project, title="Planning day", meets_on=_days(7))
    MeetingFactory(project=project, title="Summer event", meets_on=_days(90))
    AgreementFactory(project=project, text="We take turns to speak")

    html, page = _home(client_for(facilitator.user), project)

    assert "Your next session" in html
    assert _link(page, "Planning day") == f"/projects/{project.pk}/meetings/{soon.pk}/"
    assert "Summer event" not in html
    assert "Last month's workshop" not in html
    assert "Agreements to revisit at the start" in html
    assert "We take turns to speak" in html
    assert _link(page, "Start the session record") == (
        f"/projects/{project.pk}/working-together/meetings/{soon.pk}/session/"
    )


def test_facilitator_home_shows_open_car_park_items_and_actions_due(
    client_for, project, facilitator
):
    item = CarParkItemFactory(project=project, text="Parking at the venue")
    CarParkItemFactory(project=project, text="Already answered", status=CarParkStatus.ANSWERED)
    action = ActionFactory(project=project, what="Book the hall", due_on=_days(-1))
    ActionFactory(project=project, what="Send the minutes", status=ActionStatus.DONE)

    html, page = _home(client_for(facilitator.user), project)

    assert "Open in the car park" in html
    assert _link(page, "Parking at the venue") == (
        f"/projects/{project.pk}/working-together/car-park/{item.pk}/"
    )
    assert "Already answered" not in html
    assert "Actions due" in html
    assert "Book the hall" in html
    assert _link(page, "Change Book the hall") == (
        f"/projects/{project.pk}/working-together/actions/{action.pk}/change/"
    )
    assert "Send the minutes" not in html


def test_facilitator_home_leaves_out_what_does_not_concern_them(client_for, project, facilitator):
    _short(project)
    SignOffFactory(project=project, what="Logo check")

    html, _ = _home(client_for(facilitator.user), project)

    assert "Waiting for you to sign off" not in html
    assert "Decisions waiting for you" not in html
    assert "Logo check" not in html
    assert "Your next session" in html
    assert "No session is planned yet." in html


def _facilitated(count: int):
    facilitator = MembershipFactory(role=Role.FACILITATOR)
    project = facilitator.project
    MeetingFactory.create_batch(count, project=project, meets_on=_days(5))
    AgreementFactory.create_batch(count, project=project)
    CarParkItemFactory.create_batch(count, project=project)
    ActionFactory.create_batch(count, project=project, due_on=_days(3))
    return facilitator


def test_facilitator_home_queries_do_not_grow(client_for):
    small = _facilitated(1)
    large = _facilitated(40)

    small_count = _queries(client_for(small.user), f"/projects/{small.project_id}/")
    large_count = _queries(client_for(large.user), f"/projects/{large.project_id}/")

    print(f"facilitator's home: {small_count} queries with 1 of each, {large_count} with 40")
    assert small_count == large_count


# The lead ------------------------------------------------------------------------------


def test_the_lead_still_opens_the_project_on_the_overview(client_for, project, lead):
    leads = project.memberships.get(user=lead)
    SignOffFactory(project=project, signer=leads, signer_outside="", what="Logo check")
    MeetingFactory(project=project, meets_on=_days(7))
    ActionFactory(project=project, due_on=_days(-1))

    html, page = _home(client_for(lead), project)

    assert "Is the project ready?" in html
    assert "Needs attention" in html
    assert "1 action is overdue" in html
    assert _link(page, "Change project details") == reverse(
        "projects:edit", kwargs={"project_id": project.pk}
    )
    assert "Waiting for you to sign off" not in html
    assert "Your next session" not in html
    assert "Decisions waiting for you" not in html
