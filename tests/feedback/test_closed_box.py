"""The closed box: anonymous answers store nothing that identifies the person."""

import pytest
from django.db import connection

from coplan.feedback import selectors, services
from coplan.feedback.models import FeedbackResponse, HowAnswered, OneTimeLink
from coplan.feedback.services import Given
from coplan.projects.roles import Role
from tests.feedback.conftest import answer
from tests.feedback.factories import FeedbackFormFactory, FeedbackQuestionFactory

pytestmark = pytest.mark.django_db


def _rows(table: str) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - our own table names
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_closed_box_answer_rows_hold_no_account_date_or_typist(closed_box, group):
    member = group[Role.CO_PRODUCER].user
    answer(closed_box, words="The room was too hot", respondent=member)
    answer(closed_box, on_paper=True, typed_in_by=group[Role.LEAD].user)

    responses = _rows("feedback_feedbackresponse")
    answers = _rows("feedback_feedbackanswer")

    assert [
        (row["respondent_id"], row["typed_in_by_id"], row["answered_on"]) for row in responses
    ] == [(None, None, None), (None, None, None)]
    assert sorted(bool(row["on_paper"]) for row in responses) == [False, True]
    assert set(responses[0]) == {
        "id",
        "form_id",
        "on_paper",
        "answered_on",
        "respondent_id",
        "typed_in_by_id",
    }
    assert set(answers[0]) == {"id", "response_id", "question_id", "choice", "words"}
    # Keys are random, so nothing shows the order answers came in.
    assert all(len(str(row["id"]).replace("-", "")) == 32 for row in responses + answers)


def test_nothing_identifying_anywhere_in_the_answer_tables(closed_box, group):
    user = group[Role.CO_PRODUCER].user
    answer(closed_box, words="Good biscuits", respondent=user)

    everything = repr(_rows("feedback_feedbackresponse") + _rows("feedback_feedbackanswer"))

    assert str(user.pk) not in {
        str(value) for row in _rows("feedback_feedbackresponse") for value in row.values()
    }
    assert user.email not in everything
    assert "127.0.0.1" not in everything


def test_form_that_keeps_names_keeps_the_account_and_the_date(project, group):
    form = FeedbackFormFactory(project=project, closed_box=False, how_answered=HowAnswered.MEMBERS)
    question = FeedbackQuestionFactory(form=form)
    user = group[Role.CO_PRODUCER].user

    services.feedback_answer_record(
        form=form, answers={question.pk: Given(choice="okay")}, respondent=user
    )

    row = FeedbackResponse.objects.get()
    assert (row.respondent, row.answered_on is not None) == (user, True)


def test_member_cannot_answer_a_named_form_twice(project, group):
    form = FeedbackFormFactory(project=project, closed_box=False, how_answered=HowAnswered.MEMBERS)
    question = FeedbackQuestionFactory(form=form)
    user = group[Role.CO_PRODUCER].user
    services.feedback_answer_record(
        form=form, answers={question.pk: Given(choice="okay")}, respondent=user
    )

    with pytest.raises(services.FeedbackError) as raised:
        services.feedback_answer_record(
            form=form, answers={question.pk: Given(choice="good")}, respondent=user
        )

    assert raised.value.message == "You have already filled in this form. Thank you."


def test_one_time_link_works_once_and_is_thrown_away(project):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    question = FeedbackQuestionFactory(form=form)
    [token] = services.one_time_links_make(form=form, count=1)
    stored = OneTimeLink.objects.get()
    assert stored.token_hash != token
    assert token not in repr(_rows("feedback_onetimelink"))

    services.feedback_answer_record(
        form=form, answers={question.pk: Given(choice="good")}, one_time_token=token
    )
    with pytest.raises(services.FeedbackError) as raised:
        services.feedback_answer_record(
            form=form, answers={question.pk: Given(choice="good")}, one_time_token=token
        )

    assert raised.value.message == "This link has already been used, or it is not right"
    assert OneTimeLink.objects.count() == 0
    assert FeedbackResponse.objects.count() == 1


def test_one_time_links_have_no_person_or_date_column():
    assert {field.name for field in OneTimeLink._meta.get_fields()} == {"id", "form", "token_hash"}


def test_empty_answers_are_refused(closed_box):
    with pytest.raises(services.FeedbackError) as raised:
        answer(closed_box, choice="", words="   ")

    assert raised.value.message == "Answer at least one question"


def test_closed_form_refuses_online_answers_but_takes_paper(closed_box):
    closed_box.is_open = False
    closed_box.save()

    with pytest.raises(services.FeedbackError):
        answer(closed_box)
    answer(closed_box, on_paper=True)

    assert FeedbackResponse.objects.filter(on_paper=True).count() == 1


def test_a_closed_box_cannot_become_named_once_answered(closed_box):
    answer(closed_box)

    with pytest.raises(services.FeedbackError):
        services.feedback_question_add(
            form=closed_box, kind="words", standard="Why?", easy_read="Why?"
        )


def test_what_is_held_about_a_person_lists_named_answers_but_never_closed_box_ones(
    project, group, closed_box
):
    user = group[Role.CO_PRODUCER].user
    answer(closed_box, words="In the closed box", respondent=user)
    named = FeedbackFormFactory(
        project=project, closed_box=False, how_answered=HowAnswered.MEMBERS, title="Named form"
    )
    question = FeedbackQuestionFactory(form=named)
    services.feedback_answer_record(
        form=named, answers={question.pk: Given(choice="okay")}, respondent=user
    )

    held = selectors.feedback_held_about(user=user)

    assert [(row["form"], row["answer"]) for row in held["named_feedback"]] == [
        ("Named form", "Okay")
    ]
    assert "In the closed box" not in repr(held)
