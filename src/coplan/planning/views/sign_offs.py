"""The sign-off register: what needs signing off, by whom, by when."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify

from coplan.core import documents
from coplan.core.http import or_404, posted
from coplan.planning import rules, selectors, services, signing
from coplan.planning.forms import (
    AskSignOffForm,
    MarkSignedForm,
    SignOffDecisionForm,
    SignOffForm,
    sign_off_initial,
)
from coplan.planning.models import SignOffDecision, SignOffStatus, SignOffVersion
from coplan.planning.presenters import (
    SignOffPresenter,
    VersionPresenter,
)
from coplan.planning.views.common import SECTION, SIGNER_ROLES
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.registries import plan_gaps
from coplan.projects.roles import Role
from coplan.projects.rules import MANAGERS


@project_view(rules.VIEW_SIGN_OFFS)
def sign_offs(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    project = membership.project
    latest, changed = signing.register_versions(project, request.user)
    register = [
        SignOffPresenter(
            found, today=today, version=latest.get(found.pk), changes=changed.get(found.pk)
        )
        for found in selectors.sign_offs(project=project)
    ]
    return SECTION.page(
        request,
        membership,
        "planning/sign_offs.html",
        sign_offs=register,
        overdue_count=sum(1 for s in register if s.is_overdue),
        can_edit=membership.may(rules.EDIT_SIGN_OFFS),
        can_ask=membership.may(rules.ASK_SIGN_OFF),
        can_read=membership.may(rules.READ_SIGN_OFF_VERSION),
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


# Asking a manager to sign off, and their answer ------------------------------


@project_view(rules.ASK_SIGN_OFF)
def sign_off_ask(request: HttpRequest, membership: Membership, sign_off_id: int) -> HttpResponse:
    """The lead asks a manager to sign off the plan, or some parts of it: what they
    will read is frozen as the next version. How much is missing is said first."""
    found = or_404(selectors.sign_off(project=membership.project, sign_off_id=sign_off_id))
    if found.status == SignOffStatus.SIGNED:
        return _signed_stays(request, membership, found)
    managers = selectors.members_for_choice(project=membership.project, roles=MANAGERS)
    if not managers:
        messages.error(
            request,
            "There is no manager in this project to sign it off. Invite a manager first, "
            "from People.",
        )
        return redirect(SECTION.url("sign_offs", membership))
    offered = signing.parts_offered(membership)
    gaps = plan_gaps(membership.project)
    form = AskSignOffForm(
        posted(request),
        managers=managers,
        parts=offered,
        gaps=gaps,
        initial={
            "manager": str(found.signer_id) if found.signer_id else str(managers[0].pk),
            "parts": [name for name, _ in offered],
        },
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_ask(
            sign_off=found, lead=membership, **form.service_arguments()
        ),
        saved=lambda version: (
            f"Version {version.number} of ‘{found.what}’ has been sent to "
            f"{version.asked_of_name} to sign off."
        ),
        done=SECTION.url("sign_offs", membership),
        heading="Ask for sign-off",
        button="Send to sign off",
        back=SECTION.url("sign_offs", membership),
        template="planning/sign_off_ask.html",
        sign_off=SignOffPresenter(found, today=timezone.localdate()),
        gaps=gaps,
    )


def _version(membership: Membership, version_id: int) -> SignOffVersion:
    return or_404(selectors.sign_off_version(project=membership.project, version_id=version_id))


@project_view(rules.READ_SIGN_OFF_VERSION)
def sign_off_version(request: HttpRequest, membership: Membership, version_id: int) -> HttpResponse:
    """What the manager was asked to sign off, as it was asked: the plan's parts, what
    was missing, the answer, and what changed since the version before and since it
    was signed off."""
    version = _version(membership, version_id)
    before = selectors.previous_version(version=version)
    since_signed = None
    if version.decision == SignOffDecision.APPROVED:
        now = signing.plan_now(membership.project, request.user)
        since_signed = signing.changes_since(version, now=now)
    return SECTION.page(
        request,
        membership,
        "planning/sign_off_version.html",
        version=VersionPresenter(version),
        sign_off=SignOffPresenter(version.sign_off, today=timezone.localdate()),
        versions=selectors.sign_off_versions(sign_off=version.sign_off),
        before=before,
        since_before=signing.changes(before.sections, version.sections) if before else None,
        since_signed=since_signed,
        can_decide=version.is_waiting and membership.may(rules.DECIDE_SIGN_OFF),
        can_withdraw=version.is_waiting and membership.may(rules.ASK_SIGN_OFF),
        back=SECTION.url("sign_offs", membership),
        back_text="Back to the sign-offs",
    )


def _version_title(version: SignOffVersion) -> str:
    return f"{version.sign_off.what}: version {version.number}"


def _version_file(request: HttpRequest, membership: Membership, version_id: int):
    version = _version(membership, version_id)
    html = documents.render(
        "planning/sign_off_version_file.html",
        {"project": membership.project, "version": VersionPresenter(version)},
        title=_version_title(version),
        request=request,
    )
    name = slugify(f"{membership.project.name} {version.sign_off.what}")[:80] or "sign-off"
    return html, f"{name}-version-{version.number}"


@project_view(rules.READ_SIGN_OFF_VERSION)
def sign_off_version_pdf(
    request: HttpRequest, membership: Membership, version_id: int
) -> HttpResponse:
    """The version as a tagged PDF, made from what was frozen, never from the plan now."""
    html, name = _version_file(request, membership, version_id)
    return documents.pdf_response(html, filename=f"{name}.pdf")


@project_view(rules.READ_SIGN_OFF_VERSION)
def sign_off_version_docx(
    request: HttpRequest, membership: Membership, version_id: int
) -> HttpResponse:
    """The version as a Word document, made from what was frozen."""
    html, name = _version_file(request, membership, version_id)
    return documents.docx_response(html, filename=f"{name}.docx")


@project_view(rules.READ_SIGN_OFF_VERSION)
def sign_off_decide(request: HttpRequest, membership: Membership, version_id: int) -> HttpResponse:
    """A manager signs off the version they read, or asks for changes and says why.
    (Found first, then the manager's permission: another project's version is not found.)"""
    version = _version(membership, version_id)
    if not membership.may(rules.DECIDE_SIGN_OFF):
        raise PermissionDenied
    read = SECTION.url("sign_off_version", membership, version_id=version.pk)
    if not version.is_waiting and request.method != "POST":
        return redirect(read)
    form = SignOffDecisionForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.sign_off_decide(
            version=version, manager=membership, **form.service_arguments()
        ),
        saved=lambda answered: (
            f"You have signed off version {answered.number} of ‘{version.sign_off.what}’."
            if answered.decision == SignOffDecision.APPROVED
            else f"You have asked for changes to version {answered.number}. The lead has been told."
        ),
        done=read,
        heading="Sign it off, or ask for changes",
        button="Send your answer",
        back=read,
        template="planning/sign_off_decide.html",
        version=VersionPresenter(version),
    )


@project_view(rules.ASK_SIGN_OFF)
def sign_off_withdraw(
    request: HttpRequest, membership: Membership, version_id: int
) -> HttpResponse:
    """The lead takes back a request the manager has not answered (asked of the wrong
    manager, or the plan is about to change); the version stays, marked withdrawn."""
    version = _version(membership, version_id)
    read = SECTION.url("sign_off_version", membership, version_id=version.pk)
    if not version.is_waiting and request.method != "POST":
        return redirect(read)
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.sign_off_withdraw(version=version, lead=membership),
        removed=(
            f"You have withdrawn version {version.number} of ‘{version.sign_off.what}’. "
            f"{version.asked_of_name} has been told they do not need to answer it."
        ),
        heading="Withdraw this request for sign-off?",
        thing=f"Version {version.number} of ‘{version.sign_off.what}’, "
        f"asked of {version.asked_of_name}",
        intro=[
            f"{version.asked_of_name} will be told they do not need to answer it. "
            "The version is kept, marked as withdrawn, and you can ask for sign-off again."
        ],
        button="Yes, withdraw it",
        back=read,
        done=SECTION.url("sign_offs", membership),
    )
