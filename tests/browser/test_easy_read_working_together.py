"""The rest of the working together pages a co-producer can open, in Easy Read on a
320-pixel phone (issue 15): the sessions, a session, its notes, the things to do (their
own marked done), every change to the agreements, the ideas, adding an agreement with a
mistake beside its box, answering a car park item and what can and cannot change. Each
has its pictures loaded, no Easy Read words under 19 pixels, zero axe violations and
nothing wider than the screen. Screenshots `20-` to `28-` go to the same folder as the
other Easy Read journeys."""

import datetime

import pytest
from playwright.sync_api import expect

from coplan.projects.roles import Role
from coplan.working_together import services as working_together
from tests.browser.test_easy_read_journey import _looks_easy_read
from tests.factories import (
    PASSWORD,
    ActionFactory,
    CarParkItemFactory,
    DecisionAreaFactory,
    InvolvementFactory,
    MembershipFactory,
    SessionRecordFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_co_producer_who_asked_for_easy_read_sees_the_working_together_pages(phone_visit):
    visit, page = phone_visit, phone_visit.page
    member = MembershipFactory(
        role=Role.CO_PRODUCER, user__email="ria@example.org", project__name="Day services"
    )
    project = member.project
    InvolvementFactory(project=project, person__user=member.user, person__formats=["easy_read"])
    lead = MembershipFactory(project=project, role=Role.LEAD, user__full_name="Lee Lead")
    session = SessionRecordFactory(
        project=project,
        title="First meeting",
        held_on=datetime.date(2027, 3, 1),
        agreed="We meet every month.",
        decided="We meet at the library.",
    )
    session.came.set([member, lead])
    agreement = working_together.agreement_write(
        project=project, text="We listen.", by=lead.user, session=session
    )
    working_together.agreement_change(
        agreement=agreement, text="We listen. We take turns to talk.", by=member.user, session=None
    )
    CarParkItemFactory(project=project, session=session, text="Can we have tea?")
    item = CarParkItemFactory(
        project=project, text="Is there a lift?", raised_by=lead.user, owner=member
    )
    ActionFactory(
        project=project,
        session=session,
        what="Find a room.",
        owner=member,
        due_on=datetime.date(2099, 4, 5),
    )
    working_together.comment_add(
        project=project, author=lead.user, text="Thank you all.", session=session
    )
    DecisionAreaFactory(
        project=project,
        area="The day centre",
        open_to_influence="What the day centre offers.",
        fixed="The money we have.",
        why_fixed="The council set it in March.",
    )
    base = f"/projects/{project.pk}/working-together/"

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill("ria@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Day services")).to_be_visible()

    visit.go(f"{base}sessions/")
    expect(page.get_by_text("A session is a meeting of our group.")).to_be_visible()
    _looks_easy_read(visit, "20-sessions")

    page.get_by_role("link", name="First meeting", exact=True).click()
    expect(page.get_by_text("We meet at the library.")).to_be_visible()
    _looks_easy_read(visit, "21-a-session")

    page.get_by_role("link", name="Read the notes of the meeting").click()
    expect(page.get_by_text("To print, use the print button of your browser.")).to_be_visible()
    _looks_easy_read(visit, "22-the-notes")

    visit.go(f"{base}actions/")
    expect(page.get_by_text("You will do it.")).to_be_visible()
    _looks_easy_read(visit, "23-things-to-do")
    page.get_by_role("button", name="I did it").click()
    expect(page.get_by_text("We did it.")).to_be_visible()

    visit.go(f"{base}agreements/history/")
    expect(page.get_by_text("We changed it to:")).to_be_visible()
    _looks_easy_read(visit, "24-every-change")

    visit.go(f"{base}agreements/ideas/")
    expect(page.get_by_text("How do we all listen?")).to_be_visible()
    _looks_easy_read(visit, "25-ideas")

    visit.go(f"{base}agreements/add/")
    page.get_by_role("button", name="Add agreement").click()
    expect(page.locator("#id_text-error")).to_be_visible()
    expect(page.get_by_text("Write the agreement in your own words.")).to_be_visible()
    _looks_easy_read(visit, "26-add-an-agreement-mistake")

    visit.go(f"{base}car-park/{item.pk}/answer/")
    expect(page.get_by_text("What is the answer?")).to_be_visible()
    _looks_easy_read(visit, "27-answer")

    visit.go(f"{base}what-can-change/")
    expect(page.get_by_text("The council set it in March.")).to_be_visible()
    _looks_easy_read(visit, "28-what-can-change")
