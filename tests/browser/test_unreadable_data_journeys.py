"""With the wrong PEOPLE_DATA_KEYS, the lead opening the access needs sees a plain page
saying what is wrong (never a server error), and it passes axe."""

import pytest
from playwright.sync_api import expect

from coplan.people import crypto
from coplan.people import services as people_services
from coplan.people.needs import AccessNeeds
from coplan.projects.roles import Role
from tests.factories import PASSWORD
from tests.payments.conftest import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_wrong_data_key_gives_the_lead_a_plain_page(visit, settings):
    settings.PEOPLE_DATA_KEYS = [crypto.new_key()]
    team = Team()
    lead = team.user(Role.LEAD)
    people_services.person_set_needs(
        person=team.person(Role.CO_PRODUCER),
        needs=AccessNeeds.from_answers(chosen={"mobility": ["step_free"]}, notes={}),
        actor=lead,
        where="test",
        project=team.project,
    )
    settings.PEOPLE_DATA_KEYS = [crypto.new_key()]
    page = visit.page

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill(lead.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    visit.go(f"/projects/{team.project.pk}/access-needs/")

    expect(page.get_by_text("the key that protects it is missing or wrong")).to_be_visible()
    visit.assert_accessible()
