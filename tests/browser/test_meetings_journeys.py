"""Venues and meetings in a real browser, with axe on every page visited."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coplan.meetings.models import InvitedPerson, Meeting, Venue
from coplan.people import services as people_services
from coplan.people.needs import AccessNeeds
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    StaffMembershipFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def _fill_date(page, legend, value: datetime.date):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(value.day))
    group.get_by_label("Month").fill(str(value.month))
    group.get_by_label("Year").fill(str(value.year))


def _participant(project, name, **chosen):
    person = InvolvementFactory(project=project, person__full_name=name).person
    if chosen:
        people_services.person_set_needs(
            person=person,
            needs=AccessNeeds.from_answers(chosen=chosen, notes={}),
            actor=None,
            where="test",
        )
    return person


def test_lead_adds_a_venue_plans_a_meeting_invites_people_and_sees_the_checks(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    project = lead.project
    StaffMembershipFactory(organisation=project.organisation, user=lead.user)
    _participant(project, "Ada Jones", communication=["hearing_loop"], dietary=["vegan"])
    _participant(project, "Bo Smith", mobility=["step_free"])
    _participant(project, "Cy Khan")
    _sign_in(visit, "lead@example.org")

    # The meetings page, from the project navigation
    visit.go(f"/projects/{project.pk}/")
    page.get_by_role("navigation", name="Project").get_by_role("link", name="Meetings").click()
    expect(page.get_by_role("heading", name="Meetings and workshops", level=1)).to_be_visible()
    visit.assert_accessible()

    # A venue, with an accessibility check: no hearing loop
    page.get_by_role("link", name="Venues and their accessibility").click()
    expect(page.get_by_role("heading", name="Venues", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Add a venue").click()
    expect(page.get_by_role("heading", name="Add a venue", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Add venue").click()
    expect(page.get_by_role("link", name="Enter the name of the venue")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Name of the venue").fill("Banbury Community Centre")
    for question, answer in [
        ("Is there step-free access (no stairs, or a lift) to the room?", "Yes"),
        ("Is there an accessible toilet?", "Yes"),
        ("Is there a hearing loop that works?", "No"),
    ]:
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    _fill_date(page, "When was it last checked? (optional)", timezone.localdate())
    page.get_by_role("button", name="Add venue").click()
    expect(page.get_by_role("heading", name="Banbury Community Centre", level=1)).to_be_visible()
    visit.assert_accessible()
    assert Venue.objects.get().hearing_loop == "no"

    # A meeting at the venue, in 6 weeks, invitations going out in a week
    visit.go(f"/projects/{project.pk}/meetings/")
    page.get_by_role("button", name="Plan a meeting or workshop").click()
    expect(page.get_by_role("heading", name="Plan a meeting or workshop")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Name of the meeting or workshop").fill("First workshop")
    page.get_by_label("In person", exact=True).check()
    meets_on = timezone.localdate() + datetime.timedelta(days=42)
    _fill_date(page, "Date", meets_on)
    page.get_by_label("Start time").fill("2pm")
    page.get_by_label("Finish time").fill("11am")
    page.get_by_label("Venue", exact=True).select_option(label="Banbury Community Centre")
    page.get_by_role("button", name="Save meeting").click()
    expect(
        page.get_by_role("link", name="The finish time must be after the start time")
    ).to_be_visible()
    assert page.title().startswith("Error:")
    visit.assert_accessible()
    page.get_by_label("Finish time").fill("4:30pm")
    _fill_date(
        page,
        "When do the invitations go out? (optional)",
        timezone.localdate() + datetime.timedelta(days=7),
    )
    page.get_by_role("button", name="Save meeting").click()
    expect(page.get_by_role("heading", name="First workshop", level=1)).to_be_visible()
    expect(page.get_by_text("2pm to 4:30pm (2 hours and 30 minutes)")).to_be_visible()
    expect(page.get_by_text("Nobody is invited yet.")).to_be_visible()
    visit.assert_accessible()

    # Invite everyone in the project
    page.get_by_role("link", name="People invited and their replies").click()
    expect(page.get_by_role("heading", name="People invited", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Invite people from the project").click()
    expect(page.get_by_role("heading", name="Invite people", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Everyone in the project not invited yet").check()
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("3 people have been added to the people invited.")).to_be_visible()
    visit.assert_accessible()
    assert InvitedPerson.objects.count() == 3

    # The checks: Ada's hearing loop is not met at this venue; her food has not reached a caterer
    visit.go(f"/projects/{project.pk}/meetings/{Meeting.objects.get().pk}/")
    needs = page.locator("#needs ~ .govuk-summary-card")
    expect(needs.filter(has_text="A hearing loop")).to_contain_text("Ada Jones")
    expect(needs.filter(has_text="A hearing loop")).to_contain_text(
        "Choose another venue, or book a portable hearing loop"
    )
    expect(page.get_by_text("Bo Smith")).to_have_count(0)  # step-free access is met
    visit.assert_accessible()

    # The catering summary: counts, no names
    page.get_by_role("link", name="Catering summary for the caterer").click()
    expect(page.get_by_role("heading", name="Catering summary", level=1)).to_be_visible()
    expect(page.get_by_text("Ada Jones")).to_have_count(0)
    visit.assert_accessible()


def test_manager_on_a_phone_sees_counts_not_names(phone_visit):
    visit = phone_visit
    page = visit.page
    member = MembershipFactory(role=Role.MANAGER, user__email="sam@example.org")
    meeting = MeetingFactory(
        project=member.project,
        meets_on=timezone.localdate() + datetime.timedelta(days=40),
        title="Second workshop",
    )
    ada = _participant(member.project, "Ada Jones", communication=["bsl_interpreter"])
    InvitedPersonFactory(meeting=meeting, person=ada)
    _sign_in(visit, "sam@example.org")

    visit.go(f"/projects/{member.project_id}/meetings/")
    expect(page.get_by_role("heading", name="Meetings and workshops", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="See the meeting").click()
    expect(page.get_by_role("heading", name="Second workshop", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="A British Sign Language interpreter")).to_be_visible()
    expect(page.get_by_text("1 person", exact=True)).to_be_visible()
    expect(page.get_by_text("Ada Jones")).to_have_count(0)
    visit.assert_accessible()
