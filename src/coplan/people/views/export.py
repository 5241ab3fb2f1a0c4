"""Everything we hold about someone (a page and a JSON file), for a participant or
for yourself, and erasing a participant. What is held and what erasing reaches are
worked out in `people.everything_held` and `people.services`."""

import json

from django.http import HttpRequest, HttpResponse

from coplan.people import rules, selectors, services
from coplan.people.everything_held import ACCOUNT_SECTIONS, activity_headings, everything_held
from coplan.people.selectors import RECORD_SECTIONS
from coplan.people.views import SECTION, involvement_for
from coplan.projects.access import project_view
from coplan.projects.models import Membership


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


def _export_html(request, membership, person, user, *, json_url, back) -> HttpResponse:
    held = _everything_held(request, membership, person, user)
    return SECTION.page(
        request,
        membership,
        "people/export.html",
        export=held,
        activity_headings=activity_headings(),
        record_sections=list(RECORD_SECTIONS),
        account_sections=list(ACCOUNT_SECTIONS),
        person=person,
        json_url=json_url,
        back=back,
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
    person = involvement_for(membership, person_id).person
    own = person.user_id is not None and person.user_id == membership.user_id
    return _export_html(
        request,
        membership,
        person,
        person.user,
        json_url=SECTION.url("participant_export_json", membership, person_id=person.pk),
        back=SECTION.url("your_details", membership)
        if own
        else SECTION.url("participant", membership, person_id=person.pk),
    )


@project_view(rules.EXPORT_OR_ERASE)
def participant_export_json(
    request: HttpRequest, membership: Membership, person_id: int
) -> HttpResponse:
    person = involvement_for(membership, person_id).person
    return _export_json(request, membership, person, person.user)


@project_view(rules.OWN_DETAILS)
def your_export(request: HttpRequest, membership: Membership) -> HttpResponse:
    """For every member, with a person record or not (a manager or finance may have none)."""
    person = selectors.person_for_member(membership=membership)
    return _export_html(
        request,
        membership,
        person,
        request.user,
        json_url=SECTION.url("your_export_json", membership),
        back=SECTION.url("your_details", membership),
    )


@project_view(rules.OWN_DETAILS)
def your_export_json(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    return _export_json(request, membership, person, request.user)


@project_view(rules.EXPORT_OR_ERASE)
def participant_erase(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    person = involvement_for(membership, person_id).person
    name = person.full_name
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.person_erase(
            person=person, actor=request.user, where=request.path, project=membership.project
        ),
        removed=f"{name} has been erased. The counts of people involved have not changed.",
        heading=f"Erase {name}?",
        intro=[
            "This removes everything that identifies them, in every project with "
            f"{membership.project.organisation.name}: their name, contact details, access "
            "needs, consent answers, and their account if they have one.",
            "The counts stay right: the project still counts one person in their role and "
            "stakeholder group, with no name. Anonymous feedback and equality monitoring "
            "answers are not changed.",
        ],
        button=f"Erase {name}",
        cannot_undo=True,
        back=SECTION.url("participant", membership, person_id=person.pk),
        done=SECTION.url("participants", membership),
    )
