"""Deciding a claim: approving it, sending it back, marking it paid, and noting that
the person has been told."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.core.numbers import digits_read, money_words
from coplan.payments import rules, selectors, services
from coplan.payments.forms import PaidForm, ReturnForm
from coplan.payments.models import Claim
from coplan.payments.views import SECTION, claim_for, claim_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.APPROVE_CLAIMS)
@require_POST
def claim_approve(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = claim_for(membership, claim_id)
    if not rules.claim_may_approve(claim=found, membership=membership):
        raise PermissionDenied
    return SECTION.action(
        request,
        membership,
        do=lambda: services.claim_approve(
            claim=found,
            approved_by=request.user,
            total_seen_pence=digits_read(request.POST.get("total_seen_pence", "")),
        ),
        message=f"The claim by {found.person.full_name} has been approved.",
        back=claim_url(found),
    )


def _cannot_decide(request: HttpRequest, membership: Membership, claim: Claim) -> HttpResponse:
    """Your own claim is never yours to decide (403); a claim at another step is explained."""
    if claim.person.user_id == membership.user_id or (claim.submitted_by_id == membership.user_id):
        raise PermissionDenied
    messages.error(request, f"This claim is at the step: {claim.get_status_display().lower()}.")
    return redirect(claim_url(claim))


def _about(claim: Claim) -> str:
    return f"{claim.person.full_name}: {claim.what}"


@project_view(rules.APPROVE_CLAIMS)
def claim_return(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = claim_for(membership, claim_id)
    if not rules.claim_may_decide(claim=found, membership=membership):
        return _cannot_decide(request, membership, found)
    form = ReturnForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.claim_return(
            claim=found, returned_by=request.user, reason=form.cleaned_data["reason"]
        ),
        saved=f"The claim has been sent back to {found.person.full_name}.",
        heading="Send the claim back",
        caption=_about(found),
        intro=["They can change the claim and send it again."],
        button="Send it back",
        back=claim_url(found),
    )


@project_view(rules.OWN_CLAIMS)
def claim_pay(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = claim_for(membership, claim_id)  # a claim of another project: not found
    if not membership.may(rules.PAY_CLAIMS):
        raise PermissionDenied
    if not rules.claim_may_mark_paid(claim=found, membership=membership):
        return _cannot_decide(request, membership, found)
    form = PaidForm(posted(request), initial={"paid_on": timezone.localdate()})
    total = selectors.claim_total(selectors.claim_lines(claim=found))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.claim_mark_paid(
            claim=found,
            paid_by=request.user,
            paid_on=form.cleaned_data["paid_on"],
            reference=form.cleaned_data["reference"],
        ),
        saved=f"The claim by {found.person.full_name} is marked paid.",
        heading="Mark the claim paid",
        caption=_about(found),
        intro=[f"Total: {money_words(total)}."],
        button="Mark paid",
        back=claim_url(found),
    )


@project_view(rules.VIEW_CLAIMS)
@require_POST
def notice_done(
    request: HttpRequest, membership: Membership, claim_id: int, notice_id: int
) -> HttpResponse:
    found = claim_for(membership, claim_id)
    notice = or_404(found.notices.filter(pk=notice_id).first())
    return SECTION.action(
        request,
        membership,
        do=lambda: services.notice_done(notice=notice, done_by=request.user),
        message="Thank you. It is written down that they have been told.",
        back=claim_url(found),
    )
