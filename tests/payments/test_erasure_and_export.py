"""Paying people in "everything we hold" and in erasure (decision 0003)."""

import datetime

import pytest

from coplan.payments import services
from coplan.payments.models import BankDetails, Claim, PaymentChoice
from coplan.people import selectors as people_selectors
from coplan.people import services as people_services
from coplan.projects.roles import Role
from tests.payments.conftest import PDF

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


def _claim(team):
    claim = services.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=team.user(CO),
    )
    services.bank_details_set(
        person=team.person(CO),
        name="Sam",
        sort_code="309457",
        account_number="12345678",
        actor=team.user(CO),
        where="test",
    )
    return claim


def test_everything_we_hold_lists_claims_and_says_bank_details_are_held_not_what(team):
    _claim(team)

    payments = people_selectors.person_export(person=team.person(CO))["payments"]

    assert payments["bank_details_held"] is True
    assert "12345678" not in str(payments)
    assert [(claim["for"], claim["status"]) for claim in payments["claims"]] == [
        ("Reading the papers", "Not sent yet")
    ]


def test_the_everything_we_hold_page_shows_claims(team, client_for):
    _claim(team)

    page = client_for(team.user(CO)).get(
        f"/projects/{team.project.pk}/your-details/everything-we-hold/"
    )

    assert "Reading the papers (" in page.content.decode()


def test_erasure_removes_bank_details_and_choices_and_keeps_the_claim_for_the_accounts(team):
    claim = _claim(team)
    person = team.person(CO)

    people_services.person_erase(person=person, actor=team.user(Role.LEAD), where="test")

    assert not BankDetails.objects.filter(person=person).exists()
    assert not PaymentChoice.objects.filter(person=person).exists()
    assert Claim.objects.get(pk=claim.pk).person.full_name == "Erased person"


def test_erasure_removes_the_person_s_receipt_files_once_saved(
    team, settings, django_capture_on_commit_callbacks
):
    claim = _claim(team)
    folder = settings.PRIVATE_MEDIA_ROOT / "receipts"
    assert len(list(folder.iterdir())) == 1

    with django_capture_on_commit_callbacks(execute=True):
        people_services.person_erase(
            person=team.person(CO), actor=team.user(Role.LEAD), where="test"
        )

    assert list(folder.iterdir()) == []
    assert claim.lines.get().amount_pence == 450
