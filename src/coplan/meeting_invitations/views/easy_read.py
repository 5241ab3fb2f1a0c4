"""The Easy Read version of the invitation: the lead checks it line by line, changes a
line's words or picture, and approves it before it goes."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from coplan.core.http import posted
from coplan.meeting_invitations import selectors
from coplan.meeting_invitations.rules import SEND_INVITATIONS
from coplan.meeting_invitations.views.base import SECTION, meeting_of, meeting_page, meeting_url
from coplan.meetings.models import Meeting
from coplan.plain_words import selectors as easy_read_selectors
from coplan.plain_words import services as easy_read_services
from coplan.plain_words.easy_read import ApprovedVersion, easy_read_lines, uses_bank_pictures
from coplan.plain_words.forms import EasyReadLineForm
from coplan.plain_words.pictures import credit
from coplan.plain_words.presenters import picture_choices, picture_src
from coplan.plain_words.printing import easy_read_pdf
from coplan.projects.access import project_view
from coplan.projects.models import Membership


def _document_and_state(meeting: Meeting):
    return selectors.invitation_easy_read_state(meeting=meeting, today=timezone.localdate())


def _shown_lines(document, state, pictures):
    """The lines as they will print: the maker's, with the lead's changes put in."""
    return ApprovedVersion(tuple(state.lines), pictures).applied_to(
        easy_read_lines(document.source_text)
    )


@project_view(SEND_INVITATIONS)
def invitation_easy_read(
    request: HttpRequest, membership: Membership, meeting_id: int
) -> HttpResponse:
    """Every line of the Easy Read invitation with its picture, a way to change each,
    and approving it."""
    meeting = meeting_of(membership, meeting_id)
    document, state = _document_and_state(meeting)
    pictures = easy_read_selectors.pictures_by_key(organisation_id=meeting.project.organisation_id)
    numbered = list(enumerate(state.lines, start=1))
    return meeting_page(
        request,
        membership,
        meeting,
        "meeting_invitations/easy_read.html",
        back=meeting_url("meeting_invitations:invitation_send", meeting),
        back_text="Back to sending the invitation",
        state=state,
        numbered=numbered,
        pictures=pictures,
        picture_src=picture_src,
        uses_bank_pictures=uses_bank_pictures(_shown_lines(document, state, pictures)),
        picture_credit=credit(),
    )


@project_view(SEND_INVITATIONS)
@require_POST
def invitation_easy_read_approve(
    request: HttpRequest, membership: Membership, meeting_id: int
) -> HttpResponse:
    meeting = meeting_of(membership, meeting_id)
    document = selectors.invitation_easy_read(meeting=meeting, today=timezone.localdate())
    return SECTION.action(
        request,
        membership,
        do=lambda: easy_read_services.easy_read_version_approve(
            project=membership.project,
            document=document.document,
            title=document.title,
            source_text=document.source_text,
            by=request.user,
        ),
        message="You have approved the Easy Read version. It is ready to send.",
        back=meeting_url("meeting_invitations:invitation_easy_read", meeting),
        done=meeting_url("meeting_invitations:invitation_send", meeting),
    )


@project_view(SEND_INVITATIONS)
def invitation_easy_read_line(
    request: HttpRequest, membership: Membership, meeting_id: int, line_number: int
) -> HttpResponse:
    """Change one line: its words, a heading or not, and its picture."""
    meeting = meeting_of(membership, meeting_id)
    document, state = _document_and_state(meeting)
    back = meeting_url("meeting_invitations:invitation_easy_read", meeting)
    if not 1 <= line_number <= len(state.lines):
        messages.error(request, "The Easy Read version has changed. Choose the line again.")
        return redirect(back)
    line = state.lines[line_number - 1]
    pictures = easy_read_selectors.pictures_by_key(organisation_id=meeting.project.organisation_id)
    form = EasyReadLineForm(
        posted(request),
        pictures=picture_choices(pictures),
        initial={
            "words": line.words,
            "heading": line.heading,
            "picture": line.picture if line.picture in pictures else "",
        },
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: easy_read_services.easy_read_line_change(
            project=membership.project,
            document=document.document,
            title=document.title,
            source_text=document.source_text,
            number=line_number,
            by=request.user,
            **form.cleaned_data,
        ),
        saved=f"Line {line_number} has been changed. Approve the Easy Read version again.",
        back=back + f"#line-{line_number}",
        done=back,
        heading=f"Change line {line_number}",
        button="Save the line",
        caption=f"Easy Read version: {meeting.title}",
        intro=[f"The words now: “{line.words}”" if line.words else "This line is left out."],
    )


@project_view(SEND_INVITATIONS)
def invitation_easy_read_pdf(
    request: HttpRequest, membership: Membership, meeting_id: int
) -> HttpResponse:
    """The Easy Read invitation as it will print, for anyone (no name, a sample reply
    link), to look at before approving it."""
    meeting = meeting_of(membership, meeting_id)
    document, state = _document_and_state(meeting)
    pictures = easy_read_selectors.pictures_by_key(organisation_id=meeting.project.organisation_id)
    pdf = easy_read_pdf(title=document.title, lines=_shown_lines(document, state, pictures))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"easy read {meeting.title}") or "easy-read"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
