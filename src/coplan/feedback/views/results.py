"""A form's results: counts and charts, the words people wrote, and a CSV."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.text import slugify

from coplan.core.http import or_404
from coplan.feedback import bank, rules, selectors
from coplan.feedback.presenters import chart_svg, results_csv
from coplan.feedback.views.common import SECTION, form_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.VIEW_FEEDBACK)
def results(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    shown = selectors.feedback_results(form=found)
    return SECTION.page(
        request,
        membership,
        "feedback/results.html",
        form=found,
        results=shown,
        charts={
            result.question.pk: chart_svg(result, number=number)
            for number, result in enumerate(shown.questions, start=1)
            if result.counts and result.answered
        },
        smallest=selectors.SMALLEST_GROUP,
        back=form_url(membership, found),
        back_text="Back to the form",
    )


@project_view(rules.VIEW_FEEDBACK)
def results_words(
    request: HttpRequest, membership: Membership, form_id: int, feedback_question_id: int
) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    question = or_404(selectors.feedback_question(form=found, question_id=feedback_question_id))
    if question.kind != bank.WORDS:
        raise Http404
    answered = selectors.question_answer_count(question=question)
    suppressed = selectors.too_few(found, answered)
    page = None
    if not suppressed:
        page = Paginator(selectors.question_words(question=question), 50).get_page(
            request.GET.get("page")
        )
    return SECTION.page(
        request,
        membership,
        "feedback/results_words.html",
        form=found,
        question=question,
        page=page,
        suppressed=suppressed,
        back=SECTION.url("results", membership, form_id=found.pk),
        back_text="Back to the results",
    )


@project_view(rules.VIEW_FEEDBACK)
def results_csv_download(
    request: HttpRequest, membership: Membership, form_id: int
) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    shown = selectors.feedback_results(form=found)
    content = results_csv(shown, selectors.all_words(form=found))
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(found.title) or "feedback"}-results.csv"'
    )
    return response
