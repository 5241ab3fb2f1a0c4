"""Access needs: everyone's in the project (health information: every look is written
in the log), and one person's, kept by staff or by the person themselves."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.http import posted
from coplan.people import rules, selectors, services
from coplan.people.forms import NeedsForm
from coplan.people.presenters import needs_by_category
from coplan.people.views import SECTION, involvement_for, participant_url
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


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_needs(request: HttpRequest, membership: Membership, person_id: int) -> HttpResponse:
    """Staff keep someone's needs on one page (people keep their own one question a
    page: `tell_us_once`)."""
    person = involvement_for(membership, person_id).person
    initial = None
    if request.method != "POST":
        needs = selectors.person_needs(person=person)
        services.needs_view_record(
            people=[person], actor=request.user, where=request.path, project=membership.project
        )
        initial = NeedsForm.initial_from(needs)
    form = NeedsForm(posted(request), initial=initial, about_someone_else=True)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.person_set_needs(
            person=person,
            needs=form.needs(),
            actor=request.user,
            where=request.path,
            project=membership.project,
        ),
        saved="The access needs have been saved.",
        heading=f"Access needs for {person.full_name}",
        intro=[
            "Ask them; make no assumptions. Only project leads and facilitators see these, "
            "and every look is written in a log."
        ],
        button="Save access needs",
        back=participant_url(membership, person),
        template="people/needs_form.html",
    )


@project_view(rules.OWN_DETAILS)
def your_needs_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Your own needs are asked one question a page now ("tell us once"); an old link
    to the one long form leads there."""
    return redirect(SECTION.url("tell_us_once", membership))
