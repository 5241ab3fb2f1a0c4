"""You said, we did: what people told the project and what it did about it,
published, and sent back to everyone involved the way they asked."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.feedback import rules, selectors, services
from coplan.feedback.forms import YouSaidWeDidForm, theme_initial
from coplan.feedback.presenters import loop_tag
from coplan.feedback.printing import letters_pdf
from coplan.feedback.views.common import SECTION, pdf, wording_form_flow
from coplan.plain_words import version_pages
from coplan.plain_words.selectors import EasyReadDocument
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.VIEW_YOU_SAID_WE_DID)
def you_said_we_did(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    can_edit = membership.may(rules.EDIT_YOU_SAID_WE_DID)
    loop = selectors.closing_the_loop(project=project)
    return SECTION.page(
        request,
        membership,
        "feedback/you_said_we_did.html",
        entries=selectors.you_said_we_did_entries(project=project, published_only=not can_edit),
        loop=loop,
        loop_tag=loop_tag(loop),
        feelings=selectors.general_feelings(project=project),
        can_edit=can_edit,
        can_send=membership.may(rules.SEND_YOU_SAID_WE_DID),
        # Asked for by the Easy Read version of the page only: the lead's approved lines.
        approved=lambda: selectors.you_said_we_did_approved(project=project),
    )


def _theme_form(
    request: HttpRequest, membership: Membership, initial: dict | None = None
) -> YouSaidWeDidForm:
    project = membership.project
    return YouSaidWeDidForm(
        posted(request),
        forms_=selectors.feedback_forms(project=project),
        car_park_items=selectors.car_park_items_for_choice(project=project),
        initial=initial,
    )


def _theme_words(form: YouSaidWeDidForm) -> dict[str, tuple[str, str]]:
    return {
        name: (form.cleaned_data[name], mode) for name, mode in YouSaidWeDidForm.plain_words.items()
    }


@project_view(rules.EDIT_YOU_SAID_WE_DID)
def theme_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    initial = {"status": "working_on_it"}
    raw_form = request.GET.get("form", "")
    if raw_form.isdigit():
        initial["form"] = raw_form
    form = _theme_form(request, membership, initial)
    return wording_form_flow(
        request,
        membership,
        form,
        words=lambda: _theme_words(form),
        save=lambda: services.you_said_we_did_add(
            project=membership.project, by=request.user, **form.service_arguments()
        ),
        saved="It has been added. Publish it when it is ready.",
        back=SECTION.url("you_said_we_did", membership),
        heading="Add to you said, we did",
        button="Add",
        intro=["One theme of what people said, and what the project did about it."],
    )


@project_view(rules.EDIT_YOU_SAID_WE_DID)
def theme_edit(request: HttpRequest, membership: Membership, entry_id: int) -> HttpResponse:
    found = or_404(selectors.you_said_we_did_entry(project=membership.project, entry_id=entry_id))
    form = _theme_form(request, membership, theme_initial(found))
    return wording_form_flow(
        request,
        membership,
        form,
        words=lambda: _theme_words(form),
        save=lambda: services.you_said_we_did_update(entry=found, **form.service_arguments()),
        saved="It has been saved.",
        back=SECTION.url("you_said_we_did", membership),
        heading="Change you said, we did",
        button="Save changes",
    )


@project_view(rules.EDIT_YOU_SAID_WE_DID)
@require_POST
def theme_publish(request: HttpRequest, membership: Membership, entry_id: int) -> HttpResponse:
    found = or_404(selectors.you_said_we_did_entry(project=membership.project, entry_id=entry_id))
    return SECTION.action(
        request,
        membership,
        do=lambda: services.you_said_we_did_publish(entry=found),
        message="It is published: everyone in the project can see it.",
        back=SECTION.url("you_said_we_did", membership),
    )


@project_view(rules.EDIT_YOU_SAID_WE_DID)
def theme_remove(request: HttpRequest, membership: Membership, entry_id: int) -> HttpResponse:
    found = or_404(selectors.you_said_we_did_entry(project=membership.project, entry_id=entry_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.you_said_we_did_remove(entry=found),
        removed="It has been removed.",
        back=SECTION.url("you_said_we_did", membership),
        heading="Remove this from you said, we did?",
        thing=found.you_said,
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def send(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    people = selectors.people_involved(project=project)
    entries = selectors.you_said_we_did_entries(project=project, published_only=True)
    if request.method == "POST":
        return SECTION.action(
            request,
            membership,
            do=lambda: services.you_said_we_did_send(
                project=project, people=people, entries=entries, by=request.user
            ),
            message=lambda outcome: (
                f"Sent: {len(outcome.emailed)} by email, {len(outcome.letters)} letters to "
                f"print and post, {len(outcome.phone)} to phone, {len(outcome.unreachable)} "
                "with no way to reach them."
            ),
            back=SECTION.url("send", membership),
        )
    easy_read_people = sum(1 for person in people if services.needs_easy_read_letter(person))
    return SECTION.page(
        request,
        membership,
        "feedback/send.html",
        people=[
            (person, services.send_method(person), services.wants_easy_read(person))
            for person in people
        ],
        to_send=selectors.themes_to_send(project=project),
        sendings=selectors.sendings(project=project),
        letters=selectors.letters_to_post(project=project),
        back=SECTION.url("you_said_we_did", membership),
        **version_pages.send_check(
            project=project,
            document=lambda: selectors.you_said_we_did_easy_read(project=project, entries=entries),
            people=easy_read_people if entries else 0,
        ),
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def letters(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    entries = selectors.you_said_we_did_entries(project=project, published_only=True)
    sent = selectors.letters_to_post(project=project)
    content = letters_pdf(
        project_name=project.name,
        letters=[
            (
                letter.person,
                entries,
                selectors.easy_read_letter_lines(project=project, sent=letter, entries=entries)
                if letter.easy_read
                else [],
            )
            for letter in sent
        ],
        today=timezone.localdate(),
    )
    return pdf(content, "you-said-we-did-letters")


# The Easy Read letter: the lead checks it, changes its lines and approves it -------------


def _easy_read_document(membership: Membership) -> EasyReadDocument:
    """The Easy Read letter of everything published; none (not found) before anything is."""
    project = membership.project
    entries = selectors.you_said_we_did_entries(project=project, published_only=True)
    return selectors.you_said_we_did_easy_read(project=project, entries=or_404(entries or None))


def _easy_read_pages(membership: Membership) -> version_pages.VersionPages:
    return version_pages.VersionPages(
        SECTION,
        url_name="feedback:easy_read",
        url_kwargs={"project_id": membership.project_id},
        sending_url=SECTION.url("send", membership),
        sending_words="Go on to send you said, we did",
        caption="Easy Read version: you said, we did",
        about=(
            "This is the letter everyone who asked for Easy Read gets, by email or by post, "
            "with everything published in you said, we did.",
        ),
        context={"back_text": "Back to sending you said, we did"},
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def easy_read(request: HttpRequest, membership: Membership) -> HttpResponse:
    return version_pages.version_page(
        request, membership, _easy_read_pages(membership), _easy_read_document(membership)
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
@require_POST
def easy_read_approve(request: HttpRequest, membership: Membership) -> HttpResponse:
    return version_pages.version_approve(
        request, membership, _easy_read_pages(membership), _easy_read_document(membership)
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def easy_read_line(request: HttpRequest, membership: Membership, line_number: int) -> HttpResponse:
    return version_pages.version_line(
        request,
        membership,
        _easy_read_pages(membership),
        _easy_read_document(membership),
        line_number,
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def easy_read_pdf(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The Easy Read letter as it will print, to look at before approving it."""
    return version_pages.version_pdf(
        project=membership.project, document=_easy_read_document(membership)
    )
