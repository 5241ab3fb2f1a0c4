"""What the payments app adds to what every app shares (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.core.api_routers import API_ROUTERS
from coplan.core.bench import BENCH
from coplan.core.demo import DEMO
from coplan.core.events import EVENT_KINDS, EventKind
from coplan.core.spreadsheets import DATE, MONEY, NUMBER, TEXT
from coplan.meeting_invitations.selectors import PAYMENT_INFORMATION
from coplan.notifications.kinds import kinds_register
from coplan.payments import exports, receipts, rules, selectors, services
from coplan.payments.bench import payments_bench_seed
from coplan.payments.demo import payments_demo_load
from coplan.payments.models import BankDetails
from coplan.payments.presenters import own_claim, waiting_panel
from coplan.payments.telling import KINDS
from coplan.people.everything_held import (
    ACTIVITY,
    ACTIVITY_HEADINGS,
)
from coplan.people.models import Person
from coplan.people.presenters import AUDIT_PAGES
from coplan.people.selectors import RECORD_SECTIONS, RecordSection
from coplan.people.services import (
    ERASURE,
    KEY_ROTATIONS,
    people_download_record,
    tokens_reencrypt,
)
from coplan.planning.selectors import SPENDING
from coplan.projects.models import Membership
from coplan.projects.registries import (
    EXPORTS,
    HOME_PANELS,
    NEEDS_ATTENTION,
    PROJECT_COUNTS,
    PROJECT_NAV,
    YOUR_PROJECTS_PANELS,
    Export,
    ExportColumn,
    HomePanel,
    NavEntry,
    YourProjectsPanel,
    first_few,
    project_counts,
)
from coplan.projects.roles import Role
from coplan.projects.rules import CO_PRODUCERS


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """Claims past the time the organisation aims to pay in, for those who approve them."""
    if not membership.may(rules.APPROVE_CLAIMS):
        return []
    project = membership.project
    late_claims = project_counts(membership, "payments")["late_claims"]
    if not late_claims:
        return []
    return [
        (
            f"{late_claims} claim{'s are' if late_claims != 1 else ' is'} past the "
            "time we aim to pay in",
            reverse("payments:claims", kwargs={"project_id": project.pk}) + "?late=yes",
        )
    ]


def your_claims(membership: Membership) -> dict:
    """On the co-producer's home: their claims, those to act on first, each with what to
    do next (one query, however many they made)."""
    claims, more = first_few(
        selectors.own_claims_first(project=membership.project, user_id=membership.user_id)
    )
    return {"claims": [own_claim(claim) for claim in claims], "more": more}


def finance_queues(user) -> dict | None:
    """On "Your projects", for finance: what waits for them in each organisation."""
    queues = selectors.finance_queues(user=user)
    return {"queues": queues} if queues else None


def erase(*, person: Person, user) -> None:
    """Bank details, payment choices and receipts go; claims stay, now nameless, with their
    amounts, because the organisation must keep its accounts. A receipt cannot be made
    nameless (a taxi receipt can carry a name or an address), so its file is removed from
    the private storage once the erasure is saved (decision 0016)."""
    BankDetails.objects.filter(person=person).delete()
    person.payment_choices.all().delete()
    services.receipts_of_person_remove(person=person)


def keys_rotate() -> list[str]:
    bank_details = tokens_reencrypt(BankDetails, "token")
    return [f"bank details of {bank_details} people", f"{receipts.receipts_rotate()} receipts"]


def _kind(at: int, heading: str) -> str:
    if at >= exports.MONEY_FROM:
        return MONEY
    if heading in exports.DATE_COLUMNS:
        return DATE
    return NUMBER if at == 0 else TEXT


# The columns of finance's export, with the same headings; how people are paid and the
# cost code only for finance, as on the pages.
CLAIM_COLUMNS = tuple(
    ExportColumn(
        heading,
        exports.MEANINGS[heading],
        _kind(at, heading),
        permission=rules.PAY_CLAIMS if heading in exports.FINANCE_ONLY else None,
    )
    for at, heading in enumerate(exports.COLUMNS)
)


def claim_rows(membership: Membership):
    project = membership.project
    return exports.download_rows(
        selectors.claims_for_download(project=project),
        cost_code=selectors.project_cost_code(project=project),
    )


def claims_download_record(*, membership: Membership, actor, where: str) -> None:
    people_download_record(
        people=selectors.people_claiming(project=membership.project),
        project=membership.project,
        actor=actor,
        where=where,
    )


# The payments pages that write in the access needs log, as the log says them.
AUDIT_PAGE_WORDS = {
    "payments:choice": "Payments: how you want to be paid",
    "payments:bank_details": "Payments: your bank details",
    "payments:person_payment": "Payments: their payment details",
    "payments:person_choice": "Payments: how they want to be paid",
    "payments:person_bank_details": "Payments: their bank details",
}


def register() -> None:
    kinds_register(KINDS)
    AUDIT_PAGES.register("payments", AUDIT_PAGE_WORDS, order=60)
    EVENT_KINDS.register("claim.approved", EventKind("A claim is approved"), order=10)
    EVENT_KINDS.register("claim.paid", EventKind("A claim is paid"), order=20)
    PROJECT_NAV.register(
        "payments",
        NavEntry(
            "payments",
            "payments:home",
            "Paying people",
            # Who claims, claims for others, approves or pays; the manager reads the budget
            # under "Keeping track".
            roles=frozenset({Role.LEAD, Role.FACILITATOR, Role.CO_PRODUCER, Role.FINANCE}),
        ),
        order=70,
    )
    NEEDS_ATTENTION.register("payments", needs_attention, order=20)
    PROJECT_COUNTS.register("payments", selectors.late_claim_expressions, order=20)
    HOME_PANELS.register(
        "your_claims",
        HomePanel(CO_PRODUCERS, "payments/_home_your_claims.html", your_claims),
        order=141,
    )
    HOME_PANELS.register(
        "finance_waiting",
        HomePanel(
            frozenset(rules.FINANCE_QUEUE.roles), "payments/_waiting_claims.html", waiting_panel
        ),
        order=145,
    )
    YOUR_PROJECTS_PANELS.register(
        "finance_queues",
        YourProjectsPanel("payments/_finance_queues.html", finance_queues),
        order=145,
    )
    DEMO.register("payments", lambda demo: payments_demo_load(project=demo.project), order=60)
    BENCH.register("payments", payments_bench_seed, order=60)
    EXPORTS.register(
        "claims",
        Export(
            "Claims",
            "Every claim in the project, whatever its status: who it pays, what for, where "
            "it is, and the amounts for time and each kind of expense, with the same "
            "columns as finance’s download. One row a claim.",
            rules.VIEW_CLAIMS,
            CLAIM_COLUMNS,
            claim_rows,
            record=claims_download_record,
        ),
        order=30,
    )
    SPENDING.register("payments", selectors.project_spend, order=10)
    PAYMENT_INFORMATION.register("payments", selectors.payment_words, order=10)
    RECORD_SECTIONS.register(
        "payments",
        RecordSection(
            "payments",
            selectors.payments_held_about,
            {"choices": [], "bank_details_held": False, "claims": []},
            "payments/_everything_held.html",
        ),
        order=20,
    )
    ACTIVITY.register("payments", selectors.claims_held_about, order=40)
    ACTIVITY_HEADINGS.register("claims_dealt_with", "Other people’s claims dealt with", order=110)
    ERASURE.register("payments", erase, order=10)
    KEY_ROTATIONS.register("payments", keys_rotate, order=20)
    API_ROUTERS.register("payments", "coplan.payments.api", order=60)
