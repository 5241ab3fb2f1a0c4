"""Your claims: the paying-people home page, the list of everyone's claims, starting a
claim (for yourself or someone else) and filling it in: expenses, time, receipts,
sending it and removing it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.core.numbers import money_words
from coplan.payments import receipts, rules, selectors, services
from coplan.payments.choices import ClaimStatus, ExpenseCategory, LineKind
from coplan.payments.forms import SOMETHING_ELSE, ClaimStartForm, ExpenseForm, TimeForm
from coplan.payments.presenters import NEXT_STEP, own_claim, waiting_panel
from coplan.payments.views import (
    SECTION,
    claim_for,
    claim_policy,
    claim_to_change,
    claim_url,
    home_url,
    own_person,
    today_policy,
)
from coplan.people import services as people_services
from coplan.projects.access import project_view
from coplan.projects.models import Membership

OPEN = (ClaimStatus.DRAFT, ClaimStatus.RETURNED)


@project_view(rules.OWN_CLAIMS)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = own_person(membership)
    may_see_claims = membership.may(rules.VIEW_CLAIMS)
    return SECTION.page(
        request,
        membership,
        "payments/home.html",
        person=person,
        choice=selectors.payment_choice(person=person),
        has_bank_details=selectors.bank_details_held(person=person) is not None,
        claims=[
            own_claim(claim)
            for claim in selectors.person_claims(project=membership.project, person=person)
        ],
        policy=today_policy(membership),
        may_see_claims=may_see_claims,
        may_claim_for_others=membership.may(rules.CLAIM_FOR_OTHERS),
        may_pay=membership.may(rules.PAY_CLAIMS),
        late_count=selectors.late_claim_count(project=membership.project) if may_see_claims else 0,
        waiting=waiting_panel(membership) if membership.may(rules.FINANCE_QUEUE) else None,
    )


@project_view(rules.VIEW_CLAIMS)
def claims(request: HttpRequest, membership: Membership) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in ClaimStatus.values:
        status = ""
    late_only = request.GET.get("late") == "yes"
    return SECTION.page(
        request,
        membership,
        "payments/claims.html",
        found=selectors.project_claims(
            project=membership.project,
            status=status,
            late_only=late_only,
            page=request.GET.get("page", 1),
        ),
        shown_status=status,
        statuses=ClaimStatus.choices,
        late_only=late_only,
        may_claim_for_others=membership.may(rules.CLAIM_FOR_OTHERS),
        may_pay=membership.may(rules.PAY_CLAIMS),
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
            error.add_to(form)
        else:
            return redirect(claim_url(claim))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading="Start a claim for someone" if people is not None else "Start a claim",
        intro=["One claim for each meeting or activity. You add your expenses next."],
        button="Continue",
        back=home_url(membership),
        template="payments/claim_start.html",
    )


@project_view(rules.OWN_CLAIMS)
def claim_start(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _start_form(request, membership, person=own_person(membership))


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


@project_view(rules.OWN_CLAIMS)
def claim(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = claim_for(membership, claim_id)
    lines = selectors.claim_lines(claim=found)
    policy = claim_policy(membership, found)
    owed = None
    if found.meeting_id and found.status in (*OPEN, ClaimStatus.SUBMITTED):
        owed = selectors.meeting_time_owed(
            policy=policy,
            choice=selectors.payment_choice(person=found.person),
            meeting=found.meeting,
            came=selectors.attendance(meeting=found.meeting, person=found.person),
        )
    is_own = found.person.user_id == membership.user_id
    return SECTION.page(
        request,
        membership,
        "payments/claim.html",
        claim=found,
        lines=lines,
        total=selectors.claim_total(lines),
        policy=policy,
        owed=owed,
        is_own=is_own,
        next_step=NEXT_STEP[found.status],
        is_late=selectors.claim_is_late(found, today=timezone.localdate()),
        extra_activities=selectors.extra_activities(policy),
        notices=selectors.claim_notices(claim=found) if membership.may(rules.VIEW_CLAIMS) else [],
        may_change=rules.claim_may_change(claim=found, membership=membership),
        may_approve=rules.claim_may_approve(claim=found, membership=membership),
        may_return=rules.claim_may_decide(claim=found, membership=membership),
        may_pay=rules.claim_may_mark_paid(claim=found, membership=membership),
        may_see_people=membership.may(rules.PAY_CLAIMS),
        LineKind=LineKind,
        ClaimStatus=ClaimStatus,
    )


@project_view(rules.OWN_CLAIMS)
def expense_add(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = claim_to_change(membership, claim_id)
    policy = claim_policy(membership, found)
    form = ExpenseForm(
        posted(request), request.FILES or None, covered=policy.covered_expenses if policy else []
    )
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
            error.add_to(form)
        else:
            messages.success(request, "The expense has been added to the claim.")
            return redirect(claim_url(found))
    needs = []
    if policy:
        for what, codes in (
            ("a receipt", policy.receipt_needed),
            ("agreeing first", policy.agreed_first),
        ):
            if codes:
                needs.append((what, [ExpenseCategory(code).label for code in codes]))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading="Add an expense",
        caption=found.what,
        button="Add expense",
        back=claim_url(found),
        back_text="Back to the claim",
        template="payments/expense_form.html",
        policy=policy,
        needs=needs,
        mileage_rate=money_words(policy.mileage_pence_per_mile) if policy else "",
    )


@project_view(rules.OWN_CLAIMS)
def time_add(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = claim_to_change(membership, claim_id)
    policy = claim_policy(membership, found)
    activities = selectors.extra_activities(policy)
    if not activities:
        raise PermissionDenied
    form = TimeForm(posted(request), activities=activities)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.time_line_add(
            claim=found,
            activity=form.cleaned_data["activity"],
            minutes=form.cleaned_data["total_minutes"],
            description=form.cleaned_data["description"],
            added_by=request.user,
        ),
        saved="The time has been added to the claim.",
        heading="Add time you spent",
        caption=found.what,
        intro=[f"Time is paid at {money_words(policy.hour_rate_pence)} an hour."],
        button="Add time",
        back=claim_url(found),
        template="payments/time_form.html",
        hour_rate=money_words(policy.hour_rate_pence),
    )


@project_view(rules.OWN_CLAIMS)
@require_POST
def line_remove(
    request: HttpRequest, membership: Membership, claim_id: int, line_id: int
) -> HttpResponse:
    found = claim_to_change(membership, claim_id)
    line = or_404(selectors.claim_line(claim=found, line_id=line_id))
    return SECTION.action(
        request,
        membership,
        do=lambda: services.claim_line_remove(line=line),
        message="That line has been removed from the claim.",
        back=claim_url(found),
    )


@project_view(rules.OWN_CLAIMS)
def receipt(
    request: HttpRequest, membership: Membership, claim_id: int, line_id: int
) -> HttpResponse:
    found = claim_for(membership, claim_id)
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
    found = claim_to_change(membership, claim_id)
    return SECTION.action(
        request,
        membership,
        do=lambda: services.claim_submit(claim=found, submitted_by=request.user),
        message="Your claim has been sent. We will tell you when it is approved.",
        back=claim_url(found),
    )


@project_view(rules.OWN_CLAIMS)
@require_POST
def claim_remove(request: HttpRequest, membership: Membership, claim_id: int) -> HttpResponse:
    found = claim_to_change(membership, claim_id)
    return SECTION.action(
        request,
        membership,
        do=lambda: services.claim_remove(claim=found),
        message="The claim has been removed.",
        back=claim_url(found),
        done=home_url(membership),
    )
