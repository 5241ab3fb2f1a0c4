"""Feedback and "you said, we did" in Easy Read: the forms open for a co-producer, the
start of a form by its link (with no account too), the usual form, thank you, a closed
form, a link that does not work, and what the project did."""

import pytest
from django.test import Client
from django.utils import timezone

from coplan.feedback import selectors
from coplan.feedback.models import FeedbackResponse
from coplan.projects.roles import Role
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says, turn
from tests.factories import InvolvementFactory, MembershipFactory
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    YouSaidWeDidFactory,
)
from tests.form_controls import error_beside
from tests.homes import home_page
from tests.plain_words.easy_read_support import line_number, post_line

pytestmark = pytest.mark.django_db

BUS = "1F68C"  # the bank's bus: "A bus"


def _co_producer(formats=("easy_read",)):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    InvolvementFactory(
        project=member.project, person__user=member.user, person__formats=list(formats)
    )
    YouSaidWeDidFactory(
        project=member.project,
        you_said="The room was too hot.",
        we_did="We will use a cooler room.",
        published_at=timezone.now(),
    )
    return member


def test_you_said_we_did_in_easy_read(client_for):
    member = _co_producer()

    page = client_for(member.user).get(f"/projects/{member.project_id}/you-said-we-did/")

    lines = assert_easy_read(page.content.decode())
    words = [line.words for line in lines]
    assert switch_says(page.content.decode()) == "Turn Easy Read off"
    assert words[:6] == [
        "You told us what you think.",
        "Here is what we did about it.",
        "You said:",
        "The room was too hot.",
        "We did:",
        "We will use a cooler room.",
    ]
    assert hard_words(lines) == []


def test_you_said_we_did_turned_off_is_the_usual_page(client_for):
    member = _co_producer()
    client = client_for(member.user)
    path = f"/projects/{member.project_id}/you-said-we-did/"

    turn(client, on=False, back=path)
    page = client.get(path).content.decode()

    assert switch_says(page) == "Turn Easy Read on"
    assert read(page).lines == []
    assert "The general feeling" in page


def test_the_forms_open_in_easy_read(client_for):
    member = _co_producer()
    FeedbackFormFactory(project=member.project, title="The planning day")

    page = client_for(member.user).get(f"/projects/{member.project_id}/feedback/give/")

    lines = assert_easy_read(page.content.decode())
    assert "The planning day Fill in the form" in [line.words for line in lines]
    assert hard_words(lines) == []


def test_a_form_by_its_link_starts_with_the_easy_read_form_once_turned_on():
    form = FeedbackFormFactory(intro="Tell us about the planning day. It takes 5 minutes.")
    FeedbackQuestionFactory(form=form)
    browser = Client()
    path = f"/feedback/{form.token}/"

    before = browser.get(path).content.decode()
    turn(browser, on=True, back=path)
    after = browser.get(path).content.decode()

    assert switch_says(before) == "Turn Easy Read on"
    assert read(before).lines == []
    lines = assert_easy_read(after)
    words = [line.words for line in lines]
    assert "Tell us about the planning day." in words
    assert "This is a closed box." in words
    assert f'href="/feedback/{form.token}/easy-read/"' in after
    assert hard_words(lines) == []


def _lead_changes_and_approves(project, starts, words, picture=""):
    lead = MembershipFactory(project=project, role=Role.LEAD)
    client = Client()
    client.force_login(lead.user)
    entries = selectors.you_said_we_did_entries(project=project, published_only=True)
    _, state = selectors.you_said_we_did_easy_read_state(project=project, entries=entries)
    lines_url = f"/projects/{project.pk}/you-said-we-did/send/easy-read/lines/"
    post_line(client, lines_url, line_number(state, starts), words=words, picture=picture)
    client.post(f"/projects/{project.pk}/you-said-we-did/send/easy-read/approve/")


def test_you_said_we_did_in_easy_read_shows_the_lines_the_lead_approved(client_for):
    member = _co_producer()
    _lead_changes_and_approves(
        member.project, "We will use a cooler room.", "We will find a cool room.", picture=BUS
    )
    client = client_for(member.user)

    page = client.get(f"/projects/{member.project_id}/you-said-we-did/").content.decode()
    home = home_page(client, member.project_id)

    for shown in (page, home):
        lines = {line.words: line for line in assert_easy_read(shown)}
        assert "We will use a cooler room." not in lines
        assert lines["We will find a cool room."].pictures[0]["alt"] == "A bus"
        assert "The room was too hot." in lines


def test_you_said_we_did_in_easy_read_shows_the_made_lines_until_the_lead_approves(client_for):
    member = _co_producer()
    _lead_changes_and_approves(member.project, "We will use a cooler room.", "We will find one.")
    YouSaidWeDidFactory(
        project=member.project,
        you_said="The bus was late.",
        we_did="We asked for a later start.",
        published_at=timezone.now(),
    )

    page = client_for(member.user).get(f"/projects/{member.project_id}/you-said-we-did/")

    words = [line.words for line in assert_easy_read(page.content.decode())]
    assert "We will use a cooler room." in words
    assert "We will find one." not in words


# The rest of a form's pages by its link: the usual form, thank you, closed, a bad link.


def _easy_browser(path: str) -> Client:
    browser = Client()
    turn(browser, on=True, back=path)
    return browser


def test_the_usual_form_in_easy_read_offers_the_easy_read_form_and_keeps_the_questions():
    form = FeedbackFormFactory()
    feeling = FeedbackQuestionFactory(form=form)
    path = f"/feedback/{form.token}/form/"

    usual = Client().get(path).content.decode()
    easy = _easy_browser(path).get(path).content.decode()

    lines = assert_easy_read(easy)
    words = [line.words for line in lines]
    assert switch_says(usual) == "Turn Easy Read on"
    assert read(usual).lines == []
    assert switch_says(easy) == "Turn Easy Read off"
    assert "This is a closed box." in words
    assert "It has 1 question on each page. Use the Easy Read form" in words
    assert f'name="question_{feeling.pk}"' in easy
    assert hard_words(lines) == []


def test_a_wrong_answer_on_the_usual_form_in_easy_read_is_beside_it_and_nothing_is_saved():
    form = FeedbackFormFactory()
    feeling = FeedbackQuestionFactory(form=form)
    path = f"/feedback/{form.token}/form/"

    response = _easy_browser(path).post(path, {f"question_{feeling.pk}": "chips"})

    page = response.content.decode()
    assert response.status_code == 400
    assert read(page).lines
    assert error_beside(page, f"id_question_{feeling.pk}")
    assert not FeedbackResponse.objects.exists()


def test_thank_you_is_in_easy_read_after_the_easy_read_form_until_turned_off():
    path = "/feedback/thank-you/?easy-read=yes"
    browser = Client()

    after_easy = browser.get(path).content.decode()
    after_usual = Client().get("/feedback/thank-you/").content.decode()
    turn(browser, on=False, back=path)
    turned_off = browser.get(path).content.decode()

    lines = assert_easy_read(after_easy)
    assert [line.words for line in lines] == [
        "We will read what you said.",
        "We will tell you what we did about it.",
    ]
    assert switch_says(after_easy) == "Turn Easy Read off"
    assert read(after_usual).lines == []
    assert read(turned_off).lines == []
    assert switch_says(turned_off) == "Turn Easy Read on"


@pytest.mark.parametrize(
    ("done", "says"),
    [(False, "This form is closed."), (True, "You filled in this form before.")],
    ids=["closed", "filled in"],
)
def test_a_closed_or_filled_in_form_says_so_in_easy_read(client_for, done, says):
    member = _co_producer()
    form = FeedbackFormFactory(project=member.project, is_open=done, closed_box=False)
    FeedbackQuestionFactory(form=form)
    client = client_for(member.user)
    if done:
        client.post(
            f"/feedback/{form.token}/form/", {f"question_{form.questions.get().pk}": "good"}
        )

    page = client.get(f"/feedback/{form.token}/").content.decode()

    lines = assert_easy_read(page)
    assert says in [line.words for line in lines]
    assert switch_says(page) == "Turn Easy Read off"
    assert hard_words(lines) == []


def test_a_link_that_does_not_work_says_what_to_do_in_easy_read():
    path = "/feedback/no-such-link-token-at-all-0000000000/"

    response = _easy_browser(path).get(path)

    page = response.content.decode()
    lines = assert_easy_read(page)
    assert response.status_code == 404
    assert "Ask the person who runs the project for a new link." in [line.words for line in lines]
    assert hard_words(lines) == []
