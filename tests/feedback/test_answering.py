"""Filling in a form by its link: standard, Easy Read one question a screen, and bad input."""

import pytest

from coplan.feedback import services
from coplan.feedback.models import FeedbackAnswer, FeedbackResponse, HowAnswered
from coplan.projects.roles import Role
from tests.feedback.factories import FeedbackFormFactory, FeedbackQuestionFactory

pytestmark = pytest.mark.django_db


def _start(form) -> str:
    return f"/feedback/{form.token}/"


def test_link_page_shows_the_form_and_nothing_of_the_project(client, closed_box, group):
    page = client.get(_start(closed_box)).content.decode()

    assert closed_box.title in page
    assert "This is a closed box" in page
    assert group[Role.LEAD].user.full_name not in page
    assert closed_box.project.name not in page


def test_standard_form_by_link_records_an_answer(client, closed_box):
    feeling, words = closed_box.questions.all()

    response = client.post(
        _start(closed_box) + "form/",
        {f"question_{feeling.pk}": "good", f"question_{words.pk}": "More breaks"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/feedback/thank-you/"
    assert sorted(FeedbackAnswer.objects.values_list("choice", "words")) == [
        ("", "More breaks"),
        ("good", ""),
    ]


def test_empty_form_gets_a_clear_message(client, closed_box):
    response = client.post(_start(closed_box) + "form/", {})

    assert response.status_code == 400
    assert "Answer at least one question" in response.content.decode()
    assert FeedbackResponse.objects.count() == 0


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("x" * 2001, "Your answer must be 2,000 characters or fewer"),
        ("hidden\u200b\x07bell", "Your answer must not contain hidden or control characters"),
        ("null\x00byte", "Your answer must not contain hidden characters"),
    ],
)
def test_bad_words_get_a_message_beside_the_field(client, closed_box, words, message):
    feeling, said = closed_box.questions.all()

    response = client.post(
        _start(closed_box) + "form/",
        {f"question_{said.pk}": words, f"question_{feeling.pk}": "good"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_question_{said.pk}-error"' in page
    assert message in page
    assert FeedbackResponse.objects.count() == 0


def test_a_made_up_answer_is_refused(client, closed_box):
    feeling, _ = closed_box.questions.all()

    response = client.post(_start(closed_box) + "form/", {f"question_{feeling.pk}": "brilliant"})

    assert response.status_code == 400
    assert "Choose one of the answers" in response.content.decode()


def test_odd_unicode_that_people_really_write_is_kept(client, closed_box):
    _, said = closed_box.questions.all()

    client.post(_start(closed_box) + "form/", {f"question_{said.pk}": "Café 👍 Zoë – ﬁne"})

    assert FeedbackAnswer.objects.get().words == "Café 👍 Zoë – ﬁne"


def test_wrong_link_says_so(client, db):
    response = client.get("/feedback/not-a-real-link/")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_easy_read_goes_one_question_a_screen_then_sends(client, closed_box):
    feeling, said = closed_box.questions.all()
    url = _start(closed_box) + "easy-read/"

    first = client.get(url).content.decode()
    second = client.post(url, {"step": "0", "go": "next", f"question_{feeling.pk}": "okay"})
    check = client.post(
        url,
        {
            "step": "1",
            "go": "next",
            f"question_{feeling.pk}": "okay",
            f"question_{said.pk}": "Hot room",
        },
    )
    sent = client.post(
        url,
        {
            "step": "2",
            "go": "send",
            f"question_{feeling.pk}": "okay",
            f"question_{said.pk}": "Hot room",
        },
    )

    assert "Question 1 of 2" in first
    assert "How was the meeting?" in first
    assert "What could be better next time?" not in first
    assert "Question 2 of 2" in second.content.decode()
    assert f'name="question_{feeling.pk}" value="okay"' in second.content.decode()
    assert "Your answers" in check.content.decode()
    assert sent["Location"] == "/feedback/thank-you/?easy-read=yes"
    assert sorted(FeedbackAnswer.objects.values_list("choice", "words")) == [
        ("", "Hot room"),
        ("okay", ""),
    ]


def test_easy_read_answers_have_words_beside_each_picture(client, closed_box):
    page = client.get(_start(closed_box) + "easy-read/").content.decode()

    for words in ("Good", "Okay", "Not good"):
        assert f'<span class="app-feedback-answer__words">{words}</span>' in page
    assert page.count('aria-hidden="true" focusable="false" class="app-feedback-picture"') == 3


def test_easy_read_skip_and_back_keep_earlier_answers(client, closed_box):
    feeling, _said = closed_box.questions.all()
    url = _start(closed_box) + "easy-read/"

    back = client.post(url, {"step": "1", "go": "back", f"question_{feeling.pk}": "good"})
    skipped = client.post(url, {"step": "0", "go": "skip"})
    nothing = client.post(url, {"step": "2", "go": "send"})

    assert "Question 1 of 2" in back.content.decode()
    assert "Question 2 of 2" in skipped.content.decode()
    assert nothing.status_code == 400
    assert "Answer at least one question" in nothing.content.decode()


def test_one_time_link_opens_the_form_once(client, project):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    question = FeedbackQuestionFactory(form=form)
    [token] = services.one_time_links_make(form=form, count=1)

    shared_link = client.get(f"/feedback/{form.token}/")
    first = client.post(f"/feedback/{token}/form/", {f"question_{question.pk}": "good"})
    again = client.get(f"/feedback/{token}/")

    assert shared_link.status_code == 404  # a one-time form has no link for everyone
    assert first.status_code == 302
    assert again.status_code == 404
    assert FeedbackResponse.objects.count() == 1


def test_named_form_needs_a_signed_in_member(client, client_for, project, group, stranger):
    form = FeedbackFormFactory(project=project, closed_box=False, how_answered=HowAnswered.MEMBERS)
    question = FeedbackQuestionFactory(form=form)
    member = client_for(group[Role.CO_PRODUCER].user)

    signed_out = client.get(f"/feedback/{form.token}/")
    outsider = client_for(stranger).get(f"/feedback/{form.token}/")
    member.post(f"/feedback/{form.token}/form/", {f"question_{question.pk}": "good"})
    second_time = member.get(f"/feedback/{form.token}/")

    assert signed_out.status_code == 302
    assert signed_out["Location"].startswith("/sign-in/?next=")
    assert outsider.status_code == 404
    assert FeedbackResponse.objects.get().respondent == group[Role.CO_PRODUCER].user
    assert "You have already filled in this form" in second_time.content.decode()


def test_closed_form_says_it_is_closed(client, closed_box):
    closed_box.is_open = False
    closed_box.save()

    page = client.get(_start(closed_box)).content.decode()

    assert "This form is closed" in page
