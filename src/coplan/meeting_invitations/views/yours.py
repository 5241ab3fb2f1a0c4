"""A member's own meetings, signed in: all the meetings they are invited to, and their
reply to one, through their membership (`project_view`) and the same reply service,
message and confirmation as the link in their invitation."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from coplan.core.http import or_404, posted
from coplan.meeting_invitations import services, yours
from coplan.meeting_invitations.forms import YourReplyForm
from coplan.meeting_invitations.rules import REPLY_YOURSELF
from coplan.meeting_invitations.views.base import SECTION, meeting_of
from coplan.meetings import selectors as meeting_selectors
from coplan.meetings.presenters import when_words
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(REPLY_YOURSELF)
def your_meetings(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Every meeting to come they are invited to, a page at a time, soonest first."""
    shown = meeting_selectors.your_invitations_page(
        membership=membership, today=timezone.localdate(), page=request.GET.get("page", 1)
    )
    return SECTION.page(
        request,
        membership,
        "meeting_invitations/your_meetings.html",
        shown=shown,
        cards=[yours.card(membership, invited, back=yours.BACK_ALL) for invited in shown],
        feed=yours.feed(shown.object_list[0].person_id) if shown.object_list else None,
        back=yours.home_url(membership),
        back_text="Back to the project",
    )


@project_view(REPLY_YOURSELF)
def your_reply(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """Are you coming? Their own invitation only; for a meeting still to come."""
    meeting = meeting_of(membership, meeting_id)
    invited = or_404(meeting_selectors.your_invitation(membership=membership, meeting=meeting))
    if meeting_selectors.times_of(meeting).ends < timezone.now():
        return or_404(None)
    choices = services.reply_choices(meeting)
    initial = {"reply": invited.reply} if invited.reply in choices else {}
    form = YourReplyForm(posted(request), choices=choices, initial=initial)
    back = yours.back_url(request.GET.get("back"), membership, meeting)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.reply_from_link(
            invited=invited, reply=form.cleaned_data["reply"], needs_changed=False
        ),
        saved=services.reply_thanks,
        back=back,
        heading=meeting.title,
        caption="Your invitation",
        intro=[when_words(meeting_selectors.times_of(meeting), meeting.length_minutes)],
        button="Send my reply",
    )
