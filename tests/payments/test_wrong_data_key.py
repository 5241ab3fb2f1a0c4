"""A missing or wrong PEOPLE_DATA_KEYS gives staff a plain page saying so, never a 500.

Handled in one place (coplan.people.middleware) for every page that shows encrypted
data: access needs, bank details, receipts.
"""

import datetime
import logging

import pytest

from coplan.payments import services as payments_services
from coplan.people import crypto
from coplan.people import services as people_services
from coplan.people.needs import AccessNeeds
from coplan.projects.roles import Role
from tests.payments.conftest import PDF
from tests.payments.test_pages import _shown

pytestmark = pytest.mark.django_db

MESSAGE = (
    "We cannot read this information: the key that protects it is missing or wrong. "
    "Ask whoever runs the Co-production Planner to check PEOPLE_DATA_KEYS."
)
CO = Role.CO_PRODUCER


@pytest.fixture
def pages(team, settings):
    """The pages that show someone's needs, bank details and a receipt, with the data
    encrypted under a key the app no longer has."""
    settings.PEOPLE_DATA_KEYS = [crypto.new_key()]
    person = team.person(CO)
    lead, finance = team.user(Role.LEAD), team.user(Role.FINANCE)
    people_services.person_set_needs(
        person=person,
        needs=AccessNeeds.from_answers(chosen={"mobility": ["step_free"]}, notes={}),
        actor=lead,
        where="test",
        project=team.project,
    )
    payments_services.bank_details_set(
        person=person,
        actor=team.user(CO),
        where="test",
        name="Sam Smith",
        sort_code="30-94-57",
        account_number="12345678",
    )
    claim = payments_services.claim_start(
        project=team.project,
        person=person,
        created_by=team.user(CO),
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    line = payments_services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=team.user(CO),
    )
    project = f"/projects/{team.project.pk}/"
    return [
        (lead, project + "access-needs/"),
        (lead, project + f"participants/{person.pk}/access-needs/"),
        (finance, project + f"payments/people/{person.pk}/"),
        (finance, project + f"payments/claims/{claim.pk}/lines/{line.pk}/receipt/"),
    ]


def _open_all(pages, client_for):
    return [client_for(user).get(url) for user, url in pages]


def test_with_the_key_the_pages_open(pages, client_for):
    assert [response.status_code for response in _open_all(pages, client_for)] == [200] * 4


@pytest.mark.parametrize("keys", ["wrong", "missing"])
def test_a_wrong_or_missing_key_shows_staff_what_is_wrong_and_is_logged(
    keys, pages, client_for, settings, caplog
):
    settings.PEOPLE_DATA_KEYS = [crypto.new_key()] if keys == "wrong" else []

    with caplog.at_level(logging.ERROR, logger="coplan.people"):
        responses = _open_all(pages, client_for)

    assert [response.status_code for response in responses] == [503] * 4
    for response in responses:
        assert MESSAGE in _shown(response)
        assert "12345678" not in response.content.decode()
    assert len([r for r in caplog.records if "PEOPLE_DATA_KEYS" in r.getMessage()]) == 4
