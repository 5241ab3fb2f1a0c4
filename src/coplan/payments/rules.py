"""Who may do what with paying people. See docs/decisions/0008-paying-people.md.

| permission                                  | lead | facil. | manager | finance | co-prod. |
|---------------------------------------------|------|--------|---------|---------|----------|
| read how paying people works, the rates     | yes  | yes    | yes     | yes     | yes      |
| choose how you are paid; your own claims    | yes  | yes    | yes     | yes     | yes      |
| see everyone's claims in the project        | yes  | yes    |         | yes     |          |
| start a claim or add expenses for someone   | yes  | yes    |         | yes     |          |
| approve a claim, or send it back            | yes  |        |         | yes     |          |
| mark paid; bank details; export; cost code  |      |        |         | yes     |          |
| the organisation's queue (below)            |      |        |         | yes     |          |

Object rules (functions below), on top of the table:
- A member sees a claim if it is their own, or they may see everyone's.
- A claim can be changed while it is not sent yet or sent back, by its person or by
  someone who may claim for others.
- Nobody approves or sends back their own claim, nor one they sent for someone else;
  nobody marks their own claim paid, nor one they approved (two people for money).

Finance's queue of an organisation (`FINANCE_QUEUE`) holds the claims waiting for
finance in every project of the organisation where the person is finance: it is reached
through those memberships, never through the organisation alone, so each claim on it is
one the person could already open, approve or mark paid in its project, under the same
rules. Someone on the organisation's staff or in one of its projects without the finance
role there is refused (403); anyone else gets "page not found".

The budget (planning) shows money committed and paid to those who see the budget;
managers see those totals there, never individual people's claims (decision 0003).
The organisation's policy is read by all its staff and changed by its admins.
"""

from coplan.organisations.models import StaffMembership
from coplan.payments.choices import ClaimStatus
from coplan.payments.models import Claim
from coplan.projects.models import Membership
from coplan.projects.roles import Role
from coplan.projects.rules import ALL_ROLES, Permission

CLAIM_STAFF = frozenset({Role.LEAD, Role.FACILITATOR, Role.FINANCE})
APPROVERS = frozenset({Role.LEAD, Role.FINANCE})
FINANCE = frozenset({Role.FINANCE})

VIEW_PAYING = Permission("read how paying people works", ALL_ROLES)
OWN_CLAIMS = Permission("choose how you are paid, and make and follow your own claims", ALL_ROLES)
VIEW_CLAIMS = Permission("see everyone's claims in the project", CLAIM_STAFF)
CLAIM_FOR_OTHERS = Permission("start a claim or add expenses for someone", CLAIM_STAFF)
APPROVE_CLAIMS = Permission("approve claims, or send them back", APPROVERS)
PAY_CLAIMS = Permission(
    "mark claims paid, see bank details, export claims and set the cost code", FINANCE
)
FINANCE_QUEUE = Permission(
    "see and pay the claims waiting for finance across the organisation's projects", FINANCE
)


def _is_own(claim: Claim, membership: Membership) -> bool:
    return claim.person.user_id is not None and claim.person.user_id == membership.user_id


def paid_by_someone_else(*, claim: Claim, user_id: int) -> bool:
    """Two people for money: nobody marks paid their own claim, nor one they approved."""
    return user_id in (claim.person.user_id, claim.approved_by_id)


def claim_may_view(*, claim: Claim, membership: Membership) -> bool:
    return _is_own(claim, membership) or VIEW_CLAIMS.allows(membership.role)


def claim_may_change(*, claim: Claim, membership: Membership) -> bool:
    if not claim.is_open_to_change:
        return False
    return _is_own(claim, membership) or CLAIM_FOR_OTHERS.allows(membership.role)


def claim_may_decide(*, claim: Claim, membership: Membership) -> bool:
    """Approve or send back: approvers, never for their own claim or one they sent."""
    if not APPROVE_CLAIMS.allows(membership.role) or _is_own(claim, membership):
        return False
    if claim.submitted_by_id is not None and claim.submitted_by_id == membership.user_id:
        return False
    return claim.status == ClaimStatus.SUBMITTED or (
        claim.status == ClaimStatus.APPROVED and PAY_CLAIMS.allows(membership.role)
    )


def claim_may_approve(*, claim: Claim, membership: Membership) -> bool:
    return claim.status == ClaimStatus.SUBMITTED and claim_may_decide(
        claim=claim, membership=membership
    )


def claim_may_mark_paid(*, claim: Claim, membership: Membership) -> bool:
    """Finance, never for their own claim nor one they approved (two people for money)."""
    return (
        claim.status == ClaimStatus.APPROVED
        and PAY_CLAIMS.allows(membership.role)
        and not paid_by_someone_else(claim=claim, user_id=membership.user_id)
    )


def may_change_policies(staff_membership: StaffMembership) -> bool:
    """The organisation's admins set its payment policy."""
    return staff_membership.is_admin


def queue_may_open(*, memberships: list[Membership]) -> bool:
    """Finance's queue of an organisation, for someone with these memberships in its
    projects: only if they are finance in at least one (the queue holds those projects)."""
    return any(FINANCE_QUEUE.allows(membership.role) for membership in memberships)
