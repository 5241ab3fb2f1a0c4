"""The API's claims, for finance (decision 0017; registered in `contributions.py`): who
sees which claim, and who may approve one or mark it paid, as on the paying people pages,
through the same services (the same locks, messages, events and webhooks). Never bank
details; receipts stay on the pages."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from coplan.core.api_parts import (
    MAX_ID,
    TOKEN_PROBLEMS,
    FromDate,
    PageLinks,
    PageNumber,
    PerPage,
    Problem,
    ProjectId,
    ToDate,
    page_links,
    page_slice,
)
from coplan.payments import rules, selectors, services
from coplan.payments.choices import ClaimStatus
from coplan.payments.forms import ReturnForm
from coplan.payments.models import Claim, ClaimLine
from coplan.projects.access import member_allowed
from coplan.projects.models import Membership

router = Router(tags=["claims"])

ClaimId = Path(..., ge=1, le=MAX_ID)
ClaimStatusFilter = Query(None, description="Only claims at this step.")

READ_ONLY = (
    "This token can only read. To approve claims or mark them paid, make a token that can "
    "read and change on Your account."
)

# What a write may answer besides its own success: 400 for a body that is not JSON, 409
# when the claim is not at the step for it (already approved or paid, sent back, bank
# details to confirm).
WRITE_PROBLEMS = {**TOKEN_PROBLEMS, 400: Problem, 409: Problem}


class ClaimOut(Schema):
    id: int
    status: ClaimStatus
    status_words: str
    person_id: int
    person_name: str
    meeting_id: int | None
    what: str
    activity_on: datetime.date
    submitted_at: datetime.datetime | None
    pay_by: datetime.date | None
    late: bool
    approved_at: datetime.datetime | None
    paid_on: datetime.date | None
    payment_reference: str
    total_pence: int
    line_count: int


class ClaimPage(PageLinks):
    items: list[ClaimOut]


class ClaimLineOut(Schema):
    id: int
    kind: str
    kind_words: str
    what: str
    description: str
    minutes: int | None
    miles: str | None = Field(description="Miles, as written: like 12.5.")
    rate_pence: int | None
    amount_pence: int
    has_receipt: bool


class ClaimDetail(ClaimOut):
    returned_reason: str
    lines: list[ClaimLineOut]


class Approval(Schema):
    total_seen_pence: int | None = Field(
        None,
        ge=0,
        le=2**53,
        description="The total you checked: if the claim changed since, it is not approved.",
    )


class SendBack(Schema):
    reason: str = Field(
        description="What needs to change, in plain words: the person sees it. Up to 2,000 "
        "characters, no hidden or control characters."
    )


class Payment(Schema):
    paid_on: datetime.date = Field(description="The day it was paid: not in the future.")
    reference: str = Field(min_length=1, max_length=100, description="The payment reference.")


def _claim_out(claim: Claim, today: datetime.date) -> dict:
    return {
        "id": claim.pk,
        "status": claim.status,
        "status_words": claim.get_status_display(),
        "person_id": claim.person_id,
        "person_name": claim.person.full_name,
        "meeting_id": claim.meeting_id,
        "what": claim.what,
        "activity_on": claim.activity_on,
        "submitted_at": claim.submitted_at,
        "pay_by": claim.pay_by,
        "late": selectors.claim_is_late(claim, today=today),
        "approved_at": claim.approved_at,
        "paid_on": claim.paid_on,
        "payment_reference": claim.paid_reference,
        "total_pence": claim.total_pence,
        "line_count": claim.line_count,
    }


def _line_out(line: ClaimLine) -> dict:
    return {
        "id": line.pk,
        "kind": line.kind,
        "kind_words": line.get_kind_display(),
        "what": line.what,
        "description": line.description,
        "minutes": line.minutes,
        "miles": str(line.miles) if line.miles is not None else None,
        "rate_pence": line.rate_pence,
        "amount_pence": line.amount_pence,
        "has_receipt": getattr(line, "receipt", None) is not None,
    }


def _claim_detail(claim: Claim) -> dict:
    lines = selectors.claim_lines(claim=claim)
    claim.total_pence, claim.line_count = selectors.claim_total(lines), len(lines)
    return {
        **_claim_out(claim, timezone.localdate()),
        "returned_reason": claim.returned_reason,
        "lines": [_line_out(line) for line in lines],
    }


def _claim_for(membership: Membership, claim_id: int) -> Claim:
    """As the pages' `claim_for`: a claim of this project (else not found) the member
    may see (else 403)."""
    claim = selectors.claim(project=membership.project, claim_id=claim_id)
    if claim is None:
        raise Http404
    if not rules.claim_may_view(claim=claim, membership=membership):
        raise PermissionDenied
    return claim


def _may_change(request: HttpRequest) -> None:
    if not request.auth.may_change:
        raise HttpError(403, READ_ONLY)


@dataclass(frozen=True)
class _Deciding:
    """Who is changing which claim, and whether it is theirs: their own, or one where
    they were the first of the two people for money."""

    membership: Membership
    claim: Claim
    user: Any
    theirs: bool


def _deciding(
    request: HttpRequest, project_id: int, claim_id: int, permission, *, first_person: str
) -> _Deciding:
    """The steps every change to one claim takes first: a read and change token (else
    403), the member's role as on the page (404 or 403), the claim (404 or 403), and
    whether it is theirs (`first_person`: the claim's field naming who sent it, or who
    approved it)."""
    _may_change(request)
    membership = member_allowed(request.auth.user, project_id, permission)
    found = _claim_for(membership, claim_id)
    user = request.auth.user
    theirs = found.person.user_id == user.pk or getattr(found, first_person) == user.pk
    return _Deciding(membership, found, user, theirs)


def _refused(error: services.PaymentError, *, theirs: bool) -> HttpError:
    """A rule the service says no to, in its words: 403 for a claim that is never yours
    to decide (two people for money), 422 for something sent, else 409."""
    if theirs:
        return HttpError(403, error.message)
    return HttpError(422 if error.field else 409, error.message)


@contextmanager
def _refusing(deciding: _Deciding) -> Iterator[None]:
    """The service's no, as `_refused` answers it."""
    try:
        yield
    except services.PaymentError as error:
        raise _refused(error, theirs=deciding.theirs) from error


def _at_another_step(claim: Claim) -> HttpError:
    """The page's words for a claim at another step."""
    return HttpError(409, f"This claim is at the step: {claim.get_status_display().lower()}.")


@router.get(
    "/projects/{project_id}/claims",
    response={200: ClaimPage, 304: None, **TOKEN_PROBLEMS},
    summary="A project's claims",
)
def claims(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = PerPage,
    status: ClaimStatus | None = ClaimStatusFilter,
    from_date: datetime.date | None = FromDate,
    to_date: datetime.date | None = ToDate,
):
    """The newest activity first, then by id. For those who see everyone's claims on the
    pages (leads, facilitators, finance). Dates are the day of the meeting or activity.
    Each claim has its total in pence; no bank details."""
    membership = member_allowed(request.auth.user, project_id, rules.VIEW_CLAIMS)
    found = selectors.claims_listed(
        project=membership.project, status=status or "", from_date=from_date, to_date=to_date
    )
    start, end = page_slice(page, per_page)
    today = timezone.localdate()
    return {
        **page_links(request, count=found.count(), page=page, per_page=per_page),
        "items": [
            _claim_out(claim, today) for claim in selectors.claims_totalled(list(found[start:end]))
        ],
    }


@router.get(
    "/projects/{project_id}/claims/{claim_id}",
    response={200: ClaimDetail, 304: None, **TOKEN_PROBLEMS},
    summary="One claim, with its lines and total",
)
def claim(request: HttpRequest, project_id: int = ProjectId, claim_id: int = ClaimId):
    """Your own claim, or any claim of the project if you see everyone's on the pages.
    Whether each expense has its receipt; the receipts themselves are only on the pages."""
    membership = member_allowed(request.auth.user, project_id, rules.OWN_CLAIMS)
    return _claim_detail(_claim_for(membership, claim_id))


@router.post(
    "/projects/{project_id}/claims/{claim_id}/approve",
    response={200: ClaimDetail, **WRITE_PROBLEMS},
    summary="Approve a claim",
)
def claim_approve(
    request: HttpRequest,
    body: Approval,
    project_id: int = ProjectId,
    claim_id: int = ClaimId,
):
    """As "Approve" on the claim's page: leads and finance, never for their own claim nor
    one they sent for someone (403). A claim not waiting for approval gets 409. The
    person is told, and webhooks hear `claim.approved`. Needs a read and change token."""
    deciding = _deciding(
        request, project_id, claim_id, rules.APPROVE_CLAIMS, first_person="submitted_by_id"
    )
    with _refusing(deciding):
        approved = services.claim_approve(
            claim=deciding.claim, approved_by=deciding.user, total_seen_pence=body.total_seen_pence
        )
    return _claim_detail(approved)


@router.post(
    "/projects/{project_id}/claims/{claim_id}/paid",
    response={200: ClaimDetail, **WRITE_PROBLEMS},
    summary="Mark a claim paid",
)
def claim_mark_paid(
    request: HttpRequest,
    body: Payment,
    project_id: int = ProjectId,
    claim_id: int = ClaimId,
):
    """As "Mark paid" on the claim's page: finance only, never for their own claim nor
    one they approved (403, two people for money). The date paid is today or before, and
    not before the day the claim was approved (422). A claim not approved gets 409, as
    does one paid by bank transfer to details a second person has not confirmed yet.
    The person is told, and webhooks hear `claim.paid`. Needs a read and change token."""
    deciding = _deciding(
        request, project_id, claim_id, rules.PAY_CLAIMS, first_person="approved_by_id"
    )
    found = deciding.claim
    if not deciding.theirs and not rules.claim_may_mark_paid(
        claim=found, membership=deciding.membership
    ):
        raise _at_another_step(found)
    with _refusing(deciding):
        paid = services.claim_mark_paid(
            claim=found, paid_by=deciding.user, paid_on=body.paid_on, reference=body.reference
        )
    return _claim_detail(paid)


@router.post(
    "/projects/{project_id}/claims/{claim_id}/send-back",
    response={200: ClaimDetail, **WRITE_PROBLEMS},
    summary="Send a claim back to change",
)
def claim_send_back(
    request: HttpRequest,
    body: SendBack,
    project_id: int = ProjectId,
    claim_id: int = ClaimId,
):
    """As "Send back" on the claim's page: leads and finance, never for their own claim
    nor one they sent for someone (403). A claim waiting for approval, or approved and not
    yet paid (finance only), can be sent back; any other gets 409. The reason is checked as
    on the page (422) and the person is told it, so they can change the claim and send it
    again. Needs a read and change token."""
    deciding = _deciding(
        request, project_id, claim_id, rules.APPROVE_CLAIMS, first_person="submitted_by_id"
    )
    found, user = deciding.claim, deciding.user
    if not deciding.theirs and not rules.claim_may_decide(
        claim=found, membership=deciding.membership
    ):
        raise _at_another_step(found)
    if found.person.user_id == user.pk:
        raise HttpError(403, "You cannot decide about your own claim")
    if deciding.theirs:
        raise HttpError(403, "You sent this claim for them, so someone else must decide about it")
    form = ReturnForm({"reason": body.reason})
    if not form.is_valid():
        raise HttpError(422, form.errors["reason"][0])
    with _refusing(deciding):
        returned = services.claim_return(
            claim=found, returned_by=user, reason=form.cleaned_data["reason"]
        )
    return _claim_detail(returned)
