"""Sign-offs, timeline, budget and barriers in a real browser, with axe on every page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coplan.planning.models import Barrier, Budget, SignOff, SignOffStatus
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    BarrierFactory,
    BudgetLineFactory,
    MembershipFactory,
    MilestoneFactory,
    SignOffFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def _fill_date(page, legend, value: datetime.date):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(value.day))
    group.get_by_label("Month").fill(str(value.month))
    group.get_by_label("Year").fill(str(value.year))


def _nav(page, name):
    page.get_by_role("navigation", name="Keeping track").get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def test_lead_adds_a_sign_off_and_the_manager_marks_it_signed(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    manager = MembershipFactory(
        project=lead.project,
        role=Role.MANAGER,
        user__email="manager@example.org",
        user__full_name="Mo Manager",
    )
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{lead.project_id}/")
    page.get_by_role("navigation", name="Project").get_by_role("link", name="Keeping track").click()
    expect(page.get_by_role("heading", name="Keeping track")).to_be_visible()
    visit.assert_accessible()

    _nav(page, "Sign-offs")
    visit.assert_accessible()
    page.get_by_role("button", name="Add a sign-off").click()
    expect(
        page.get_by_role("heading", name="Add something that needs signing off", level=1)
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Add sign-off").click()
    expect(page.get_by_role("link", name="Enter what needs signing off")).to_be_visible()
    assert page.title().startswith("Error:")
    visit.assert_accessible()

    page.get_by_label("What needs signing off?").fill("The budget for paying people")
    page.get_by_label("Someone outside the project", exact=True).check()
    page.get_by_label("If it is someone outside the project, their name and role").fill(
        "Sam Jones, finance team"
    )
    _fill_date(page, "When is it needed by?", _days(-2))
    page.get_by_role("button", name="Add sign-off").click()
    expect(page.get_by_text("1 sign-off is overdue")).to_be_visible()
    expect(page.get_by_text("2 days overdue")).to_be_visible()
    # Given outside the project, so recorded by hand (by the lead or a manager).
    expect(page.get_by_role("link", name="Mark as signed off")).to_have_count(1)
    visit.assert_accessible()

    page.get_by_role("link", name="Change (The budget for paying people)").click()
    expect(page.get_by_role("heading", name="Change a sign-off")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="Remove (The budget for paying people)").click()
    expect(page.get_by_role("heading", name="Remove this sign-off?")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="No, keep it").click()
    expect(page.get_by_role("heading", name="Sign-offs", level=1)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    _sign_in(visit, "manager@example.org")
    visit.go(f"/projects/{lead.project_id}/sign-offs/")
    page.get_by_role("link", name="Mark as signed off").click()
    expect(page.get_by_role("heading", name="Mark as signed off", level=1)).to_be_visible()
    visit.assert_accessible()
    _fill_date(page, "When was it signed off?", _days(1))
    page.get_by_role("button", name="Mark as signed off").click()
    expect(
        page.get_by_role("link", name="The date it was signed off must be today or in the past")
    ).to_be_visible()
    visit.assert_accessible()
    _fill_date(page, "When was it signed off?", _days(0))
    page.get_by_label("Note (optional)").fill("Agreed at the team meeting")
    page.get_by_role("button", name="Mark as signed off").click()

    expect(page.get_by_text("is marked as signed off")).to_be_visible()
    expect(page.get_by_text("Recorded by Mo Manager")).to_be_visible()
    visit.assert_accessible()
    sign_off = SignOff.objects.get()
    assert (sign_off.status, sign_off.signed_by) == (SignOffStatus.SIGNED, manager.user)


def test_facilitator_plans_a_meeting_and_sees_the_notice_warning(visit):
    page = visit.page
    facilitator = MembershipFactory(role=Role.FACILITATOR, user__email="fac@example.org")
    MilestoneFactory(project=facilitator.project, title="Book the venue", due_on=_days(-3))
    _sign_in(visit, "fac@example.org")
    visit.go(f"/projects/{facilitator.project_id}/timeline/")
    expect(page.get_by_text("3 days late")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Add a date").click()
    expect(page.get_by_role("heading", name="Add a date to the timeline", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("What happens?").fill("First workshop")
    _fill_date(page, "Date", _days(30))
    page.get_by_label("Yes").check()
    _fill_date(page, "When do the invitations go out? (for a meeting or workshop)", _days(31))
    page.get_by_role("button", name="Add to the timeline").click()
    expect(
        page.get_by_role(
            "link", name="The date invitations go out must be before the date of the meeting"
        )
    ).to_be_visible()
    visit.assert_accessible()

    _fill_date(page, "When do the invitations go out? (for a meeting or workshop)", _days(16))
    page.get_by_role("button", name="Add to the timeline").click()
    expect(page.get_by_text("Only 2 weeks' notice. People need at least 4 weeks")).to_be_visible()
    expect(page.get_by_text("1 meeting without enough notice")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="Change (First workshop)").click()
    expect(
        page.get_by_role("heading", name="Change a date on the timeline", level=1)
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("This has happened").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("‘First workshop’ has been saved.")).to_be_visible()
    page.get_by_role("link", name="Remove (Book the venue)").click()
    expect(
        page.get_by_role("heading", name="Remove this from the timeline?", level=1)
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_text("‘Book the venue’ has been removed from the timeline.")).to_be_visible()
    visit.assert_accessible()


def test_lead_plans_the_budget_and_is_warned_when_it_is_over(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{lead.project_id}/budget/")
    visit.assert_accessible()

    page.get_by_role(
        "link", name="Change the money the project has and where it comes from"
    ).click()
    expect(page.get_by_role("heading", name="The money for the project", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("How much money does the project have?").fill("-50")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_role("link", name="The amount the project has must be £0 or more")
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("How much money does the project have?").fill("1,000")
    page.get_by_label(
        "Where will the money for paying for people's expenses and time come from?"
    ).fill("The engagement budget")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The budget has been saved.")).to_be_visible()

    page.get_by_role("button", name="Add planned spending").click()
    expect(page.get_by_role("heading", name="Add planned spending", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Paying people for their time").check()
    page.get_by_label("What is it for?").fill("6 workshops, 8 people for 2 hours at £20")
    page.get_by_label("Planned amount").fill("1920.50")
    page.get_by_role("button", name="Add to the budget").click()

    expect(
        page.get_by_text("The planned spending is £920.50 more than the money the project has.")
    ).to_be_visible()
    visit.assert_accessible()
    assert Budget.objects.get().held_pence == 100000

    page.get_by_role("link", name="Remove 6 workshops").click()
    expect(
        page.get_by_role("heading", name="Remove this planned spending?", level=1)
    ).to_be_visible()
    visit.assert_accessible()


def test_barriers_are_added_by_the_facilitator_and_read_by_a_co_producer_on_a_phone(
    visit, phone_visit
):
    page = visit.page
    facilitator = MembershipFactory(
        role=Role.FACILITATOR, user__email="fac@example.org", user__full_name="Fay Facilitator"
    )
    project = facilitator.project
    MembershipFactory(project=project, role=Role.CO_PRODUCER, user__email="sam@example.org")
    _sign_in(visit, "fac@example.org")
    visit.go(f"/projects/{project.pk}/barriers/")
    visit.assert_accessible()
    page.get_by_role("button", name="Add a barrier").click()
    expect(page.get_by_role("heading", name="Add a barrier", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Add barrier").click()
    expect(page.get_by_role("link", name="Enter what might get in the way")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("What might get in the way?").fill("Some people cannot travel to the venue")
    typed = "Pay for taxis <b>up front</b>"  # shown as typed, never as bold
    visit.allow_typed(typed)
    phone_visit.allow_typed(typed)
    page.get_by_label("How will it be lifted?").fill(typed)
    page.get_by_label("Who is making sure it is lifted?").select_option(
        label="Fay Facilitator (Facilitator)"
    )
    page.get_by_label("Being worked on").check()
    page.get_by_role("button", name="Add barrier").click()
    expect(page.get_by_text("The barrier has been added.")).to_be_visible()
    visit.assert_accessible()
    assert Barrier.objects.get().how_lifted == typed

    MilestoneFactory(project=project, title="First workshop", due_on=_days(5))
    phone = phone_visit.page
    _sign_in(phone_visit, "sam@example.org")
    phone_visit.go(f"/projects/{project.pk}/keeping-track/")
    expect(phone.get_by_text("First workshop")).to_be_visible()
    expect(phone.get_by_role("link", name="Sign-offs")).to_have_count(0)
    phone_visit.assert_accessible()
    phone_visit.go(f"/projects/{project.pk}/barriers/")
    expect(phone.get_by_text(typed)).to_be_visible()
    expect(phone.get_by_role("button", name="Add a barrier")).to_have_count(0)
    phone_visit.assert_accessible()
    phone_visit.go(f"/projects/{project.pk}/timeline/")
    phone_visit.assert_accessible()


def test_manager_reads_every_planning_page_with_data(visit):
    manager = MembershipFactory(role=Role.MANAGER, user__email="manager@example.org")
    project = manager.project
    SignOffFactory(project=project, due_on=_days(-1), note="Logos\nfrom the comms team")
    SignOffFactory(project=project, status=SignOffStatus.SIGNED, signed_on=_days(-3))
    MilestoneFactory(project=project, due_on=_days(40), is_meeting=True)
    BudgetLineFactory(project=project)
    BarrierFactory(project=project, owner=manager)
    _sign_in(visit, "manager@example.org")

    for page in ("keeping-track/", "sign-offs/", "timeline/", "budget/", "barriers/"):
        visit.go(f"/projects/{project.pk}/{page}")
        expect(visit.page.get_by_role("heading", level=1)).to_be_visible()
        visit.assert_accessible()


def test_lead_pages_fit_a_phone_screen_without_scrolling_sideways(phone_visit):
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    project = lead.project
    SignOffFactory(project=project, due_on=_days(-1))
    MilestoneFactory(project=project, title="First workshop", due_on=_days(30), is_meeting=True)
    Budget.objects.create(project=project, held_pence=100000, money_source="Grant")
    BudgetLineFactory(project=project, description="Paying 8 people", planned_pence=96000)
    BarrierFactory(project=project, owner=lead)
    _sign_in(phone_visit, "lead@example.org")

    for page in ("keeping-track/", "sign-offs/", "timeline/", "budget/", "barriers/"):
        phone_visit.go(f"/projects/{project.pk}/{page}")
        phone_visit.assert_accessible()
        phone_visit.assert_fits_the_screen()
