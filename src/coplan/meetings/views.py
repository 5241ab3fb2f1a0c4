"""Pages for venues (the organisation's library) and each project's meetings.

Project pages are reached only through `project_view(permission)`; venue pages
only through the person's staff membership (`access.organisation_staff_view`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.meetings import checks, contributions, rules, selectors, services
from coplan.meetings.access import organisation_staff_view
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
from coplan.organisations.models import StaffMembership
from coplan.people import rules as people_rules
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.rules import role_may

# Venues -------------------------------------------------------------------------------


def _venue_context(staff_membership: StaffMembership, **extra) -> dict:
    return {
        "organisation": staff_membership.organisation,
        "nav_section": "projects",
        **extra,
    }


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
    return render(
        request,
        "meetings/venues.html",
        _venue_context(
            staff_membership,
            venues=[VenuePresenter(v) for v in selectors.venues(organisation=organisation)],
            can_change=_may_change_venues(request, staff_membership),
            can_set_notice=rules.may_set_notice(staff_membership),
            policy=selectors.meetings_policy(organisation=organisation),
        ),
    )


@organisation_staff_view
def venue(request: HttpRequest, staff_membership: StaffMembership, venue_id: int) -> HttpResponse:
    found = or_404(selectors.venue(organisation=staff_membership.organisation, venue_id=venue_id))
    return render(
        request,
        "meetings/venue.html",
        _venue_context(
            staff_membership,
            venue=VenuePresenter(found),
            can_change=_may_change_venues(request, staff_membership),
        ),
    )


def _venue_form_page(request, staff_membership, form, *, heading, button, back) -> HttpResponse:
    return render(
        request,
        "meetings/venue_form.html",
        _venue_context(
            staff_membership,
            form=form,
            heading=heading,
            button=button,
            back=back,
            audit_fields=list(AUDIT_QUESTIONS),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


@organisation_staff_view
def venue_add(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    if not _may_change_venues(request, staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    form = VenueForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            added = services.venue_create(
                organisation=organisation, created_by=request.user, **form.cleaned_data
            )
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, f"{added.name} has been added to the venues.")
            return redirect("meetings:venue", organisation_id=organisation.pk, venue_id=added.pk)
    return _venue_form_page(
        request,
        staff_membership,
        form,
        heading="Add a venue",
        button="Add venue",
        back=reverse("meetings:venues", kwargs={"organisation_id": organisation.pk}),
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
    if request.method == "POST" and form.is_valid():
        try:
            services.venue_update(venue=found, changed_by=request.user, **form.cleaned_data)
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, f"{found.name} has been saved.")
            return redirect("meetings:venue", organisation_id=organisation.pk, venue_id=found.pk)
    return _venue_form_page(
        request,
        staff_membership,
        form,
        heading=f"Change {found.name}",
        button="Save venue",
        back=reverse(
            "meetings:venue", kwargs={"organisation_id": organisation.pk, "venue_id": found.pk}
        ),
    )


@organisation_staff_view
def notice_policy(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    if not rules.may_set_notice(staff_membership):
        raise PermissionDenied
    organisation = staff_membership.organisation
    policy = selectors.meetings_policy(organisation=organisation)
    form = NoticePolicyForm(posted(request), initial={"notice_days": policy.notice_days})
    if request.method == "POST" and form.is_valid():
        try:
            services.meetings_policy_set(organisation=organisation, **form.cleaned_data)
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, "The least notice for meetings has been saved.")
            return redirect("meetings:venues", organisation_id=organisation.pk)
    back = reverse("meetings:venues", kwargs={"organisation_id": organisation.pk})
    return render(
        request,
        "meetings/form.html",
        _venue_context(
            staff_membership,
            form=form,
            heading="Notice of meetings",
            button="Save",
            back=back,
            caption=organisation.name,
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


# Meetings ---------------------------------------------------------------------------------


def _context(membership: Membership, **extra) -> dict:
    return {
        "project": membership.project,
        "membership": membership,
        "project_section": "meetings",
        "nav_section": "projects",
        "can_edit": role_may(membership.role, rules.EDIT_MEETINGS),
        "can_invite": role_may(membership.role, rules.MANAGE_INVITED),
        "can_see_catering": role_may(membership.role, rules.VIEW_CATERING),
        **extra,
    }


def _meeting_url(name: str, membership: Membership, found: Meeting, **kwargs) -> str:
    return reverse(
        f"meetings:{name}",
        kwargs={"project_id": membership.project_id, "meeting_id": found.pk, **kwargs},
    )


def _meeting(membership: Membership, meeting_id: int) -> Meeting:
    return or_404(selectors.meeting(project=membership.project, meeting_id=meeting_id))


def _form_page(request, membership, form, *, heading, button, back, intro="", caption=""):
    return render(
        request,
        "meetings/form.html",
        _context(
            membership,
            form=form,
            heading=heading,
            button=button,
            back=back,
            intro=intro,
            caption=caption or membership.project.name,
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


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
    organisation = membership.project.organisation
    return render(
        request,
        "meetings/meetings.html",
        _context(
            membership,
            upcoming=[row for row in rows if not row["past"]],
            past=[row for row in rows if row["past"]],
            venues_url=reverse("meetings:venues", kwargs={"organisation_id": organisation.pk}),
            is_staff=_is_staff(request, membership),
        ),
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


@project_view(rules.EDIT_MEETINGS)
def meeting_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = _meeting_form(request, membership)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.meeting_create(
                project=membership.project, created_by=request.user, **form.service_arguments()
            )
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, f"‘{added.title}’ has been added.")
            return redirect(_meeting_url("meeting", membership, added))
    return _meeting_form_page(
        request,
        membership,
        form,
        heading="Plan a meeting or workshop",
        button="Save meeting",
        back=reverse("meetings:meetings", kwargs={"project_id": membership.project_id}),
    )


def _meeting_form_page(request, membership, form, *, heading, button, back) -> HttpResponse:
    organisation = membership.project.organisation
    return render(
        request,
        "meetings/meeting_form.html",
        _context(
            membership,
            form=form,
            heading=heading,
            button=button,
            back=back,
            venues_url=reverse("meetings:venues", kwargs={"organisation_id": organisation.pk}),
            is_staff=_is_staff(request, membership),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


@project_view(rules.EDIT_MEETINGS)
def meeting_edit(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    times = selectors.times_of(found)
    form = _meeting_form(
        request, membership, initial=meeting_initial(found, ends_at=times.ends.time())
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(meeting=found, **form.service_arguments())
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, f"‘{found.title}’ has been saved.")
            return redirect(_meeting_url("meeting", membership, found))
    return _meeting_form_page(
        request,
        membership,
        form,
        heading=f"Change ‘{found.title}’",
        button="Save meeting",
        back=_meeting_url("meeting", membership, found),
    )


@project_view(rules.VIEW_MEETINGS)
def meeting(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    today = timezone.localdate()
    checkup = selectors.meeting_checkup(meeting=found, today=today)
    readiness = checkup.readiness
    show_names = role_may(membership.role, people_rules.VIEW_ACCESS_NEEDS)
    if show_names and readiness.needs.unmet:
        services.meeting_needs_view_record(
            meeting=found, actor=request.user, where="meeting page: needs not met"
        )
    return render(
        request,
        "meetings/meeting.html",
        _context(
            membership,
            meeting=MeetingPresenter(found, times=checkup.times),
            venue=VenuePresenter(found.venue) if found.venue and found.has_room else None,
            checkup=checkup,
            readiness=readiness,
            ready_tag=readiness_tag(readiness),
            check_tag=check_tag,
            unmet=unmet_rows(
                readiness.needs, names_for=checkup.people_named, show_names=show_names
            ),
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
        ),
    )


@project_view(rules.EDIT_MEETINGS)
def meeting_remove(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    problem = None
    if request.method == "POST":
        try:
            services.meeting_delete(meeting=found)
        except services.MeetingRuleError as error:
            problem = error.message
        else:
            messages.success(request, f"‘{found.title}’ has been removed.")
            return redirect("meetings:meetings", project_id=membership.project_id)
    invited_count = found.invited.count()
    return render(
        request,
        "meetings/remove.html",
        _context(
            membership,
            heading=f"Remove ‘{found.title}’?",
            back=_meeting_url("meeting", membership, found),
            caption=membership.project.name,
            problem=problem,
            warning=(
                f"{invited_count} {'person is' if invited_count == 1 else 'people are'} invited. "
                "Tell them it is not happening."
            )
            if invited_count
            else "",
        ),
        status=400 if problem else 200,
    )


# Paperwork and papers ----------------------------------------------------------------------


@project_view(rules.EDIT_MEETINGS)
def paperwork(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    form = PaperworkForm(
        posted(request), initial=paperwork_initial(selectors.paperwork(meeting=found))
    )
    if request.method == "POST" and form.is_valid():
        services.paperwork_update(meeting=found, statuses=form.statuses(), notes=form.notes())
        messages.success(request, "The paperwork checklist has been saved.")
        return redirect(_meeting_url("meeting", membership, found))
    return render(
        request,
        "meetings/paperwork.html",
        _context(
            membership,
            meeting=found,
            form=form,
            back=_meeting_url("meeting", membership, found),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


@project_view(rules.EDIT_MEETINGS)
def papers(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    checkup = selectors.meeting_checkup(meeting=found)
    return render(
        request,
        "meetings/papers.html",
        _context(
            membership,
            meeting=found,
            papers=checkup.papers,
            paper_checks={check.key: check for check in checkup.readiness.papers},
            asked=sorted(
                checks.formats_asked(invitees=selectors.invitees(checkup.invited)).items()
            ),
            paper_tag=paper_tag,
            format_list=format_list,
            format_words=checks.format_words,
            missing_format_words=missing_format_words,
        ),
    )


@project_view(rules.EDIT_MEETINGS)
def paper_add(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    form = PaperForm(posted(request), meets_on=found.meets_on)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.paper_create(meeting=found, **form.service_arguments())
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, f"‘{added.title}’ has been added to the papers.")
            return redirect(_meeting_url("papers", membership, found))
    return _form_page(
        request,
        membership,
        form,
        heading="Add a paper to send in advance",
        button="Add paper",
        back=_meeting_url("papers", membership, found),
        intro="People need time to absorb and understand information in order to be able to "
        "participate meaningfully.",
        caption=found.title,
    )


@project_view(rules.EDIT_MEETINGS)
def paper_edit(
    request: HttpRequest, membership: Membership, meeting_id: int, paper_id: int
) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    paper = or_404(selectors.paper(meeting=found, paper_id=paper_id))
    form = PaperForm(posted(request), meets_on=found.meets_on, initial=paper_initial(paper))
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_update(paper=paper, **form.service_arguments())
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, f"‘{paper.title}’ has been saved.")
            return redirect(_meeting_url("papers", membership, found))
    return _form_page(
        request,
        membership,
        form,
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
    if request.method == "POST":
        services.paper_delete(paper=paper)
        messages.success(request, f"‘{paper.title}’ has been removed from the papers.")
        return redirect(_meeting_url("papers", membership, found))
    return render(
        request,
        "meetings/remove.html",
        _context(
            membership,
            heading=f"Remove ‘{paper.title}’?",
            thing="this paper",
            back=_meeting_url("papers", membership, found),
            caption=found.title,
        ),
    )


# People invited ---------------------------------------------------------------------------


@project_view(rules.MANAGE_INVITED)
def invited(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    rows = selectors.invited_people(meeting=found)
    return render(
        request,
        "meetings/invited.html",
        _context(membership, meeting=found, invited=rows),
    )


@project_view(rules.MANAGE_INVITED)
def invite(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = _meeting(membership, meeting_id)
    participants = selectors.participants_to_invite(meeting=found)
    form = InviteForm(posted(request), participants=participants)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.invited_people_add(
                meeting=found, people=form.chosen(), added_by=request.user
            )
        except services.MeetingRuleError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                f"{added} {'person has' if added == 1 else 'people have'} been added to the "
                "people invited.",
            )
            return redirect(_meeting_url("invited", membership, found))
    return render(
        request,
        "meetings/invite.html",
        _context(
            membership,
            meeting=found,
            form=form,
            participants=participants,
            back=_meeting_url("invited", membership, found),
        ),
        status=400 if form.is_bound and form.errors else 200,
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
    if request.method == "POST" and form.is_valid():
        services.invited_person_set_reply(invited=row, **form.cleaned_data)
        messages.success(request, f"The reply from {row.person.full_name} has been saved.")
        return redirect(_meeting_url("invited", membership, found))
    return _form_page(
        request,
        membership,
        form,
        heading=f"Reply from {row.person.full_name}",
        button="Save reply",
        back=_meeting_url("invited", membership, found),
        intro="For a reply given by phone, by letter or in person.",
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
    if request.method == "POST":
        if not role_may(membership.role, rules.EDIT_MEETINGS):
            raise PermissionDenied
        if form.is_valid():
            services.catering_mark_sent(
                meeting=found, summary=summary, sent_on=form.cleaned_data["sent_on"]
            )
            messages.success(request, "The catering summary is recorded as sent.")
            return redirect(_meeting_url("meeting", membership, found))
    meeting_words = MeetingPresenter(found, times=checkup.times)
    return render(
        request,
        "meetings/catering.html",
        _context(
            membership,
            meeting=meeting_words,
            summary=summary,
            text=summary.as_text(heading=f"{found.title}: {meeting_words.when}"),
            is_current=checks.catering_is_current(
                plan=selectors.meeting_plan(found, meeting_papers=[], meeting_paperwork=[]),
                summary=summary,
            ),
            form=form,
            back=_meeting_url("meeting", membership, found),
        ),
        status=400 if form.is_bound and form.errors else 200,
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
