"""Bank details are encrypted, shown only to finance, and every view and change is logged."""

import pytest

from coplan.payments.models import BankDetails
from coplan.people.models import AuditEntry
from coplan.projects.roles import Role
from tests.form_controls import error_beside

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER
DETAILS = {"name": "Sam Smith", "sort_code": "30-94-57", "account_number": "12345678"}


def _give(team, client_for):
    return client_for(team.user(CO)).post(
        f"/projects/{team.project.pk}/payments/bank-details/", DETAILS
    )


def test_bank_details_are_stored_encrypted(team, client_for):
    _give(team, client_for)

    token = BankDetails.objects.get(person=team.person(CO)).token
    assert "12345678" not in token
    assert "309457" not in token
    assert "Sam Smith" not in token


def test_the_person_is_not_shown_their_full_details_again(team, client_for):
    _give(team, client_for)

    page = client_for(team.user(CO)).get(f"/projects/{team.project.pk}/payments/")

    text = page.content.decode()
    assert "Given. Only finance can see them." in text
    assert "12345678" not in text


def test_only_finance_sees_them_and_each_look_is_logged(team, client_for):
    _give(team, client_for)
    url = f"/projects/{team.project.pk}/payments/people/{team.person(CO).pk}/"

    statuses = {role: client_for(team.user(role)).get(url).status_code for role in Role}
    finance_page = client_for(team.user(Role.FINANCE)).get(url).content.decode()

    assert statuses == {
        Role.LEAD: 403,
        Role.CO_PRODUCER: 403,
        Role.FACILITATOR: 403,
        Role.MANAGER: 403,
        Role.FINANCE: 200,
    }
    assert "12345678" in finance_page
    assert "30-94-57" in finance_page
    log = list(
        AuditEntry.objects.filter(person=team.person(CO))
        .order_by("at", "pk")
        .values_list("action", "actor_id")
    )
    finance = team.user(Role.FINANCE).pk
    assert log == [
        ("changed_bank", team.user(CO).pk),
        ("viewed_bank", finance),
        ("viewed_bank", finance),
    ]


def test_choosing_vouchers_removes_bank_details_and_logs_it(team, client_for):
    _give(team, client_for)

    client_for(team.user(CO)).post(
        f"/projects/{team.project.pk}/payments/how-you-are-paid/",
        {"how": "vouchers", "time_paid": "yes", "saw_information": "on"},
    )

    assert not BankDetails.objects.filter(person=team.person(CO)).exists()
    assert AuditEntry.objects.filter(person=team.person(CO), action="changed_bank").count() == 2


def test_a_sort_code_of_the_wrong_length_is_refused_beside_the_field(team, client_for):
    response = client_for(team.user(CO)).post(
        f"/projects/{team.project.pk}/payments/bank-details/",
        {**DETAILS, "sort_code": "30-94"},
    )

    assert "Sort code must be 6 numbers" in response.content.decode()
    assert not BankDetails.objects.exists()


def test_rotating_the_keys_re_encrypts_bank_details_and_receipts_too(team, settings):
    import io

    from django.core.management import call_command

    from coplan.payments import receipts, selectors, services
    from coplan.people import crypto
    from tests.payments.conftest import PDF

    old_key, new_key = crypto.new_key(), crypto.new_key()
    settings.PEOPLE_DATA_KEYS = [old_key]
    services.bank_details_set(person=team.person(CO), actor=team.user(CO), where="test", **DETAILS)
    stored = receipts.receipt_store(checked=receipts.receipt_check(content=PDF))
    settings.PEOPLE_DATA_KEYS = [new_key, old_key]

    out = io.StringIO()
    call_command("people_rotate_keys", stdout=out)
    settings.PEOPLE_DATA_KEYS = [new_key]  # the old key is gone

    details = BankDetails.objects.get(person=team.person(CO))
    assert selectors.bank_account(details=details).account_number == "12345678"
    assert "bank details of 1 people, 1 receipts" in out.getvalue()
    assert receipts.receipt_read(stored) == PDF


def test_a_name_on_the_account_with_a_hidden_character_is_refused_beside_the_field(
    team, client_for
):
    response = client_for(team.user(CO)).post(
        f"/projects/{team.project.pk}/payments/bank-details/",
        {**DETAILS, "name": "\u202eSam Smith"},
    )

    assert error_beside(response.content.decode(), "id_name") == (
        "The name on the account must not contain hidden characters. "
        "Type it in instead of pasting it"
    )
    assert not BankDetails.objects.exists()
