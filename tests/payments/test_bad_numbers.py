"""Numbers typed into the payments pages, however wild, get a message beside their field
(or are saved when they make sense): never a server error."""

import datetime

import pytest

from coplan.payments import services
from coplan.payments.models import ClaimLine, PaymentPolicy
from coplan.projects.roles import Role
from tests.core.wild_numbers import WILD, error_beside
from tests.factories import StaffMembershipFactory

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


def _claim(team):
    return services.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        meeting=team.meeting,
    )


def _claim_url(team, claim, page=""):
    return f"/projects/{team.project.pk}/payments/claims/{claim.pk}/{page}"


def test_mileage_of_1e308_miles_gets_a_message_beside_the_field(team, client_for):
    claim = _claim(team)

    response = client_for(team.user(CO)).post(
        _claim_url(team, claim, "expenses/add/"), {"category": "mileage", "miles": "1e308"}
    )

    assert response.status_code == 400
    assert error_beside(response, "miles") == "Miles must be a number, like 12 or 12.5"
    assert not ClaimLine.objects.filter(claim=claim, kind="expense").exists()


@pytest.mark.parametrize("typed", WILD, ids=lambda typed: repr(typed[:10]))
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("miles", {"category": "mileage"}),
        ("amount", {"category": "food", "description": "Lunch"}),
    ],
)
def test_wild_expense_numbers_get_a_message_or_are_saved(team, client_for, name, data, typed):
    claim = _claim(team)

    response = client_for(team.user(CO)).post(
        _claim_url(team, claim, "expenses/add/"), {**data, name: typed}
    )

    saved = ClaimLine.objects.filter(claim=claim, kind="expense")
    if response.status_code == 302:
        assert saved.count() == 1
    else:
        assert response.status_code == 400
        assert error_beside(response, name)
        assert not saved.exists()


@pytest.mark.parametrize("typed", WILD, ids=lambda typed: repr(typed[:10]))
@pytest.mark.parametrize("name", ["hours", "minutes"])
def test_wild_time_numbers_get_a_message_or_are_saved(team, client_for, name, typed):
    claim = _claim(team)

    response = client_for(team.user(CO)).post(
        _claim_url(team, claim, "time/add/"), {"activity": "reading", name: typed}
    )

    assert response.status_code in (400, 302)
    if response.status_code == 400:
        assert error_beside(response, name) or error_beside(response, "hours")


POLICY = {
    "applies_from-day": "1",
    "applies_from-month": "4",
    "applies_from-year": "2027",
    "basis": "hour",
    "hour_rate_pence": "15",
    "half_day_up_to_hours": "4",
    "paid_activities": ["meetings"],
    "covered_expenses": ["public_transport", "mileage"],
    "mileage_pence_per_mile": "0.45",
    "target_working_days": "10",
    "bank_change_days": "7",
    "information": "Tell the Jobcentre if you get benefits.",
}


@pytest.mark.parametrize("typed", WILD, ids=lambda typed: repr(typed[:10]))
@pytest.mark.parametrize(
    "name",
    [
        "hour_rate_pence",
        "half_day_rate_pence",
        "day_rate_pence",
        "activity_rate_pence",
        "half_day_up_to_hours",
        "mileage_pence_per_mile",
        "target_working_days",
        "bank_change_days",
    ],
)
def test_wild_policy_numbers_get_a_message_or_are_saved(team, client_for, name, typed):
    organisation = team.project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user
    before = PaymentPolicy.objects.count()

    response = client_for(admin).post(
        f"/organisations/{organisation.pk}/paying-people/new/", {**POLICY, name: typed}
    )

    assert response.status_code in (400, 302)
    if response.status_code == 400:
        assert error_beside(response, name)
    assert PaymentPolicy.objects.count() == before + (response.status_code == 302)


@pytest.mark.parametrize(
    ("name", "typed", "message"),
    [
        ("hour_rate_pence", "1500", "The rate an hour must be £1,000 or less"),
        ("mileage_pence_per_mile", "45", "The mileage rate must be £5 or less"),
        ("half_day_up_to_hours", "1e308", "Hours must be a number, like 4 or 3.5"),
        ("target_working_days", "9" * 5000, "Working days must be 60 or fewer"),
    ],
)
def test_policy_numbers_out_of_range_are_refused_in_pounds_and_days(
    team, client_for, name, typed, message
):
    organisation = team.project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user

    response = client_for(admin).post(
        f"/organisations/{organisation.pk}/paying-people/new/", {**POLICY, name: typed}
    )

    assert error_beside(response, name) == message


@pytest.mark.parametrize("seen", ["²", "9" * 5000, "-1", "1e308"])
def test_approving_with_a_wild_total_seen_is_not_an_error(team, client_for, seen):
    claim = services.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    services.expense_line_add(
        claim=claim, category="food", description="Lunch", amount_pence=480, added_by=team.user(CO)
    )
    services.claim_submit(claim=claim, submitted_by=team.user(CO))

    response = client_for(team.user(Role.FINANCE)).post(
        _claim_url(team, claim, "approve/"), {"total_seen_pence": seen}
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == "approved"


def test_the_largest_amounts_each_field_accepts_are_kept_exactly(team, client_for):
    organisation = team.project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user
    policy = client_for(admin).post(
        f"/organisations/{organisation.pk}/paying-people/new/",
        {
            **POLICY,
            "applies_from-day": "1",
            "applies_from-month": "2",
            "hour_rate_pence": "1,000.00",
            "half_day_rate_pence": "10000",
            "day_rate_pence": "10000",
            "activity_rate_pence": "10000",
            "half_day_up_to_hours": "12",
            "paid_activities": ["meetings", "reading"],
            "covered_expenses": ["food", "mileage"],
            "mileage_pence_per_mile": "5",
            "target_working_days": "60",
            "bank_change_days": "90",
        },
    )
    claim = services.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    client = client_for(team.user(CO))

    added = [
        client.post(_claim_url(team, claim, "expenses/add/"), data).status_code
        for data in (
            {"category": "food", "description": "Lunch", "amount": "£10,000.00"},
            {"category": "mileage", "miles": "2,000.0"},
        )
    ] + [
        client.post(
            _claim_url(team, claim, "time/add/"),
            {"activity": "reading", "hours": "24", "minutes": "0"},
        ).status_code
    ]

    assert (policy.status_code, added) == (302, [302, 302, 302])
    assert sorted(ClaimLine.objects.filter(claim=claim).values_list("amount_pence", flat=True)) == [
        1_000_000,
        1_000_000,
        2_400_000,
    ]
