"""The budget: money held, where it comes from, planned spending by kind, exactly to the penny."""

from decimal import Decimal

import pytest

from coplan.planning import selectors
from coplan.planning.models import Budget, BudgetLine
from coplan.projects.roles import Role
from tests.factories import BudgetLineFactory

pytestmark = pytest.mark.django_db


def _url(project, tail=""):
    return f"/projects/{project.pk}/budget/{tail}"


def test_lead_sets_the_money_held_and_where_it_comes_from(client_for, project, lead):
    response = client_for(lead).post(
        _url(project, "money/"),
        {"held": "£2,500.50", "money_source": "The service's engagement budget"},
        follow=True,
    )

    budget = Budget.objects.get(project=project)
    assert (budget.held_pence, budget.money_source, budget.updated_by) == (
        250050,
        "The service's engagement budget",
        lead,
    )
    page = response.content.decode()
    assert "£2,500.50" in page
    assert "The service&#39;s engagement budget" in page


def test_held_can_be_left_empty_until_known(client_for, project, lead):
    client_for(lead).post(_url(project, "money/"), {"held": "", "money_source": ""})

    assert Budget.objects.get(project=project).held_pence is None


def test_money_form_shows_the_amount_back_in_pounds(client_for, project, lead):
    Budget.objects.create(project=project, held_pence=100005)

    page = client_for(lead).get(_url(project, "money/")).content.decode()

    assert 'value="1000.05"' in page
    assert '<div class="govuk-input__prefix" aria-hidden="true">£</div>' in page


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-10", "The amount the project has must be £0 or more"),
        ("ten", "Enter the amount the project has in pounds and pence, like 2500.50"),
        ("10.001", "The amount the project has must not include fractions of a penny"),
        ("<script>alert(1)</script>", "in pounds and pence"),
        ("9" * 30, "The amount the project has must be £10,000,000 or less"),
        ("1e308", "Enter the amount the project has in pounds and pence, like 2500.50"),
    ],
)
def test_bad_money_gets_a_message_beside_the_field(client_for, project, lead, typed, message):
    response = client_for(lead).post(_url(project, "money/"), {"held": typed, "money_source": ""})

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'href="#id_held"' in page
    assert "<script>alert(1)</script>" not in page
    assert not Budget.objects.exists()


def test_lead_adds_planned_spending(client_for, project, lead):
    client_for(lead).post(
        _url(project, "spending/add/"),
        {"category": "paying_people", "description": "6 workshops, 8 people", "planned": "960"},
    )

    line = BudgetLine.objects.get()
    assert (line.category, line.description, line.planned_pence) == (
        "paying_people",
        "6 workshops, 8 people",
        96000,
    )


def test_planned_spending_must_be_more_than_nothing(client_for, project, lead):
    response = client_for(lead).post(
        _url(project, "spending/add/"), {"category": "food", "description": "Lunch", "planned": "0"}
    )

    assert "The planned amount must be more than £0" in response.content.decode()


def test_totals_are_exact_to_the_penny(project, django_assert_num_queries):
    BudgetLineFactory(project=project, category="food", planned_pence=10)
    BudgetLineFactory(project=project, category="food", planned_pence=20)
    BudgetLineFactory(project=project, category="venue", planned_pence=99_999_99)
    BudgetLineFactory(category="venue", planned_pence=500)  # another project
    Budget.objects.create(project=project, held_pence=100_000_00)

    # the money held, the plan by category, and claims approved and paid (coplan.payments)
    with django_assert_num_queries(3):
        summary = selectors.budget_summary(project=project)

    by_category = {c.category: (c.planned, c.committed, c.paid) for c in summary.categories}
    assert by_category == {
        "paying_people": (Decimal("0.00"), Decimal("0.00"), Decimal("0.00")),
        "expenses": (Decimal("0.00"), Decimal("0.00"), Decimal("0.00")),
        "venue": (Decimal("99999.99"), Decimal("0.00"), Decimal("0.00")),
        "food": (Decimal("0.30"), Decimal("0.00"), Decimal("0.00")),
        "other": (Decimal("0.00"), Decimal("0.00"), Decimal("0.00")),
    }
    assert (summary.held, summary.planned, summary.over_by, summary.left_to_plan) == (
        Decimal("100000.00"),
        Decimal("100000.29"),
        Decimal("0.29"),
        None,
    )


def test_budget_page_warns_when_planned_is_more_than_held(client_for, project, lead):
    Budget.objects.create(project=project, held_pence=50000)
    BudgetLineFactory(project=project, category="venue", planned_pence=45000)
    BudgetLineFactory(project=project, category="food", planned_pence=10000)

    page = client_for(lead).get(_url(project)).content.decode()

    assert "The planned spending is £50.00 more than the money the project has." in page
    assert "£550.00" in page


def test_budget_page_without_held_amount_asks_for_it(client_for, project, lead):
    BudgetLineFactory(project=project)

    page = client_for(lead).get(_url(project)).content.decode()

    assert "Add how much money the project has" in page


def test_finance_reads_the_budget_but_cannot_change_it(client_for, project, member_of):
    BudgetLineFactory(project=project, description="Room hire")

    page = client_for(member_of(Role.FINANCE)).get(_url(project)).content.decode()

    assert "Room hire" in page
    assert "Add planned spending" not in page
    assert "Change" not in page


def test_lead_changes_and_removes_planned_spending(client_for, project, lead):
    line = BudgetLineFactory(project=project)
    client = client_for(lead)

    client.post(
        _url(project, f"spending/{line.pk}/change/"),
        {"category": "other", "description": "Printing", "planned": "12.5"},
    )
    line.refresh_from_db()
    changed = (line.category, line.description, line.planned_pence)
    client.post(_url(project, f"spending/{line.pk}/remove/"))

    assert changed == ("other", "Printing", 1250)
    assert not BudgetLine.objects.exists()
