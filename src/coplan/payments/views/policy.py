"""The organisation's rules for paying people: every version, each from its date.
Its staff read them; its admins add and change them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from coplan.core.formats import long_date
from coplan.core.http import or_404, posted, save_form
from coplan.core.numbers import money_words
from coplan.organisations.access import organisation_admin_view, organisation_staff_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page
from coplan.payments import rules, selectors, services
from coplan.payments.choices import ExpenseCategory
from coplan.payments.forms import PolicyForm
from coplan.payments.models import PaymentPolicy
from coplan.projects.pages import say_wording


def _policies_url(staff_membership: StaffMembership) -> str:
    return reverse(
        "payments:policies", kwargs={"organisation_id": staff_membership.organisation_id}
    )


@organisation_staff_view
def policies(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    found = selectors.policies(organisation=staff_membership.organisation)
    today = timezone.localdate()
    return organisation_page(
        request,
        staff_membership,
        "payments/policies.html",
        policies=found,
        in_force=selectors.policy_for_day(found, today),
        today=today,
        may_change=rules.may_change_policies(staff_membership),
        ExpenseCategory=ExpenseCategory,
        pence=money_words,
    )


def _policy_initial(policy: PaymentPolicy | None) -> dict:
    if policy is None:
        return {"target_working_days": 10, "half_day_up_to_hours": 4, "bank_change_days": 7}
    initial = {name: getattr(policy, name) for name in services.POLICY_FIELDS}
    initial["half_day_up_to_hours"] = policy.half_day_up_to_minutes / 60
    initial["mileage_pence_per_mile"] = policy.mileage_pence_per_mile or None
    initial["applies_from"] = policy.applies_from
    return initial


def _policy_save(staff_membership: StaffMembership, policy: PaymentPolicy | None, data: dict, user):
    data = dict(data)
    applies_from = data.pop("applies_from")
    if policy is None:
        return services.policy_create(
            organisation=staff_membership.organisation,
            created_by=user,
            applies_from=applies_from,
            **data,
        )
    return services.policy_update(policy=policy, applies_from=applies_from, **data)


def _policy_form(request, staff_membership, *, policy: PaymentPolicy | None, base=None):
    initial = _policy_initial(policy or base)
    if policy is None:
        initial["applies_from"] = timezone.localdate()
    form = PolicyForm(posted(request), initial=initial)
    back = _policies_url(staff_membership)
    if save_form(
        request,
        form,
        lambda: _policy_save(staff_membership, policy, form.cleaned_data, request.user),
        "The rules for paying people have been saved.",
    ):
        say_wording(request, form)
        return redirect(back)
    return organisation_page(
        request,
        staff_membership,
        "payments/policy_form.html",
        form=form,
        heading=f"Change the rules from {long_date(policy.applies_from)}"
        if policy
        else "New rules for paying people",
        button="Save the rules",
        back=back,
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
        return redirect(_policies_url(staff_membership))
    return _policy_form(request, staff_membership, policy=found)
