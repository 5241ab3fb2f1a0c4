"""Access needs: everyone's in the project (health information: every look is written
in the log), and one person's, kept by staff or by the person themselves."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import posted
from coplan.people import rules, selectors, services
from coplan.people.forms import NeedsForm
from coplan.people.presenters import needs_by_category
from coplan.people.views import SECTION, involvement_for, own_url, participant_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.VIEW_ACCESS_NEEDS)
def access_needs(request: HttpRequest, membership: Membership) -> HttpResponse:
    rows = selectors.project_access_needs(project=membership.project)
    services.needs_view_record_project(
        project=membership.project, actor=request.user, where=request.path
    )
    return SECTION.page(
        request,
        membership,
        "people/access_needs.html",
        rows=rows,
        categories=needs_by_category(rows),
        participant_count=selectors.participant_count(project=membership.project),
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
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.person_set_needs(
            person=person or services.person_for_member_get_or_create(membership=membership),
            needs=form.needs(),
            actor=request.user,
            where=request.path,
            project=membership.project,
        ),
        saved="The access needs have been saved.",
        heading=f"Access needs for {person.full_name}"
        if about_someone_else
        else "What you need to take part",
        intro=[
            "Ask them; make no assumptions. Only project leads and facilitators see these, "
            "and every look is written in a log."
        ]
        if about_someone_else
        else [
            "Tell us once, and we will use it for every meeting. Only the project lead and "
            "the facilitator see this, so they can make sure your needs are met. Choose as "
            "many as you like, or none."
        ],
        button="Save access needs",
        back=done_url,
        template="people/needs_form.html",
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_needs(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    person = involvement_for(membership, person_id).person
    return _needs_form(
        request,
        membership,
        person,
        done_url=participant_url(membership, person),
        about_someone_else=True,
    )


@project_view(rules.OWN_DETAILS)
def your_needs_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    return _needs_form(
        request, membership, person, done_url=own_url(membership), about_someone_else=False
    )
