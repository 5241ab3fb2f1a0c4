"""The sign-off register: what needs signing off, by whom, by when."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from coplan.core.http import or_404, posted
from coplan.planning import rules, selectors, services
from coplan.planning.forms import (
    MarkSignedForm,
    SignOffForm,
    sign_off_initial,
)
from coplan.planning.models import SignOffStatus
from coplan.planning.presenters import (
    SignOffPresenter,
)
from coplan.planning.views.common import SECTION, SIGNER_ROLES
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.roles import Role


@project_view(rules.VIEW_SIGN_OFFS)
def sign_offs(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    register = [
        SignOffPresenter(s, today=today) for s in selectors.sign_offs(project=membership.project)
    ]
    return SECTION.page(
        request,
        membership,
        "planning/sign_offs.html",
        sign_offs=register,
        overdue_count=sum(1 for s in register if s.is_overdue),
        can_edit=membership.may(rules.EDIT_SIGN_OFFS),
        may_mark=lambda s: rules.sign_off_may_mark(
            role=membership.role, signer_is_member=s.signer_id is not None
        ),
    )


def _signers(membership: Membership) -> list[Membership]:
    members = selectors.members_for_choice(project=membership.project, roles=SIGNER_ROLES)
    return sorted(members, key=lambda m: m.role != Role.MANAGER)


def _signed_stays(request: HttpRequest, membership: Membership, found) -> HttpResponse:
    messages.error(
        request,
        f"‘{found.what}’ has been signed off, so it stays as it was signed. "
        "If something new needs signing off, add it as a new sign-off.",
    )
    return redirect(SECTION.url("sign_offs", membership))


@project_view(rules.EDIT_SIGN_OFFS)
def sign_off_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = SignOffForm(posted(request), members=_signers(membership))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_create(
            project=membership.project, **form.service_arguments()
        ),
        saved=lambda added: f"‘{added.what}’ has been added to the sign-offs.",
        heading="Add something that needs signing off",
        button="Add sign-off",
        back=SECTION.url("sign_offs", membership),
        intro=["It is really important to be clear what needs signing off, by whom, and when."],
    )


@project_view(rules.EDIT_SIGN_OFFS)
def sign_off_edit(request: HttpRequest, membership: Membership, sign_off_id: int) -> HttpResponse:
    found = or_404(selectors.sign_off(project=membership.project, sign_off_id=sign_off_id))
    if found.status == SignOffStatus.SIGNED:
        return _signed_stays(request, membership, found)
    form = SignOffForm(
        posted(request), members=_signers(membership), initial=sign_off_initial(found)
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_update(sign_off=found, **form.service_arguments()),
        saved=f"‘{found.what}’ has been saved.",
        heading="Change a sign-off",
        button="Save changes",
        back=SECTION.url("sign_offs", membership),
    )


@project_view(rules.EDIT_SIGN_OFFS)
def sign_off_remove(request: HttpRequest, membership: Membership, sign_off_id: int) -> HttpResponse:
    found = or_404(selectors.sign_off(project=membership.project, sign_off_id=sign_off_id))
    if found.status == SignOffStatus.SIGNED:
        return _signed_stays(request, membership, found)
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.sign_off_remove(sign_off=found),
        removed=f"‘{found.what}’ has been removed from the sign-offs.",
        heading="Remove this sign-off?",
        thing=found.what,
        back=SECTION.url("sign_offs", membership),
        cannot_undo=True,
    )


@project_view(rules.MARK_SIGNED)
def sign_off_sign(request: HttpRequest, membership: Membership, sign_off_id: int) -> HttpResponse:
    found = or_404(selectors.sign_off(project=membership.project, sign_off_id=sign_off_id))
    if not rules.sign_off_may_mark(
        role=membership.role, signer_is_member=found.signer_id is not None
    ):
        raise PermissionDenied
    today = timezone.localdate()
    form = MarkSignedForm(posted(request), initial={"signed_on": today})
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_mark_signed(
            sign_off=found, by=membership, **form.cleaned_data
        ),
        saved=f"‘{found.what}’ is marked as signed off.",
        heading="Mark as signed off",
        button="Mark as signed off",
        back=SECTION.url("sign_offs", membership),
        template="planning/sign_off_sign.html",
        sign_off=SignOffPresenter(found, today=today),
    )
