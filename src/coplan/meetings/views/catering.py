"""The catering summary for the caterer: numbers and dietary needs, no names."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.http import posted, save_form
from coplan.meetings import rules, selectors, services
from coplan.meetings.forms import CateringSentForm
from coplan.meetings.models import Meeting
from coplan.meetings.presenters import MeetingPresenter
from coplan.meetings.views.base import SECTION, meeting_of, meeting_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership


def _catering(found: Meeting):
    checkup = selectors.meeting_checkup(meeting=found)
    return checkup, checkup.readiness.catering


@project_view(rules.VIEW_CATERING)
def catering(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    checkup, summary = _catering(found)
    form = CateringSentForm(posted(request))
    if request.method == "POST" and not membership.may(rules.EDIT_MEETINGS):
        raise PermissionDenied
    back = meeting_url("meeting", membership, found)
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
        is_current=checkup.catering_is_current,
        form=form,
        back=back,
        back_text="Back to the meeting",
    )


@project_view(rules.VIEW_CATERING)
def catering_text(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    checkup, summary = _catering(found)
    meeting_words = MeetingPresenter(found, times=checkup.times)
    response = HttpResponse(
        summary.as_text(heading=f"{found.title}: {meeting_words.when}"),
        content_type="text/plain; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="catering-{found.pk}.txt"'
    return response
