"""Paying people pages, by area: `claims` (your claims, starting and filling one in),
`choices` (how someone is paid and their bank details), `approval` (approving, sending
back, paying, telling them), `export` (finance's download and cost code) and `policy`
(the organisation's rules for paying people).

Project pages go through `project_view` and are drawn by `SECTION`; a claim is found
only through the project (`claim_for`) and then checked against who is asking
(`rules.claim_may_*`). Organisation pages go through the staff membership and are
drawn by `organisation_page`."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coplan.core.http import or_404
from coplan.core.numbers import money_words
from coplan.payments import rules, selectors
from coplan.payments.models import Claim, PaymentPolicy
from coplan.payments.presenters import status_tag
from coplan.people import selectors as people_selectors
from coplan.projects.models import Membership
from coplan.projects.pages import Section

SECTION = Section(
    "payments",
    namespace="payments",
    context=lambda membership: {"pence": money_words, "status_tag": status_tag},
)


def home_url(membership: Membership) -> str:
    return SECTION.url("home", membership)


def claim_url(claim: Claim) -> str:
    return SECTION.url("claim", claim, claim_id=claim.pk)


def own_person(membership: Membership):
    return people_selectors.person_for_member(membership=membership)


def today_policy(membership: Membership) -> PaymentPolicy | None:
    return selectors.policy_in_force(
        organisation_id=membership.project.organisation_id, on=timezone.localdate()
    )


def claim_policy(membership: Membership, claim: Claim) -> PaymentPolicy | None:
    """The rules for the day the claim is for."""
    return selectors.policy_in_force(
        organisation_id=membership.project.organisation_id, on=claim.activity_on
    )


def claim_for(membership: Membership, claim_id: int) -> Claim:
    """A claim of this project (anyone else's: not found) the member may see (403)."""
    claim = or_404(selectors.claim(project=membership.project, claim_id=claim_id))
    if not rules.claim_may_view(claim=claim, membership=membership):
        raise PermissionDenied
    return claim


def claim_to_change(membership: Membership, claim_id: int) -> Claim:
    claim = claim_for(membership, claim_id)
    if not rules.claim_may_change(claim=claim, membership=membership):
        raise PermissionDenied
    return claim
