"""Feedback forms: making and changing them, their questions, their link and
one-time links, printing them, and typing in the ones filled in on paper."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from coplan import language
from coplan.core.http import or_404, posted
from coplan.core.qr import qr_svg
from coplan.feedback import rules, selectors, services
from coplan.feedback.forms import (
    DEFAULT_INTRO,
    AnswersForm,
    FeedbackFormChangeForm,
    FeedbackFormForm,
    OneTimeLinksForm,
    OwnQuestionForm,
    form_initial,
)
from coplan.feedback.models import FeedbackForm, HowAnswered
from coplan.feedback.printing import (
    easy_read_form_pdf,
    form_link_for_print,
    one_time_slips_pdf,
    standard_form_pdf,
)
from coplan.feedback.views.common import SECTION, form_url, pdf, wording_form_flow
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.short_links.services import short_link_make


def _found(membership: Membership, form_id: int) -> FeedbackForm:
    return or_404(selectors.feedback_form(project=membership.project, form_id=form_id))


@project_view(rules.VIEW_FEEDBACK)
def forms(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "feedback/forms.html",
        forms=selectors.feedback_forms(project=membership.project),
    )


@project_view(rules.MANAGE_FEEDBACK)
def form_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    form = FeedbackFormForm(
        posted(request),
        meetings=selectors.meetings_for_choice(project=project),
        initial={
            "intro": DEFAULT_INTRO,
            "closed_box": "yes",
            "how_answered": HowAnswered.LINK,
        },
    )
    return wording_form_flow(
        request,
        membership,
        form,
        words=lambda: {"intro": (form.cleaned_data["intro"], language.PLAIN)},
        save=lambda: services.feedback_form_create(
            project=project, by=request.user, **form.service_arguments()
        ),
        saved=lambda made: f"‘{made.title}’ has been made.",
        back=SECTION.url("forms", membership),
        done=lambda made: form_url(membership, made),
        heading="Make a feedback form",
        button="Make the form",
        intro=[
            "People can fill it in online, by a link or a QR code, or on paper. "
            "Every form has a standard and an Easy Read version of the same questions."
        ],
    )


@project_view(rules.VIEW_FEEDBACK)
def form(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    link = services.feedback_link(found.token)
    uses_form_link = found.how_answered != HowAnswered.ONE_TIME
    return SECTION.page(
        request,
        membership,
        "feedback/form.html",
        form=found,
        questions=selectors.feedback_questions(form=found),
        link=link if uses_form_link else None,
        qr=qr_svg(link, label=f"QR code for the link to {found.title}") if uses_form_link else None,
        open_links=selectors.open_one_time_links(form=found)
        if found.how_answered == HowAnswered.ONE_TIME
        else None,
        back=SECTION.url("forms", membership),
        back_text="Back to feedback forms",
    )


@project_view(rules.MANAGE_FEEDBACK)
def form_edit(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    project = membership.project
    found = _found(membership, form_id)
    form = FeedbackFormChangeForm(
        posted(request),
        meetings=selectors.meetings_for_choice(project=project),
        initial=form_initial(found),
    )
    return wording_form_flow(
        request,
        membership,
        form,
        words=lambda: {"intro": (form.cleaned_data["intro"], language.PLAIN)},
        save=lambda: services.feedback_form_update(form=found, **form.service_arguments()),
        saved=lambda _: f"‘{found.title}’ has been saved.",
        back=form_url(membership, found),
        heading="Change the feedback form",
        button="Save changes",
    )


@project_view(rules.MANAGE_FEEDBACK)
def form_remove(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.feedback_form_remove(form=found),
        removed=f"‘{found.title}’ and its answers have been removed.",
        back=form_url(membership, found),
        done=SECTION.url("forms", membership),
        heading="Remove this feedback form?",
        thing=f"{found.title}. Its {found.answer_count} answers will be removed too.",
    )


@project_view(rules.MANAGE_FEEDBACK)
def question_add(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    form = OwnQuestionForm(posted(request))
    return wording_form_flow(
        request,
        membership,
        form,
        words=lambda: {
            "standard": (form.cleaned_data["standard"], language.PLAIN),
            "easy_read": (form.cleaned_data["easy_read"], language.EASY_READ),
        },
        save=lambda: services.feedback_question_add(
            form=found,
            kind=form.cleaned_data["kind"],
            standard=form.cleaned_data["standard"],
            easy_read=form.cleaned_data["easy_read"],
        ),
        saved="Your question has been added.",
        back=form_url(membership, found),
        heading="Add a question of your own",
        button="Add question",
        intro=["The wording check looks at your words: keep them short and everyday."],
    )


@project_view(rules.MANAGE_FEEDBACK)
@require_POST
def question_remove(
    request: HttpRequest, membership: Membership, form_id: int, feedback_question_id: int
) -> HttpResponse:
    found = _found(membership, form_id)
    question = or_404(selectors.feedback_question(form=found, question_id=feedback_question_id))
    return SECTION.action(
        request,
        membership,
        do=lambda: services.feedback_question_remove(question=question),
        message="The question has been taken off the form.",
        back=form_url(membership, found),
    )


@project_view(rules.MANAGE_FEEDBACK)
@require_POST
def link_renew(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    return SECTION.action(
        request,
        membership,
        do=lambda: services.feedback_link_renew(form=found),
        message="The form has a new link and QR code. The old link has stopped working.",
        back=form_url(membership, found),
    )


@project_view(rules.MANAGE_FEEDBACK)
def one_time_links(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    if found.how_answered != HowAnswered.ONE_TIME:
        raise Http404
    people = selectors.people_involved(project=membership.project)
    form = OneTimeLinksForm(request.POST if "count" in request.POST else None)
    if request.method == "POST" and "email" in request.POST:
        sent = services.one_time_links_email(form=found, people=people)
        messages.success(
            request,
            f"{sent} {'person has' if sent == 1 else 'people have'} been emailed their own link.",
        )
        return redirect(form_url(membership, found))
    if request.method == "POST" and form.is_valid():
        links = [
            services.feedback_link(token)
            for token in services.one_time_links_make(form=found, count=form.cleaned_data["count"])
        ]
        response = HttpResponse(
            one_time_slips_pdf(form=found, links=links), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{slugify(found.title) or "form"}-links.pdf"'
        )
        return response
    return SECTION.page(
        request,
        membership,
        "feedback/one_time_links.html",
        form=found,
        count_form=form,
        with_email=sum(1 for person in people if person.email),
        open_links=selectors.open_one_time_links(form=found),
        back=form_url(membership, found),
    )


@project_view(rules.VIEW_FEEDBACK)
def form_pdf(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    link = form_link_for_print(found, services.feedback_link(found.token))
    link = short_link_make(link=link) if link else None
    content = standard_form_pdf(
        form=found, questions=selectors.feedback_questions(form=found), link=link
    )
    return pdf(content, slugify(found.title) or "feedback-form")


@project_view(rules.VIEW_FEEDBACK)
def form_pdf_easy_read(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    content = easy_read_form_pdf(form=found, questions=selectors.feedback_questions(form=found))
    return pdf(content, (slugify(found.title) or "feedback-form") + "-easy-read")


@project_view(rules.VIEW_FEEDBACK)
def form_qr(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = _found(membership, form_id)
    if found.how_answered == HowAnswered.ONE_TIME:
        raise Http404
    svg = qr_svg(services.feedback_link(found.token), label=f"QR code for {found.title}")
    svg = str(svg).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(found.title) or "form"}-qr.svg"'
    )
    return response


@project_view(rules.MANAGE_FEEDBACK)
def paper(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    """Type in a form filled in on paper. It is marked as typed in from paper."""
    found = _found(membership, form_id)
    form = AnswersForm(posted(request), questions=selectors.feedback_questions(form=found))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.feedback_answer_record(
            form=found, answers=form.answers(), on_paper=True, typed_in_by=request.user
        ),
        saved="The paper form has been typed in. You can type in the next one.",
        back=form_url(membership, found),
        done=SECTION.url("paper", membership, form_id=found.pk),
        heading="Type in a paper form",
        button="Save this paper form",
        caption=found.title,
        intro=[
            "Type the answers as they are written. The answer is marked as typed in from paper"
            + (
                ", and nothing about who filled it in or who typed it in is kept."
                if found.closed_box
                else "."
            )
        ],
        template="feedback/paper.html",
        feedback_form=found,
    )
