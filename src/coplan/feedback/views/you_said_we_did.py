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
    if request.method == "POST":
        entries = selectors.you_said_we_did_entries(project=project, published_only=True)
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
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def letters(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    entries = selectors.you_said_we_did_entries(project=project, published_only=True)
    sent = selectors.letters_to_post(project=project)
    content = letters_pdf(
        project_name=project.name,
        letters=[(letter.person, entries) for letter in sent],
        today=timezone.localdate(),
    )
    return pdf(content, "you-said-we-did-letters")
