"""The API's claims, for finance (decision 0017; registered in `contributions.py`): who
sees which claim, and who may approve one or mark it paid, as on the paying people pages,
through the same services (the same locks, messages, events and webhooks); finance's
download of a project's claims, and finance's queue across an organisation's projects
(its list, its download, marking a batch paid), through the pages' own functions. Never
bank details; receipts stay on the pages."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from coplan.core.api_parts import (
    MAX_ID,
    MAX_PER_PAGE,
    TOKEN_PROBLEMS,
    FromDate,
    OrganisationId,
    PageLinks,
    PageNumber,
    PerPage,
    Problem,
    ProjectId,
    ToDate,
    finish,
    page_links,
    page_slice,
    paged,
)
from coplan.payments import rules, selectors, services
from coplan.payments.access import queue_allowed
from coplan.payments.choices import ClaimStatus
from coplan.payments.forms import ExportForm, ReturnForm
from coplan.payments.models import Claim, ClaimLine
from coplan.payments.presenters import NO_LONGER_WAITING, batch_paid_words
from coplan.payments.views.export import project_claims_file
from coplan.payments.views.queue import waiting_claims_file
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


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FileFormat = Literal["xlsx", "csv"]
FileFormatQuery = Query("xlsx", description="A spreadsheet (xlsx) or CSV.")
# A file to download, as the pages give it.
FILE_ANSWER = {
    "responses": {
        200: {
            "description": "The file, as the page's download: a spreadsheet or CSV.",
            "content": {
                file_type: {"schema": {"type": "string", "format": "binary"}}
                for file_type in (XLSX, "text/csv")
            },
        }
    }
}
ApprovedFrom = Query(
    None, description="Approved on or after this day. Leave it out for the 1st of this month."
)
ApprovedTo = Query(None, description="Approved on or before this day. Leave it out for today.")
QueueStep = Literal["pay", "approve"]
QueueStepQuery = Query(
    "pay", description="Approved and waiting to be paid (pay), or waiting for approval."
)


class WaitingClaimOut(ClaimOut):
    project_id: int
    project_name: str


class WaitingCounts(Schema):
    to_approve: int
    to_pay: int
    late: int
    words: str = Field(
        description="As the queue says it: like 2 claims waiting for approval, 3 to pay, 1 late."
    )


class WaitingPage(PageLinks):
    step: QueueStep
    waiting: WaitingCounts
    items: list[WaitingClaimOut]


class BatchPayment(Payment):
    claim_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        min_length=1, max_length=MAX_PER_PAGE, description="The claims to mark paid, up to 100."
    )


class ClaimPaidOrNot(Schema):
    claim_id: int
    outcome: Literal["paid", "not_paid", "not_waiting"]
    reason: str = Field(description="Why it was not paid, in the page's words.")


class BatchPaidOut(Schema):
    claims: list[ClaimPaidOrNot] = Field(description="Each claim sent, in the order sent.")
    said: list[str] = Field(description="What the queue page says about it.")


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


def _date_parts(name: str, day: datetime.date) -> dict[str, str]:
    """A day as the page's form gets it, in day, month and year boxes."""
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


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
    "/projects/{project_id}/claims/export",
    response={200: None, 304: None, **TOKEN_PROBLEMS},
    summary="Download the claims approved between two dates",
    openapi_extra=FILE_ANSWER,
)
def claims_export(
    request: HttpRequest,
    project_id: int = ProjectId,
    from_date: datetime.date | None = ApprovedFrom,
    to_date: datetime.date | None = ApprovedTo,
    file_format: FileFormat = FileFormatQuery,
):
    """As "Download claims for finance" on the project's claims: finance only. The claims
    approved between the two dates, whether paid yet or not, oldest approval first: who to
    pay and how, the amounts by kind, the cost code and the payment reference; the same
    file as the page's. Never bank details. A read token is enough."""
    membership = member_allowed(request.auth.user, project_id, rules.PAY_CLAIMS)
    today = timezone.localdate()
    start, end = from_date or today.replace(day=1), to_date or today
    form = ExportForm(
        {
            **_date_parts("start", start),
            **_date_parts("end", end),
            "file_format": file_format,
        }
    )
    if not form.is_valid():
        raise HttpError(422, next(iter(form.errors.values()))[0])
    data = form.cleaned_data
    return finish(
        request,
        project_claims_file(
            project=membership.project,
            start=data["start"],
            end=data["end"],
            file_format=data["file_format"],
        ),
    )


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


# Finance's queue across an organisation's projects ---------------------------------------


@router.get(
    "/organisations/{organisation_id}/claims-waiting",
    response={200: WaitingPage, 304: None, **TOKEN_PROBLEMS},
    summary="The claims waiting for finance across an organisation's projects",
)
def claims_waiting(
    request: HttpRequest,
    organisation_id: int = OrganisationId,
    step: QueueStep = QueueStepQuery,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """As finance's queue ("Claims waiting") of an organisation: the claims sent for
    approval (`step=approve`) or approved and waiting to be paid (`step=pay`), in every
    project of the organisation where you are finance. Late ones first, then by the day
    to pay by, the longest waiting, and the id. With how many wait at each step and how
    many are late. Finance in none of its projects gets 403 if on its staff or in one of
    its projects, and 404 otherwise."""
    user = request.auth.user
    queue_allowed(user, organisation_id)
    today = timezone.localdate()
    waiting = selectors.queue_waiting(user=user, organisation_id=organisation_id, today=today)
    found = selectors.queue_claims_waiting(
        user=user, organisation_id=organisation_id, step=step, today=today
    )
    return {
        "step": step,
        "waiting": {
            "to_approve": waiting.to_approve,
            "to_pay": waiting.to_pay,
            "late": waiting.late,
            "words": waiting.words,
        },
        **paged(
            request,
            found,
            page=page,
            per_page=per_page,
            out=lambda claim: {
                **_claim_out(claim, today),
                "project_id": claim.project_id,
                "project_name": claim.project.name,
            },
        ),
    }


@router.post(
    "/organisations/{organisation_id}/claims-waiting/paid",
    response={200: BatchPaidOut, **WRITE_PROBLEMS},
    summary="Mark several claims waiting to be paid as paid",
)
def claims_waiting_mark_paid(
    request: HttpRequest, body: BatchPayment, organisation_id: int = OrganisationId
):
    """As "Mark paid" on finance's queue: the claims chosen, with one date paid and one
    payment reference. Each claim is marked paid on its own, locked, under the same rules
    as one claim's "Mark paid": never your own claim nor one you approved (two people for
    money), and one paid by someone else meanwhile is not paid twice. Each claim sent is
    reported back: `paid`, `not_paid` with the reason, or `not_waiting` (sent back or
    paid meanwhile, or not in your queue). `said` has the queue page's own words. A date
    paid in the future or an empty reference gets 422 and nothing is paid. Needs a read
    and change token."""
    _may_change(request)
    user = request.auth.user
    queue_allowed(user, organisation_id)
    asked = list(dict.fromkeys(body.claim_ids))
    chosen = selectors.queue_claims_chosen(
        user=user, organisation_id=organisation_id, claim_ids=asked
    )
    try:
        done = services.claims_mark_paid(
            claims=chosen, paid_by=user, paid_on=body.paid_on, reference=body.reference
        )
    except services.PaymentError as error:
        raise _refused(error, theirs=False) from error
    paid = {claim.pk for claim in done.paid}
    not_paid = {claim.pk: why for claim, why in done.not_paid}
    gone = len(asked) - len(chosen)

    def outcome(claim_id: int) -> dict:
        if claim_id in paid:
            return {"claim_id": claim_id, "outcome": "paid", "reason": ""}
        if claim_id in not_paid:
            return {"claim_id": claim_id, "outcome": "not_paid", "reason": not_paid[claim_id]}
        return {"claim_id": claim_id, "outcome": "not_waiting", "reason": NO_LONGER_WAITING}

    return {
        "claims": [outcome(claim_id) for claim_id in asked],
        "said": [words for _, words in batch_paid_words(done, body.reference, gone=gone)],
    }


@router.get(
    "/organisations/{organisation_id}/claims-waiting/export",
    response={200: None, 304: None, **TOKEN_PROBLEMS},
    summary="Download the claims waiting for finance across an organisation's projects",
    openapi_extra=FILE_ANSWER,
)
def claims_waiting_export(
    request: HttpRequest,
    organisation_id: int = OrganisationId,
    step: QueueStep = QueueStepQuery,
    file_format: FileFormat = FileFormatQuery,
):
    """As "Download" on finance's queue: every claim at that step, late ones first, with
    each claim's project's cost code; the same file as the page's. Never bank details. A
    read token is enough."""
    user = request.auth.user
    memberships = queue_allowed(user, organisation_id)
    return finish(
        request,
        waiting_claims_file(
            user=user,
            organisation=memberships[0].project.organisation,
            step=step,
            file_format=file_format,
        ),
    )
