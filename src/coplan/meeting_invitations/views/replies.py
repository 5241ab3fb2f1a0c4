"""A person's reply to their invitation, by their own link, with no sign-in."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from coplan.core.http import posted
from coplan.meeting_invitations import links, services
from coplan.meeting_invitations.forms import ReplyForm
from coplan.meeting_invitations.views.base import invited_for, link_not_working
from coplan.meetings import selectors as meeting_selectors
from coplan.meetings.models import Reply
from coplan.meetings.presenters import YourMeeting, when_words


def reply(request: HttpRequest, token: str) -> HttpResponse:
    """A person's reply to their invitation: only their own meeting and reply are shown."""
    invited = invited_for(token)
    if invited is None:
        return link_not_working(request)
    meeting = invited.meeting
    choices = services.reply_choices(meeting)
    initial = {"reply": invited.reply} if invited.reply in choices else {}
    form = ReplyForm(posted(request), choices=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.reply_from_link(
                invited=invited,
                reply=form.cleaned_data["reply"],
                needs_changed=form.cleaned_data["needs_changed"],
            )
        except services.InvitationRuleError as error:
            error.add_to(form)
        else:
            return redirect(
                reverse("meeting_invitations:reply", kwargs={"token": token}) + "?saved=1"
            )
    response = render(
        request,
        "meeting_invitations/reply.html",
        {
            "invited": invited,
            "meeting": meeting,
            "form": form,
            "has_errors": bool(form.errors),
            "when": when_words(meeting_selectors.times_of(meeting), meeting.length_minutes),
            # In Easy Read: the meeting as on their home, one idea a line.
            "m": YourMeeting(
                meeting,
                invited=invited,
                papers=list(meeting.papers.all()),
                wanted_formats=invited.person.formats or [],
            ),
            "saved": request.GET.get("saved") == "1" and invited.reply != Reply.NO_REPLY,
            "reply_words": invited.get_reply_display(),
            "thanks": services.reply_thanks(invited),
            "calendar_url": reverse("meeting_invitations:reply_calendar", kwargs={"token": token}),
            "feed_url": links.feed_link(person_id=invited.person_id),
        },
        status=400 if form.errors else 200,
    )
    # Not cached (core/middleware.py: a page reached by a person's own link). The site's
    # "same-origin" referrer policy keeps the link from leaving the site; "no-referrer"
    # would make browsers send "Origin: null", which CSRF refuses.
    return response
