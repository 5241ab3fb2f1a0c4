"""The one Easy Read layer of participants' pages (plain_words/_easy_read_page.html):
every fixed line and heading written into a template passes the Easy Read check, and
a line draws its picture with alternative text, or none, never a placeholder."""

import re
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory

from coplan import language
from coplan.language.findings import CHANGE
from tests.easy_read_pages import easy_read_lines

SRC = Path(__file__).resolve().parents[2] / "src" / "coplan"
# A fixed line or heading: er_line("...") or er_heading("..."), and the words of the
# switch and of the links and buttons under a line.
_FIXED = re.compile(r"""er_(?:line|heading)\(\s*"([^"]+)"(?!\s*~)""")
_LINK_WORDS = re.compile(
    r"""app-er-line__text"><a class="govuk-link"[^>]*>([^<{]+)<|role="button"[^>]*>([^<{]+)<"""
)


def _templates_with_easy_read() -> list[Path]:
    return [
        path
        for path in SRC.rglob("*.html")
        if "plain_words/_easy_read_page.html" in path.read_text(encoding="utf-8")
        and "_easy_read_page" not in path.name
    ]


def _fixed_words(text: str) -> list[str]:
    found = list(_FIXED.findall(text))
    for match in _LINK_WORDS.finditer(text):
        found.append(match.group(1) or match.group(2))
    return [words.strip() for words in found if words.strip()]


def test_the_pages_a_participant_sees_have_their_easy_read_version():
    names = {str(path.relative_to(SRC)) for path in _templates_with_easy_read()}

    for page in (
        "projects/jinja2/projects/home.html",
        "meetings/jinja2/meetings/meeting_taking_part.html",
        "meeting_invitations/jinja2/meeting_invitations/reply.html",
        "people/jinja2/people/tell_us_once_start.html",
        "people/jinja2/people/tell_us_once_question.html",
        "people/jinja2/people/tell_us_once_check.html",
        "people/jinja2/people/tell_us_once_changed.html",
        "payments/jinja2/payments/home.html",
        "payments/jinja2/payments/choice_form.html",
        "payments/jinja2/payments/claim_start.html",
        "payments/jinja2/payments/expense_form.html",
        "payments/jinja2/payments/time_form.html",
        "payments/jinja2/payments/claim.html",
        "working_together/jinja2/working_together/car_park.html",
        "working_together/jinja2/working_together/car_park_item.html",
        "working_together/jinja2/working_together/car_park_form.html",
        "working_together/jinja2/working_together/agreements.html",
        "working_together/jinja2/working_together/definitions.html",
        "working_together/jinja2/working_together/sessions.html",
        "working_together/jinja2/working_together/session.html",
        "working_together/jinja2/working_together/minutes.html",
        "working_together/jinja2/working_together/_session_easy_read.html",
        "working_together/jinja2/working_together/actions.html",
        "working_together/jinja2/working_together/agreement_history.html",
        "working_together/jinja2/working_together/agreement_ideas.html",
        "working_together/jinja2/working_together/agreement_add.html",
        "working_together/jinja2/working_together/car_park_answer.html",
        "working_together/jinja2/working_together/what_can_change.html",
        "working_together/jinja2/working_together/home.html",
        "feedback/jinja2/feedback/give.html",
        "feedback/jinja2/feedback/answer_start.html",
        "feedback/jinja2/feedback/answer_standard.html",
        "feedback/jinja2/feedback/answer_thanks.html",
        "feedback/jinja2/feedback/answer_closed.html",
        "feedback/jinja2/feedback/answer_invalid.html",
        "feedback/jinja2/feedback/you_said_we_did.html",
    ):
        assert page in names


@pytest.mark.parametrize("path", _templates_with_easy_read(), ids=lambda path: path.name)
def test_every_fixed_easy_read_line_passes_the_easy_read_check(path):
    lines = _fixed_words(path.read_text(encoding="utf-8"))

    hard = [
        (words, finding.message)
        for words in lines
        for finding in language.check(words, mode=language.EASY_READ).findings
        if finding.severity == CHANGE
    ]
    assert lines
    assert hard == []


def _draw(source: str) -> str:
    template = engines["jinja2"].from_string(
        '{% from "plain_words/_easy_read_page.html" import er_line, er_text, er_heading '
        "with context %}" + source
    )
    return template.render({}, request=RequestFactory().get("/"))


def test_a_line_has_the_picture_for_its_topic_with_alternative_text():
    lines = easy_read_lines(_draw('{{ er_line("The meeting is on 04/05/2027.") }}'))

    assert [line.words for line in lines] == ["The meeting is on 4 May 2027."]
    assert [picture["alt"] for picture in lines[0].pictures] == ["A calendar"]


def test_a_line_about_nothing_in_the_bank_has_no_picture_and_no_box():
    drawn = _draw('{{ er_line("Good lighting.") }}')

    assert easy_read_lines(drawn)[0].pictures == []
    assert "Picture to choose" not in drawn
    assert "<img" not in drawn


def test_typed_text_is_one_sentence_a_line_money_once_and_numbers_as_digits():
    drawn = _draw(
        '{{ er_text("We pay £20.00 an hour. Bring two friends if you like.\\n\\n'
        'The library\\n1 High Street\\nOX1 1AA") }}'
    )

    assert [line.words for line in easy_read_lines(drawn)] == [
        "We pay £20 an hour.",
        "Bring 2 friends if you like.",
        "1 High Street OX1 1AA",
    ]
    # The address's first line stands alone as a heading, the rest is one block.
    assert '<p class="app-er-line__heading">The library</p>' in drawn
    assert "1 High Street<br>OX1 1AA" in drawn
