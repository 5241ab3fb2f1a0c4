"""Claims: payment for time from attendance and the policy of the day, expenses by the
policy's rules, the steps, and who may take each step."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail

from coplan.meetings.models import InvitedPerson
from coplan.payments import selectors, services
from coplan.payments.models import Claim
from coplan.payments.services import PaymentError
from coplan.projects.registries import needs_attention
from coplan.projects.roles import Role
from tests.factories import InvitedPersonFactory, PaymentPolicyFactory
from tests.notifications.worker import run_worker
from tests.payments.conftest import PDF

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


def _meeting_claim(team, *, came="came"):
    InvitedPersonFactory(meeting=team.meeting, person=team.person(CO), attendance=came)
    return services.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        meeting=team.meeting,
    )


def _lines(claim):
    return [(line.what, line.amount_pence) for line in selectors.claim_lines(claim=claim)]


def _bus(team, claim, *, by=None):
    return services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus there and back",
        amount_pence=450,
        receipt_content=PDF,
        added_by=by or team.user(CO),
    )


def test_payment_for_time_comes_from_attendance_and_the_meetings_length(team):
    claim = _meeting_claim(team)

    assert _lines(claim) == [("Meetings and workshops", 3750)]  # 2.5 hours at £15


def test_no_payment_for_time_until_they_are_recorded_as_coming(team):
    claim = _meeting_claim(team, came="not_recorded")
    assert _lines(claim) == []

    InvitedPerson.objects.filter(meeting=team.meeting).update(attendance="came")
    services.claim_time_refresh(claim=claim)

    assert _lines(claim) == [("Meetings and workshops", 3750)]


def test_the_policy_in_force_on_the_day_of_the_meeting_is_used(team):
    PaymentPolicyFactory(
        organisation=team.project.organisation,
        applies_from=datetime.date(2027, 3, 2),  # the day after the meeting
        hour_rate_pence=2000,
    )
    claim = _meeting_claim(team)

    assert _lines(claim) == [("Meetings and workshops", 3750)]


def test_a_newer_policy_from_the_meeting_day_changes_what_is_owed(team):
    PaymentPolicyFactory(
        organisation=team.project.organisation,
        applies_from=datetime.date(2027, 3, 1),
        basis="activity",
        activity_rate_pence=2500,
    )
    claim = _meeting_claim(team)

    assert _lines(claim) == [("Meetings and workshops", 2500)]


def test_expenses_only_means_no_payment_for_time(team):
    services.payment_choice_record(
        person=team.person(CO),
        how="bank",
        time_paid=False,
        saw_information=True,
        information_policy=team.policy,
        recorded_by=team.user(CO),
        on_behalf=False,
        where="test",
    )
    claim = _meeting_claim(team)

    assert _lines(claim) == []


def test_mileage_is_miles_times_the_policy_rate(team):
    claim = _meeting_claim(team)

    line = services.expense_line_add(
        claim=claim,
        category="mileage",
        description="Car",
        miles=Decimal("12.5"),
        added_by=team.user(CO),
    )

    assert (line.rate_pence, line.amount_pence) == (45, 563)


def test_a_receipt_is_needed_where_the_policy_says(team):
    claim = _meeting_claim(team)

    with pytest.raises(PaymentError, match="receipt"):
        services.expense_line_add(
            claim=claim,
            category="parking",
            description="Car park",
            amount_pence=300,
            added_by=team.user(CO),
        )


def test_a_taxi_must_say_who_agreed_it_first(team):
    claim = _meeting_claim(team)

    with pytest.raises(PaymentError, match="agreed"):
        services.expense_line_add(
            claim=claim,
            category="taxi",
            description="Taxi home",
            amount_pence=1200,
            receipt_content=PDF,
            added_by=team.user(CO),
        )


def test_an_expense_the_policy_does_not_pay_is_refused(team):
    claim = _meeting_claim(team)

    with pytest.raises(PaymentError, match="not paid"):
        services.expense_line_add(
            claim=claim,
            category="childcare",
            description="Childminder",
            amount_pence=2000,
            added_by=team.user(CO),
        )


def test_staff_adding_an_expense_is_marked_as_on_their_behalf(team):
    claim = _meeting_claim(team)

    line = _bus(team, claim, by=team.user(Role.FACILITATOR))

    assert line.on_behalf is True


def test_one_claim_per_person_per_meeting(team):
    _meeting_claim(team)

    with pytest.raises(PaymentError, match="already a claim"):
        services.claim_start(
            project=team.project,
            person=team.person(CO),
            created_by=team.user(CO),
            meeting=team.meeting,
        )


def test_sending_a_claim_sets_the_date_to_pay_by_in_working_days(team):
    claim = _meeting_claim(team)
    _bus(team, claim)

    services.claim_submit(claim=claim, submitted_by=team.user(CO), today=datetime.date(2027, 3, 22))

    claim.refresh_from_db()
    assert (claim.status, claim.pay_by) == ("submitted", datetime.date(2027, 4, 7))


def test_a_claim_cannot_be_sent_before_saying_how_to_be_paid(team):
    person = team.person(Role.FACILITATOR)
    claim = services.claim_start(
        project=team.project,
        person=person,
        created_by=team.user(Role.FACILITATOR),
        activity="Reading",
        activity_on=datetime.date(2027, 3, 1),
    )
    _bus(team, claim, by=team.user(Role.FACILITATOR))

    with pytest.raises(PaymentError, match="how you want to be paid"):
        services.claim_submit(claim=claim, submitted_by=team.user(Role.FACILITATOR))


def _sent(team):
    claim = _meeting_claim(team)
    _bus(team, claim)
    return services.claim_submit(claim=claim, submitted_by=team.user(CO))


@pytest.mark.django_db(transaction=True)
def test_the_lead_approves_then_finance_marks_paid_and_the_person_is_emailed_each_time(team):
    claim = _sent(team)
    finance = team.user(Role.FINANCE)

    services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD), total_seen_pence=4200)
    run_worker()  # the background worker sends the messages
    services.claim_mark_paid(
        claim=claim, paid_by=finance, paid_on=datetime.date.today(), reference="BACS-1"
    )
    run_worker()

    claim.refresh_from_db()
    assert (claim.status, claim.paid_reference, claim.policy_id) == (
        "paid",
        "BACS-1",
        team.policy.pk,
    )
    to_them = [message for message in mail.outbox if message.to == [team.person(CO).email]]
    assert [message.subject for message in to_them] == [
        f"We have approved your claim for {team.meeting.title}",
        f"We have paid your claim for {team.meeting.title}",
    ]
    assert "BACS-1" in to_them[1].body


def test_someone_who_prefers_a_phone_call_is_left_for_staff_to_call(team):
    person = team.person(CO)
    person.contact_by = "phone"
    person.save()
    claim = _sent(team)

    services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))

    [notice] = selectors.claim_notices(claim=claim)
    assert (notice.method, notice.done_at, len(mail.outbox)) == ("phone", None, 0)


def test_a_claim_that_changed_since_it_was_seen_is_not_approved(team):
    claim = _sent(team)

    with pytest.raises(PaymentError, match="changed"):
        services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD), total_seen_pence=100)


def test_nobody_approves_their_own_claim(team):
    claim = services.claim_start(
        project=team.project,
        person=team.person(Role.FINANCE),
        created_by=team.user(Role.FINANCE),
        activity="Reading",
        activity_on=datetime.date(2027, 3, 1),
    )
    services.payment_choice_record(
        person=team.person(Role.FINANCE),
        how="bank",
        time_paid=True,
        saw_information=True,
        information_policy=team.policy,
        recorded_by=team.user(Role.FINANCE),
        on_behalf=False,
        where="test",
    )
    _bus(team, claim, by=team.user(Role.FINANCE))
    services.claim_submit(claim=claim, submitted_by=team.user(Role.FINANCE))

    with pytest.raises(PaymentError, match="own claim"):
        services.claim_approve(claim=claim, approved_by=team.user(Role.FINANCE))


def test_whoever_sent_a_claim_for_someone_does_not_approve_it(team):
    claim = _meeting_claim(team)
    _bus(team, claim, by=team.user(Role.LEAD))
    services.claim_submit(claim=claim, submitted_by=team.user(Role.LEAD))

    with pytest.raises(PaymentError, match="someone else must approve"):
        services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))


def test_marking_paid_twice_pays_once(team):
    claim = _sent(team)
    finance = team.user(Role.FINANCE)
    services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))
    services.claim_mark_paid(
        claim=claim, paid_by=finance, paid_on=datetime.date.today(), reference="A"
    )

    with pytest.raises(PaymentError, match="already been paid"):
        services.claim_mark_paid(
            claim=claim, paid_by=finance, paid_on=datetime.date.today(), reference="B"
        )

    assert Claim.objects.get(pk=claim.pk).paid_reference == "A"


def test_a_claim_is_not_marked_paid_before_the_day_it_was_approved(team):
    claim = _sent(team)
    services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))
    yesterday = datetime.date.today() - datetime.timedelta(days=1)

    with pytest.raises(PaymentError, match="the day the claim was approved or after") as refused:
        services.claim_mark_paid(
            claim=claim, paid_by=team.user(Role.FINANCE), paid_on=yesterday, reference="A"
        )

    assert refused.value.field == "paid_on"
    assert Claim.objects.get(pk=claim.pk).status == "approved"


def test_a_returned_claim_says_why_and_can_be_changed_and_sent_again(team):
    claim = _sent(team)

    services.claim_return(
        claim=claim, returned_by=team.user(Role.LEAD), reason="The bus ticket photo is blurred"
    )
    claim.refresh_from_db()
    assert (claim.status, claim.returned_reason, claim.pay_by) == (
        "returned",
        "The bus ticket photo is blurred",
        None,
    )

    _bus(team, claim)
    services.claim_submit(claim=claim, submitted_by=team.user(CO))
    claim.refresh_from_db()
    assert claim.status == "submitted"


def test_a_sent_claim_cannot_change(team):
    claim = _sent(team)

    with pytest.raises(PaymentError, match="cannot change"):
        _bus(team, claim)


def test_approved_and_paid_claims_fill_the_budget_by_category(team):
    from coplan.planning import selectors as planning_selectors

    first = _sent(team)
    services.claim_approve(claim=first, approved_by=team.user(Role.LEAD))

    summary = planning_selectors.budget_summary(project=team.project)

    by_category = {c.category: (c.committed, c.paid) for c in summary.categories}
    assert by_category["paying_people"] == (Decimal("37.50"), Decimal("0.00"))
    assert by_category["expenses"] == (Decimal("4.50"), Decimal("0.00"))
    assert (summary.committed, summary.paid) == (Decimal("42.00"), Decimal("0.00"))

    services.claim_mark_paid(
        claim=first, paid_by=team.user(Role.FINANCE), paid_on=datetime.date.today(), reference="X"
    )
    summary = planning_selectors.budget_summary(project=team.project)
    assert (summary.committed, summary.paid) == (Decimal("0.00"), Decimal("42.00"))


def test_the_budget_warns_before_the_money_runs_out(team, client_for):
    from coplan.planning.models import Budget

    Budget.objects.create(project=team.project, held_pence=4500)  # £45 held, £42 approved
    services.claim_approve(claim=_sent(team), approved_by=team.user(Role.LEAD))

    page = client_for(team.user(Role.MANAGER)).get(f"/projects/{team.project.pk}/budget/")

    assert "The money is running out: only £3.00 is left" in page.content.decode()


def test_the_overview_warns_before_the_money_runs_out(team, client_for):
    from coplan.planning.models import Budget

    Budget.objects.create(project=team.project, held_pence=4500)  # £45 held, £42 approved
    services.claim_approve(claim=_sent(team), approved_by=team.user(Role.LEAD))

    page = client_for(team.user(Role.LEAD)).get(f"/projects/{team.project.pk}/")

    assert "Money is running out: £3.00 left to spend" in page.content.decode()


def test_late_claims_need_the_attention_of_lead_and_finance(team, client_for):
    claim = _sent(team)
    Claim.objects.filter(pk=claim.pk).update(pay_by=datetime.date(2020, 1, 1))
    on_the_overview = client_for(team.user(Role.LEAD)).get(f"/projects/{team.project.pk}/")

    def attention(role):
        notes = [note for note, _ in needs_attention(team.members[role])]
        return "1 claim is past the time we aim to pay in" in " ".join(notes)

    assert "1 claim is past the time we aim to pay in" in on_the_overview.content.decode()

    assert {role: attention(role) for role in Role} == {
        Role.LEAD: True,
        Role.CO_PRODUCER: False,
        Role.FACILITATOR: False,
        Role.MANAGER: False,
        Role.FINANCE: True,
    }


def test_the_payment_words_in_force_on_a_day_are_there_for_invitations(team):
    from coplan.payments.selectors import payment_words

    organisation_id = team.project.organisation_id

    assert payment_words(organisation_id=organisation_id, on=datetime.date(2027, 1, 1)) == (
        team.policy.information
    )
    assert payment_words(organisation_id=organisation_id, on=datetime.date(2025, 1, 1)) == ""
