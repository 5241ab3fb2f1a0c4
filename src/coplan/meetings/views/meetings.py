"""A project's meetings: the list, the plan, the meeting's page with its checks, and
removing one."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import Truncator

from coplan.core.http import posted
from coplan.meetings import registries, rules, selectors, services
from coplan.meetings.forms import MeetingForm, meeting_initial
from coplan.meetings.presenters import (
    MeetingPresenter,
    VenuePresenter,
    YourMeeting,
    check_tag,
    format_list,
    missing_format_words,
    paper_tag,
    readiness_tag,
    unmet_rows,
)
from coplan.meetings.views.base import SECTION, meeting_of, meeting_url, venues_url
from coplan.organisations import selectors as organisation_selectors
from coplan.people import rules as people_rules
from coplan.people import selectors as people_selectors
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import say_wording


@project_view(rules.VIEW_MEETINGS)
def meetings(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The meetings coming up, with their checks, or the past ones (`?when=past`), a
    page at a time."""
    found = selectors.meetings_page(
        project=membership.project,
        when=request.GET.get("when", selectors.UPCOMING),
        page=request.GET.get("page", 1),
    )
    rows = [
        {
            "meeting": MeetingPresenter(each.meeting, times=each.times),
            "tag": readiness_tag(each.readiness) if each.readiness else None,
            "notice": each.readiness.notice if each.readiness else None,
            "invited": each.invited_count,
            "past": each.readiness is None,
        }
        for each in found.page
    ]
    return SECTION.page(
        request,
        membership,
        "meetings/meetings.html",
        found=found,
        page=found.page,
        rows=rows,
        page_query="when=past&" if found.when == selectors.PAST else "",
        venues_url=venues_url(membership.project.organisation_id),
        is_staff=_is_staff(request, membership),
    )


def _is_staff(request: HttpRequest, membership: Membership) -> bool:
    """On the staff of the project's organisation, so able to open the venue library."""
    found = organisation_selectors.staff_membership(
        user=request.user, organisation_id=membership.project.organisation_id
    )
    return found is not None


def _meeting_form(request, membership, **kwargs) -> MeetingForm:
    project = membership.project
    return MeetingForm(
        posted(request),
        venues=selectors.venues(organisation=project.organisation),
        facilitators=selectors.facilitator_choices(project=project),
        **kwargs,
    )


def _meeting_form_flow(request, membership, form, *, save, saved, heading, back):
    """The plan of a meeting: once saved, on to the meeting's page."""
    if request.method == "POST" and form.is_valid():
        try:
            found = save()
        except services.MeetingRuleError as error:
            error.add_to(form)
        else:
            messages.success(request, saved(found))
            say_wording(request, form, project=membership.project)
            return redirect(meeting_url("meeting", membership, found))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading=heading,
        button="Save meeting",
        back=back,
        template="meetings/meeting_form.html",
        venues_url=venues_url(membership.project.organisation_id),
        is_staff=_is_staff(request, membership),
    )


@project_view(rules.EDIT_MEETINGS)
def meeting_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = _meeting_form(request, membership)
    return _meeting_form_flow(
        request,
        membership,
        form,
        save=lambda: services.meeting_create(
            project=membership.project, created_by=request.user, **form.service_arguments()
        ),
        saved=lambda added: f"‘{added.title}’ has been added.",
        heading="Plan a meeting or workshop",
        back=SECTION.url("meetings", membership),
    )


@project_view(rules.EDIT_MEETINGS)
def meeting_edit(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    times = selectors.times_of(found)
    form = _meeting_form(
        request, membership, initial=meeting_initial(found, ends_at=times.ends.time())
    )
    return _meeting_form_flow(
        request,
        membership,
        form,
        save=lambda: services.meeting_update(meeting=found, **form.service_arguments()),
        saved=lambda changed: f"‘{changed.title}’ has been saved.",
        heading=f"Change ‘{found.title}’",
        back=meeting_url("meeting", membership, found),
    )


@project_view(rules.VIEW_MEETINGS)
def meeting(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    if not membership.may(rules.VIEW_READINESS):
        return _meeting_taking_part(request, membership, found)
    today = timezone.localdate()
    checkup = selectors.meeting_checkup(meeting=found, today=today)
    readiness = checkup.readiness
    show_names = membership.may(people_rules.VIEW_ACCESS_NEEDS)
    if show_names and readiness.needs.unmet:
        services.meeting_needs_view_record(
            meeting=found,
            actor=request.user,
            where=f"Meeting: {Truncator(found.title).chars(50)}, whose needs are not met",
        )
    return SECTION.page(
        request,
        membership,
        "meetings/meeting.html",
        meeting=MeetingPresenter(found, times=checkup.times),
        venue=VenuePresenter(found.venue) if found.venue and found.has_room else None,
        checkup=checkup,
        readiness=readiness,
        ready_tag=readiness_tag(readiness),
        check_tag=check_tag,
        unmet=unmet_rows(readiness.needs, names_for=checkup.people_named, show_names=show_names),
        show_names=show_names,
        needs_changed_names=checkup.people_named(readiness.needs.needs_changed)
        if show_names
        else None,
        paper_checks={check.key: check for check in readiness.papers},
        paper_tag=paper_tag,
        format_list=format_list,
        missing_format_words=missing_format_words,
        is_past=found.meets_on < today,
        meeting_links=registries.meeting_links(membership=membership, meeting=found),
        back=SECTION.url("meetings", membership),
        back_text="All meetings",
    )


def _meeting_taking_part(request: HttpRequest, membership: Membership, found) -> HttpResponse:
    """The meeting as someone taking part sees it: what they need to come, their papers,
    and what other apps add for them (their reply, their calendar). Three queries after
    the meeting's own: their invitation, the papers, and their formats if not invited."""
    invited = selectors.your_invitation(membership=membership, meeting=found)
    if invited is not None:
        formats = invited.person.formats or []
    else:
        person = people_selectors.person_for_member(membership=membership)
        formats = (person.formats or []) if person else []
    return SECTION.page(
        request,
        membership,
        "meetings/meeting_taking_part.html",
        meeting=YourMeeting(
            found, invited=invited, papers=selectors.papers(meeting=found), wanted_formats=formats
        ),
        is_past=found.meets_on < timezone.localdate(),
        parts=registries.meeting_parts(membership=membership, meeting=found, invited=invited),
        meeting_links=registries.meeting_links(membership=membership, meeting=found)
        if invited is None
        else [],
        back=SECTION.url("meetings", membership),
        back_text="All meetings",
    )


@project_view(rules.EDIT_MEETINGS)
def meeting_remove(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    invited_count = found.invited.count()
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.meeting_remove(meeting=found),
        removed=f"‘{found.title}’ has been removed.",
        heading=f"Remove ‘{found.title}’?",
        back=meeting_url("meeting", membership, found),
        done=SECTION.url("meetings", membership),
        intro=[
            f"{invited_count} {'person is' if invited_count == 1 else 'people are'} invited. "
            "Tell them it is not happening."
        ]
        if invited_count
        else [],
        cannot_undo=True,
    )
