"""Who came on the day: one pair of buttons a person, saved together."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.http import posted
from coplan.meeting_invitations import services
from coplan.meeting_invitations.forms import AttendanceForm
from coplan.meeting_invitations.rules import (
    RECORD_ATTENDANCE,
)
from coplan.meeting_invitations.views.base import meeting_of, meeting_page, meeting_url, people_word
from coplan.meetings import selectors as meeting_selectors
from coplan.meetings.models import Reply
from coplan.meetings.presenters import when_words
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(RECORD_ATTENDANCE)
def attendance(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """Who came on the day: one pair of buttons a person, saved together."""
    meeting = meeting_of(membership, meeting_id)
    invited = meeting_selectors.invited_people(meeting=meeting)
    form = AttendanceForm(posted(request), invited=invited)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, marks=form.marks())
        except services.InvitationRuleError as error:
            error.add_to(form)
        else:
            came = sum(value == "came" for value in form.marks().values())
            messages.success(request, f"Saved: {came} {people_word(came)} came.")
            return redirect(meeting_url("meeting_invitations:attendance", meeting))
    came = sum(row.attendance == "came" for row in invited)
    return meeting_page(
        request,
        membership,
        meeting,
        "meeting_invitations/attendance.html",
        form=form,
        rows=[(row, form[form.field_name(row)]) for row in invited],
        came=came,
        not_coming=Reply.NOT_COMING,
        has_errors=bool(form.errors),
        when=when_words(meeting_selectors.times_of(meeting), meeting.length_minutes),
    )
