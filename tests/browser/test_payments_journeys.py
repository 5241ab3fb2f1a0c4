"""Paying people in a real browser, on a phone-sized screen, with axe-core on every page."""

import datetime

import pytest
from playwright.sync_api import expect

from coplan.payments.models import Claim
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    PaymentPolicyFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def test_a_co_producer_claims_for_a_meeting_with_a_receipt_on_a_phone(phone_visit, tmp_path):
    visit, page = phone_visit, phone_visit.page
    member = MembershipFactory(role=Role.CO_PRODUCER, user__email="sam@example.org")
    project = member.project
    person = InvolvementFactory(project=project, person__user=member.user).person
    PaymentPolicyFactory(
        organisation=project.organisation,
        information="Payment for your time may affect some benefits.\nAsk us before you choose."
        "\n\nVouchers & travel costs do not count as income.",
    )
    meeting = MeetingFactory(
        project=project, title="Day services workshop", meets_on=datetime.date(2027, 3, 1)
    )
    InvitedPersonFactory(meeting=meeting, person=person, attendance="came")
    receipt = tmp_path / "bus-ticket.pdf"
    receipt.write_bytes(PDF)

    _sign_in(visit, "sam@example.org")
    visit.go(f"/projects/{project.pk}/payments/")
    expect(page.get_by_role("heading", name="Paying people", exact=True)).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Choose how you are paid").click()
    expect(page.get_by_text("Payment for your time may affect some benefits")).to_be_visible()
    expect(page.get_by_text("Vouchers & travel costs do not count as income.")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Bank transfer").check()
    page.get_by_role("group", name="Do you want to be paid for your time").get_by_label(
        "Yes"
    ).check()
    page.get_by_label("I have read what payment can mean for tax and benefits").check()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", name="Your bank details")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Name on the account").fill("Sam Smith")
    page.get_by_label("Sort code").fill("30-94-57")
    page.get_by_label("Account number").fill("12345678")
    page.get_by_role("button", name="Save bank details").click()
    expect(page.get_by_text("Given. Only finance can see them.")).to_be_visible()

    page.get_by_role("button", name="Start a claim").click()
    visit.assert_accessible()
    page.get_by_label("Day services workshop").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Day services workshop")).to_be_visible()
    expect(page.get_by_text("3 hours at £15.00 an hour")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Add an expense").click()
    visit.assert_accessible()
    page.get_by_label("Bus, train or tram fares").check()
    page.get_by_label("What was it?").fill("Bus from Banbury and back")
    page.get_by_label("How much did it cost?").fill("4.50")
    page.get_by_role("button", name="Add expense").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("link", name="Add a photo or PDF of the receipt")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Photo or PDF of the receipt").set_input_files(str(receipt))
    page.get_by_role("button", name="Add expense").click()

    expect(page.get_by_text("The expense has been added to the claim.")).to_be_visible()
    expect(
        page.get_by_role("link", name="See the receipt for Bus, train or tram fares")
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Send the claim").click()

    expect(page.get_by_text("Sent, waiting for approval").first).to_be_visible()
    visit.assert_accessible()
    claim = Claim.objects.get()
    assert (claim.status, claim.lines.count()) == ("submitted", 2)


def test_finance_approves_pays_and_downloads_and_an_admin_sets_the_rules(visit):
    from coplan.payments import services
    from tests.factories import PaymentChoiceFactory, StaffMembershipFactory

    page = visit.page
    finance = MembershipFactory(role=Role.FINANCE, user__email="jo@example.org")
    project = finance.project
    StaffMembershipFactory(organisation=project.organisation, user=finance.user, is_admin=True)
    MembershipFactory(project=project, role=Role.FINANCE, user__email="kim@example.org")
    co_producer = MembershipFactory(project=project, role=Role.CO_PRODUCER)
    person = InvolvementFactory(project=project, person__user=co_producer.user).person
    PaymentPolicyFactory(organisation=project.organisation)
    PaymentChoiceFactory(person=person)
    claim = services.claim_start(
        project=project,
        person=person,
        created_by=co_producer.user,
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=co_producer.user,
    )
    services.claim_submit(claim=claim, submitted_by=co_producer.user)

    _sign_in(visit, "jo@example.org")
    visit.go(f"/projects/{project.pk}/payments/claims/")
    visit.assert_accessible()
    page.get_by_role("link", name=person.full_name).click()
    visit.assert_accessible()
    page.get_by_role("button", name="Approve £4.50").click()
    expect(page.get_by_text("has been approved")).to_be_visible()
    # Two people for money: whoever approved does not mark it paid.
    expect(page.get_by_text("You approved this claim, so someone else in finance")).to_be_visible()
    expect(page.get_by_role("button", name="Mark paid")).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()
    _sign_in(visit, "kim@example.org")
    visit.go(f"/projects/{project.pk}/payments/claims/")
    page.get_by_role("link", name=person.full_name).click()
    page.get_by_role("button", name="Mark paid").click()
    visit.assert_accessible()
    page.get_by_label("Payment reference").fill("BACS 1001")
    page.get_by_role("button", name="Mark paid").click()
    expect(page.get_by_text("is marked paid")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name=f"How {person.full_name} is paid").click()
    visit.assert_accessible()
    visit.go(f"/projects/{project.pk}/payments/export/")
    visit.assert_accessible()
    visit.go(f"/projects/{project.pk}/budget/")
    visit.assert_accessible()

    page.get_by_role("button", name="Sign out").click()
    _sign_in(visit, "jo@example.org")  # the organisation admin
    visit.go(f"/organisations/{project.organisation_id}/paying-people/")
    visit.assert_accessible()
    page.get_by_role("button", name="Add a new version").click()
    visit.assert_accessible()
    page.get_by_label("Rate an hour").fill("")
    page.get_by_role("button", name="Save the rules").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    visit.assert_accessible()


def test_finance_pays_a_batch_from_the_organisation_queue_reached_by_links_only(visit):
    from django.utils import timezone

    from coplan.payments.models import ClaimLine
    from tests.factories import OrganisationFactory, ProjectFactory

    page = visit.page
    organisation = OrganisationFactory(name="Banbury Council")
    day_services = ProjectFactory(organisation=organisation, name="Day services")
    carers = ProjectFactory(organisation=organisation, name="Young carers")
    finance = MembershipFactory(
        project=day_services, role=Role.FINANCE, user__email="jo@example.org"
    ).user
    MembershipFactory(project=carers, role=Role.FINANCE, user=finance)

    def claim(project, name, status, pence):
        person = InvolvementFactory(project=project, person__full_name=name).person
        made = Claim.objects.create(
            project=project,
            person=person,
            activity="Reading the papers",
            activity_on=datetime.date(2027, 3, 1),
            status=status,
            submitted_at=timezone.now() - datetime.timedelta(days=4),
            pay_by=datetime.date(2099, 1, 5),
            approved_at=timezone.now() if status == "approved" else None,
        )
        ClaimLine.objects.create(
            claim=made, kind="expense", category="public_transport", amount_pence=pence
        )
        return made

    ann = claim(day_services, "Ann Jones", "approved", 450)
    bob = claim(carers, "Bob Patel", "approved", 1200)
    cal = claim(carers, "Cal Wright", "approved", 300)
    claim(day_services, "Dee Khan", "submitted", 800)

    _sign_in(visit, "jo@example.org")
    expect(page.get_by_text("1 claim waiting for approval, 3 to pay, 0 late")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Day services").click()
    expect(page.get_by_role("heading", name="Claims waiting for you")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Claims waiting in every project of Banbury Council").click()

    expect(page.get_by_role("heading", name="Claims waiting for finance")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="Waiting for approval (1)").click()
    expect(page.get_by_role("link", name="Dee Khan: £8.00")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("link", name="To pay (3)").click()
    page.get_by_label("Ann Jones: £4.50").check()
    page.get_by_label("Bob Patel: £12.00").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Enter the payment reference")).to_be_visible()
    expect(page.get_by_label("Bob Patel: £12.00")).to_be_checked()
    visit.assert_accessible()
    page.get_by_label("Payment reference").fill("BACS 2042")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Check before you mark 2 claims paid")).to_be_visible()
    expect(page.get_by_text("£16.50")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Mark 2 claims paid").click()

    expect(
        page.get_by_text("2 claims are marked paid with the reference BACS 2042.")
    ).to_be_visible()
    expect(page.get_by_label("Cal Wright: £3.00")).to_be_visible()
    expect(page.get_by_label("Ann Jones: £4.50")).to_have_count(0)
    visit.assert_accessible()
    statuses = dict(Claim.objects.values_list("pk", "status"))
    assert [statuses[ann.pk], statuses[bob.pk], statuses[cal.pk]] == ["paid", "paid", "approved"]
