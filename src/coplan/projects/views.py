from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from coplan.accounts.forms import JoinForm
from coplan.accounts.selectors import user_for_email
from coplan.core.http import or_404, posted
from coplan.organisations.selectors import organisations_administered, organisations_for_staff
from coplan.projects import downloads, rules, selectors, services
from coplan.projects.access import project_view
from coplan.projects.forms import InvitationForm, ProjectForm, RoleForm
from coplan.projects.models import Membership
from coplan.projects.pages import Section, say_wording
from coplan.projects.presenters import ProjectPresenter
from coplan.projects.registries import (
    Export,
    after_joining,
    exports_for,
    has_own_home,
    home_panels,
    needs_attention,
    overview_panels,
    project_counts,
    your_projects_panels,
)
from coplan.projects.roles import Role

OVERVIEW = Section("overview", namespace="projects")
PEOPLE = Section("people", namespace="projects")
DOWNLOADS = Section("downloads", namespace="projects")


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    memberships = list(selectors.memberships_for_user(user=request.user))
    staff_organisations = list(organisations_for_staff(user=request.user))
    can_start = bool(staff_organisations)
    return render(
        request,
        "projects/project_list.html",
        {
            "memberships": memberships,
            "can_start_project": can_start,
            "staff_organisations": staff_organisations,
            "administered": list(organisations_administered(user=request.user)),
            "panels": your_projects_panels(request.user),
            "nav_section": "projects",
        },
    )


@login_required
def project_create(request: HttpRequest) -> HttpResponse:
    organisations = list(organisations_for_staff(user=request.user))
    if not organisations:
        raise PermissionDenied
    form = ProjectForm(posted(request), organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = data.pop("organisation", organisations[0].pk)
        organisation = next(org for org in organisations if org.pk == chosen)
        project = services.project_create(organisation=organisation, lead=request.user, **data)
        messages.success(request, f"You have created {project.name}. You are its project lead.")
        say_wording(request, form)
        return redirect("projects:overview", project_id=project.pk)
    return render(
        request,
        "projects/project_create.html",
        {"form": form, "back": reverse("projects:list")},
        status=400 if form.errors else 200,
    )


@project_view(rules.VIEW_PROJECT)
def project_overview(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The project's first page: the lead's overview, or the home of the member's role
    (what each app registers for that role in HOME_PANELS)."""
    project = membership.project
    if has_own_home(membership):
        return OVERVIEW.page(
            request,
            membership,
            "projects/home.html",
            project=ProjectPresenter(project),
            panels=home_panels(membership),
        )
    return OVERVIEW.page(
        request,
        membership,
        "projects/overview.html",
        project=ProjectPresenter(project),
        panels=overview_panels(membership),
        attention=needs_attention(membership),
        role_counts=_role_counts(membership),
        can_edit=membership.may(rules.EDIT_PROJECT),
    )


def _role_counts(membership: Membership) -> list[tuple[str, int]]:
    """How many people have each role (read with every app's numbers for the overview)."""
    counts = project_counts(membership, "roles")
    return [(role.label, counts[role.value]) for role in Role if counts.get(role.value)]


@project_view(rules.EDIT_PROJECT)
def project_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    initial = {
        field: getattr(project, field)
        for field in ("name", "description", "reason", "start_date", "end_date")
    }
    form = ProjectForm(posted(request), initial=initial)
    return OVERVIEW.form_flow(
        request,
        membership,
        form,
        save=lambda: services.project_update(project=project, **form.cleaned_data),
        saved="The project details have been saved.",
        heading="Change project details",
        button="Save changes",
        back=OVERVIEW.url("overview", membership),
    )


@project_view(rules.VIEW_PEOPLE)
def people(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    can_manage = membership.may(rules.MANAGE_PEOPLE)
    return PEOPLE.page(
        request,
        membership,
        "projects/people.html",
        people=selectors.project_people(project=project),
        invitations=list(selectors.open_invitations(project=project)) if can_manage else [],
        can_manage=can_manage,
        show_contact_details=membership.may(rules.SEE_CONTACT_DETAILS),
    )


@project_view(rules.MANAGE_PEOPLE)
def invite(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = InvitationForm(posted(request))
    return PEOPLE.form_flow(
        request,
        membership,
        form,
        save=lambda: services.invitation_send(
            project=membership.project, invited_by=request.user, **form.cleaned_data
        ),
        saved=_invitation_sent,
        heading="Invite someone to the project",
        title="Invite someone",
        button="Send invitation",
        back=PEOPLE.url("people", membership),
    )


def _invitation_sent(sent: services.SentInvitation) -> str:
    verb = "sent a new invitation" if sent.resent else "sent an invitation"
    return f"We have {verb} to {sent.invitation.email}."


@project_view(rules.MANAGE_PEOPLE)
def change_role(request: HttpRequest, membership: Membership, membership_id: int) -> HttpResponse:
    project = membership.project
    member = or_404(selectors.project_member(project=project, membership_id=membership_id))
    form = RoleForm(posted(request), initial={"role": member.role})
    return PEOPLE.form_flow(
        request,
        membership,
        form,
        save=lambda: services.membership_change_role(
            membership=member, role=form.cleaned_data["role"]
        ),
        saved=lambda changed: (
            f"{changed.user.full_name} is now {changed.get_role_display().lower()}."
        ),
        heading=f"Change role for {member.user.full_name}",
        button="Save role",
        back=PEOPLE.url("people", membership),
    )


@project_view(rules.MANAGE_PEOPLE)
def remove_member(request: HttpRequest, membership: Membership, membership_id: int) -> HttpResponse:
    project = membership.project
    member = or_404(selectors.project_member(project=project, membership_id=membership_id))
    name = member.user.full_name
    return PEOPLE.remove_flow(
        request,
        membership,
        remove=lambda: services.membership_remove(membership=member),
        removed=f"{name} has been removed from the project.",
        done=reverse("projects:list") if member.pk == membership.pk else None,
        heading=f"Remove {name} from the project?",
        intro=["They will no longer see the project. You can invite them again later."],
        button=f"Remove {name}",
        back=PEOPLE.url("people", membership),
    )


@project_view(rules.MANAGE_PEOPLE)
@require_POST
def cancel_invitation(
    request: HttpRequest, membership: Membership, invitation_id: int
) -> HttpResponse:
    project = membership.project
    invitation = or_404(selectors.project_invitation(project=project, invitation_id=invitation_id))
    services.invitation_cancel(invitation=invitation)
    messages.success(request, f"The invitation to {invitation.email} has been cancelled.")
    return redirect("projects:people", project_id=project.pk)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation email: join the project, creating an account if needed."""
    found = selectors.invitation_for_token(token=token)
    if found is None or not found.is_open():
        return render(request, "projects/invitation_invalid.html", status=404)
    context = {"invitation": found, "project": found.project}
    if request.user.is_authenticated:
        return _accept_signed_in(request, found, context)
    if user_for_email(email=found.email) is not None:
        return render(request, "projects/invitation_sign_in.html", context)
    form = JoinForm(posted(request), email=found.email, initial={"full_name": found.full_name})
    if request.method == "POST" and form.is_valid():
        try:
            joined = services.invitation_accept_as_new_person(invitation=found, **form.cleaned_data)
        except services.ProjectRuleError as error:
            form.add_error(None, error.message)
        else:
            login(request, joined.user, backend="django.contrib.auth.backends.ModelBackend")
            return _joined(request, joined)
    return render(request, "projects/invitation_join.html", {**context, "form": form})


def _accept_signed_in(request: HttpRequest, found, context: dict) -> HttpResponse:
    problem = None
    if request.method == "POST":
        try:
            joined = services.invitation_accept(invitation=found, user=request.user)
        except services.ProjectRuleError as error:
            problem = error.message
        else:
            return _joined(request, joined)
    wrong_person = request.user.email != found.email
    return render(
        request,
        "projects/invitation_accept.html",
        {**context, "problem": problem, "wrong_person": wrong_person},
    )


def _joined(request: HttpRequest, joined: Membership) -> HttpResponse:
    messages.success(
        request,
        f"You have joined {joined.project.name} as {joined.get_role_display().lower()}.",
    )
    return redirect(
        after_joining(joined)
        or reverse("projects:overview", kwargs={"project_id": joined.project_id})
    )


@project_view(rules.DOWNLOAD_DATA)
def downloads_page(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Every download this member may have, in CSV and Excel, with what each column holds."""
    return DOWNLOADS.page(
        request,
        membership,
        "projects/downloads.html",
        exports=[
            {
                "name": name,
                "export": export,
                "columns": export.columns_for(membership),
                "urls": {
                    file_format: DOWNLOADS.url(f"download_{name}_{file_format}", membership)
                    for file_format in downloads.FORMATS
                },
            }
            for name, export in exports_for(membership)
        ],
    )


def download_view(name: str, export: Export, file_format: str):
    """The view for one download in one format, open to the roles the export allows."""

    @project_view(export.permission)
    def download(request: HttpRequest, membership: Membership) -> HttpResponse:
        return downloads.download(
            request, membership, name=name, export=export, file_format=file_format
        )

    return download
