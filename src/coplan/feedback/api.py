"""The API's feedback (decision 0017; registered in `contributions.py`): "you said, we
did", what is published for everyone, and what is not yet for those who write it; and
for those who see results on the pages, the forms and their results as the results
page shows them (the closed box's small numbers hidden, never who answered)."""

import datetime
from typing import Literal

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router, Schema

from coplan.core.api_parts import (
    MAX_ID,
    TOKEN_PROBLEMS,
    PageLinks,
    PageNumber,
    PerPage,
    Problem,
    ProjectId,
    paged,
)
from coplan.feedback import bank
from coplan.feedback import rules as feedback_rules
from coplan.feedback import selectors as feedback_selectors
from coplan.feedback.models import FeedbackForm, YouSaidWeDid
from coplan.feedback.presenters import TOO_FEW
from coplan.projects.access import member_allowed

router = Router(tags=["you said, we did"])


class YouSaidWeDidOut(Schema):
    id: int
    you_said: str
    we_did: str
    status: str
    status_words: str
    published_at: datetime.datetime | None


class YouSaidWeDidPage(PageLinks):
    items: list[YouSaidWeDidOut]


def _entry_out(entry: YouSaidWeDid) -> dict:
    return {
        "id": entry.pk,
        "you_said": entry.you_said,
        "we_did": entry.we_did,
        "status": entry.status,
        "status_words": entry.get_status_display(),
        "published_at": entry.published_at,
    }


def _entries_page(request: HttpRequest, entries: QuerySet, page: int, per_page: int) -> dict:
    return paged(request, entries, page=page, per_page=per_page, out=_entry_out)


@router.get(
    "/projects/{project_id}/you-said-we-did",
    response={200: YouSaidWeDidPage, 304: None, **TOKEN_PROBLEMS},
    summary="What people said and what the project did",
)
def you_said_we_did(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """Newest first. Those who write "you said, we did" also get what is not published
    yet (`published_at` is null); everyone else, what is published."""
    membership = member_allowed(request.auth.user, project_id, feedback_rules.VIEW_YOU_SAID_WE_DID)
    entries = feedback_selectors.you_said_we_did_list(
        project_id=membership.project_id,
        published_only=not membership.may(feedback_rules.EDIT_YOU_SAID_WE_DID),
    )
    return _entries_page(request, entries, page, per_page)


@router.get(
    "/public/projects/{project_id}/you-said-we-did",
    auth=None,
    response={200: YouSaidWeDidPage, 304: None, 404: Problem, 422: Problem},
    summary="What a project published, for anyone (no token)",
)
def you_said_we_did_public(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """For a public website: what the project has published, newest first. A project
    that has published nothing is not found."""
    entries = feedback_selectors.you_said_we_did_list(project_id=project_id, published_only=True)
    if not entries.exists():
        raise Http404
    return _entries_page(request, entries, page, per_page)


# Forms and results (feedback:forms, feedback:results, feedback:results_words) -----------

FormId = Path(..., ge=1, le=MAX_ID)
QuestionId = Path(..., ge=1, le=MAX_ID)
FormsShown = Query(None, description="`open` or `closed`; both if left out.")
WORDS_PER_PAGE = 50  # as the page of every answer in words (feedback:results_words)
WordsPerPage = Query(
    WORDS_PER_PAGE, ge=1, le=WORDS_PER_PAGE, description="How many on a page (at most 50)."
)


class FeedbackFormOut(Schema):
    id: int
    title: str
    meeting_id: int | None
    closed_box: bool
    is_open: bool
    how_answered: str
    created_at: datetime.datetime
    answers: int


class FeedbackFormPage(PageLinks):
    items: list[FeedbackFormOut]


class AnswerCountOut(Schema):
    value: str
    label: str
    count: int
    percent: int


class QuestionResultOut(Schema):
    id: int
    number: int
    question: str
    kind: str
    suppressed: bool
    shown_instead: str | None
    answered: int | None
    feeling: str | None
    counts: list[AnswerCountOut]
    words: list[str]
    more_words: int


class FeedbackResultsOut(Schema):
    form: FeedbackFormOut
    answers: int
    on_paper: int
    smallest_group: int | None
    suppressed: bool
    general_feeling: list[str]
    questions: list[QuestionResultOut]


class WordsPage(PageLinks):
    question: str
    suppressed: bool
    shown_instead: str | None
    items: list[str]


def _form_out(form: FeedbackForm) -> dict:
    return {
        "id": form.pk,
        "title": form.title,
        "meeting_id": form.meeting_id,
        "closed_box": form.closed_box,
        "is_open": form.is_open,
        "how_answered": form.how_answered,
        "created_at": form.created_at,
        "answers": form.answer_count,
    }


def _question_out(number: int, result, *, hidden: bool) -> dict:
    """One question as the results page shows it: with too few answers in a closed box,
    only that there are too few (no count, no words, no feeling)."""
    question = result.question
    out = {
        "id": question.pk,
        "number": number,
        "question": question.standard,
        "kind": question.kind,
        "suppressed": hidden,
        "shown_instead": TOO_FEW if hidden else None,
        "answered": None,
        "feeling": None,
        "counts": [],
        "words": [],
        "more_words": 0,
    }
    if hidden:
        return out
    out["answered"] = result.answered
    if result.is_words:
        out["words"] = list(result.words)
        out["more_words"] = result.more_words
    else:
        out["feeling"] = result.feeling or None
        out["counts"] = [
            {
                "value": count.value,
                "label": count.label,
                "count": count.count,
                "percent": count.percent(result.answered),
            }
            for count in result.counts
        ]
    return out


def _form_found(request: HttpRequest, project_id: int, form_id: int) -> FeedbackForm:
    membership = member_allowed(request.auth.user, project_id, feedback_rules.VIEW_FEEDBACK)
    found = feedback_selectors.feedback_form(project=membership.project, form_id=form_id)
    if found is None:
        raise Http404
    return found


@router.get(
    "/projects/{project_id}/feedback-forms",
    response={200: FeedbackFormPage, 304: None, **TOKEN_PROBLEMS},
    summary="The project's feedback forms",
)
def feedback_forms(
    request: HttpRequest,
    project_id: int = ProjectId,
    status: Literal["open", "closed"] | None = FormsShown,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """Newest first, then by id, each with how many people answered. Only for those who
    see results on the pages (leads, facilitators, managers)."""
    membership = member_allowed(request.auth.user, project_id, feedback_rules.VIEW_FEEDBACK)
    forms = feedback_selectors.feedback_forms_list(
        project_id=membership.project_id, is_open=None if status is None else status == "open"
    )
    return paged(request, forms, page=page, per_page=per_page, out=_form_out)


@router.get(
    "/projects/{project_id}/feedback-forms/{form_id}/results",
    response={200: FeedbackResultsOut, 304: None, **TOKEN_PROBLEMS},
    summary="A form's results, as the results page shows them",
)
def feedback_form_results(request: HttpRequest, project_id: int = ProjectId, form_id: int = FormId):
    """How many answered; for each question, how many gave each answer, or for a words
    question, the first 10 answers in the order of their words (`more_words`: how many
    more, on the question's `words`). In a closed box, a question fewer than
    `smallest_group` people answered says only "Too few answers to show", and so does the
    whole form when fewer than that answered it. Never who answered."""
    found = _form_found(request, project_id, form_id)
    shown = feedback_selectors.feedback_results(form=found)
    return {
        "form": _form_out(found),
        "answers": shown.total,
        "on_paper": shown.on_paper,
        "smallest_group": feedback_selectors.SMALLEST_GROUP if found.closed_box else None,
        "suppressed": shown.suppressed,
        "general_feeling": [] if shown.suppressed else shown.general_feeling,
        "questions": [
            _question_out(number, result, hidden=shown.suppressed or result.suppressed)
            for number, result in enumerate(shown.questions, start=1)
        ],
    }


@router.get(
    "/projects/{project_id}/feedback-forms/{form_id}/questions/{feedback_question_id}/words",
    response={200: WordsPage, 304: None, **TOKEN_PROBLEMS},
    summary="Every answer in words to one question",
)
def feedback_question_words(
    request: HttpRequest,
    project_id: int = ProjectId,
    form_id: int = FormId,
    feedback_question_id: int = QuestionId,
    page: int = PageNumber,
    per_page: int = WordsPerPage,
):
    """In the order of their words (never the order they came in), 50 a page at most, as
    on the page of every answer. In a closed box with too few answers: none, and
    "Too few answers to show"."""
    found = _form_found(request, project_id, form_id)
    question = feedback_selectors.feedback_question(form=found, question_id=feedback_question_id)
    if question is None or question.kind != bank.WORDS:
        raise Http404
    answered = feedback_selectors.question_answer_count(question=question)
    hidden = feedback_selectors.too_few(found, answered)
    words = [] if hidden else feedback_selectors.question_words(question=question)
    listed = paged(request, words, page=page, per_page=per_page, out=lambda each: each.words)
    return {
        **listed,
        "question": question.standard,
        "suppressed": hidden,
        "shown_instead": TOO_FEW if hidden else None,
    }
