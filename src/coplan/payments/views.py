"""Paying people pages. Project pages go through `project_view`; a claim is found only
through the project (`selectors.claim`) and then checked against who is asking
(`rules.claim_may_*`). Organisation pages go through the staff membership."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.core.numbers import digits_read, money_words, pence_typed
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.payments import exports, receipts, rules, selectors, services
from coplan.payments.access import organisation_staff_view
from coplan.payments.choices import ClaimStatus, ExpenseCategory, HowPaid, LineKind
from coplan.payments.forms import (
    SOMETHING_ELSE,
    BankDetailsForm,
    ClaimStartForm,
    CostCodeForm,
    ExpenseForm,
    ExportForm,
    PaidForm,
    PaymentChoiceForm,
    PolicyForm,
    ReturnForm,
    TimeForm,
)
from coplan.payments.models import Claim, PaymentPolicy
from coplan.payments.presenters import NEXT_STEP, status_tag
from coplan.people import selectors as people_selectors
from coplan.people import services as people_services
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.rules import role_may

SECTION = "payments"
OPEN = (ClaimStatus.DRAFT, ClaimStatus.RETURNED)


def _page(request: HttpRequest, template: str, membership: Membership, **context) -> HttpResponse:
    return render(
        request,
        f"payments/{template}",
        {
            "membership": membership,
            "project": membership.project,
            "project_section": SECTION,
            "nav_section": "projects",
            "pence": money_words,
            "status_tag": status_tag,
            **context,
        },
        status=200,
    )


def _form_page(request, membership, form, **context) -> HttpResponse:
    return _page(request, "form.html", membership, form=form, **context)


def _may(membership: Membership, permission) -> bool:
    return role_may(membership.role, permission)


def _error_to_form(form, error: services.PaymentError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def _home_url(membership: Membership) -> str:
    return reverse("payments:home", kwargs={"project_id": membership.project_id})


def _claim_url(claim: Claim) -> str:
    return reverse("payments:claim", kwargs={"project_id": claim.project_id, "claim_id": claim.pk})


def _own_person(membership: Membership):
    return people_selectors.person_for_member(membership=membership)


def _today_policy(membership: Membership) -> PaymentPolicy | None:
    return selectors.policy_in_force(
        organisation_id=membership.project.organisation_id, on=timezone.localdate()
    )


# Your payments ----------------------------------------------------------------------


@project_view(rules.OWN_CLAIMS)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = _own_person(membership)
    choice = selectors.payment_choice(person=person)
    bank = selectors.bank_details_held(person=person)
    return _page(
        request,
        "home.html",
        membership,
        person=person,
        choice=choice,
        has_bank_details=bank is not None,
        claims=selectors.person_claims(project=membership.project, person=person),
        policy=_today_policy(membership),
        may_see_claims=_may(membership, rules.VIEW_CLAIMS),
        may_claim_for_others=_may(membership, rules.CLAIM_FOR_OTHERS),
        may_pay=_may(membership, rules.PAY_CLAIMS),
        late_count=selectors.late_claim_count(project=membership.project)
        if _may(membership, rules.VIEW_CLAIMS)
        else 0,
    )


def _choice_form(request, membership, person, *, on_behalf: bool, done_url: str):
    policy = _today_policy(membership)
    current = selectors.payment_choice(person=person)
    initial = (
        {"how": current.how, "time_paid": "yes" if current.time_paid else "no"} if current else {}
    )
    form = PaymentChoiceForm(
        posted(request), initial=initial, needs_information=policy is not None and not on_behalf
    )
    if request.method == "POST" and form.is_valid():
        if person is None:
            person = people_services.person_for_member_get_or_create(membership=membership)
        try:
            services.payment_choice_record(
                person=person,
                how=form.cleaned_data["how"],
                time_paid=form.cleaned_data["time_paid"],
                saw_information=bool(form.cleaned_data.get("saw_information")) or on_behalf,
                information_policy=policy,
                recorded_by=request.user,
                on_behalf=on_behalf,
                where=request.path,
                project=membership.project,
            )
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            messages.success(request, "How you want to be paid has been saved.")
            if form.cleaned_data["how"] == HowPaid.BANK and not on_behalf:
                return redirect("payments:bank_details", project_id=membership.project_id)
            return redirect(done_url)
    return _page(
        request,
        "choice_form.html",
        membership,
        form=form,
        policy=policy,
        on_behalf=on_behalf,
        about=person,
        back_url=done_url,
    )


@project_view(rules.OWN_CLAIMS)
def choice(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _choice_form(
        request,
        membership,
        _own_person(membership),
        on_behalf=False,
        done_url=_home_url(membership),
    )


def _bank_form(request, membership, person, *, done_url: str, heading: str) -> HttpResponse:
    form = BankDetailsForm(posted(request))
    if request.method == "POST" and form.is_valid():
        if person is None:
            person = people_services.person_for_member_get_or_create(membership=membership)
        try:
            services.bank_details_set(
                person=person,
                actor=request.user,
                where=request.path,
                project=membership.project,
                **form.cleaned_data,
            )
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            messages.success(request, "The bank details have been saved.")
            return redirect(done_url)
    return _form_page(
        request,
        membership,
        form,
        heading=heading,
        intro=[
            "Only the finance team can see bank details. They are stored encrypted, and "
            "every time someone looks at them is written down.",
        ],
        button="Save bank details",
        back_url=done_url,
    )


@project_view(rules.OWN_CLAIMS)
def bank_details(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _bank_form(
        request,
        membership,
        _own_person(membership),
        done_url=_home_url(membership),
        heading="Your bank details",
    )


# Claims -----------------------------------------------------------------------------


@project_view(rules.VIEW_CLAIMS)
def claims(request: HttpRequest, membership: Membership) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in ClaimStatus.values:
        status = ""
    found = selectors.project_claims(
        project=membership.project,
        status=status,
        late_only=request.GET.get("late") == "yes",
        page=request.GET.get("page", 1),
    )
    return _page(
        request,
        "claims.html",
        membership,
        found=found,
        shown_status=status,
        statuses=ClaimStatus.choices,
        late_only=request.GET.get("late") == "yes",
        may_claim_for_others=_may(membership, rules.CLAIM_FOR_OTHERS),
        may_pay=_may(membership, rules.PAY_CLAIMS),
    )


def _start_form(request, membership, *, person, people=None) -> HttpResponse:
    project = membership.project
    meetings = selectors.meetings_to_claim_for(project=project, person=person) if person else []
    if people is not None:
        meetings = list(project.meetings.order_by("-meets_on", "-pk"))
    form = ClaimStartForm(posted(request), meetings=meetings, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if people is not None:
            person = next(found for found in people if found.pk == data["person"])
        if person is None:
            person = people_services.person_for_member_get_or_create(membership=membership)
        meeting = None
        if data["meeting"] != SOMETHING_ELSE:
            meeting = next(found for found in meetings if str(found.pk) == data["meeting"])
        try:
            claim = services.claim_start(
                project=project,
                person=person,
                created_by=request.user,
                meeting=meeting,
                activity=data.get("activity", ""),
                activity_on=data.get("activity_on"),
            )
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            return redirect(_claim_url(claim))
    return _page(
        request,
        "claim_start.html",
        membership,
        form=form,
        for_others=people is not None,
        back_url=_home_url(membership),
    )


@project_view(rules.OWN_CLAIMS)
def claim_start(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _start_form(request, membership, person=_own_person(membership))


@project_view(rules.CLAIM_FOR_OTHERS)
def claim_start_for(request: HttpRequest, membership: Membership) -> HttpResponse:
    people = [
        involvement.person
        for involvement in membership.project.involvements.select_related("person").order_by(
            "person__full_name", "person_id"
        )
        if involvement.person.erased_at is None
    ]
    return _start_form(request, membership, person=None, people=people)


def _claim_for(membership: Membership, claim_id: int) -> Claim:
    claim = or_404(selectors.claim(project=membership.project, claim_id=claim_id))
    if not rules.claim_may_view(claim=claim, membership=membership):
        raise PermissionDenied
    return claim


def _claim_to_change(membership: Membership, claim_id: int) -> Claim:
    claim = _claim_for(membership, claim_id)
    if not rules.claim_may_change(claim=claim, membership=membership):
        raise PermissionDenied
    return claim


@project_view(rules.OWN_CLAIMS)
def claim(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_for(membership, claim_id)
    lines = selectors.claim_lines(claim=found)
    policy = selectors.policy_in_force(
        organisation_id=membership.project.organisation_id, on=found.activity_on
    )
    owed = None
    if found.meeting_id and found.status in (*OPEN, ClaimStatus.SUBMITTED):
        owed = selectors.meeting_time_owed(
            policy=policy,
            choice=selectors.payment_choice(person=found.person),
            meeting=found.meeting,
            came=selectors.attendance(meeting=found.meeting, person=found.person),
        )
    is_own = found.person.user_id == membership.user_id
    return _page(
        request,
        "claim.html",
        membership,
        claim=found,
        lines=lines,
        total=selectors.claim_total(lines),
        policy=policy,
        owed=owed,
        is_own=is_own,
        next_step=NEXT_STEP[found.status],
        is_late=selectors.claim_is_late(found, today=timezone.localdate()),
        extra_activities=selectors.extra_activities(policy),
        notices=selectors.claim_notices(claim=found) if _may(membership, rules.VIEW_CLAIMS) else [],
        may_change=rules.claim_may_change(claim=found, membership=membership),
        may_approve=rules.claim_may_approve(claim=found, membership=membership),
        may_return=rules.claim_may_decide(claim=found, membership=membership),
        may_pay=rules.claim_may_mark_paid(claim=found, membership=membership),
        may_see_people=_may(membership, rules.PAY_CLAIMS),
        LineKind=LineKind,
        ClaimStatus=ClaimStatus,
    )


@project_view(rules.OWN_CLAIMS)
def expense_add(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_to_change(membership, claim_id)
    policy = selectors.policy_in_force(
        organisation_id=membership.project.organisation_id, on=found.activity_on
    )
    covered = policy.covered_expenses if policy else []
    form = ExpenseForm(posted(request), request.FILES or None, covered=covered)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data.get("receipt")
        try:
            content = upload.read(settings.PAYMENTS_RECEIPT_MAX_BYTES + 1) if upload else None
            services.expense_line_add(
                claim=found,
                category=data["category"],
                description=data["description"],
                amount_pence=data.get("amount"),
                miles=data.get("miles"),
                agreed_by=data.get("agreed_by", ""),
                receipt_content=content,
                added_by=request.user,
            )
        except receipts.ReceiptError as error:
            form.add_error("receipt", str(error))
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            messages.success(request, "The expense has been added to the claim.")
            return redirect(_claim_url(found))
    needs = [
        ("a receipt", [ExpenseCategory(code).label for code in policy.receipt_needed])
        if policy
        else None,
        ("agreeing first", [ExpenseCategory(code).label for code in policy.agreed_first])
        if policy
        else None,
    ]
    return _page(
        request,
        "expense_form.html",
        membership,
        form=form,
        claim=found,
        policy=policy,
        needs=[need for need in needs if need and need[1]],
        mileage_rate=money_words(policy.mileage_pence_per_mile) if policy else "",
        back_url=_claim_url(found),
    )


@project_view(rules.OWN_CLAIMS)
def time_add(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_to_change(membership, claim_id)
    policy = selectors.policy_in_force(
        organisation_id=membership.project.organisation_id, on=found.activity_on
    )
    activities = selectors.extra_activities(policy)
    if not activities:
        raise PermissionDenied
    form = TimeForm(posted(request), activities=activities)
    if request.method == "POST" and form.is_valid():
        try:
            services.time_line_add(
                claim=found,
                activity=form.cleaned_data["activity"],
                minutes=form.cleaned_data["total_minutes"],
                description=form.cleaned_data["description"],
                added_by=request.user,
            )
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            messages.success(request, "The time has been added to the claim.")
            return redirect(_claim_url(found))
    return _form_page(
        request,
        membership,
        form,
        heading="Add time you spent",
        caption=found.what,
        intro=[f"Time is paid at {money_words(policy.hour_rate_pence)} an hour."],
        button="Add time",
        back_url=_claim_url(found),
        time_fields=True,
    )


@project_view(rules.OWN_CLAIMS)
@require_POST
def line_remove(
    request: HttpRequest, membership: Membership, claim_id: int, line_id: int
) -> HttpResponse:
    found = _claim_to_change(membership, claim_id)
    line = or_404(selectors.claim_line(claim=found, line_id=line_id))
    try:
        services.claim_line_remove(line=line)
    except services.PaymentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "That line has been removed from the claim.")
    return redirect(_claim_url(found))


@project_view(rules.OWN_CLAIMS)
def receipt(
    request: HttpRequest, membership: Membership, claim_id: int, line_id: int
) -> HttpResponse:
    found = _claim_for(membership, claim_id)
    line = or_404(selectors.claim_line(claim=found, line_id=line_id))
    held = or_404(getattr(line, "receipt", None))
    try:
        content = receipts.receipt_read(held.stored_name)
    except (receipts.ReceiptError, OSError) as error:
        raise Http404("The receipt file is missing") from error
    extension = receipts.EXTENSIONS[held.content_type]
    response = HttpResponse(content, content_type=held.content_type)
    disposition = "attachment" if held.content_type == receipts.PDF else "inline"
    response["Content-Disposition"] = (
        f'{disposition}; filename="receipt-{found.pk}-{line.pk}.{extension}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@project_view(rules.OWN_CLAIMS)
@require_POST
def claim_submit(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_to_change(membership, claim_id)
    try:
        services.claim_submit(claim=found, submitted_by=request.user)
    except services.PaymentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Your claim has been sent. We will tell you when it is approved.")
    return redirect(_claim_url(found))


@project_view(rules.OWN_CLAIMS)
@require_POST
def claim_remove(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_to_change(membership, claim_id)
    try:
        services.claim_remove(claim=found)
    except services.PaymentError as error:
        messages.error(request, error.message)
        return redirect(_claim_url(found))
    messages.success(request, "The claim has been removed.")
    return redirect(_home_url(membership))


@project_view(rules.APPROVE_CLAIMS)
@require_POST
def claim_approve(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_for(membership, claim_id)
    if not rules.claim_may_approve(claim=found, membership=membership):
        raise PermissionDenied
    seen = request.POST.get("total_seen_pence", "")
    try:
        services.claim_approve(
            claim=found,
            approved_by=request.user,
            total_seen_pence=digits_read(seen),
        )
    except services.PaymentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"The claim by {found.person.full_name} has been approved.")
    return redirect(_claim_url(found))


def _cannot_decide(request: HttpRequest, membership: Membership, claim: Claim) -> HttpResponse:
    """Your own claim is never yours to decide (403); a claim at another step is explained."""
    if claim.person.user_id == membership.user_id or (claim.submitted_by_id == membership.user_id):
        raise PermissionDenied
    messages.error(request, f"This claim is at the step: {claim.get_status_display().lower()}.")
    return redirect(_claim_url(claim))


@project_view(rules.APPROVE_CLAIMS)
def claim_return(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_for(membership, claim_id)
    if not rules.claim_may_decide(claim=found, membership=membership):
        return _cannot_decide(request, membership, found)
    form = ReturnForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_return(
                claim=found, returned_by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            messages.success(request, f"The claim has been sent back to {found.person.full_name}.")
            return redirect(_claim_url(found))
    return _form_page(
        request,
        membership,
        form,
        heading="Send the claim back",
        caption=f"{found.person.full_name}: {found.what}",
        intro=["They can change the claim and send it again."],
        button="Send it back",
        back_url=_claim_url(found),
    )


@project_view(rules.OWN_CLAIMS)
def claim_pay(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = _claim_for(membership, claim_id)  # a claim of another project: not found
    if not _may(membership, rules.PAY_CLAIMS):
        raise PermissionDenied
    if not rules.claim_may_mark_paid(claim=found, membership=membership):
        return _cannot_decide(request, membership, found)
    form = PaidForm(posted(request), initial={"paid_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_mark_paid(
                claim=found,
                paid_by=request.user,
                paid_on=form.cleaned_data["paid_on"],
                reference=form.cleaned_data["reference"],
            )
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            messages.success(request, f"The claim by {found.person.full_name} is marked paid.")
            return redirect(_claim_url(found))
    total = selectors.claim_total(selectors.claim_lines(claim=found))
    return _form_page(
        request,
        membership,
        form,
        heading="Mark the claim paid",
        caption=f"{found.person.full_name}: {found.what}",
        intro=[f"Total: {money_words(total)}."],
        button="Mark paid",
        back_url=_claim_url(found),
    )


@project_view(rules.VIEW_CLAIMS)
@require_POST
def notice_done(
    request: HttpRequest, membership: Membership, claim_id: int, notice_id: int
) -> HttpResponse:
    found = _claim_for(membership, claim_id)
    notice = or_404(found.notices.filter(pk=notice_id).first())
    services.notice_done(notice=notice, done_by=request.user)
    messages.success(request, "Thank you. It is written down that they have been told.")
    return redirect(_claim_url(found))


# Finance: people's payment details, cost code and export ------------------------------------


def _payee(membership: Membership, person_id: int):
    """Someone in this project (anyone else: not found), for finance only (403)."""
    involvement = or_404(
        people_selectors.participant(project=membership.project, person_id=person_id)
    )
    if not _may(membership, rules.PAY_CLAIMS):
        raise PermissionDenied
    return involvement


@project_view(rules.OWN_CLAIMS)
def person_payment(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    involvement = _payee(membership, person_id)
    person = involvement.person
    held = selectors.bank_details_held(person=person)
    account = selectors.bank_account(details=held) if held else None
    if account is not None:
        services.bank_details_view_record(
            person=person, actor=request.user, where=request.path, project=membership.project
        )
    return _page(
        request,
        "person_payment.html",
        membership,
        person=person,
        choice=selectors.payment_choice(person=person),
        account=account,
        held=held,
        claims=selectors.person_claims(project=membership.project, person=person),
    )


def _person_url(membership: Membership, person_id: int) -> str:
    return reverse(
        "payments:person_payment",
        kwargs={"project_id": membership.project_id, "person_id": person_id},
    )


@project_view(rules.OWN_CLAIMS)
def person_choice(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    involvement = _payee(membership, person_id)
    return _choice_form(
        request,
        membership,
        involvement.person,
        on_behalf=True,
        done_url=_person_url(membership, person_id),
    )


@project_view(rules.OWN_CLAIMS)
def person_bank_details(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    involvement = _payee(membership, person_id)
    return _bank_form(
        request,
        membership,
        involvement.person,
        done_url=_person_url(membership, person_id),
        heading=f"Bank details for {involvement.person.full_name}",
    )


@project_view(rules.PAY_CLAIMS)
def cost_code(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = CostCodeForm(
        posted(request),
        initial={"cost_code": selectors.project_cost_code(project=membership.project)},
    )
    if request.method == "POST" and form.is_valid():
        services.cost_code_set(project=membership.project, cost_code=form.cleaned_data["cost_code"])
        messages.success(request, "The cost code has been saved.")
        return redirect("payments:claims", project_id=membership.project_id)
    return _form_page(
        request,
        membership,
        form,
        heading="Cost code",
        caption=membership.project.name,
        button="Save cost code",
        back_url=reverse("payments:claims", kwargs={"project_id": membership.project_id}),
    )


@project_view(rules.PAY_CLAIMS)
def export(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    form = ExportForm(
        request.GET if "start-day" in request.GET else None,
        initial={"start": today.replace(day=1), "end": today, "file_format": "xlsx"},
    )
    if form.is_bound and form.is_valid():
        project = membership.project
        data = form.cleaned_data
        found = selectors.claims_for_export(project=project, start=data["start"], end=data["end"])
        rows = exports.export_rows(
            claims=found,
            choices=selectors.payment_choices_for(people=[claim.person for claim in found]),
            cost_code=selectors.project_cost_code(project=project),
        )
        name = f"claims-{project.pk}-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}"
        if data["file_format"] == "csv":
            response = HttpResponse(exports.export_csv(rows), content_type="text/csv")
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        else:
            response = HttpResponse(
                exports.export_xlsx(rows, title=f"Claims for {project.name}"),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    return _form_page(
        request,
        membership,
        form,
        heading="Download claims for finance",
        caption=membership.project.name,
        intro=[
            "Claims approved between the two dates, whether paid yet or not: who to pay, "
            "the amounts by kind, the cost code and the payment reference."
        ],
        button="Download",
        method="get",
        back_url=reverse("payments:claims", kwargs={"project_id": membership.project_id}),
    )


# The organisation's policy -----------------------------------------------------------


def _org_page(request, template: str, staff_membership: StaffMembership, **context):
    return render(
        request,
        f"payments/{template}",
        {
            "organisation": staff_membership.organisation,
            "staff_membership": staff_membership,
            "nav_section": "organisation",
            "pence": money_words,
            **context,
        },
    )


@organisation_staff_view
def policies(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    found = selectors.policies(organisation=organisation)
    today = timezone.localdate()
    return _org_page(
        request,
        "policies.html",
        staff_membership,
        policies=found,
        in_force=selectors.policy_for_day(found, today),
        today=today,
        may_change=rules.may_change_policies(staff_membership),
        ExpenseCategory=ExpenseCategory,
    )


def _policy_initial(policy: PaymentPolicy | None) -> dict:
    if policy is None:
        return {"target_working_days": 10, "half_day_up_to_hours": 4}
    initial = {name: getattr(policy, name) for name in services.POLICY_FIELDS}
    initial["half_day_up_to_hours"] = policy.half_day_up_to_minutes / 60
    initial["mileage_pence_per_mile"] = policy.mileage_pence_per_mile or None
    initial["applies_from"] = policy.applies_from
    return initial


def _policy_form(request, staff_membership, *, policy: PaymentPolicy | None, base=None):
    organisation = staff_membership.organisation
    initial = _policy_initial(policy or base)
    if policy is None:
        initial["applies_from"] = timezone.localdate()
    form = PolicyForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        applies_from = data.pop("applies_from")
        try:
            if policy is None:
                services.policy_create(
                    organisation=organisation,
                    created_by=request.user,
                    applies_from=applies_from,
                    **data,
                )
            else:
                services.policy_update(policy=policy, applies_from=applies_from, **data)
        except services.PaymentError as error:
            _error_to_form(form, error)
        else:
            messages.success(request, "The rules for paying people have been saved.")
            return redirect("payments:policies", organisation_id=organisation.pk)
    return _org_page(
        request,
        "policy_form.html",
        staff_membership,
        form=form,
        policy=policy,
        pence_typed=pence_typed,
    )


@organisation_admin_view
def policy_add(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    found = selectors.policies(organisation=staff_membership.organisation)
    base = selectors.policy_for_day(found, timezone.localdate()) or (found[0] if found else None)
    return _policy_form(request, staff_membership, policy=None, base=base)


@organisation_admin_view
def policy_edit(
    request: HttpRequest, staff_membership: StaffMembership, policy_id: int
) -> HttpResponse:
    found = or_404(
        selectors.policy(organisation=staff_membership.organisation, policy_id=policy_id)
    )
    if selectors.policy_is_used(policy=found):
        messages.error(
            request,
            "Claims have been approved with this version, so it cannot change. Add a new "
            "version from the date the change applies.",
        )
        return redirect("payments:policies", organisation_id=staff_membership.organisation_id)
    return _policy_form(request, staff_membership, policy=found)
