"""Participants: the list, adding someone, their record, their contact details and
their role; and your own details, which you keep yourself."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.http import posted, save_form
from coplan.people import rules, selectors, services
from coplan.people.forms import DetailsForm, InvolvementForm, ParticipantForm
from coplan.people.models import Person
from coplan.people.views import SECTION, involvement_for, own_url, participant_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership

DETAIL_FIELDS = (
    "full_name",
    "email",
    "phone",
    "address",
    "contact_by",
    "formats",
    "other_language",
)


@project_view(rules.VIEW_PARTICIPANTS)
def participants(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "people/participants.html",
        page=selectors.project_participants(
            project=membership.project, page=request.GET.get("page", 1)
        ),
        can_manage=membership.may(rules.MANAGE_PARTICIPANTS),
    )


def _added(added) -> str:
    person = added.involvement.person
    if added.already_known:
        return (
            f"{person.full_name} was already known to your organisation. They are now "
            "in this project, with the details and needs they have already told you."
        )
    return f"{person.full_name} has been added."


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    groups = selectors.stakeholder_groups(project=project)
    form = ParticipantForm(posted(request), groups=groups, initial={"role": "co_producer"})
    added = None

    def save():
        nonlocal added
        added = services.participant_add(project=project, **form.cleaned_data)
        return added

    if save_form(request, form, save, _added):
        return redirect(participant_url(membership, added.involvement.person))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading="Add a participant",
        intro=["They do not need an account. You can add their access needs and consent next."],
        button="Add participant",
        back=SECTION.url("participants", membership),
    )


def _withdraw_url(membership: Membership, person: Person):
    def url_for(record) -> str:
        return SECTION.url(
            "participant_consent_withdraw", membership, person_id=person.pk, consent_id=record.pk
        )

    return url_for


@project_view(rules.VIEW_PARTICIPANTS)
def participant(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    involvement = involvement_for(membership, person_id)
    person = involvement.person
    needs = selectors.person_needs(person=person)
    services.needs_view_record(
        people=[person], actor=request.user, where=request.path, project=membership.project
    )
    records = selectors.consent_records(person=person)
    can_manage = membership.may(rules.MANAGE_PARTICIPANTS)
    return SECTION.page(
        request,
        membership,
        "people/participant.html",
        involvement=involvement,
        person=person,
        needs=needs,
        consents=selectors.current_consents(records=records),
        consent_records=records,
        can_manage=can_manage,
        can_export=membership.may(rules.EXPORT_OR_ERASE),
        withdraw_url_for=_withdraw_url(membership, person) if can_manage else None,
    )


def details_form(request, membership, person, *, done_url, about_someone_else) -> HttpResponse:
    """Contact details: someone's in the project, or your own (`person` None until
    you first save them)."""
    initial = None
    if person is not None:
        initial = {name: getattr(person, name) for name in DETAIL_FIELDS}
    elif request.method != "POST":
        initial = {"full_name": request.user.full_name, "email": request.user.email}
    form = DetailsForm(posted(request), initial=initial, about_someone_else=about_someone_else)

    def save():
        saving = person or services.person_for_member_get_or_create(membership=membership)
        services.person_update_details(person=saving, **form.cleaned_data)

    return SECTION.form_flow(
        request,
        membership,
        form,
        save=save,
        saved="The details have been saved.",
        heading=f"Contact details for {person.full_name}"
        if about_someone_else
        else "Your contact details",
        intro=[]
        if about_someone_else
        else [
            "Tell us once: we use these for every project you are part of with "
            f"{membership.project.organisation.name}."
        ],
        button="Save details",
        back=done_url,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_details(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = involvement_for(membership, person_id).person
    return details_form(
        request,
        membership,
        person,
        done_url=participant_url(membership, person),
        about_someone_else=True,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_involvement(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    involvement = involvement_for(membership, person_id)
    initial = {
        "role": involvement.role,
        "group": str(involvement.group_id or ""),
        "role_description": involvement.role_description,
        "training_needed": involvement.training_needed,
        "training_done": involvement.training_done,
    }
    form = InvolvementForm(
        posted(request),
        groups=selectors.stakeholder_groups(project=membership.project),
        initial=initial,
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.involvement_update(involvement=involvement, **form.cleaned_data),
        saved="Their role and training have been saved.",
        heading=f"Role and training for {involvement.person.full_name}",
        button="Save role and training",
        back=participant_url(membership, involvement.person),
    )


# Your own details --------------------------------------------------------------------


@project_view(rules.OWN_DETAILS)
def your_details(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    needs = selectors.person_needs(person=person) if person else None
    records = selectors.consent_records(person=person) if person else []
    if person is not None:
        services.needs_view_record(
            people=[person], actor=request.user, where=request.path, project=membership.project
        )
    return SECTION.page(
        request,
        membership,
        "people/your_details.html",
        person=person,
        needs=needs,
        consents=selectors.current_consents(records=records),
    )


@project_view(rules.OWN_DETAILS)
def your_details_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    return details_form(
        request, membership, person, done_url=own_url(membership), about_someone_else=False
    )
