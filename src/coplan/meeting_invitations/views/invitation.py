"""The invitation: what people will read, what is missing from it, its wording,
sending it (again), and letters to print."""

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from coplan.core import formats
from coplan.core.http import or_404, posted
from coplan.meeting_invitations import selectors, services
from coplan.meeting_invitations.forms import InvitationWordingForm
from coplan.meeting_invitations.invitations import (
    Missing,
    invitation_build,
    invitation_missing,
)
from coplan.meeting_invitations.letters import EASY_READ, LARGE_PRINT
from coplan.meeting_invitations.rules import (
    SEND_INVITATIONS,
)
from coplan.meeting_invitations.views.base import (
    meeting_of,
    meeting_page,
    meeting_url,
    people_word,
)
from coplan.meetings.models import Meeting
from coplan.plain_words import version_pages
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import say_wording

LETTER_WORDS = {EASY_READ: "Easy Read", LARGE_PRINT: "large print"}


@dataclass(frozen=True)
class MissingLine:
    sentence: str
    fix_text: str
    fix_url: str
    people: list[tuple[str, str]]  # (name, where to add their role or training)


def _missing_lines(
    meeting: Meeting, missing: tuple[Missing, ...], rows: list[selectors.InvitationRow]
) -> list[MissingLine]:
    own = meeting_url("meeting_invitations:invitation", meeting)
    plan = meeting_url("meetings:meeting_edit", meeting)
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
    return meeting_page(
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
    meeting = meeting_of(membership, meeting_id)
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
            say_wording(request, form, project=membership.project)
            return redirect(meeting_url("meeting_invitations:invitation", meeting))
    return _invitation_page(request, membership, meeting, form, own)


@project_view(SEND_INVITATIONS)
def invitation_send(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """Check, then send, to everyone invited who has not been sent the invitation yet."""
    meeting = meeting_of(membership, meeting_id)
    if request.method == "POST":
        try:
            sent = services.meeting_invitations_send(meeting=meeting, sender=request.user)
        except services.EasyReadNotApprovedError as error:
            messages.error(request, error.message)
            return redirect(meeting_url("meeting_invitations:invitation_send", meeting))
        parts = []
        if sent.emailed:
            parts.append(f"emailed {len(sent.emailed)} {people_word(len(sent.emailed))}")
        if sent.letters:
            parts.append(f"{len(sent.letters)} {_letters(len(sent.letters))} to print and post")
        if parts:
            messages.success(request, "The invitation has gone: " + " and ".join(parts) + ".")
        else:
            messages.success(request, "Nobody was waiting for the invitation: nothing was sent.")
        return redirect(meeting_url("meeting_invitations:invitation", meeting))
    facts = selectors.meeting_facts(meeting=meeting, today=timezone.localdate())
    wording = selectors.wording_of(selectors.invitation_wording(meeting=meeting))
    rows = selectors.invitation_rows(meeting=meeting)
    waiting = [row for row in rows if not row.sent]
    missing = invitation_missing(
        facts=facts, wording=wording, people=[r.person_facts for r in rows]
    )
    return meeting_page(
        request,
        membership,
        meeting,
        "meeting_invitations/send.html",
        back=meeting_url("meeting_invitations:invitation", meeting),
        back_text="Back to the invitation",
        waiting=waiting,
        already=len(rows) - len(waiting),
        missing=_missing_lines(meeting, missing, rows),
        how_words=_how_words,
        **_easy_read_check(meeting, waiting),
    )


def _easy_read_check(meeting: Meeting, waiting: list[selectors.InvitationRow]) -> dict:
    """For the send page, when someone waiting gets Easy Read: whether its version is
    approved (or out of date), and which of its lines have no picture."""
    people = sum(
        1 for row in waiting if row.letter_format == EASY_READ and row.delivery != selectors.NO_WAY
    )
    return version_pages.send_check(
        project=meeting.project,
        document=lambda: selectors.invitation_easy_read(
            meeting=meeting, today=timezone.localdate()
        ),
        people=people,
    )


def _letters(count: int) -> str:
    return "letter" if count == 1 else "letters"


@project_view(SEND_INVITATIONS)
@require_POST
def invitation_send_again(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    meeting = meeting_of(membership, meeting_id)
    try:
        sent = services.invitation_send_again(
            meeting=meeting, invited_id=invited_id, sender=request.user
        )
    except services.EasyReadNotApprovedError as error:
        messages.error(request, error.message)
        return redirect(meeting_url("meeting_invitations:invitation_easy_read", meeting))
    except services.InvitationRuleError:
        return or_404(None)
    names = sent.emailed or sent.letters or sent.no_way
    if sent.emailed:
        messages.success(request, f"The invitation has been emailed again to {names[0]}.")
    elif sent.letters:
        messages.success(request, f"A new letter for {names[0]} is ready to print.")
    else:
        messages.error(request, f"We have no email address or postal address for {names[0]}.")
    return redirect(meeting_url("meeting_invitations:invitation", meeting))


@project_view(SEND_INVITATIONS)
def letter(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    """One person's invitation as a letter to print, in the format they asked for."""
    meeting = meeting_of(membership, meeting_id)
    row = or_404(selectors.invitation_row(meeting=meeting, invited_id=invited_id))
    pdf = services.letter_for(meeting=meeting, row=row)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"invitation {row.invited.person.full_name}") or "invitation"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
