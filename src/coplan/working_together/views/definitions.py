"""Shared definitions: the meanings the group agreed for words."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import or_404, posted
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.working_together import rules, selectors, services
from coplan.working_together.forms import DefinitionForm
from coplan.working_together.views.common import SECTION

STARTING_WORD = "co-production"


@project_view(rules.VIEW_WORKING_TOGETHER)
def definitions(request: HttpRequest, membership: Membership) -> HttpResponse:
    found = selectors.shared_definitions(project=membership.project)
    return SECTION.page(
        request,
        membership,
        "working_together/definitions.html",
        definitions=found,
        can_edit=membership.may(rules.EDIT_DEFINITIONS),
        offer_start=not any(d.word.lower() == STARTING_WORD for d in found),
        starting_word=STARTING_WORD,
    )


@project_view(rules.EDIT_DEFINITIONS)
def definition_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    word = request.GET.get("word", "")
    form = DefinitionForm(
        posted(request), initial={"word": STARTING_WORD if word == STARTING_WORD else ""}
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.definition_add(
            project=membership.project, by=request.user, **form.cleaned_data
        ),
        saved=lambda added: f"‘{added.word}’ has been added to the shared definitions.",
        back=SECTION.url("definitions", membership),
        heading="Add a shared definition",
        button="Add definition",
        intro=[
            "Do not assume everyone has the same understanding of a word or phrase. "
            "Write down the meaning the group worked out together."
        ],
    )


@project_view(rules.EDIT_DEFINITIONS)
def definition_edit(
    request: HttpRequest, membership: Membership, definition_id: int
) -> HttpResponse:
    found = or_404(
        selectors.shared_definition(project=membership.project, definition_id=definition_id)
    )
    form = DefinitionForm(posted(request), initial={"word": found.word, "meaning": found.meaning})
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.definition_update(
            definition=found, by=request.user, **form.cleaned_data
        ),
        saved=lambda _: f"‘{found.word}’ has been saved.",
        back=SECTION.url("definitions", membership),
        heading="Change a shared definition",
        button="Save changes",
    )


@project_view(rules.EDIT_DEFINITIONS)
def definition_remove(
    request: HttpRequest, membership: Membership, definition_id: int
) -> HttpResponse:
    found = or_404(
        selectors.shared_definition(project=membership.project, definition_id=definition_id)
    )
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.definition_remove(definition=found),
        removed=f"‘{found.word}’ has been removed from the shared definitions.",
        back=SECTION.url("definitions", membership),
        heading="Remove this shared definition?",
        thing=found.word,
    )
