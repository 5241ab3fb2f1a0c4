"""Pages: who sees which claim and receipt, and the steps through the pages."""

import datetime
import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coplan.payments import services
from coplan.payments.models import Claim
from coplan.projects.roles import Role
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MembershipFactory,
    PaymentChoiceFactory,
    StaffMembershipFactory,
)
from tests.form_controls import error_beside
from tests.payments.conftest import PDF

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


def _claim_with_receipt(team, person, user):
    claim = services.claim_start(
        project=team.project,
        person=person,
        created_by=user,
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    line = services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=user,
    )
    return claim, line


def _shown(response) -> str:
    """The page's text as a person reads it: tags out, entities read, spaces squeezed."""
    text = re.sub(r"<script.*?</script>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()


def _urls(team, claim, line):
    base = f"/projects/{team.project.pk}/payments/claims/{claim.pk}/"
    return [base, base + "expenses/add/", base + f"lines/{line.pk}/receipt/"]


def test_a_co_producer_cannot_open_someone_elses_claim_or_receipt(team, client_for):
    other = MembershipFactory(project=team.project, role=CO)
    person = InvolvementFactory(project=team.project, person__user=other.user).person
    PaymentChoiceFactory(person=person)
    claim, line = _claim_with_receipt(team, person, other.user)
    client = client_for(team.user(CO))

    assert [client.get(url).status_code for url in _urls(team, claim, line)] == [403, 403, 403]
    assert client_for(other.user).get(_urls(team, claim, line)[2]).status_code == 200


def test_the_manager_sees_no_ones_claims(team, client_for):
    claim, line = _claim_with_receipt(team, team.person(CO), team.user(CO))
    client = client_for(team.user(Role.MANAGER))

    assert [client.get(url).status_code for url in _urls(team, claim, line)] == [403, 403, 403]


def test_a_claim_from_another_project_is_not_found_through_your_own(team, client_for):
    claim, line = _claim_with_receipt(team, team.person(CO), team.user(CO))
    elsewhere = MembershipFactory(role=Role.FINANCE)
    client = client_for(elsewhere.user)
    urls = [
        url.replace(f"/projects/{team.project.pk}/", f"/projects/{elsewhere.project_id}/")
        for url in _urls(team, claim, line)
    ]

    assert [client.get(url).status_code for url in urls] == [404, 404, 404]


def test_the_receipt_is_served_privately_with_its_checked_type(team, client_for):
    claim, line = _claim_with_receipt(team, team.person(CO), team.user(CO))

    response = client_for(team.user(Role.FINANCE)).get(_urls(team, claim, line)[2])

    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content == PDF


def test_a_person_claims_for_a_meeting_on_their_phone_and_sends_it(team, client_for):
    InvitedPersonFactory(meeting=team.meeting, person=team.person(CO), attendance="came")
    client = client_for(team.user(CO))
    base = f"/projects/{team.project.pk}/payments/"

    started = client.post(base + "claims/new/", {"meeting": str(team.meeting.pk)})
    claim = Claim.objects.get()
    assert started.headers["Location"] == f"{base}claims/{claim.pk}/"

    added = client.post(
        f"{base}claims/{claim.pk}/expenses/add/",
        {
            "category": "public_transport",
            "description": "Bus",
            "amount": "4.50",
            "receipt": SimpleUploadedFile("ticket.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert added.status_code == 302
    client.post(f"{base}claims/{claim.pk}/send/")

    page = client.get(f"{base}claims/{claim.pk}/").content.decode()
    claim.refresh_from_db()
    assert claim.status == "submitted"
    assert "Sent, waiting for approval" in page
    assert "£42.00" in page  # 2.5 hours at £15 and the £4.50 bus fare


def test_who_agreed_an_expense_is_refused_with_a_hidden_character(team, client_for):
    claim = services.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    url = f"/projects/{team.project.pk}/payments/claims/{claim.pk}/expenses/add/"

    response = client_for(team.user(CO)).post(
        url,
        {
            "category": "public_transport",
            "description": "Bus",
            "amount": "4.50",
            "agreed_by": "Morgan\u200b Manager",
            "receipt": SimpleUploadedFile("ticket.pdf", PDF, content_type="application/pdf"),
        },
    )

    assert error_beside(response.content.decode(), "id_agreed_by") == (
        "Who agreed it must not contain hidden characters. Type it in instead of pasting it"
    )
    assert not claim.lines.exists()


def test_the_lead_approves_and_finance_marks_paid_through_the_pages(team, client_for):
    claim, _ = _claim_with_receipt(team, team.person(CO), team.user(CO))
    services.claim_submit(claim=claim, submitted_by=team.user(CO))
    client = client_for(team.user(Role.FINANCE))
    base = f"/projects/{team.project.pk}/payments/claims/{claim.pk}/"

    client_for(team.user(Role.LEAD)).post(base + "approve/", {"total_seen_pence": "450"})
    paid = client.post(
        base + "paid/",
        {
            "paid_on-day": str(datetime.date.today().day),
            "paid_on-month": str(datetime.date.today().month),
            "paid_on-year": str(datetime.date.today().year),
            "reference": "BACS 77",
        },
    )

    claim.refresh_from_db()
    assert (paid.status_code, claim.status, claim.paid_reference) == (302, "paid", "BACS 77")


def test_sending_back_needs_a_reason_in_plain_words(team, client_for):
    claim, _ = _claim_with_receipt(team, team.person(CO), team.user(CO))
    services.claim_submit(claim=claim, submitted_by=team.user(CO))
    client = client_for(team.user(Role.LEAD))
    url = f"/projects/{team.project.pk}/payments/claims/{claim.pk}/send-back/"

    empty = client.post(url, {"reason": "  "})
    sent_back = client.post(url, {"reason": "Please add the return ticket too"})

    assert "Enter what needs to change" in empty.content.decode()
    assert sent_back.status_code == 302
    page = client_for(team.user(CO)).get(f"/projects/{team.project.pk}/payments/claims/{claim.pk}/")
    assert "What needs to change Please add the return ticket too" in _shown(page)
    assert "<p" not in _shown(page)


def test_the_claims_list_puts_late_claims_first_for_finance(team, client_for):
    on_time, _ = _claim_with_receipt(team, team.person(CO), team.user(CO))
    services.claim_submit(claim=on_time, submitted_by=team.user(CO))
    person = team.person(Role.FACILITATOR)
    PaymentChoiceFactory(person=person)
    late, _ = _claim_with_receipt(team, person, team.user(Role.FACILITATOR))
    services.claim_submit(claim=late, submitted_by=team.user(Role.FACILITATOR))
    Claim.objects.filter(pk=late.pk).update(pay_by=datetime.date(2020, 1, 6))

    page = client_for(team.user(Role.FINANCE)).get(f"/projects/{team.project.pk}/payments/claims/")

    text = page.content.decode()
    assert "1 claim is past the time we aim to pay in" in text
    assert "Late: due 6 January 2020" in text
    assert text.index(person.full_name) < text.index(team.person(CO).full_name)


def test_organisation_staff_read_the_policy_and_only_admins_change_it(team, client_for):
    organisation = team.project.organisation
    staff = StaffMembershipFactory(organisation=organisation).user
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user
    outsider = StaffMembershipFactory().user
    base = f"/organisations/{organisation.pk}/paying-people/"

    assert [client_for(user).get(base).status_code for user in (staff, admin, outsider)] == [
        200,
        200,
        404,
    ]
    assert [
        client_for(user).get(base + "new/").status_code for user in (staff, admin, outsider)
    ] == [403, 200, 404]
    assert client_for(staff).get(base).content.decode().count("Payment, tax and benefits") == 0


def test_an_admin_adds_a_new_version_from_a_date(team, client_for):
    organisation = team.project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user

    response = client_for(admin).post(
        f"/organisations/{organisation.pk}/paying-people/new/",
        {
            "applies_from-day": "1",
            "applies_from-month": "4",
            "applies_from-year": "2027",
            "basis": "half_day",
            "half_day_rate_pence": "40",
            "day_rate_pence": "75",
            "half_day_up_to_hours": "3.5",
            "paid_activities": ["meetings"],
            "covered_expenses": ["public_transport", "carer", "childcare"],
            "receipt_needed": ["childcare"],
            "target_working_days": "5",
            "bank_change_days": "3",
            "information": "Tell the Jobcentre if you get benefits.",
        },
    )

    assert response.status_code == 302
    latest = organisation.payment_policies.order_by("-applies_from").first()
    assert (
        latest.applies_from,
        latest.half_day_rate_pence,
        latest.half_day_up_to_minutes,
        latest.receipt_needed,
        latest.target_working_days,
    ) == (datetime.date(2027, 4, 1), 4000, 210, ["childcare"], 5)


def test_a_version_used_by_an_approved_claim_cannot_change(team, client_for):
    claim, _ = _claim_with_receipt(team, team.person(CO), team.user(CO))
    services.claim_submit(claim=claim, submitted_by=team.user(CO))
    services.claim_approve(claim=claim, approved_by=team.user(Role.LEAD))
    organisation = team.project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user

    response = client_for(admin).get(
        f"/organisations/{organisation.pk}/paying-people/{team.policy.pk}/"
    )

    assert response.status_code == 302
    with pytest.raises(services.PaymentError, match="already been approved"):
        services.policy_create(
            organisation=organisation,
            created_by=admin,
            applies_from=datetime.date(2027, 2, 1),  # before the approved claim's day
            basis="hour",
            hour_rate_pence=100,
            information="x",
        )


def test_the_benefits_information_is_shown_before_choosing(team, client_for):
    page = client_for(team.user(Role.FACILITATOR)).get(
        f"/projects/{team.project.pk}/payments/how-you-are-paid/"
    )
    text = page.content.decode()

    assert text.index(team.policy.information) < text.index("How do you want to be paid?")


def test_choosing_without_confirming_the_information_is_refused(team, client_for):
    response = client_for(team.user(Role.FACILITATOR)).post(
        f"/projects/{team.project.pk}/payments/how-you-are-paid/",
        {"how": "vouchers", "time_paid": "yes"},
    )

    assert "Confirm you have read what payment can mean for you" in response.content.decode()
    assert team.person(Role.FACILITATOR).payment_choices.count() == 0


def test_payment_tax_and_benefits_words_show_as_paragraphs_and_line_breaks(team, client_for):
    team.policy.information = (
        "If you get Universal Credit, tell them about any payment.\r\n"
        "Call the helpline first.\r\n"
        "\r\n"
        "Vouchers & gifts <under £50> do not count."
    )
    team.policy.save()

    response = client_for(team.user(Role.FACILITATOR)).get(
        f"/projects/{team.project.pk}/payments/how-you-are-paid/"
    )

    inset = re.search(
        r'<div class="govuk-inset-text">(.*?)</div>', response.content.decode(), re.S
    ).group(1)
    assert re.findall(r"<p class=\"govuk-body\">(.*?)</p>", inset, re.S) == [
        "If you get Universal Credit, tell them about any payment.<br>Call the helpline first.",
        "Vouchers &amp; gifts &lt;under £50&gt; do not count.",
    ]
    assert "<br>" not in _shown(response)
    assert "Vouchers & gifts <under £50> do not count." in _shown(response)
