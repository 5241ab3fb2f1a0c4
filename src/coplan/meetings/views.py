"""Pages for venues (the organisation's library) and each project's meetings.

Project pages are reached only through `project_view(permission)`; venue pages
only through the person's staff membership (`access.organisation_staff_view`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted, save_form
from coplan.meetings import checks, contributions, rules, selectors, services
from coplan.meetings.forms import (
    AUDIT_QUESTIONS,
    CateringSentForm,
    InviteForm,
    MeetingForm,
    NoticePolicyForm,
    PaperForm,
    PaperworkForm,
    ReplyForm,
    VenueForm,
    meeting_initial,
    paper_initial,
    paperwork_initial,
    venue_initial,
)
from coplan.meetings.models import Meeting
from coplan.meetings.presenters import (
    MeetingPresenter,
    VenuePresenter,
    check_tag,
    format_list,
    missing_format_words,
    paper_tag,
    readiness_tag,
    unmet_rows,
)
from coplan.organisations import selectors as organisation_selectors
from coplan.organisations.access import organisation_staff_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page
from coplan.people import rules as people_rules
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import Section

SECTION = Section(
    "meetings",
    namespace="meetings",
    context=lambda membership: {
        "can_edit": membership.may(rules.EDIT_MEETINGS),
        "can_invite": membership.may(rules.MANAGE_INVITED),
        "can_see_catering": membership.may(rules.VIEW_CATERING),
    },
)

# Venues -------------------------------------------------------------------------------


def _venues_url(organisation_id: int, **kwargs) -> str:
    """The venue library, or one venue of it (`venue_id=`)."""
    name = "meetings:venue" if kwargs else "meetings:venues"
    return reverse(name, kwargs={"organisation_id": organisation_id, **kwargs})


def _may_change_venues(request: HttpRequest, staff_membership: StaffMembership) -> bool:
    return rules.may_change_venues(
        staff_membership,
        leads_a_project=selectors.leads_a_project(
            user=request.user, organisation=staff_membership.organisation
        ),
    )


@organisation_staff_view
def venues(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    return organisation_page(
        request,
        staff_membership,
        "meetings/venues.html",
        venues=[VenuePresenter(v) for v in selectors.venues(organisation=organisation)],
        can_change=_may_change_venues(request, staff_membership),
        can_set_notice=rules.may_set_notice(staff_membership),
        policy=selectors.meetings_policy(organisation=organisation),
    )


@organisation_staff_view
def venue(request: HttpRequest, staff_membership: StaffMembership, venue_id: int) -> HttpResponse:
    found = or_404(selectors.venue(organisation=staff_membership.organisation, venue_id=venue_id))
    return organisation_page(
        request,
        staff_membership,
        "meetings/venue.html",
        venue=VenuePresenter(found),
        can_change=_may_change_venues(request, staff_membership),
        back=_venues_url(staff_membership.organisation_id),
        back_text="All venues",
    )


def _venue_form(request, staff_membership, form, *, save, saved, heading, button, back):
    """The venue form: once saved, on to the venue's page."""
    if request.method == "POST" and form.is_valid():
        try:
            found = save()
        except services.MeetingRuleError as error:
            error.add_to(form)
        else:
            messages.success(request, saved(found))
            return redirect(_venues_url(staff_membership.organisation_id, venue_id=found.pk))
    return organisation_page(
        request,
        staff_membership,
        "meetings/venue_form.html",
        form=form,
        heading=heading,
        button=button,
        back=back,
        audit_fields=list(AUDIT_QUESTIONS),
    )


@organisation_staff_view
def venue_add(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    if not _may_change_venues(request, staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    form = VenueForm(posted(request))
    return _venue_form(
        request,
        staff_membership,
        form,
        save=lambda: services.venue_create(
            organisation=organisation, created_by=request.user, **form.cleaned_data
        ),
        saved=lambda added: f"{added.name} has been added to the venues.",
        heading="Add a venue",
        button="Add venue",
        back=_venues_url(organisation.pk),
    )


@organisation_staff_view
def venue_edit(
    request: HttpRequest, staff_membership: StaffMembership, venue_id: int
) -> HttpResponse:
    if not _may_change_venues(request, staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    found = or_404(selectors.venue(organisation=organisation, venue_id=venue_id))
    form = VenueForm(posted(request), initial=venue_initial(found))
    return _venue_form(
        request,
        staff_membership,
        form,
        save=lambda: services.venue_update(
            venue=found, changed_by=request.user, **form.cleaned_data
        ),
        saved=lambda changed: f"{changed.name} has been saved.",
        heading=f"Change {found.name}",
        button="Save venue",
        back=_venues_url(organisation.pk, venue_id=found.pk),
    )


@organisation_staff_view
def notice_policy(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    if not rules.may_set_notice(staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    policy = selectors.meetings_policy(organisation=organisation)
    form = NoticePolicyForm(posted(request), initial={"notice_days": policy.notice_days})
    back = _venues_url(organisation.pk)
    if save_form(
        request,
        form,
        lambda: services.meetings_policy_set(organisation=organisation, **form.cleaned_data),
        "The least notice for meetings has been saved.",
    ):
        return redirect(back)
    return organisation_page(
        request,
        staff_membership,
        "organisations/layout-form.html",
        form=form,
        heading="Notice of meetings",
        button="Save",
        back=back,
    )


# Meetings ---------------------------------------------------------------------------------


def _meeting_url(name: str, membership: Membership, found: Meeting, **kwargs) -> str:
    return SECTION.url(name, membership, meeting_id=found.pk, **kwargs)


def _meeting(membership: Membership, meeting_id: int) -> Meeting:
    return or_404(selectors.meeting(project=membership.project, meeting_id=meeting_id))


@project_view(rules.VIEW_MEETINGS)
def meetings(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    checked = selectors.meetings_checked(project=membership.project, today=today)
    rows = [
        {
            "meeting": MeetingPresenter(each.meeting, times=each.times),
            "tag": readiness_tag(each.readiness),
            "notice": each.readiness.notice,
            "invited": each.invited_count,
            "past": each.meeting.meets_on < today,
        }
        for each in checked
    ]
    return SECTION.page(
        request,
        membership,
        "meetings/meetings.html",
        upcoming=[row for row in rows if not row["past"]],
        past=[row for row in rows if row["past"]],
        venues_url=_venues_url(membership.project.organisation_id),
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
            return redirect(_meeting_url("meeting", membership, found))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading=heading,
        button="Save meeting",
        back=back,
        template="meetings/meeting_form.html",
        venues_url=_venues_url(membership.project.organisation_id),
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
    found = _meeting(membership, meeting_id)
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
        back=_meeting_url("meeting", membership, found),
    )


@project_view(rules.VIEW_MEETINGS)
def meeting(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    today = timezone.localdate()
    checkup = selectors.meeting_checkup(meeting=found, today=today)
    readiness = checkup.readiness
    show_names = membership.may(people_rules.VIEW_ACCESS_NEEDS)
    if show_names and readiness.needs.unmet:
        services.meeting_needs_view_record(
            meeting=found, actor=request.user, where="meeting page: needs not met"
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
        meeting_links=contributions.meeting_links(membership=membership, meeting=found),
        back=SECTION.url("meetings", membership),
        back_text="All meetings",
    )


@project_view(rules.EDIT_MEETINGS)
def meeting_remove(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    invited_count = found.invited.count()
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.meeting_delete(meeting=found),
        removed=f"‘{found.title}’ has been removed.",
        heading=f"Remove ‘{found.title}’?",
        back=_meeting_url("meeting", membership, found),
        done=SECTION.url("meetings", membership),
        intro=[
            f"{invited_count} {'person is' if invited_count == 1 else 'people are'} invited. "
            "Tell them it is not happening."
        ]
        if invited_count
        else [],
        cannot_undo=True,
    )


# Paperwork and papers ----------------------------------------------------------------------


@project_view(rules.EDIT_MEETINGS)
def paperwork(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    form = PaperworkForm(
        posted(request), initial=paperwork_initial(selectors.paperwork(meeting=found))
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.paperwork_update(
            meeting=found, statuses=form.statuses(), notes=form.notes()
        ),
        saved="The paperwork checklist has been saved.",
        heading="Forms and paperwork",
        button="Save paperwork",
        back=_meeting_url("meeting", membership, found),
        intro=[
            "What forms and paperwork will you need? Mark each one ready, "
            "or not needed for this meeting."
        ],
        caption=found.title,
    )


@project_view(rules.EDIT_MEETINGS)
def papers(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    checkup = selectors.meeting_checkup(meeting=found)
    return SECTION.page(
        request,
        membership,
        "meetings/papers.html",
        meeting=found,
        caption=found.title,
        back=_meeting_url("meeting", membership, found),
        back_text="Back to the meeting",
        papers=checkup.papers,
        paper_checks={check.key: check for check in checkup.readiness.papers},
        asked=sorted(checks.formats_asked(invitees=selectors.invitees(checkup.invited)).items()),
        paper_tag=paper_tag,
        format_list=format_list,
        format_words=checks.format_words,
        missing_format_words=missing_format_words,
    )


@project_view(rules.EDIT_MEETINGS)
def paper_add(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    form = PaperForm(posted(request), meets_on=found.meets_on)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.paper_create(meeting=found, **form.service_arguments()),
        saved=lambda added: f"‘{added.title}’ has been added to the papers.",
        heading="Add a paper to send in advance",
        button="Add paper",
        back=_meeting_url("papers", membership, found),
        intro=[
            "People need time to absorb and understand information in order to be able to "
            "participate meaningfully."
        ],
        caption=found.title,
    )


@project_view(rules.EDIT_MEETINGS)
def paper_edit(
    request: HttpRequest, membership: Membership, meeting_id: int, paper_id: int
) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    paper = or_404(selectors.paper(meeting=found, paper_id=paper_id))
    form = PaperForm(posted(request), meets_on=found.meets_on, initial=paper_initial(paper))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.paper_update(paper=paper, **form.service_arguments()),
        saved=f"‘{paper.title}’ has been saved.",
        heading=f"Change ‘{paper.title}’",
        button="Save paper",
        back=_meeting_url("papers", membership, found),
        caption=found.title,
    )


@project_view(rules.EDIT_MEETINGS)
def paper_remove(
    request: HttpRequest, membership: Membership, meeting_id: int, paper_id: int
) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    paper = or_404(selectors.paper(meeting=found, paper_id=paper_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.paper_delete(paper=paper),
        removed=f"‘{paper.title}’ has been removed from the papers.",
        heading=f"Remove ‘{paper.title}’?",
        back=_meeting_url("papers", membership, found),
        cannot_undo=True,
    )


# People invited ---------------------------------------------------------------------------


@project_view(rules.MANAGE_INVITED)
def invited(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    return SECTION.page(
        request,
        membership,
        "meetings/invited.html",
        meeting=found,
        invited=selectors.invited_people(meeting=found),
        caption=found.title,
        back=_meeting_url("meeting", membership, found),
        back_text="Back to the meeting",
    )


@project_view(rules.MANAGE_INVITED)
def invite(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    participants = selectors.participants_to_invite(meeting=found)
    form = InviteForm(posted(request), participants=participants)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.invited_people_add(
            meeting=found, people=form.chosen(), added_by=request.user
        ),
        saved=lambda added: (
            f"{added} {'person has' if added == 1 else 'people have'} been added to the "
            "people invited."
        ),
        heading="Invite people",
        button="Invite",
        back=_meeting_url("invited", membership, found),
        caption=found.title,
        template="meetings/invite.html",
        participants=participants,
    )


@project_view(rules.MANAGE_INVITED)
def invited_reply(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    row = or_404(selectors.invited_person(meeting=found, invited_id=invited_id))
    form = ReplyForm(
        posted(request), initial={"reply": row.reply, "needs_changed": row.needs_changed}
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.invited_person_set_reply(invited=row, **form.cleaned_data),
        saved=f"The reply from {row.person.full_name} has been saved.",
        heading=f"Reply from {row.person.full_name}",
        button="Save reply",
        back=_meeting_url("invited", membership, found),
        intro=["For a reply given by phone, by letter or in person."],
        caption=found.title,
    )


@project_view(rules.MANAGE_INVITED)
@require_POST
def invited_remove(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    row = or_404(selectors.invited_person(meeting=found, invited_id=invited_id))
    services.invited_person_remove(invited=row)
    messages.success(request, f"{row.person.full_name} is no longer invited.")
    return redirect(_meeting_url("invited", membership, found))


# Food ---------------------------------------------------------------------------------------


def _catering(found: Meeting):
    checkup = selectors.meeting_checkup(meeting=found)
    return checkup, checkup.readiness.catering


@project_view(rules.VIEW_CATERING)
def catering(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    checkup, summary = _catering(found)
    form = CateringSentForm(posted(request))
    if request.method == "POST" and not membership.may(rules.EDIT_MEETINGS):
        raise PermissionDenied
    back = _meeting_url("meeting", membership, found)
    if save_form(
        request,
        form,
        lambda: services.catering_mark_sent(
            meeting=found, summary=summary, sent_on=form.cleaned_data["sent_on"]
        ),
        "The catering summary is recorded as sent.",
    ):
        return redirect(back)
    meeting_words = MeetingPresenter(found, times=checkup.times)
    return SECTION.page(
        request,
        membership,
        "meetings/catering.html",
        meeting=meeting_words,
        caption=found.title,
        summary=summary,
        text=summary.as_text(heading=f"{found.title}: {meeting_words.when}"),
        is_current=checks.catering_is_current(
            plan=selectors.meeting_plan(found, meeting_papers=[], meeting_paperwork=[]),
            summary=summary,
        ),
        form=form,
        back=back,
        back_text="Back to the meeting",
    )


@project_view(rules.VIEW_CATERING)
def catering_text(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    checkup, summary = _catering(found)
    meeting_words = MeetingPresenter(found, times=checkup.times)
    response = HttpResponse(
        summary.as_text(heading=f"{found.title}: {meeting_words.when}"),
        content_type="text/plain; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="catering-{found.pk}.txt"'
    return response
