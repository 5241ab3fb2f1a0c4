"""Paying people in the demo: the organisation's rules, Sam's choice to be paid by bank
transfer, one claim paid and one waiting for approval. Loaded once."""

import datetime
from decimal import Decimal

from django.utils import timezone

from coplan.payments import services
from coplan.payments.models import BankDetails, Claim, PaymentPolicy
from coplan.people import services as people_services
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

# A tiny, complete PDF standing in for a photographed bus ticket.
DEMO_RECEIPT = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

DEMO_INFORMATION = (
    "We pay £15 an hour for your time at meetings and for reading papers, and we pay your "
    "travel and other costs of taking part.\n"
    "Payment for your time may count as income. If you get benefits, it may change them: "
    "talk to us first, and we can give you the number of a free, independent advice line. "
    "You can choose to be paid expenses only.\n"
    "Payments of more than the tax-free amount in a year may need to go on a tax return. "
    "We will tell you how much we have paid you each April."
)


def payments_demo_load(*, project: Project) -> None:
    """Add the demo's payment rules and claims, unless they are there already."""
    organisation = project.organisation
    members = {m.role: m for m in Membership.objects.filter(project=project).select_related("user")}
    finance, sam = members[Role.FINANCE].user, members[Role.CO_PRODUCER]
    today = timezone.localdate()
    if not PaymentPolicy.objects.filter(organisation=organisation).exists():
        services.policy_create(
            organisation=organisation,
            created_by=members[Role.LEAD].user,
            applies_from=today - datetime.timedelta(days=365),
            basis="hour",
            hour_rate_pence=1500,
            paid_activities=["meetings", "reading", "preparation"],
            covered_expenses=[
                "public_transport",
                "mileage",
                "taxi",
                "parking",
                "carer",
                "childcare",
                "food",
            ],
            receipt_needed=["public_transport", "taxi", "parking", "carer", "childcare"],
            agreed_first=["taxi"],
            mileage_pence_per_mile=45,
            information=DEMO_INFORMATION,
            target_working_days=10,
        )
    person = people_services.person_for_member_get_or_create(membership=sam)
    if Claim.objects.filter(project=project, person=person).exists():
        return
    services.payment_choice_record(
        person=person,
        how="bank",
        time_paid=True,
        saw_information=True,
        information_policy=PaymentPolicy.objects.filter(organisation=organisation).first(),
        recorded_by=sam.user,
        on_behalf=False,
        where="demo data",
        project=project,
    )
    details = services.bank_details_set(
        person=person,
        name="S Co-producer",
        sort_code="000000",
        account_number="00000000",
        actor=sam.user,
        where="demo data",
        project=project,
    )
    # Sam gave them a month ago, before the first claim: long enough that payments may use
    # them without a second person (selectors.bank_details_waiting).
    BankDetails.objects.filter(pk=details.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=30)
    )
    paid = services.claim_start(
        project=project,
        person=person,
        created_by=sam.user,
        activity="Preparing questions for the day centre visit",
        activity_on=today - datetime.timedelta(days=21),
    )
    services.time_line_add(
        claim=paid, activity="preparation", minutes=90, description="", added_by=sam.user
    )
    services.expense_line_add(
        claim=paid,
        category="mileage",
        description="To the day centre and back",
        miles=Decimal("14.5"),
        added_by=sam.user,
    )
    services.claim_submit(claim=paid, submitted_by=sam.user, today=today - datetime.timedelta(20))
    services.claim_approve(claim=paid, approved_by=members[Role.LEAD].user)
    services.claim_mark_paid(claim=paid, paid_by=finance, paid_on=today, reference="DEMO-1")
    waiting = services.claim_start(
        project=project,
        person=person,
        created_by=sam.user,
        activity="Reading the papers for the first workshop",
        activity_on=today - datetime.timedelta(days=3),
    )
    services.time_line_add(
        claim=waiting, activity="reading", minutes=60, description="", added_by=sam.user
    )
    services.expense_line_add(
        claim=waiting,
        category="public_transport",
        description="Bus to the library to print the papers",
        amount_pence=480,
        receipt_content=DEMO_RECEIPT,
        added_by=sam.user,
    )
    services.claim_submit(claim=waiting, submitted_by=sam.user)
