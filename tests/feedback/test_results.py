"""Results: counts, charts, the general feeling, small-number suppression, CSV and query counts."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.feedback import selectors
from coplan.feedback.models import FeedbackAnswer, FeedbackResponse
from coplan.projects.roles import Role
from tests.feedback.conftest import answer

pytestmark = pytest.mark.django_db


def _results_url(form) -> str:
    return f"/projects/{form.project_id}/feedback/forms/{form.pk}/results/"


def _many(form, count: int) -> None:
    """`count` answers quickly: 70% good, 20% okay, 10% not good, and words from a fifth."""
    feeling, said = form.questions.all()
    responses = FeedbackResponse.objects.bulk_create(
        FeedbackResponse(form=form) for _ in range(count)
    )
    answers = []
    for index, response in enumerate(responses):
        choice = "good" if index % 10 < 7 else "okay" if index % 10 < 9 else "not_good"
        answers.append(FeedbackAnswer(response=response, question=feeling, choice=choice))
        if index % 5 == 0:
            answers.append(FeedbackAnswer(response=response, question=said, words=f"Idea {index}"))
    FeedbackAnswer.objects.bulk_create(answers, batch_size=2000)


def test_four_answers_are_too_few_to_show(as_role, closed_box):
    for _ in range(4):
        answer(closed_box, choice="not_good", words="Too hot")

    page = as_role(Role.LEAD).get(_results_url(closed_box)).content.decode()

    assert "Too few answers to show." in page
    assert "Too hot" not in page
    assert "Not good" not in page
    assert "4 people answered." in page


def test_five_answers_are_shown_with_chart_table_and_feeling(as_role, closed_box):
    for choice in ("good", "good", "good", "okay", "not_good"):
        answer(closed_box, choice=choice)
    answer(closed_box, choice="", words="Longer breaks")

    page = as_role(Role.LEAD).get(_results_url(closed_box)).content.decode()

    assert "Too few answers to show." in page  # the words question has only 1 answer
    assert "Longer breaks" not in page
    assert "Most people (3 of 5) said the meeting was good." in page
    assert 'role="img" aria-labelledby="chart-1-title chart-1-desc"' in page
    assert (
        '<desc id="chart-1-desc">Good: 3 of 5; Okay: 1 of 5; Not good: 1 of 5. '
        "5 people answered.</desc>" in page
    )
    assert '<th scope="row" class="govuk-table__header">Not good</th>' in page


def test_small_numbers_show_for_a_form_that_keeps_names(as_role, closed_box):
    closed_box.closed_box = False
    closed_box.save()
    answer(closed_box, choice="okay", words="Fine")

    page = as_role(Role.LEAD).get(_results_url(closed_box)).content.decode()

    assert "Too few answers to show." not in page
    assert "Fine" in page


def test_general_feeling_in_plain_words(closed_box):
    for choice in ("good", "good", "not_good", "not_good", "okay"):
        answer(closed_box, choice=choice)

    results = selectors.feedback_results(form=closed_box)

    assert results.general_feeling == [
        "People were split (5 answered): 2 said the meeting was good and 2 said the meeting "
        "was not good."
    ]


def test_csv_has_counts_and_words_but_not_small_groups(as_role, closed_box):
    for index in range(6):
        answer(closed_box, choice="good", words="=SUM(A1)" if index == 0 else f"Idea {index}")

    response = as_role(Role.MANAGER).get(
        _results_url(closed_box).replace("results/", "results.csv")
    )

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0] == ["Question", "Answer", "Number of people", "Out of"]
    assert ["Overall, how was the meeting for you?", "Good", "6", "6"] in rows
    assert ["What could we do better next time?", "'=SUM(A1)", "", ""] in rows
    assert len(rows) == 1 + 3 + 1 + 6


def test_csv_of_too_few_says_so(as_role, closed_box):
    answer(closed_box, words="Only me")

    response = as_role(Role.LEAD).get(_results_url(closed_box).replace("results/", "results.csv"))

    body = response.content.decode()
    assert "Only me" not in body
    assert body.count("Too few answers to show") == 2


def test_all_words_page_is_in_word_order_and_suppressed_when_few(as_role, closed_box):
    _, said = closed_box.questions.all()
    url = _results_url(closed_box) + f"{said.pk}/"
    answer(closed_box, words="Zebra crossing")
    hidden = as_role(Role.LEAD).get(url).content.decode()
    for words in ("apples", "Bananas", "cherries", "dates"):
        answer(closed_box, words=words)

    shown = as_role(Role.LEAD).get(url).content.decode()

    assert "Too few answers to show." in hidden
    assert shown.index("Bananas") < shown.index("Zebra crossing") < shown.index("apples")


def _count(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["results", "form", "answer", "easy_read"])
def test_pages_do_the_same_queries_for_5_and_5000_answers(as_role, closed_box, page):
    from tests.feedback.factories import (
        FeedbackFormFactory,
        FeedbackQuestionFactory,
        WordsQuestionFactory,
    )

    large = FeedbackFormFactory(project=closed_box.project)
    FeedbackQuestionFactory(form=large, position=1)
    WordsQuestionFactory(form=large, position=2)
    _many(closed_box, 5)
    _many(large, 5000)
    client = as_role(Role.LEAD)

    def path(form):
        return {
            "results": _results_url(form),
            "form": f"/projects/{form.project_id}/feedback/forms/{form.pk}/",
            "answer": f"/feedback/{form.token}/form/",
            "easy_read": f"/feedback/{form.token}/easy-read/",
        }[page]

    small_count, large_count = _count(client, path(closed_box)), _count(client, path(large))

    print(f"feedback {page}: {small_count} queries with 5 answers, {large_count} with 5,000")
    assert small_count == large_count
    # results: session, user, membership with project; the form with its answer count;
    # its questions, the totals, counts per answer, up to 10 words per question.
    # form: session, user, membership; the form; its questions; links not used (none here).
    # answer and easy_read (signed in): session, user; the form with its questions (2);
    # the usual form also reads their own record, for the Easy Read switch.
    assert small_count == {"results": 8, "form": 5, "answer": 5, "easy_read": 4}[page]


def test_results_for_5000_answers_are_right(closed_box):
    _many(closed_box, 5000)

    results = selectors.feedback_results(form=closed_box)

    feeling, words = results.questions
    assert [(count.label, count.count) for count in feeling.counts] == [
        ("Good", 3500),
        ("Okay", 1000),
        ("Not good", 500),
    ]
    assert feeling.feeling == "Most people (3,500 of 5,000) said the meeting was good."
    assert (words.answered, len(words.words), words.more_words) == (1000, 10, 990)
