"""People pages. Every project page is reached through `project_view` and finds a
person only through their involvement in that project (`selectors.participant`)."""

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.people import importing, rules, selectors, services
from coplan.people.choices import (
    CONSENT_EXPLANATIONS,
    ConsentMethod,
    ConsentPurpose,
    InvolvementRole,
)
from coplan.people.everything_held import ACTIVITY_HEADINGS, everything_held
from coplan.people.forms import (
    ConsentForm,
    DetailsForm,
    ImportForm,
    InvolvementForm,
    MonitoringAimForm,
    MonitoringForm,
    NeedsForm,
    OwnConsentForm,
    ParticipantForm,
    RetentionForm,
    StakeholderGroupForm,
)
from coplan.people.models import Involvement, Person
from coplan.people.monitoring import QUESTION_BY_CODE, SMALL_NUMBER
from coplan.people.presenters import (
    format_words,
    group_rows,
    influence_interest_svg,
    needs_by_category,
)
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.rules import role_may

SECTION = "involvement"


def _page(request: HttpRequest, template: str, membership: Membership, **context) -> HttpResponse:
    status = context.pop("status", 200)
    return render(
        request,
        f"people/{template}",
        {
            "membership": membership,
            "project": membership.project,
            "project_section": SECTION,
            "nav_section": "projects",
            "consent_labels": dict(ConsentPurpose.choices),
            "role_labels": dict(InvolvementRole.choices),
            "format_words": format_words,
            "withdraw_url_for": None,
            **context,
        },
        status=status,
    )


def _may(membership: Membership, permission) -> bool:
    return role_may(membership.role, permission)


# The hub ---------------------------------------------------------------------------------


@project_view(rules.VIEW_STAKEHOLDERS)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    groups = selectors.stakeholder_groups(project=project)
    can_see_participants = _may(membership, rules.VIEW_PARTICIPANTS)
    return _page(
        request,
        "home.html",
        membership,
        groups=groups,
        missing=selectors.who_is_missing(groups=groups),
        participant_count=selectors.participant_count(project=project)
        if can_see_participants
        else None,
        can_see_participants=can_see_participants,
        can_see_needs=_may(membership, rules.VIEW_ACCESS_NEEDS),
        can_see_monitoring=_may(membership, rules.VIEW_MONITORING),
        is_admin=selectors.administered_organisation(
            user=request.user, organisation_id=project.organisation_id
        ),
    )


# Stakeholders -----------------------------------------------------------------------------


@project_view(rules.VIEW_STAKEHOLDERS)
def stakeholders(request: HttpRequest, membership: Membership) -> HttpResponse:
    groups = selectors.stakeholder_groups(project=membership.project)
    rows = group_rows(groups)
    return _page(
        request,
        "stakeholders.html",
        membership,
        rows=rows,
        grid=influence_interest_svg(rows),
        missing=selectors.who_is_missing(groups=groups),
        can_manage=_may(membership, rules.MANAGE_STAKEHOLDERS),
    )


@project_view(rules.VIEW_STAKEHOLDERS)
def stakeholder_grid_svg(request: HttpRequest, membership: Membership) -> HttpResponse:
    rows = group_rows(selectors.stakeholder_groups(project=membership.project))
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + influence_interest_svg(rows, standalone=True),
        content_type="image/svg+xml; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="stakeholder-grid.svg"'
    return response


def _group_form(request, membership, group=None) -> HttpResponse:
    project = membership.project
    initial = None
    if group is not None:
        initial = {
            name: getattr(group, name)
            for name in (
                "name",
                "category",
                "influence",
                "interest",
                "how_reached",
                "helpers",
                "helper_notes",
                "representation_aim",
            )
        }
    form = StakeholderGroupForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if group is None:
                saved = services.stakeholder_group_create(project=project, **form.cleaned_data)
            else:
                saved = services.stakeholder_group_update(group=group, **form.cleaned_data)
        except services.PeopleRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, f"The group ‘{saved.name}’ has been saved.")
            return redirect("people:stakeholders", project_id=project.pk)
    return _page(request, "stakeholder_form.html", membership, form=form, group=group)


@project_view(rules.MANAGE_STAKEHOLDERS)
def stakeholder_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _group_form(request, membership)


@project_view(rules.MANAGE_STAKEHOLDERS)
def stakeholder_edit(request: HttpRequest, membership: Membership, group_id: int) -> HttpResponse:
    group = or_404(selectors.stakeholder_group(project=membership.project, group_id=group_id))
    return _group_form(request, membership, group)


@project_view(rules.MANAGE_STAKEHOLDERS)
def stakeholder_remove(request: HttpRequest, membership: Membership, group_id: int) -> HttpResponse:
    group = or_404(selectors.stakeholder_group(project=membership.project, group_id=group_id))
    if request.method == "POST":
        services.stakeholder_group_remove(group=group)
        messages.success(request, f"The group ‘{group.name}’ has been removed.")
        return redirect("people:stakeholders", project_id=membership.project_id)
    return _page(request, "stakeholder_remove.html", membership, group=group)


# Participants -----------------------------------------------------------------------------


@project_view(rules.VIEW_PARTICIPANTS)
def participants(request: HttpRequest, membership: Membership) -> HttpResponse:
    page = selectors.project_participants(
        project=membership.project, page=request.GET.get("page", 1)
    )
    return _page(
        request,
        "participants.html",
        membership,
        page=page,
        can_manage=_may(membership, rules.MANAGE_PARTICIPANTS),
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    groups = selectors.stakeholder_groups(project=project)
    form = ParticipantForm(posted(request), groups=groups, initial={"role": "co_producer"})
    if request.method == "POST" and form.is_valid():
        try:
            added = services.participant_add(project=project, **form.cleaned_data)
        except services.PeopleRuleError as error:
            form.add_error(error.field, error.message)
        else:
            person = added.involvement.person
            if added.already_known:
                messages.success(
                    request,
                    f"{person.full_name} was already known to your organisation. They are now "
                    "in this project, with the details and needs they have already told you.",
                )
            else:
                messages.success(request, f"{person.full_name} has been added.")
            return redirect("people:participant", project_id=project.pk, person_id=person.pk)
    return _page(request, "participant_add.html", membership, form=form)


def _involvement(membership: Membership, person_id: int) -> Involvement:
    return or_404(selectors.participant(project=membership.project, person_id=person_id))


@project_view(rules.VIEW_PARTICIPANTS)
def participant(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    involvement = _involvement(membership, person_id)
    person = involvement.person
    needs = selectors.person_needs(person=person)
    services.needs_view_record(
        people=[person], actor=request.user, where=request.path, project=membership.project
    )
    records = selectors.consent_records(person=person)
    return _page(
        request,
        "participant.html",
        membership,
        involvement=involvement,
        person=person,
        needs=needs,
        consents=selectors.current_consents(records=records),
        consent_records=records,
        can_manage=_may(membership, rules.MANAGE_PARTICIPANTS),
        can_export=_may(membership, rules.EXPORT_OR_ERASE),
        withdraw_url_for=_withdraw_url(membership, person)
        if _may(membership, rules.MANAGE_PARTICIPANTS)
        else None,
    )


def _withdraw_url(membership: Membership, person: Person):
    def url_for(record) -> str:
        return reverse(
            "people:participant_consent_withdraw",
            kwargs={
                "project_id": membership.project_id,
                "person_id": person.pk,
                "consent_id": record.pk,
            },
        )

    return url_for


def _details_form(request, membership, person, *, done_url, about_someone_else) -> HttpResponse:
    initial = None
    if person is not None:
        initial = {
            name: getattr(person, name)
            for name in (
                "full_name",
                "email",
                "phone",
                "address",
                "contact_by",
                "formats",
                "other_language",
            )
        }
    elif request.method != "POST":
        initial = {"full_name": request.user.full_name, "email": request.user.email}
    form = DetailsForm(posted(request), initial=initial, about_someone_else=about_someone_else)
    if request.method == "POST" and form.is_valid():
        if person is None:
            person = services.person_for_member_get_or_create(membership=membership)
        try:
            services.person_update_details(person=person, **form.cleaned_data)
        except services.PeopleRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, "The details have been saved.")
            return redirect(done_url)
    return _page(
        request,
        "details_form.html",
        membership,
        form=form,
        person=person,
        back_url=done_url,
        about_someone_else=about_someone_else,
    )


def _needs_form(request, membership, person, *, done_url, about_someone_else) -> HttpResponse:
    initial = None
    if request.method != "POST" and person is not None:
        needs = selectors.person_needs(person=person)
        services.needs_view_record(
            people=[person], actor=request.user, where=request.path, project=membership.project
        )
        initial = NeedsForm.initial_from(needs)
    form = NeedsForm(posted(request), initial=initial, about_someone_else=about_someone_else)
    if request.method == "POST" and form.is_valid():
        if person is None:
            person = services.person_for_member_get_or_create(membership=membership)
        services.person_set_needs(
            person=person,
            needs=form.needs(),
            actor=request.user,
            where=request.path,
            project=membership.project,
        )
        messages.success(request, "The access needs have been saved.")
        return redirect(done_url)
    return _page(
        request,
        "needs_form.html",
        membership,
        form=form,
        person=person,
        back_url=done_url,
        about_someone_else=about_someone_else,
    )


def _participant_url(membership: Membership, person: Person) -> str:
    return reverse(
        "people:participant", kwargs={"project_id": membership.project_id, "person_id": person.pk}
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_details(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = _involvement(membership, person_id).person
    return _details_form(
        request,
        membership,
        person,
        done_url=_participant_url(membership, person),
        about_someone_else=True,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_needs(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    person = _involvement(membership, person_id).person
    return _needs_form(
        request,
        membership,
        person,
        done_url=_participant_url(membership, person),
        about_someone_else=True,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_involvement(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    involvement = _involvement(membership, person_id)
    groups = selectors.stakeholder_groups(project=membership.project)
    initial = {
        "role": involvement.role,
        "group": str(involvement.group_id or ""),
        "role_description": involvement.role_description,
        "training_needed": involvement.training_needed,
        "training_done": involvement.training_done,
    }
    form = InvolvementForm(posted(request), groups=groups, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.involvement_update(involvement=involvement, **form.cleaned_data)
        messages.success(request, "Their role and training have been saved.")
        return redirect(_participant_url(membership, involvement.person))
    return _page(request, "involvement_form.html", membership, form=form, involvement=involvement)


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_consent_add(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = _involvement(membership, person_id).person
    form = ConsentForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.consent_record(
                person=person,
                purpose=data["purpose"],
                given=data["given"] == "yes",
                given_on=data["given_on"],
                method=data["method"],
                told=data["told"],
                review_on=data["review_on"],
                recorded_by=request.user,
            )
        except services.PeopleRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, "The consent has been recorded.")
            return redirect(_participant_url(membership, person))
    return _page(
        request,
        "consent_form.html",
        membership,
        form=form,
        person=person,
        explanations={str(purpose): text for purpose, text in CONSENT_EXPLANATIONS.items()},
    )


@project_view(rules.MANAGE_PARTICIPANTS)
@require_POST
def participant_consent_withdraw(
    request: HttpRequest, membership: Membership, person_id: int, consent_id: int
) -> HttpResponse:
    person = _involvement(membership, person_id).person
    consent = or_404(selectors.person_consent(person=person, consent_id=consent_id))
    services.consent_withdraw(consent=consent)
    messages.success(request, f"Consent for {consent.get_purpose_display().lower()} is withdrawn.")
    return redirect(_participant_url(membership, person))


def _everything_held(request, membership, person, user) -> dict:
    """What is held about the person with this record and/or account; looking is logged
    against their record, if they have one."""
    if person is not None:
        services.person_export_record(
            person=person, actor=request.user, where=request.path, project=membership.project
        )
    return everything_held(
        organisation=membership.project.organisation, person=person, user=user, viewer=request.user
    )


def _export_html(request, membership, person, user, *, json_url) -> HttpResponse:
    return _page(
        request,
        "export.html",
        membership,
        export=_everything_held(request, membership, person, user),
        activity_headings=ACTIVITY_HEADINGS,
        person=person,
        json_url=json_url,
    )


def _export_json(request, membership, person, user) -> HttpResponse:
    held = _everything_held(request, membership, person, user)
    response = HttpResponse(
        json.dumps(held, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="everything-we-hold.json"'
    return response


@project_view(rules.EXPORT_OR_ERASE)
def participant_export(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = _involvement(membership, person_id).person
    json_url = reverse(
        "people:participant_export_json",
        kwargs={"project_id": membership.project_id, "person_id": person.pk},
    )
    return _export_html(request, membership, person, person.user, json_url=json_url)


@project_view(rules.EXPORT_OR_ERASE)
def participant_export_json(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = _involvement(membership, person_id).person
    return _export_json(request, membership, person, person.user)


@project_view(rules.EXPORT_OR_ERASE)
def participant_erase(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    involvement = _involvement(membership, person_id)
    person = involvement.person
    problem = None
    if request.method == "POST":
        name = person.full_name
        try:
            services.person_erase(
                person=person, actor=request.user, where=request.path, project=membership.project
            )
        except services.PeopleRuleError as error:
            problem = error.message
        else:
            messages.success(
                request,
                f"{name} has been erased. The counts of people involved have not changed.",
            )
            return redirect("people:participants", project_id=membership.project_id)
    return _page(
        request,
        "erase.html",
        membership,
        person=person,
        problem=problem,
        status=400 if problem else 200,
    )


# Import ------------------------------------------------------------------------------------


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_import(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ImportForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        upload = services.participant_import_upload(
            project=membership.project,
            uploaded_by=request.user,
            file_name=uploaded.name or "participants.csv",
            content=uploaded.read(),
        )
        return redirect(
            "people:participant_import_preview",
            project_id=membership.project_id,
            import_id=upload.pk,
        )
    return _page(
        request,
        "import.html",
        membership,
        form=form,
        headings=importing.TEMPLATE_HEADINGS,
        max_rows=importing.MAX_ROWS,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_import_template(request: HttpRequest, membership: Membership) -> HttpResponse:
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="participants-template.csv"'
    return response


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_import_preview(
    request: HttpRequest, membership: Membership, import_id: int
) -> HttpResponse:
    upload = or_404(selectors.participant_import(project=membership.project, import_id=import_id))
    problem = None
    if request.method == "POST":
        try:
            added = services.participant_import_confirm(upload=upload, actor=request.user)
        except services.PeopleRuleError as error:
            problem = error.message
        else:
            messages.success(
                request, f"{added} {'person has' if added == 1 else 'people have'} been added."
            )
            return redirect("people:participants", project_id=membership.project_id)
    preview = services.participant_import_preview(upload=upload)
    return _page(
        request,
        "import_preview.html",
        membership,
        upload=upload,
        preview=preview,
        sample=preview.check.rows[:20],
        problem=problem,
        status=400 if problem else 200,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
@require_POST
def participant_import_cancel(
    request: HttpRequest, membership: Membership, import_id: int
) -> HttpResponse:
    upload = or_404(selectors.participant_import(project=membership.project, import_id=import_id))
    services.participant_import_cancel(upload=upload)
    messages.success(request, "The import has been cancelled. Nothing was saved.")
    return redirect("people:participants", project_id=membership.project_id)


# Access needs for the whole project ---------------------------------------------------------


@project_view(rules.VIEW_ACCESS_NEEDS)
def access_needs(request: HttpRequest, membership: Membership) -> HttpResponse:
    rows = selectors.project_access_needs(project=membership.project)
    services.needs_view_record_project(
        project=membership.project, actor=request.user, where=request.path
    )
    return _page(
        request,
        "access_needs.html",
        membership,
        rows=rows,
        categories=needs_by_category(rows),
        participant_count=selectors.participant_count(project=membership.project),
    )


# Your own details ------------------------------------------------------------------------------


def _own_url(membership: Membership) -> str:
    return reverse("people:your_details", kwargs={"project_id": membership.project_id})


@project_view(rules.OWN_DETAILS)
def your_details(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    needs = selectors.person_needs(person=person) if person else None
    records = selectors.consent_records(person=person) if person else []
    if person is not None:
        services.needs_view_record(
            people=[person], actor=request.user, where=request.path, project=membership.project
        )
    return _page(
        request,
        "your_details.html",
        membership,
        person=person,
        needs=needs,
        consents=selectors.current_consents(records=records),
    )


@project_view(rules.OWN_DETAILS)
def your_details_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    return _details_form(
        request, membership, person, done_url=_own_url(membership), about_someone_else=False
    )


@project_view(rules.OWN_DETAILS)
def your_needs_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    return _needs_form(
        request, membership, person, done_url=_own_url(membership), about_someone_else=False
    )


@project_view(rules.OWN_DETAILS)
def your_consents(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    records = selectors.consent_records(person=person) if person else []
    current = selectors.current_consents(records=records)
    initial = {
        purpose: ("yes" if selectors.consent_is_given(record) else "no")
        for purpose, record in current.items()
        if record is not None
    }
    form = OwnConsentForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        if person is None:
            person = services.person_for_member_get_or_create(membership=membership)
        for purpose, answer in form.cleaned_data.items():
            if initial.get(purpose) != answer:
                services.consent_record(
                    person=person,
                    purpose=purpose,
                    given=answer == "yes",
                    given_on=timezone.localdate(),
                    method=ConsentMethod.ONLINE,
                    told=CONSENT_EXPLANATIONS[purpose],
                    recorded_by=request.user,
                )
        messages.success(request, "Your answers have been saved.")
        return redirect(_own_url(membership))
    return _page(request, "your_consents.html", membership, form=form)


@project_view(rules.OWN_DETAILS)
def your_export(request: HttpRequest, membership: Membership) -> HttpResponse:
    """For every member, with a person record or not (a manager or finance may have none)."""
    person = selectors.person_for_member(membership=membership)
    json_url = reverse("people:your_export_json", kwargs={"project_id": membership.project_id})
    return _export_html(request, membership, person, request.user, json_url=json_url)


@project_view(rules.OWN_DETAILS)
def your_export_json(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    return _export_json(request, membership, person, request.user)


# Equality monitoring ----------------------------------------------------------------------------


@project_view(rules.GIVE_MONITORING)
def monitoring_form(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = MonitoringForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.monitoring_response_add(project=membership.project, answers=form.cleaned_data)
        messages.success(request, "Thank you. Your answers have been saved, without your name.")
        return redirect("people:home", project_id=membership.project_id)
    return _page(
        request,
        "monitoring_form.html",
        membership,
        form=form,
        can_manage=_may(membership, rules.MANAGE_MONITORING),
    )


@project_view(rules.VIEW_MONITORING)
def monitoring_report(request: HttpRequest, membership: Membership) -> HttpResponse:
    total, questions = selectors.monitoring_report(project=membership.project)
    return _page(
        request,
        "monitoring_report.html",
        membership,
        total=total,
        questions=questions,
        small_number=SMALL_NUMBER,
        can_manage=_may(membership, rules.MANAGE_MONITORING),
    )


@project_view(rules.MANAGE_MONITORING)
def monitoring_aims(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    form = MonitoringAimForm(posted(request))
    if request.method == "POST" and form.is_valid():
        question, answer = form.question_and_answer()
        try:
            services.monitoring_aim_set(
                project=project, question=question, answer=answer, aim=form.cleaned_data["aim"]
            )
        except services.PeopleRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, "The aim has been saved.")
            return redirect("people:monitoring_aims", project_id=project.pk)
    aims = [
        (aim, QUESTION_BY_CODE[aim.question])
        for aim in selectors.monitoring_aims(project=project)
        if aim.question in QUESTION_BY_CODE
    ]
    return _page(request, "monitoring_aims.html", membership, form=form, aims=aims)


@project_view(rules.MANAGE_MONITORING)
@require_POST
def monitoring_aim_remove(
    request: HttpRequest, membership: Membership, aim_id: int
) -> HttpResponse:
    aim = or_404(selectors.monitoring_aim(project=membership.project, aim_id=aim_id))
    services.monitoring_aim_remove(aim=aim)
    messages.success(request, "The aim has been removed.")
    return redirect("people:monitoring_aims", project_id=membership.project_id)


# Organisation admins ------------------------------------------------------------------------------


@organisation_admin_view
def audit_log(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    return render(
        request,
        "people/audit_log.html",
        {
            "organisation": organisation,
            "page": selectors.audit_entries(
                organisation=organisation, page=request.GET.get("page", 1)
            ),
            "nav_section": "organisation",
        },
    )


@organisation_admin_view
def retention(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    policy = selectors.people_policy(organisation=organisation)
    form = RetentionForm(
        posted(request) if request.POST.get("action") == "policy" else None,
        initial={"retention_months": policy.retention_months},
    )
    if request.method == "POST" and request.POST.get("action") == "anonymise":
        result = services.people_retention_apply(organisation=organisation)
        note = f" {len(result.kept)} could not be: see below." if result.kept else ""
        messages.success(request, f"{len(result.erased)} people have been anonymised.{note}")
        return redirect("people:retention", organisation_id=organisation.pk)
    if request.method == "POST" and form.is_valid():
        services.people_policy_set(
            organisation=organisation, retention_months=form.cleaned_data["retention_months"]
        )
        messages.success(request, "The time we keep people’s details has been saved.")
        return redirect("people:retention", organisation_id=organisation.pk)
    return render(
        request,
        "people/retention.html",
        {
            "organisation": organisation,
            "form": form,
            "policy": policy,
            "due": selectors.people_past_retention(organisation=organisation),
            "nav_section": "organisation",
        },
    )
