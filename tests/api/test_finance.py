"""Finance through the API: a project's claims as the download for finance, and the
claims waiting for finance across an organisation's projects (its queue), marking a
batch of them paid and downloading them, as on the pages, in the pages' words."""

import csv
import io
import json

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from coplan.api import services as api_services
from coplan.payments import services
from coplan.payments.api import READ_ONLY
from coplan.payments.models import Claim
from coplan.projects.roles import Role
from tests.api.helpers import bearer
from tests.factories import MembershipFactory, StaffMembershipFactory
from tests.payments import test_queue
from tests.payments.conftest import Team
from tests.payments.test_export import _approved_claim
from tests.payments.test_queue import LONG_AGO, _claim

pytestmark = pytest.mark.django_db

desk = test_queue.desk  # finance in two projects of an organisation (a fixture)

TODAY = timezone.localdate()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _token(user, scope="read") -> dict[str, str]:
    return bearer(
        api_services.access_token_create(user=user, name="Finance", scope=scope, days=30).token
    )


def _rows(response) -> list[dict]:
    if response["Content-Type"] == "text/csv":
        return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


# A project's download for finance -------------------------------------------------------


@pytest.fixture
def team():
    return Team()


def test_export_is_the_pages_spreadsheet_of_this_months_approved_claims(client, team):
    claim = _approved_claim(team, paid=True)

    response = client.get(
        f"/api/v1/projects/{team.project.pk}/claims/export", **_token(team.user(Role.FINANCE))
    )

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Cache-Control"] == "private, no-store"
    start = TODAY.replace(day=1)
    assert response["Content-Disposition"] == (
        f'attachment; filename="claims-{team.project.pk}-{start:%Y%m%d}-{TODAY:%Y%m%d}.xlsx"'
    )
    [row] = _rows(response)
    assert (
        row["Claim number"],
        row["Payee"],
        row["How paid"],
        row["Status"],
        row["Payment reference"],
        row["Cost code"],
        row["Total"],
    ) == (
        claim.pk,
        team.person(Role.CO_PRODUCER).full_name,
        "Bank transfer",
        "Paid",
        "BACS-9",
        "'=HYPERLINK(1)",
        46.73,
    )


def test_export_as_csv_between_two_dates(client, team):
    _approved_claim(team)
    path = f"/api/v1/projects/{team.project.pk}/claims/export"
    token = _token(team.user(Role.FINANCE))

    response = client.get(
        path,
        {"from_date": TODAY.isoformat(), "to_date": TODAY.isoformat(), "file_format": "csv"},
        **token,
    )
    before = client.get(path, {"from_date": "2020-01-01", "to_date": "2020-01-31"}, **token)

    assert response["Cache-Control"] == "private, no-store"
    assert [(row["Status"], row["Payment for time"], row["Total"]) for row in _rows(response)] == [
        ("Approved, waiting to be paid", "37.50", "46.73")
    ]
    assert _rows(before) == []


def test_export_with_the_last_date_before_the_first_is_refused_in_the_pages_words(client, team):
    response = client.get(
        f"/api/v1/projects/{team.project.pk}/claims/export",
        {"from_date": "2027-03-02", "to_date": "2027-03-01"},
        **_token(team.user(Role.FINANCE)),
    )

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "The last date must be the same as or after the first date"


@pytest.mark.parametrize("role", [Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.CO_PRODUCER])
def test_only_finance_downloads(client, team, role):
    _approved_claim(team)

    response = client.get(
        f"/api/v1/projects/{team.project.pk}/claims/export", **_token(team.user(role))
    )

    assert response.status_code == 403


# The organisation's queue --------------------------------------------------------------


def _waiting(client, desk, step="pay", **query):
    organisation = desk["organisation"].pk
    return client.get(
        f"/api/v1/organisations/{organisation}/claims-waiting",
        {"step": step, **query},
        **_token(desk["user"]),
    )


def test_queue_has_the_claims_waiting_in_every_project_where_you_are_finance(client, desk):
    _claim(desk["first"], "submitted", name="Ann Sent")
    _claim(desk["second"], "approved", name="Bob Approved")
    _claim(desk["first"], "approved", name="Lou Late", pay_by=LONG_AGO)
    for status, name in (("draft", "Cal"), ("paid", "Dee"), ("returned", "Eve")):
        _claim(desk["first"], status, name=name)
    _claim(desk["not_theirs"], "approved", name="Fay Libraries")
    _claim(desk["elsewhere"], "approved", name="Gus Elsewhere")

    to_pay = _waiting(client, desk).json()
    to_approve = _waiting(client, desk, step="approve").json()

    assert to_pay["waiting"] == {
        "to_approve": 1,
        "to_pay": 2,
        "late": 1,
        "words": "1 claim waiting for approval, 2 to pay, 1 late",
    }
    assert [
        (each["person_name"], each["project_name"], each["late"], each["total_pence"])
        for each in to_pay["items"]
    ] == [("Lou Late", "Day services", True, 450), ("Bob Approved", "Young carers", False, 450)]
    assert [each["person_name"] for each in to_approve["items"]] == ["Ann Sent"]
    assert (to_pay["step"], to_pay["count"], to_approve["step"]) == ("pay", 2, "approve")


def test_queue_is_paged_in_a_fixed_order(client, desk):
    made = [_claim(desk["first"], "approved", name=f"Person {number}") for number in range(3)]

    first = _waiting(client, desk, per_page=2).json()
    second = client.get(first["next"], **_token(desk["user"])).json()

    assert [each["id"] for each in first["items"] + second["items"]] == [claim.pk for claim in made]
    assert (first["count"], second["next"]) == (3, None)


def test_queue_refuses_others_as_the_page_does(client, desk):
    organisation = desk["organisation"]
    path = f"/api/v1/organisations/{organisation.pk}/claims-waiting"
    in_a_project = MembershipFactory(project=desk["first"], role=Role.LEAD).user
    on_staff = StaffMembershipFactory(organisation=organisation).user
    finance_elsewhere = MembershipFactory(project=desk["elsewhere"], role=Role.FINANCE).user

    statuses = [
        client.get(path + rest, **_token(user)).status_code
        for user in (in_a_project, on_staff, finance_elsewhere)
        for rest in ("", "/export")
    ]

    assert statuses == [403, 403, 403, 403, 404, 404]


def test_queue_download_has_each_claims_project_and_cost_code(client, desk):
    services.cost_code_set(project=desk["first"], cost_code="DS-1")
    services.cost_code_set(project=desk["second"], cost_code="YC-2")
    ann = _claim(desk["first"], "approved", name="Ann Able", pay_by=LONG_AGO)
    bob = _claim(desk["second"], "approved", name="Bob Best")
    _claim(desk["first"], "submitted", name="Cal Sent")
    path = f"/api/v1/organisations/{desk['organisation'].pk}/claims-waiting/export"

    spreadsheet = client.get(path, **_token(desk["user"]))
    as_csv = client.get(path, {"step": "approve", "file_format": "csv"}, **_token(desk["user"]))

    assert spreadsheet["Content-Type"] == XLSX
    assert spreadsheet["Cache-Control"] == as_csv["Cache-Control"] == "private, no-store"
    assert [
        (row["Claim number"], row["Payee"], row["Project"], row["Cost code"], row["Total"])
        for row in _rows(spreadsheet)
    ] == [
        (ann.pk, "Ann Able", "Day services", "DS-1", 4.5),
        (bob.pk, "Bob Best", "Young carers", "YC-2", 4.5),
    ]
    assert [(row["Payee"], row["Status"]) for row in _rows(as_csv)] == [
        ("Cal Sent", "Sent, waiting for approval")
    ]


# Marking a batch paid ------------------------------------------------------------------


def _pay_batch(client, team, claim_ids, *, user=None, scope="read_write", **body):
    payment = {"claim_ids": claim_ids, "paid_on": TODAY.isoformat(), "reference": "BACS 7"}
    return client.post(
        f"/api/v1/organisations/{team.project.organisation_id}/claims-waiting/paid",
        data=json.dumps(payment | body),
        content_type="application/json",
        **_token(user or team.user(Role.FINANCE), scope),
    )


def test_batch_pays_each_claim_it_may_and_says_why_not_for_the_others(client, team):
    finance = team.user(Role.FINANCE)
    lead = team.user(Role.LEAD)
    ready = _claim(team.project, "approved", name="Ann Ready")
    Claim.objects.filter(pk=ready.pk).update(approved_by=lead)
    they_approved = _claim(team.project, "approved", name="Bob Approved")
    Claim.objects.filter(pk=they_approved.pk).update(approved_by=finance)
    own = _claim(team.project, "approved", person=team.person(Role.FINANCE))
    sent_back = _claim(team.project, "returned", name="Cal Returned")
    elsewhere = _claim(Team().project, "approved", name="Dee Elsewhere")

    response = _pay_batch(
        client, team, [ready.pk, they_approved.pk, own.pk, sent_back.pk, elsewhere.pk, ready.pk]
    )

    assert response.status_code == 200
    answer = response.json()
    assert [(each["claim_id"], each["outcome"], each["reason"]) for each in answer["claims"]] == [
        (ready.pk, "paid", ""),
        (
            they_approved.pk,
            "not_paid",
            "You approved this claim, so someone else must mark it paid",
        ),
        (own.pk, "not_paid", "You cannot mark your own claim paid"),
        (sent_back.pk, "not_waiting", "no longer waiting to be paid"),
        (elsewhere.pk, "not_waiting", "no longer waiting to be paid"),
    ]
    own_name = team.person(Role.FINANCE).full_name
    assert answer["said"] == [
        "1 claim is marked paid with the reference BACS 7.",
        "Bob Approved: You approved this claim, so someone else must mark it paid.",
        f"{own_name}: You cannot mark your own claim paid.",
        "2 claims you chose were not marked paid: no longer waiting to be paid.",
    ]
    statuses = dict(Claim.objects.values_list("pk", "status"))
    assert [statuses[claim.pk] for claim in (ready, they_approved, own, elsewhere)] == [
        "paid",
        "approved",
        "approved",
        "approved",
    ]
    ready.refresh_from_db()
    assert (ready.paid_reference, ready.paid_on, ready.paid_by_id) == ("BACS 7", TODAY, finance.pk)


def test_a_claim_paid_meanwhile_is_said_not_paid_twice(client, team):
    claim = _claim(team.project, "approved", name="Ann Ready")
    _pay_batch(client, team, [claim.pk], reference="BACS 1")

    again = _pay_batch(client, team, [claim.pk], reference="BACS 2")

    assert again.json()["claims"] == [
        {"claim_id": claim.pk, "outcome": "not_paid", "reason": "This claim has already been paid"}
    ]
    claim.refresh_from_db()
    assert claim.paid_reference == "BACS 1"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"reference": "  "}, "Enter the payment reference"),
        ({"paid_on": "2999-01-01"}, "The date paid must be today or in the past"),
    ],
)
def test_batch_with_a_wrong_date_or_reference_pays_nothing(client, team, body, words):
    claim = _claim(team.project, "approved")

    response = _pay_batch(client, team, [claim.pk], **body)

    assert (response.status_code, response.json()["detail"]) == (422, words)
    claim.refresh_from_db()
    assert claim.status == "approved"


def test_a_read_token_cannot_pay_a_batch(client, team):
    claim = _claim(team.project, "approved")

    response = _pay_batch(client, team, [claim.pk], scope="read")

    assert (response.status_code, response.json()["detail"]) == (403, READ_ONLY)
    claim.refresh_from_db()
    assert claim.status == "approved"


@pytest.mark.parametrize("role", [Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.CO_PRODUCER])
def test_only_finance_pays_a_batch(client, team, role):
    claim = _claim(team.project, "approved")

    response = _pay_batch(client, team, [claim.pk], user=team.user(role))

    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "approved"
