"""The lead's pages for a document's Easy Read version, for whichever app owns the
document (an invitation, a "you said, we did" letter): every line with its picture and
a way to change it, one line's page, approving, the version as it will print, and the
Easy Read part of the document's send page. Drawn through the project page layer
(`coplan.projects.pages.Section`), so each app only says where its pages are
(`VersionPages`) and which words its document has (`selectors.EasyReadDocument`).

An app's views are then one line each: `version_page(request, membership, pages,
document)`, `version_line(...)`, `version_approve(...)`, `version_pdf(...)`.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify

from coplan.core.http import posted
from coplan.plain_words import selectors, services
from coplan.plain_words.easy_read import (
    ApprovedVersion,
    EasyReadLine,
    easy_read_lines,
    uses_bank_pictures,
)
from coplan.plain_words.forms import EasyReadLineForm
from coplan.plain_words.pictures import credit
from coplan.plain_words.presenters import picture_choices, picture_src
from coplan.plain_words.printing import easy_read_pdf
from coplan.projects.models import Membership, Project
from coplan.projects.pages import Section

VERSION_TEMPLATE = "plain_words/easy_read_version.html"


@dataclass(frozen=True)
class VersionPages:
    """Where one document's Easy Read pages are. `url_name` is the check page's URL
    name; its line page, approving and PDF are the same name ending "_line",
    "_approve" and "_pdf", with `url_kwargs`. `sending_url` is the document's send
    page (`sending_words` its link, "Go on to send the invitation"); `about` says
    what each person's copy adds; `context` is shown on every page (a caption...)."""

    section: Section
    url_name: str
    url_kwargs: Mapping[str, int]
    sending_url: str
    sending_words: str
    caption: str
    about: tuple[str, ...] = ()
    context: Mapping = field(default_factory=dict)

    def url(self, suffix: str = "", **kwargs) -> str:
        return reverse(self.url_name + suffix, kwargs={**self.url_kwargs, **kwargs})


def shown_lines(
    document: selectors.EasyReadDocument, state: selectors.EasyReadState, pictures
) -> list[EasyReadLine]:
    """The lines as they will print: the maker's, with the lead's changes put in."""
    return ApprovedVersion(tuple(state.lines), pictures).applied_to(
        easy_read_lines(document.source_text)
    )


def version_page(
    request: HttpRequest,
    membership: Membership,
    pages: VersionPages,
    document: selectors.EasyReadDocument,
) -> HttpResponse:
    """Every line of the Easy Read version with its picture, a way to change each, and
    approving it."""
    project = membership.project
    state = selectors.easy_read_document_state(project=project, document=document)
    pictures = selectors.pictures_by_key(organisation_id=project.organisation_id)
    return pages.section.page(
        request,
        membership,
        VERSION_TEMPLATE,
        **{"back": pages.sending_url, **pages.context},
        pages=pages,
        document=document,
        state=state,
        numbered=list(enumerate(state.lines, start=1)),
        pictures=pictures,
        picture_src=picture_src,
        uses_bank_pictures=uses_bank_pictures(shown_lines(document, state, pictures)),
        picture_credit=credit(),
    )


def version_approve(
    request: HttpRequest,
    membership: Membership,
    pages: VersionPages,
    document: selectors.EasyReadDocument,
) -> HttpResponse:
    return pages.section.action(
        request,
        membership,
        do=lambda: services.easy_read_version_approve(
            project=membership.project,
            document=document.document,
            title=document.title,
            source_text=document.source_text,
            by=request.user,
        ),
        message="You have approved the Easy Read version. It is ready to send.",
        back=pages.url(),
        done=pages.sending_url,
    )


def version_line(
    request: HttpRequest,
    membership: Membership,
    pages: VersionPages,
    document: selectors.EasyReadDocument,
    line_number: int,
) -> HttpResponse:
    """Change one line: its words, a heading or not, and its picture."""
    project = membership.project
    state = selectors.easy_read_document_state(project=project, document=document)
    back = pages.url()
    if not 1 <= line_number <= len(state.lines):
        messages.error(request, "The Easy Read version has changed. Choose the line again.")
        return redirect(back)
    line = state.lines[line_number - 1]
    pictures = selectors.pictures_by_key(organisation_id=project.organisation_id)
    form = EasyReadLineForm(
        posted(request),
        pictures=picture_choices(pictures),
        initial={
            "words": line.words,
            "heading": line.heading,
            "picture": line.picture if line.picture in pictures else "",
        },
    )
    return pages.section.form_flow(
        request,
        membership,
        form,
        save=lambda: services.easy_read_line_change(
            project=project,
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
        caption=pages.caption,
        intro=[f"The words now: “{line.words}”" if line.words else "This line is left out."],
    )


def version_pdf(*, project: Project, document: selectors.EasyReadDocument) -> HttpResponse:
    """The Easy Read version as it will print, for anyone (no name), to look at before
    approving it."""
    state = selectors.easy_read_document_state(project=project, document=document)
    pictures = selectors.pictures_by_key(organisation_id=project.organisation_id)
    pdf = easy_read_pdf(title=document.title, lines=shown_lines(document, state, pictures))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"easy read {document.title}") or "easy-read"
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


def send_check(
    *, project: Project, document: Callable[[], selectors.EasyReadDocument], people: int
) -> dict:
    """For a send page (`plain_words/_easy_read_send.html`), when `people` of those it
    goes to get Easy Read: whether its version is approved (or out of date), and which
    of its lines have no picture. `document()` gives the document's words: it is only
    asked for when someone gets Easy Read."""
    if not people:
        return {"easy_read_count": 0, "easy_read": None, "without_picture": []}
    document = document()
    state = selectors.easy_read_document_state(project=project, document=document)
    return {
        "easy_read_count": people,
        "easy_read": state,
        "easy_read_document": document,
        "without_picture": selectors.lines_without_picture(state),
    }
