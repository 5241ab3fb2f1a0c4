"""The group's agreements: written, changed and taken out, with every change kept."""

from django.http import HttpRequest, HttpResponse

from coplan.core.http import or_404, posted
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import say_wording
from coplan.working_together import rules, selectors, services
from coplan.working_together.forms import AgreementForm
from coplan.working_together.prompts import AGREEMENT_PROMPTS, AGREEMENT_PROMPTS_EASY_READ
from coplan.working_together.views.common import SECTION, back_to, from_session


@project_view(rules.VIEW_WORKING_TOGETHER)
def agreements(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "working_together/agreements.html",
        agreements=selectors.agreements_current(project=membership.project),
        can_edit=membership.may(rules.RECORD_AGREEMENTS),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def agreement_ideas(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "working_together/agreement_ideas.html",
        prompts=AGREEMENT_PROMPTS,
        easy_read_prompts=AGREEMENT_PROMPTS_EASY_READ,
        can_edit=membership.may(rules.RECORD_AGREEMENTS),
        back=SECTION.url("agreements", membership),
        back_text="Back to the agreements",
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def agreement_history(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "working_together/agreement_history.html",
        agreements=selectors.agreement_history(project=membership.project),
        back=SECTION.url("agreements", membership),
        back_text="Back to the agreements",
    )


@project_view(rules.RECORD_AGREEMENTS)
def agreement_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    at_session = from_session(request, membership)
    form = AgreementForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.agreement_write(
            project=membership.project,
            text=form.cleaned_data["text"],
            by=request.user,
            session=at_session,
        ),
        saved="The agreement has been added.",
        back=back_to(membership, at_session, "agreements"),
        heading="Add an agreement",
        button="Add agreement",
        intro=[
            "Agreements are the group’s own ways of working together, written by the group. "
            "Everyone in the project will see them."
        ],
        template="working_together/agreement_add.html",
    )


@project_view(rules.RECORD_AGREEMENTS)
def agreement_edit(request: HttpRequest, membership: Membership, agreement_id: int) -> HttpResponse:
    found = or_404(selectors.agreement(project=membership.project, agreement_id=agreement_id))
    at_session = from_session(request, membership)
    back = back_to(membership, at_session, "agreements")
    form = AgreementForm(posted(request), initial={"text": found.text})
    if request.method == "POST" and form.is_valid():
        # An agreement taken out meanwhile cannot be changed: say so where the agreements are.
        def change() -> None:
            services.agreement_change(
                agreement=found, text=form.cleaned_data["text"], by=request.user, session=at_session
            )
            say_wording(request, form, project=membership.project)

        return SECTION.action(
            request,
            membership,
            do=change,
            message="The agreement has been changed. The old words are kept.",
            back=back,
        )
    return SECTION.form_page(
        request,
        membership,
        form,
        heading="Change an agreement",
        button="Save changes",
        back=back,
        intro=["The words it had before are kept, with who changed them and when."],
        template="working_together/agreement_add.html",
        changing=True,
    )


@project_view(rules.RECORD_AGREEMENTS)
def agreement_remove(
    request: HttpRequest, membership: Membership, agreement_id: int
) -> HttpResponse:
    found = or_404(selectors.agreement(project=membership.project, agreement_id=agreement_id))
    at_session = from_session(request, membership)
    back = back_to(membership, at_session, "agreements")
    if request.method == "POST":
        return SECTION.action(
            request,
            membership,
            do=lambda: services.agreement_remove(
                agreement=found, by=request.user, session=at_session
            ),
            message="The agreement has been taken out. Its history is kept.",
            back=back,
        )
    return SECTION.remove_page(
        request,
        membership,
        heading="Take out this agreement?",
        thing=found.text,
        back=back,
        button="Yes, take it out",
    )
