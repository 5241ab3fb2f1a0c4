import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from coplan.projects.roles import Role
from tests.browser.test_journeys import _sign_in
from tests.factories import MembershipFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lead_meets_a_stop_and_the_manager_agrees_the_way_forward(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    manager = MembershipFactory(
        project=lead.project, role=Role.MANAGER, user__email="manager@example.org"
    )
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{lead.project_id}/")
    visit.assert_accessible()

    page.get_by_role("link", name="Work on the plan").click()
    expect(page.get_by_role("heading", name="Plan", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Getting started: motive and scope").click()
    visit.assert_accessible()

    page.get_by_label("How much time do I have to do it?").fill("a while")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("link", name="is not a length of time")).to_be_visible()
    visit.assert_accessible()

    page.get_by_label("How much time do I have to do it?").fill("3 months")
    page.get_by_role("button", name="Save and continue").click()

    # The plan says stop: the guide's words and its two ways forward, before going on.
    expect(page.get_by_role("heading", name="The plan says stop", level=1)).to_be_visible()
    expect(page.get_by_text("There is not enough time for this project")).to_be_visible()
    expect(
        page.get_by_text("Take this back to your manager with a request for more time")
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Choose a way forward").click()
    visit.assert_accessible()
    page.get_by_label("Take this back to your manager with a request for more time").check()
    page.get_by_role("button", name="Send to a manager to agree").click()
    expect(page.get_by_text("sent to the project’s managers to agree")).to_be_visible()
    expect(page.get_by_text("waiting for a manager to agree it").first).to_be_visible()
    visit.assert_accessible()

    # The manager, signed in, goes from their home to the decision and agrees.
    page.context.clear_cookies()
    _sign_in(visit, "manager@example.org")
    visit.go(f"/projects/{lead.project_id}/")
    expect(page.get_by_role("heading", name="Decisions waiting for you")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Agree the way forward").click()
    expect(
        page.get_by_text("Take this back to your manager with a request for more time")
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Yes, I agree").check()
    page.get_by_role("button", name="Send your answer").click()

    expect(page.get_by_text("You have agreed the way forward")).to_be_visible()
    expect(page.get_by_text(f"Agreed by {manager.user.full_name}")).to_be_visible()
    visit.assert_accessible()


def test_lead_ticks_several_policies_and_they_all_stay_ticked(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{lead.project_id}/plan/at-the-start/getting-started/")
    policies = page.get_by_role("group", name="Do I know my organisation’s policies")
    expect(policies.get_by_role("checkbox")).to_have_count(5)
    expect(policies.get_by_role("radio")).to_have_count(0)

    for policy in ("GDPR", "Equality and Diversity", "Demographic monitoring"):
        policies.get_by_label(policy).check()
    for policy in ("GDPR", "Equality and Diversity", "Demographic monitoring"):
        expect(policies.get_by_label(policy)).to_be_checked()
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_text("1 answer saved")).to_be_visible()
    page.goto(page.url)
    policies = page.get_by_role("group", name="Do I know my organisation’s policies")
    for policy in ("GDPR", "Equality and Diversity", "Demographic monitoring"):
        expect(policies.get_by_label(policy)).to_be_checked()
    expect(policies.get_by_label("Remuneration")).not_to_be_checked()
    visit.assert_accessible()


def test_co_producer_reads_the_plan_and_comments_on_a_phone(phone_visit):
    page = phone_visit.page
    membership = MembershipFactory(role=Role.CO_PRODUCER, user__email="sam@example.org")
    _sign_in(phone_visit, "sam@example.org")

    phone_visit.go(f"/projects/{membership.project_id}/plan/at-the-start/getting-started/")
    phone_visit.assert_accessible()
    page.get_by_label("Which question is your comment about?").select_option("what-is-the-project")
    page.get_by_label("Add a comment").fill("Please use plain words in the invitation.")
    page.get_by_role("button", name="Add comment").click()

    expect(page.get_by_text("Your comment has been added")).to_be_visible()
    expect(page.get_by_text("Please use plain words in the invitation.")).to_be_visible()
    phone_visit.assert_fits_the_screen()
    phone_visit.assert_accessible()
    page.get_by_role(
        "link", name=re.compile("See changes to this answer.*What is the project")
    ).click()
    phone_visit.assert_accessible()


def test_manager_reads_the_whole_plan_chooses_parts_and_downloads_it(visit, phone_visit):
    from tests.documents import assert_accessible_pdf
    from tests.factories import BudgetLineFactory, StakeholderGroupFactory

    manager = MembershipFactory(role=Role.MANAGER, user__email="manager@example.org")
    project = manager.project
    StakeholderGroupFactory(project=project, name="Carers of people using the day centre")
    # Five-figure sums that cannot wrap, in tables a phone must still show.
    BudgetLineFactory(
        project=project, description="Room hire for the tasting", planned_pence=1_250_000
    )
    page = visit.page
    _sign_in(visit, "manager@example.org")
    visit.go(f"/projects/{project.pk}/plan/")
    page.get_by_role("link", name="Read the whole plan").click()
    expect(page.get_by_role("heading", name="The whole plan", level=1)).to_be_visible()
    grid = page.get_by_role("img", name=re.compile("Stakeholder groups by influence"))
    expect(grid).to_be_visible()
    visit.assert_accessible()

    page.get_by_text("Choose the parts of the plan").click()
    page.get_by_role("checkbox", name="Answers to the guides").uncheck()
    page.get_by_role("button", name="Show these parts").click()
    expect(page.get_by_role("heading", name="Answers to the guides")).to_have_count(0)
    expect(page.get_by_role("heading", name="Budget: planned, committed and paid")).to_be_visible()
    visit.assert_accessible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the plan as a PDF").click()
    content = Path(download.value.path()).read_bytes()
    assert_accessible_pdf(content, title=f"{project.name}: the whole plan")

    _sign_in(phone_visit, "manager@example.org")
    phone_visit.go(f"/projects/{project.pk}/plan/whole/")
    phone_visit.assert_fits_the_screen()
    phone_visit.assert_accessible()
