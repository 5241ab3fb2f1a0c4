"""The car park, the agreements and the words we use, as a co-producer reads them in
Easy Read: the switch is theirs only, each item and agreement one idea a line with its
picture or none, the same boxes with their errors beside them, and the same queries
however full the car park is."""

import pytest

from coplan.projects.roles import Role
from coplan.working_together import services
from coplan.working_together.models import CarParkItem, Comment
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says
from tests.factories import (
    AgreementFactory,
    CarParkItemFactory,
    SharedDefinitionFactory,
)
from tests.form_controls import error_beside
from tests.working_together.easy_read_support import easy_read_queries

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER
PAGES = ["car-park/", "car-park/{item}/", "car-park/add/", "agreements/", "shared-definitions/"]


@pytest.fixture
def item(group):
    """Something Cara put in the car park, that the lead is following up."""
    found = CarParkItemFactory(
        project=group[Role.LEAD].project,
        text="Can we meet near a bus stop? The last place was far away.",
        raised_by=group[CO].user,
    )
    services.car_park_item_follow_up(
        item=found, owner=group[Role.LEAD], next_step="Ask the library.", due_on=None
    )
    return found


def _pages(base, item) -> list[str]:
    return [base + page.format(item=item.pk) for page in PAGES]


def test_the_co_producer_has_the_switch_on_each_page_and_the_lead_does_not(as_role, base, item):
    cara, lead = as_role(CO), as_role(Role.LEAD)

    theirs = [switch_says(cara.get(url).content.decode()) for url in _pages(base, item)]
    the_leads = [lead.get(url).content.decode() for url in _pages(base, item)]

    assert theirs == ["Turn Easy Read on"] * len(PAGES)
    assert [switch_says(page) for page in the_leads] == [""] * len(PAGES)
    assert all(read(page).lines == [] for page in the_leads)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_is_in_easy_read_for_someone_who_asked_and_passes_the_check(
    easy, base, item, group, page
):
    AgreementFactory(project=item.project, text="We listen. We take turns to talk.")
    SharedDefinitionFactory(
        project=item.project, word="Co-production", meaning="We do it together."
    )
    services.comment_add(
        project=item.project, author=group[Role.LEAD].user, text="I will ask.", car_park_item=item
    )

    shown = easy.get(base + page.format(item=item.pk)).content.decode()

    lines = assert_easy_read(shown)
    assert switch_says(shown) == "Turn Easy Read off"
    assert hard_words(lines) == []


def test_the_car_park_in_easy_read_says_who_asked_what_and_where_it_is_up_to(easy, base, item):
    page = easy.get(base + "car-park/").content.decode()

    words = [line.words for line in read(page).lines]
    assert "The car park is for things we talk about later." in words
    assert f"You asked: {item.text}" in words
    assert "Lee Lead is finding out." in words
    assert "Waiting for an answer: 1" in read(page).headings
    assert "Waiting for an answer (1)" not in page  # the usual words, not both


def test_an_item_in_easy_read_is_one_sentence_a_line_with_what_people_said(easy, base, item):
    services.comment_add(
        project=item.project, author=item.raised_by, text="Thank you.", car_park_item=item
    )

    page = easy.get(base + f"car-park/{item.pk}/").content.decode()

    words = [line.words for line in read(page).lines]
    assert words[:3] == [
        "You asked:",
        "Can we meet near a bus stop?",
        "The last place was far away.",
    ]
    assert "Ask the library." in words
    assert "You said:" in words
    assert "Thank you." in words
    assert "Change the words" in words  # theirs to change until it is answered


def test_an_empty_comment_in_easy_read_is_said_beside_the_box_and_nothing_is_saved(
    easy, base, item
):
    response = easy.post(base + f"car-park/{item.pk}/comment/", {"text": ""})

    page = response.content.decode()
    assert response.status_code == 400
    assert read(page).lines
    assert error_beside(page, "id_text")
    assert not Comment.objects.exists()


def test_putting_nothing_in_the_car_park_in_easy_read_is_said_beside_the_box(easy, base, item):
    response = easy.post(base + "car-park/add/", {"text": "  "})

    page = response.content.decode()
    assert response.status_code == 400
    assert switch_says(page) == "Turn Easy Read off"
    assert "What do you want to talk about later?" in [line.words for line in read(page).lines]
    assert error_beside(page, "id_text")
    assert CarParkItem.objects.count() == 1


def test_the_agreements_in_easy_read_are_one_idea_a_line_and_theirs_to_change(easy, base, group):
    AgreementFactory(project=group[CO].project, text="We listen. We take turns to talk.")

    page = easy.get(base + "agreements/").content.decode()

    words = [line.words for line in read(page).lines]
    assert words[words.index("Agreement 1:") + 1 : words.index("Agreement 1:") + 3] == [
        "We listen.",
        "We take turns to talk.",
    ]
    assert "Change it Take it out" in words
    assert "Add an agreement" in page


def test_the_words_we_use_in_easy_read_have_each_meaning_one_sentence_a_line(easy, base, group):
    SharedDefinitionFactory(
        project=group[CO].project,
        word="Co-production",
        meaning="We make it together. Everyone has a say.",
    )

    page = easy.get(base + "shared-definitions/").content.decode()

    assert '<p class="app-er-line__heading">Co-production</p>' in page
    assert [line.words for line in read(page).lines][-2:] == [
        "We make it together.",
        "Everyone has a say.",
    ]


@pytest.mark.parametrize(
    "page", ["car-park/", "car-park/{item}/", "agreements/", "shared-definitions/"]
)
def test_an_easy_read_page_does_the_same_queries_with_1_row_and_40(client_for, page):
    counts = easy_read_queries(client_for, page)

    assert counts[0] == counts[1]
