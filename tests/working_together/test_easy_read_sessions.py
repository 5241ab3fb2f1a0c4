"""Sessions and their notes (the minutes), as a co-producer reads them in Easy Read:
the switch is theirs only, what was recorded is one idea a line with its picture or
none, a comment left empty is said beside the box and nothing is saved, and the same
queries however many people came and however much was recorded."""

import datetime

import pytest

from coplan.projects.roles import Role
from coplan.working_together import services
from coplan.working_together.models import Comment
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    CarParkItemFactory,
    SessionRecordFactory,
)
from tests.form_controls import error_beside
from tests.working_together.easy_read_support import easy_read_queries

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER
PAGES = ["sessions/", "sessions/{session}/", "sessions/{session}/minutes/"]


@pytest.fixture
def session(group):
    """The first meeting: Cara came, we agreed and decided, parked a question and set
    Cara something to do."""
    project = group[CO].project
    found = SessionRecordFactory(
        project=project,
        title="First meeting",
        held_on=datetime.date(2027, 3, 1),
        agreed="We meet every month.",
        decided="We meet at the library. It is near the bus stop.",
    )
    found.came.set([group[CO], group[Role.LEAD]])
    AgreementFactory(project=project, text="We listen. We take turns to talk.")
    CarParkItemFactory(
        project=project, session=found, text="Can we have tea?", raised_by=group[CO].user
    )
    ActionFactory(project=project, session=found, what="Find a room.", owner=group[CO])
    services.comment_add(
        project=project, author=group[Role.LEAD].user, text="Thank you all.", session=found
    )
    return found


def _pages(base, session) -> list[str]:
    return [base + page.format(session=session.pk) for page in PAGES]


def test_the_co_producer_has_the_switch_on_each_page_and_the_lead_does_not(as_role, base, session):
    cara, lead = as_role(CO), as_role(Role.LEAD)

    theirs = [switch_says(cara.get(url).content.decode()) for url in _pages(base, session)]
    the_leads = [lead.get(url).content.decode() for url in _pages(base, session)]

    assert theirs == ["Turn Easy Read on"] * len(PAGES)
    assert [switch_says(page) for page in the_leads] == [""] * len(PAGES)
    assert all(read(page).lines == [] for page in the_leads)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_is_in_easy_read_for_someone_who_asked_and_passes_the_check(
    easy, base, session, page
):
    shown = easy.get(base + page.format(session=session.pk)).content.decode()

    lines = assert_easy_read(shown)
    assert switch_says(shown) == "Turn Easy Read off"
    assert hard_words(lines) == []


def test_the_sessions_in_easy_read_have_each_meeting_its_date_and_its_notes(easy, base, session):
    page = easy.get(base + "sessions/").content.decode()

    words = [line.words for line in read(page).lines]
    assert "A session is a meeting of our group." in words
    assert "Monday 1 March 2027: First meeting" in words
    assert "Things we put in the car park: 1." in words
    assert "Read the notes" in words
    assert "Minutes<" not in page  # the usual words, not both


def test_a_session_in_easy_read_says_what_we_agreed_decided_and_will_do(easy, base, session):
    page = easy.get(base + f"sessions/{session.pk}/").content.decode()

    words = [line.words for line in read(page).lines]
    assert "We met on Monday 1 March 2027." in words
    assert "You, Lee Lead." in words
    assert words[words.index("Agreement 1:") + 1 : words.index("Agreement 1:") + 3] == [
        "We listen.",
        "We take turns to talk.",
    ]
    assert "We meet at the library." in words
    assert "It is near the bus stop." in words
    assert "You asked: Can we have tea?" in words
    assert words[words.index("Find a room.") + 1 : words.index("Find a room.") + 3] == [
        "You will do it.",
        "By Monday 1 March 2027.",
    ]
    assert "Lee Lead said:" in words
    assert "Thank you all." in words
    assert "Things to do" in read(page).headings
    parked = read(page).headings.index("Put in the car park at this meeting")
    assert read(page).headings[parked + 1] == "Things to do"
    assert "Put something in the car park" in page


def test_the_notes_in_easy_read_are_the_same_record_ready_to_print(easy, base, session):
    page = easy.get(base + f"sessions/{session.pk}/minutes/").content.decode()

    words = [line.words for line in read(page).lines]
    assert "To print, use the print button of your browser." in words
    assert "We meet every month." in words
    assert "Put something in the car park" not in page  # the notes are to read
    assert "Notes: First meeting" in page
    assert "Minutes: First meeting" not in page


def test_an_empty_comment_in_easy_read_is_said_beside_the_box_and_nothing_is_saved(
    easy, base, session
):
    response = easy.post(base + f"sessions/{session.pk}/comment/", {"text": " "})

    page = response.content.decode()
    assert response.status_code == 400
    assert switch_says(page) == "Turn Easy Read off"
    assert "Tell us what you think." in [line.words for line in read(page).lines]
    assert error_beside(page, "id_text")
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "page", ["sessions/", "sessions/{session}/", "sessions/{session}/minutes/"]
)
def test_an_easy_read_page_does_the_same_queries_with_1_row_and_40(client_for, page):
    counts = easy_read_queries(client_for, page)

    assert counts[0] == counts[1]
