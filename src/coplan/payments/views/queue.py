"""Finance's queue: the claims waiting for finance in every project of an organisation
where the person is finance, marking a batch of them paid with one payment reference
and date, and downloading them.

The queue is reached through the person's memberships in the organisation's projects
(`finance_queue_view`): finance in none of them is refused (403) if they are on its
staff or in one of its projects, and anyone else gets "page not found". Each claim on
it is in a project where they are finance, so it is one they could already open and
pay there, under the same rules."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from coplan.core.http import page_status, posted
from coplan.core.numbers import money_words
from coplan.organisations.models import Organisation
from coplan.payments import rules, selectors, services
from coplan.payments.access import queue_allowed
from coplan.payments.forms import BatchPaidForm
from coplan.payments.models import Claim
from coplan.payments.presenters import batch_paid_words, due_words, status_tag, waited_words
from coplan.payments.views.export import download
from coplan.projects.models import Membership


@dataclass(frozen=True)
class FinanceDesk:
    """Who is looking at an organisation's queue, through which memberships."""

    organisation: Organisation
    memberships: list[Membership]


def finance_queue_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, organisation_id: int, **kwargs) -> HttpResponse:
        memberships = queue_allowed(request.user, organisation_id)
        desk = FinanceDesk(memberships[0].project.organisation, memberships)
        return view(request, desk, **kwargs)

    return wrapped


def queue_url(organisation_id: int, **query) -> str:
    url = reverse("payments:queue", kwargs={"organisation_id": organisation_id})
    shown = "&".join(f"{name}={value}" for name, value in query.items() if value)
    return f"{url}?{shown}" if shown else url


def _step(request: HttpRequest) -> str:
    step = request.GET.get("step", "")
    return step if step in selectors.QUEUE_STEPS else ""


def _label(claim: Claim) -> str:
    return f"{claim.person.full_name}: {money_words(claim.total_pence)}"


def _hint(claim: Claim, today) -> str:
    due, _ = due_words(claim, today=today)
    return f"{claim.project.name}. {claim.what}, {waited_words(claim, today=today)}. {due}."


def _page(request, desk: FinanceDesk, template: str, **context) -> HttpResponse:
    shown = {"organisation": desk.organisation, "nav_section": "projects", **context}
    return render(request, template, shown, status=page_status(shown))


@finance_queue_view
def queue(request: HttpRequest, desk: FinanceDesk) -> HttpResponse:
    organisation_id = desk.organisation.pk
    found = selectors.finance_queue(
        user=request.user,
        organisation_id=organisation_id,
        step=_step(request),
        page=request.GET.get("page", 1),
    )
    step = found.step
    rows = list(found.page.object_list)
    others_pay = [
        claim for claim in rows if rules.paid_by_someone_else(claim=claim, user_id=request.user.pk)
    ]
    payable = [claim for claim in rows if claim not in others_pay] if step == "pay" else []
    form = BatchPaidForm(
        posted(request) if step == "pay" else None,
        choices=[(str(claim.pk), _label(claim)) for claim in payable],
        hints={str(claim.pk): _hint(claim, found.today) for claim in payable},
        initial={"paid_on": found.today},
    )
    back = queue_url(organisation_id, step=step, page=found.page.number)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        chosen = selectors.queue_claims_chosen(
            user=request.user, organisation_id=organisation_id, claim_ids=data["claims"]
        )
        if not chosen:
            form.add_error("claims", "Select the claims to mark paid")
        elif request.POST.get("confirm") != "yes":
            return _page(
                request,
                desk,
                "payments/queue_check.html",
                form=form,
                chosen=chosen,
                total=sum(claim.total_pence for claim in chosen),
                pence=money_words,
                back=back,
            )
        else:
            try:
                done = services.claims_mark_paid(
                    claims=chosen,
                    paid_by=request.user,
                    paid_on=data["paid_on"],
                    reference=data["reference"],
                )
            except services.PaymentError as error:
                error.add_to(form)
            else:
                _say(request, done, data["reference"], gone=len(set(data["claims"])) - len(chosen))
                return redirect(back)
    return _page(
        request,
        desk,
        "payments/queue.html",
        found=found,
        rows=rows,
        others_pay=others_pay if step == "pay" else [],
        form=form,
        step=step,
        form_action=back,
        due_words=due_words,
        waited_words=waited_words,
        status_tag=status_tag,
        pence=money_words,
        queue_url=queue_url,
    )


def _say(request: HttpRequest, done: services.BatchPaid, reference: str, *, gone: int) -> None:
    for paid, words in batch_paid_words(done, reference, gone=gone):
        (messages.success if paid else messages.error)(request, words)


@finance_queue_view
def queue_export(request: HttpRequest, desk: FinanceDesk) -> HttpResponse:
    return waiting_claims_file(
        user=request.user,
        organisation=desk.organisation,
        step=_step(request) or "pay",
        file_format=request.GET.get("file_format", ""),
    )


def waiting_claims_file(
    *, user, organisation: Organisation, step: str, file_format: str
) -> HttpResponse:
    """Every claim at one step of the queue, as finance downloads them (the page above
    and the API), each with its project's cost code."""
    found = selectors.queue_claims_for_export(user=user, organisation_id=organisation.pk, step=step)
    today = timezone.localdate()
    return download(
        found,
        name=f"claims-{'to-pay' if step == 'pay' else 'to-approve'}-{today:%Y%m%d}",
        file_format="csv" if file_format == "csv" else "xlsx",
        title=f"Claims waiting at {organisation.name}",
        cost_codes=selectors.cost_codes(project_ids={claim.project_id for claim in found}),
    )
