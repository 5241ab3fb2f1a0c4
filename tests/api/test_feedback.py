"""Feedback forms and results through the API: what the results page shows each role,
the closed box's small numbers hidden, and never who answered."""

import pytest

from coplan.feedback import services
from coplan.feedback.selectors import SMALLEST_GROUP
from coplan.feedback.services import Given
from coplan.projects.roles import Role
from tests.api.helpers import bearer, tokens_for
from tests.factories import MembershipFactory
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    WordsQuestionFactory,
)

pytestmark = pytest.mark.django_db

TOO_FEW = "Too few answers to show"


@pytest.fixture
def lead():
    lead = MembershipFactory(role=Role.LEAD)
    return lead, tokens_for({Role.LEAD: lead})[Role.LEAD]


def _form(project, **kwargs):
    form = FeedbackFormFactory(project=project, **kwargs)
    feeling = FeedbackQuestionFactory(form=form, position=1)
    said = WordsQuestionFactory(form=form, position=2)
    return form, feeling, said


def _answer(form, feeling, said, *, choice="good", words="", **kwargs):
    answers = {feeling.pk: Given(choice=choice)}
    if words:
        answers[said.pk] = Given(words=words)
    return services.feedback_answer_record(form=form, answers=answers, **kwargs)


def _results(client, token, form):
    path = f"/api/v1/projects/{form.project_id}/feedback-forms/{form.pk}/results"
    response = client.get(path, **bearer(token))
    assert response.status_code == 200
    return response.json()


def _words(client, token, form, question, query=""):
    path = (
        f"/api/v1/projects/{form.project_id}/feedback-forms/{form.pk}"
        f"/questions/{question.pk}/words{query}"
    )
    return client.get(path, **bearer(token))


def test_closed_box_shows_nothing_about_fewer_answers_than_the_smallest_group(client, lead):
    membership, token = lead
    form, feeling, said = _form(membership.project)
    for number in range(SMALLEST_GROUP - 1):
        _answer(form, feeling, said, choice="not_good", words=f"Secret words {number}")

    results = _results(client, token, form)
    words = _words(client, token, form, said)

    assert results["suppressed"] is True
    assert results["general_feeling"] == []
    assert [
        (each["answered"], each["counts"], each["words"], each["feeling"], each["shown_instead"])
        for each in results["questions"]
    ] == [(None, [], [], None, TOO_FEW)] * 2
    assert words.json()["items"] == []
    assert words.json()["shown_instead"] == TOO_FEW
    assert "Secret words" not in str(results) + words.content.decode()
    assert "Not good" not in str(results)  # not even the answer's words with a count


def test_closed_box_hides_only_the_questions_too_few_answered(client, lead):
    membership, token = lead
    form, feeling, said = _form(membership.project)
    for number in range(SMALLEST_GROUP):
        _answer(form, feeling, said, words="Warm room" if number == 0 else "")

    results = _results(client, token, form)
    asked, written = results["questions"]

    assert results["answers"] == SMALLEST_GROUP
    assert results["smallest_group"] == SMALLEST_GROUP
    assert asked["suppressed"] is False
    assert asked["answered"] == SMALLEST_GROUP
    assert {each["label"]: each["count"] for each in asked["counts"]}["Good"] == SMALLEST_GROUP
    assert asked["feeling"].startswith("Everyone")
    assert (written["suppressed"], written["answered"], written["words"]) == (True, None, [])
    assert "Warm room" not in str(results)
    assert "Warm room" not in _words(client, token, form, said).content.decode()


def test_words_come_a_page_of_at_most_50_at_a_time_in_the_order_of_the_words(client, lead):
    membership, token = lead
    form, feeling, said = _form(membership.project)
    for number in range(60):
        _answer(form, feeling, said, words=f"Idea {number:02d}")

    results = _results(client, token, form)
    first = _words(client, token, form, said).json()
    second = _words(client, token, form, said, "?page=2").json()

    written = results["questions"][1]
    assert written["words"] == [f"Idea {number:02d}" for number in range(10)]
    assert written["more_words"] == 50
    assert (first["count"], len(first["items"]), first["items"][0]) == (60, 50, "Idea 00")
    assert second["items"] == [f"Idea {number:02d}" for number in range(50, 60)]
    assert second["next"] is None
    assert _words(client, token, form, said, "?per_page=51").status_code == 422
    assert _words(client, token, form, feeling).status_code == 404  # not a words question


# Every field the results answers have: none is about a person or one filled-in form.
SHOWN_KEYS = {
    *("form", "answers", "on_paper", "smallest_group", "suppressed", "general_feeling"),
    *("questions", "id", "title", "meeting_id", "closed_box", "is_open", "how_answered"),
    *("created_at", "number", "question", "kind", "shown_instead", "answered", "feeling"),
    *("counts", "words", "more_words", "value", "label", "count", "percent"),
    *("page", "per_page", "next", "previous", "items"),
}


def _keys(found) -> set[str]:
    if isinstance(found, dict):
        return set(found).union(*(_keys(each) for each in found.values()))
    if isinstance(found, list):
        return set().union(*(_keys(each) for each in found))
    return set()


def test_nothing_says_who_answered_a_form_that_keeps_names(client, lead):
    membership, token = lead
    form, feeling, said = _form(membership.project, closed_box=False)
    people = MembershipFactory.create_batch(
        SMALLEST_GROUP, project=membership.project, role=Role.CO_PRODUCER
    )
    responses = [
        _answer(form, feeling, said, words="More breaks", respondent=each.user) for each in people
    ]

    results = _results(client, token, form)
    words = _words(client, token, form, said).json()
    body = str(results) + str(words)

    assert words["items"] == ["More breaks"] * SMALLEST_GROUP
    assert _keys(results) | _keys(words) <= SHOWN_KEYS
    for each, response in zip(people, responses, strict=True):
        assert each.user.full_name not in body
        assert each.user.email not in body
        assert str(response.pk) not in body


def test_forms_are_newest_first_and_open_or_closed_as_asked(client, lead):
    membership, token = lead
    _form(membership.project, title="Older")
    _form(membership.project, title="Newer", is_open=False)
    _form(MembershipFactory().project, title="Another project's")
    path = f"/api/v1/projects/{membership.project_id}/feedback-forms"

    every = client.get(path, **bearer(token)).json()["items"]
    still_open = client.get(f"{path}?status=open", **bearer(token)).json()["items"]
    closed = client.get(f"{path}?status=closed", **bearer(token)).json()["items"]

    assert [each["title"] for each in every] == ["Newer", "Older"]
    assert [each["title"] for each in still_open] == ["Older"]
    assert [each["title"] for each in closed] == ["Newer"]
    assert client.get(f"{path}?status=later", **bearer(token)).status_code == 422


def test_another_projects_form_is_not_found(client, lead):
    _, token = lead
    other = MembershipFactory(role=Role.LEAD)
    form, *_ = _form(other.project)
    path = f"/api/v1/projects/{other.project_id}/feedback-forms/{form.pk}/results"

    assert client.get(path, **bearer(token)).status_code == 404
