"""More of a co-producer's pages in Easy Read on a 320-pixel phone (issue 15): adding
time to a claim, a question of "tell us once" with a mistake beside its box, the car
park and one item, the agreements, the words we use, and a form's link that does not
work. Each has its pictures loaded, no Easy Read words under 19 pixels, zero axe
violations and nothing wider than the screen. Screenshots `12-` to `19-` go to the
same folder as the other Easy Read journeys."""

import datetime

import pytest
from playwright.sync_api import expect

from coplan.payments import services as payments
from coplan.projects.roles import Role
from coplan.working_together import services as working_together
from tests.browser.test_easy_read_journey import _looks_easy_read
from tests.factories import (
    PASSWORD,
    AgreementFactory,
    CarParkItemFactory,
    InvolvementFactory,
    MembershipFactory,
    PaymentChoiceFactory,
    PaymentPolicyFactory,
    SharedDefinitionFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_co_producer_who_asked_for_easy_read_sees_more_pages_in_easy_read(phone_visit):
    visit, page = phone_visit, phone_visit.page
    member = MembershipFactory(
        role=Role.CO_PRODUCER, user__email="ria@example.org", project__name="Day services"
    )
    project = member.project
    person = InvolvementFactory(
        project=project, person__user=member.user, person__formats=["easy_read"]
    ).person
    PaymentPolicyFactory(organisation=project.organisation)
    PaymentChoiceFactory(person=person)
    claim = payments.claim_start(
        project=project,
        person=person,
        created_by=member.user,
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    lead = MembershipFactory(project=project, role=Role.LEAD, user__full_name="Lee Lead")
    item = CarParkItemFactory(
        project=project, text="Can we meet near a bus stop?", raised_by=member.user
    )
    working_together.car_park_item_follow_up(
        item=item, owner=lead, next_step="Ask the library.", due_on=datetime.date(2027, 3, 1)
    )
    working_together.comment_add(
        project=project, author=lead.user, text="I will ask them.", car_park_item=item
    )
    AgreementFactory(project=project, text="We listen. We take turns to talk.")
    SharedDefinitionFactory(project=project, word="Co-production", meaning="We do it together.")
    base = f"/projects/{project.pk}/"

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill("ria@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Day services")).to_be_visible()

    visit.go(f"{base}payments/claims/{claim.pk}/time/add/")
    expect(page.get_by_text("We pay £15 an hour for your time.")).to_be_visible()
    _looks_easy_read(visit, "12-add-time")

    visit.go(f"{base}tell-us-once/contact/")
    page.get_by_label("Phone number (optional)").fill("call me")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#id_phone-error")).to_contain_text("Enter a phone number")
    expect(page.get_by_text("Your phone number.")).to_be_visible()
    _looks_easy_read(visit, "13-tell-us-once-mistake")

    visit.go(f"{base}working-together/car-park/")
    expect(page.get_by_text("Lee Lead is finding out.")).to_be_visible()
    _looks_easy_read(visit, "14-car-park")

    page.get_by_role("link", name="Can we meet near a bus stop?").click()
    expect(page.get_by_text("Lee Lead said:")).to_be_visible()
    _looks_easy_read(visit, "15-car-park-item")

    visit.go(f"{base}working-together/car-park/add/")
    expect(page.get_by_text("What do you want to talk about later?")).to_be_visible()
    _looks_easy_read(visit, "16-put-in-the-car-park")

    visit.go(f"{base}working-together/agreements/")
    expect(page.get_by_text("We take turns to talk.")).to_be_visible()
    _looks_easy_read(visit, "17-agreements")

    visit.go(f"{base}working-together/shared-definitions/")
    expect(page.get_by_text("We do it together.")).to_be_visible()
    _looks_easy_read(visit, "18-words-we-use")

    visit.go("/feedback/no-such-link-token-at-all-0000000000/")
    expect(page.get_by_text("Ask the person who runs the project for a new link.")).to_be_visible()
    _looks_easy_read(visit, "19-link-does-not-work")
