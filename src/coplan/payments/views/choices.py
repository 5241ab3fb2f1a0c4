"""How someone is paid and their bank details: your own, and (for finance) anyone's
in the project, with every look at bank details written down."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted, save_form
from coplan.payments import rules, selectors, services
from coplan.payments.choices import HowPaid
from coplan.payments.forms import BankDetailsForm, PaymentChoiceForm
from coplan.payments.views import SECTION, home_url, own_person, today_policy
from coplan.people import selectors as people_selectors
from coplan.people import services as people_services
from coplan.projects.access import project_view
from coplan.projects.models import Membership


def _person_or_new(membership: Membership, person):
    """The member's own record, made when they first save something about themselves."""
    if person is None:
        return people_services.person_for_member_get_or_create(membership=membership)
    return person


def _choice_form(request, membership, person, *, on_behalf: bool, done_url: str):
    policy = today_policy(membership)
    current = selectors.payment_choice(person=person)
    initial = (
        {"how": current.how, "time_paid": "yes" if current.time_paid else "no"} if current else {}
    )
    form = PaymentChoiceForm(
        posted(request), initial=initial, needs_information=policy is not None and not on_behalf
    )
    saved = save_form(
        request,
        form,
        lambda: services.payment_choice_record(
            person=_person_or_new(membership, person),
            how=form.cleaned_data["how"],
            time_paid=form.cleaned_data["time_paid"],
            saw_information=bool(form.cleaned_data.get("saw_information")) or on_behalf,
            information_policy=policy,
            recorded_by=request.user,
            on_behalf=on_behalf,
            where=request.path,
            project=membership.project,
        ),
        "How you want to be paid has been saved.",
    )
    if saved:
        if form.cleaned_data["how"] == HowPaid.BANK and not on_behalf:
            return redirect(SECTION.url("bank_details", membership))
        return redirect(done_url)
    return SECTION.form_page(
        request,
        membership,
        form,
        heading=f"How {person.full_name} wants to be paid"
        if on_behalf
        else "How you want to be paid",
        button="Save",
        back=done_url,
        template="payments/choice_form.html",
        policy=policy,
    )


def _bank_form(request, membership, person, *, done_url: str, heading: str) -> HttpResponse:
    form = BankDetailsForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.bank_details_set(
            person=_person_or_new(membership, person),
            actor=request.user,
            where=request.path,
            project=membership.project,
            **form.cleaned_data,
        ),
        saved="The bank details have been saved.",
        heading=heading,
        intro=[
            "Only the finance team can see bank details. They are stored encrypted, and "
            "every time someone looks at them is written down.",
        ],
        button="Save bank details",
        back=done_url,
    )


@project_view(rules.OWN_CLAIMS)
def choice(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _choice_form(
        request, membership, own_person(membership), on_behalf=False, done_url=home_url(membership)
    )


@project_view(rules.OWN_CLAIMS)
def bank_details(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _bank_form(
        request,
        membership,
        own_person(membership),
        done_url=home_url(membership),
        heading="Your bank details",
    )


# Finance: anyone's ------------------------------------------------------------------


def _payee(membership: Membership, person_id: int):
    """Someone in this project (anyone else: not found), for finance only (403)."""
    involvement = or_404(
        people_selectors.participant(project=membership.project, person_id=person_id)
    )
    if not membership.may(rules.PAY_CLAIMS):
        raise PermissionDenied
    return involvement.person


def _person_url(membership: Membership, person_id: int) -> str:
    return SECTION.url("person_payment", membership, person_id=person_id)


@project_view(rules.OWN_CLAIMS)
def person_payment(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    person = _payee(membership, person_id)
    held = selectors.bank_details_held(person=person)
    account = selectors.bank_account(details=held) if held else None
    if account is not None:
        services.bank_details_view_record(
            person=person, actor=request.user, where=request.path, project=membership.project
        )
    waiting = held and selectors.bank_details_waiting(details=held, person=person)
    return SECTION.page(
        request,
        membership,
        "payments/person_payment.html",
        person=person,
        choice=selectors.payment_choice(person=person),
        account=account,
        held=held,
        waiting=waiting,
        may_confirm=bool(waiting)
        and held.updated_by_id != request.user.pk
        and person.user_id != request.user.pk,
        claims=selectors.person_claims(project=membership.project, person=person),
        back=SECTION.url("claims", membership),
        back_text="Claims",
    )


@project_view(rules.OWN_CLAIMS)
def person_choice(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    return _choice_form(
        request,
        membership,
        _payee(membership, person_id),
        on_behalf=True,
        done_url=_person_url(membership, person_id),
    )


@project_view(rules.OWN_CLAIMS)
def person_bank_details(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = _payee(membership, person_id)
    return _bank_form(
        request,
        membership,
        person,
        done_url=_person_url(membership, person_id),
        heading=f"Bank details for {person.full_name}",
    )


@project_view(rules.OWN_CLAIMS)
@require_POST
def person_bank_details_confirm(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    """A second finance member confirms the bank details they saw (two people for money)."""
    person = _payee(membership, person_id)
    held = or_404(selectors.bank_details_held(person=person))
    seen = parse_datetime(request.POST.get("seen", "")) or held.updated_at
    return SECTION.action(
        request,
        membership,
        do=lambda: services.bank_details_confirm(
            details=held, confirmed_by=request.user, seen_updated_at=seen
        ),
        message=f"You confirmed the bank details for {person.full_name}. Payments can use them.",
        back=_person_url(membership, person_id),
    )
