"""Pages for invitations (preview, wording, sending, letters), attendance on the day,
calendar files, and the two pages reached by a person's own link with no sign-in:
their reply, and their calendar feed."""

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from coplan.core import formats
from coplan.core.http import or_404, posted
from coplan.meeting_invitations import calendars, links, selectors, services
from coplan.meeting_invitations.forms import AttendanceForm, InvitationWordingForm, ReplyForm
from coplan.meeting_invitations.invitations import Missing, invitation_build, invitation_missing
from coplan.meeting_invitations.letters import EASY_READ, LARGE_PRINT
from coplan.meeting_invitations.rules import (
    DOWNLOAD_CALENDAR,
    RECORD_ATTENDANCE,
    SEND_INVITATIONS,
)
from coplan.meetings import selectors as meeting_selectors
from coplan.meetings.models import Meeting, Reply
from coplan.meetings.presenters import when_words
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import Section, project_url

LETTER_WORDS = {EASY_READ: "Easy Read", LARGE_PRINT: "large print"}

# Invitations are part of the project's meetings: the same item of the project's menu.
SECTION = Section("meetings", namespace="meeting_invitations")


def _meeting(membership: Membership, meeting_id: int) -> Meeting:
    return or_404(meeting_selectors.meeting(project=membership.project, meeting_id=meeting_id))


def _meeting_url(name: str, meeting: Meeting, **kwargs) -> str:
    return project_url(name, meeting, meeting_id=meeting.pk, **kwargs)


def _meeting_page(request, membership, meeting, template, **context) -> HttpResponse:
    """A page about one meeting: its title as the caption, and back to the meeting
    (or `back`)."""
    context.setdefault("back", _meeting_url("meetings:meeting", meeting))
    context.setdefault("back_text", "Back to the meeting")
    return SECTION.page(
        request, membership, template, meeting=meeting, caption=meeting.title, **context
    )


# Invitation page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingLine:
    sentence: str
    fix_text: str
    fix_url: str
    people: list[tuple[str, str]]  # (name, where to add their role or training)


def _missing_lines(
    meeting: Meeting, missing: tuple[Missing, ...], rows: list[selectors.InvitationRow]
) -> list[MissingLine]:
    own = _meeting_url("meeting_invitations:invitation", meeting)
    plan = _meeting_url("meetings:meeting_edit", meeting)
    fixes = {
        "project": (
            "Change the project's details",
            reverse("projects:edit", args=[meeting.project_id]),
        ),
        "affects": ("Say how it affects them", own + "#id_how_it_affects"),
        "involved": ("Say how they can get involved", own + "#id_getting_involved"),
        "commitment": ("Say what you are asking of them", own + "#id_commitment"),
        "training": ("Say what training is needed and offered", own + "#id_training"),
        "payment": ("Say how people are paid", own + "#id_payment"),
        "where": ("Add the venue or joining details to the plan", plan),
        "food": ("Say in the plan if food is provided", plan),
        "when": ("Change the plan", plan),
        "length": ("Change the plan", plan),
        "key_dates": (
            "Add dates to the timeline",
            reverse("planning:timeline", args=[meeting.project_id]),
        ),
        "role": ("Add their role descriptions", ""),
    }
    by_name = {row.invited.person.full_name: row.invited.person_id for row in rows}
    lines = []
    for item in missing:
        text, url = fixes[item.key]
        people = [
            (
                name,
                reverse(
                    "people:participant_involvement",
                    kwargs={"project_id": meeting.project_id, "person_id": by_name[name]},
                ),
            )
            for name in item.people[:20]
            if name in by_name
        ]
        lines.append(MissingLine(item.sentence, text, url, people))
    return lines


def _how_words(row: selectors.InvitationRow) -> str:
    if row.delivery == selectors.EMAIL:
        extra = LETTER_WORDS.get(row.letter_format)
        return (
            f"Email, with an {extra} copy"
            if extra == "Easy Read"
            else (f"Email, with a {extra} copy" if extra else "Email")
        )
    if row.delivery == selectors.LETTER:
        return f"Letter in {LETTER_WORDS.get(row.letter_format, 'standard print')}"
    return "No email or address: tell them another way"


def _sent_words(row: selectors.InvitationRow) -> str:
    last = row.last_sent
    if last is None:
        return "Not sent yet"
    how = "emailed" if last.sent_by == "email" else "letter"
    words = f"{formats.date_time(last.sent_at)} ({how})"
    if row.times_sent > 1:
        words += f". Sent {row.times_sent} times"
    return words


def _invitation_page(request, membership, meeting, form, own) -> HttpResponse:
    today = timezone.localdate()
    facts = selectors.meeting_facts(meeting=meeting, today=today)
    wording = selectors.wording_of(own)
    rows = selectors.invitation_rows(meeting=meeting)
    missing = invitation_missing(
        facts=facts, wording=wording, people=[r.person_facts for r in rows]
    )
    preview = invitation_build(facts=facts, wording=wording)
    waiting = [row for row in rows if not row.sent]
    return _meeting_page(
        request,
        membership,
        meeting,
        "meeting_invitations/invitation.html",
        form=form,
        preview=preview,
        missing=_missing_lines(meeting, missing, rows),
        rows=rows,
        how_words=_how_words,
        sent_words=_sent_words,
        waiting_email=sum(row.delivery == selectors.EMAIL for row in waiting),
        waiting_letter=sum(row.delivery == selectors.LETTER for row in waiting),
        waiting_no_way=sum(row.delivery == selectors.NO_WAY for row in waiting),
        letters=[row for row in rows if row.delivery == selectors.LETTER],
        has_errors=bool(form.errors),
    )


def _wording_initial(meeting: Meeting, own) -> dict:
    """This meeting's wording, or the words used for the project's last other meeting."""
    found = own or selectors.wording_from_other_meeting(meeting=meeting)
    if found is None:
        return {}
    return {name: getattr(found, name) for name in services.WORDING_FIELDS}


@project_view(SEND_INVITATIONS)
def invitation(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """The invitation as people will read it, what is missing from it, its wording, and
    who has been sent it."""
    meeting = _meeting(membership, meeting_id)
    own = selectors.invitation_wording(meeting=meeting)
    form = InvitationWordingForm(posted(request), initial=_wording_initial(meeting, own))
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_wording_save(
                meeting=meeting, changed_by=request.user, **form.cleaned_data
            )
        except services.InvitationRuleError as error:
            error.add_to(form)
        else:
            messages.success(request, "The invitation has been saved. Check it below.")
            return redirect(_meeting_url("meeting_invitations:invitation", meeting))
    return _invitation_page(request, membership, meeting, form, own)


@project_view(SEND_INVITATIONS)
def invitation_send(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """Check, then send, to everyone invited who has not been sent the invitation yet."""
    meeting = _meeting(membership, meeting_id)
    if request.method == "POST":
        sent = services.meeting_invitations_send(meeting=meeting, sender=request.user)
        parts = []
        if sent.emailed:
            parts.append(f"emailed {len(sent.emailed)} {_people(len(sent.emailed))}")
        if sent.letters:
            parts.append(f"{len(sent.letters)} {_letters(len(sent.letters))} to print and post")
        if parts:
            messages.success(request, "The invitation has gone: " + " and ".join(parts) + ".")
        else:
            messages.success(request, "Nobody was waiting for the invitation: nothing was sent.")
        return redirect(_meeting_url("meeting_invitations:invitation", meeting))
    facts = selectors.meeting_facts(meeting=meeting, today=timezone.localdate())
    wording = selectors.wording_of(selectors.invitation_wording(meeting=meeting))
    rows = selectors.invitation_rows(meeting=meeting)
    waiting = [row for row in rows if not row.sent]
    missing = invitation_missing(
        facts=facts, wording=wording, people=[r.person_facts for r in rows]
    )
    return _meeting_page(
        request,
        membership,
        meeting,
        "meeting_invitations/send.html",
        back=_meeting_url("meeting_invitations:invitation", meeting),
        back_text="Back to the invitation",
        waiting=waiting,
        already=len(rows) - len(waiting),
        missing=_missing_lines(meeting, missing, rows),
        how_words=_how_words,
    )


def _people(count: int) -> str:
    return "person" if count == 1 else "people"


def _letters(count: int) -> str:
    return "letter" if count == 1 else "letters"


@project_view(SEND_INVITATIONS)
@require_POST
def invitation_send_again(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    meeting = _meeting(membership, meeting_id)
    try:
        sent = services.invitation_send_again(
            meeting=meeting, invited_id=invited_id, sender=request.user
        )
    except services.InvitationRuleError:
        return or_404(None)
    names = sent.emailed or sent.letters or sent.no_way
    if sent.emailed:
        messages.success(request, f"The invitation has been emailed again to {names[0]}.")
    elif sent.letters:
        messages.success(request, f"A new letter for {names[0]} is ready to print.")
    else:
        messages.error(request, f"We have no email address or postal address for {names[0]}.")
    return redirect(_meeting_url("meeting_invitations:invitation", meeting))


@project_view(SEND_INVITATIONS)
def letter(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    """One person's invitation as a letter to print, in the format they asked for."""
    meeting = _meeting(membership, meeting_id)
    row = or_404(selectors.invitation_row(meeting=meeting, invited_id=invited_id))
    pdf = services.letter_for(meeting=meeting, row=row)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"invitation {row.invited.person.full_name}") or "invitation"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


# Attendance --------------------------------------------------------------------------------


@project_view(RECORD_ATTENDANCE)
def attendance(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """Who came on the day: one pair of buttons a person, saved together."""
    meeting = _meeting(membership, meeting_id)
    invited = meeting_selectors.invited_people(meeting=meeting)
    form = AttendanceForm(posted(request), invited=invited)
    if request.method == "POST" and form.is_valid():
        try:
            services.attendance_record(meeting=meeting, marks=form.marks())
        except services.InvitationRuleError as error:
            error.add_to(form)
        else:
            came = sum(value == "came" for value in form.marks().values())
            messages.success(request, f"Saved: {came} {_people(came)} came.")
            return redirect(_meeting_url("meeting_invitations:attendance", meeting))
    came = sum(row.attendance == "came" for row in invited)
    return _meeting_page(
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


# Calendar files ----------------------------------------------------------------------------


def _calendar_response(body: bytes, *, filename: str = "", download: bool = True) -> HttpResponse:
    response = HttpResponse(body, content_type=calendars.CONTENT_TYPE)
    if download:
        response["Content-Disposition"] = f'attachment; filename="{filename or "meeting"}.ics"'
    return response


@project_view(DOWNLOAD_CALENDAR)
def meeting_calendar(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    meeting = _meeting(membership, meeting_id)
    body = calendars.calendar_file(
        [selectors.calendar_meeting(meeting, joining=True)], name=meeting.title, now=timezone.now()
    )
    return _calendar_response(body, filename=slugify(meeting.title))


# Pages reached by a person's own link, with no sign-in -----------------------------------------


def _link_not_working(request: HttpRequest) -> HttpResponse:
    return render(request, "meeting_invitations/link_invalid.html", status=404)


def _invited_for(token: str):
    """The invitation a reply link is for, or None if the link is wrong, too old, for
    someone no longer invited, or for a meeting that is over."""
    invited_id = links.reply_token_read(token)
    if invited_id is None:
        return None
    invited = selectors.invited_for_link(invited_id=invited_id)
    if invited is None:
        return None
    ends = meeting_selectors.times_of(invited.meeting).ends
    if ends < timezone.now():
        return None
    return invited


def reply(request: HttpRequest, token: str) -> HttpResponse:
    """A person's reply to their invitation: only their own meeting and reply are shown."""
    invited = _invited_for(token)
    if invited is None:
        return _link_not_working(request)
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
            "saved": request.GET.get("saved") == "1" and invited.reply != Reply.NO_REPLY,
            "reply_words": invited.get_reply_display(),
            "calendar_url": reverse("meeting_invitations:reply_calendar", kwargs={"token": token}),
            "feed_url": links.feed_link(person_id=invited.person_id),
        },
        status=400 if form.errors else 200,
    )
    # Not cached (core/middleware.py: a page reached by a person's own link). The site's
    # "same-origin" referrer policy keeps the link from leaving the site; "no-referrer"
    # would make browsers send "Origin: null", which CSRF refuses.
    return response


def reply_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """This one meeting, for the person's calendar."""
    invited = _invited_for(token)
    if invited is None:
        return _link_not_working(request)
    event = selectors.calendar_meeting(
        invited.meeting,
        url=links.reply_link(invited_id=invited.pk),
        cancelled=selectors.is_not_coming(invited),
        joining=True,
    )
    body = calendars.calendar_file([event], name=invited.meeting.title, now=timezone.now())
    return _calendar_response(body, filename=slugify(invited.meeting.title))


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's own calendar feed: the meetings they are invited to, and nobody else's."""
    person_id = links.feed_token_read(token)
    person = selectors.person_for_feed(person_id=person_id) if person_id is not None else None
    if person is None:
        return _link_not_working(request)
    events = [
        selectors.calendar_meeting(
            invited.meeting,
            url=links.reply_link(invited_id=invited.pk),
            cancelled=selectors.is_not_coming(invited),
            joining=True,
        )
        for invited in selectors.feed_invitations(person=person, today=timezone.localdate())
    ]
    body = calendars.calendar_file(events, name="Your meetings", now=timezone.now())
    return _calendar_response(body, download=False)
