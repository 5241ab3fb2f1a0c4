"""An agreement's changes, ideas for agreements, adding or changing one, and answering a
car park item, as a co-producer reads them in Easy Read: the switch is theirs only,
one idea a line with its picture or none, a box left empty is said beside it and
nothing is saved, and the changes do the same queries however many there are."""

import pytest
from django.utils import timezone

from coplan.core.formats import day_and_date
from coplan.projects.roles import Role
from coplan.working_together import services
from coplan.working_together.models import Agreement, AgreementVersion
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says
from tests.factories import CarParkItemFactory
from tests.form_controls import error_beside
from tests.working_together.easy_read_support import easy_read_queries

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER
PAGES = [
    "agreements/history/",
    "agreements/ideas/",
    "agreements/add/",
    "agreements/{agreement}/change/",
    "car-park/{item}/answer/",
]


@pytest.fixture
def agreement(group):
    """An agreement Cara wrote, then the lead changed."""
    found = services.agreement_write(
        project=group[CO].project, text="We listen.", by=group[CO].user, session=None
    )
    services.agreement_change(
        agreement=found,
        text="We listen. We take turns to talk.",
        by=group[Role.LEAD].user,
        session=None,
    )
    return found


@pytest.fixture
def item(group):
    """Something the lead asked in the car park, that Cara is finding out."""
    return CarParkItemFactory(
        project=group[CO].project,
        text="Is there a lift? The last place had stairs.",
        raised_by=group[Role.LEAD].user,
        owner=group[CO],
    )


def _pages(base, agreement, item) -> list[str]:
    return [base + page.format(agreement=agreement.pk, item=item.pk) for page in PAGES]


def test_the_co_producer_has_the_switch_on_each_page_and_the_lead_does_not(
    as_role, base, agreement, item
):
    cara, lead = as_role(CO), as_role(Role.LEAD)

    theirs = [switch_says(cara.get(url).content.decode()) for url in _pages(base, agreement, item)]
    the_leads = [lead.get(url).content.decode() for url in _pages(base, agreement, item)]

    assert theirs == ["Turn Easy Read on"] * len(PAGES)
    assert [switch_says(page) for page in the_leads] == [""] * len(PAGES)
    assert all(read(page).lines == [] for page in the_leads)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_is_in_easy_read_for_someone_who_asked_and_passes_the_check(
    easy, base, agreement, item, page
):
    shown = easy.get(base + page.format(agreement=agreement.pk, item=item.pk)).content.decode()

    lines = assert_easy_read(shown)
    assert switch_says(shown) == "Turn Easy Read off"
    assert hard_words(lines) == []


def test_the_changes_in_easy_read_say_what_happened_who_and_the_words(easy, base, agreement):
    page = easy.get(base + "agreements/history/").content.decode()

    words = [line.words for line in read(page).lines]
    start = words.index("We wrote it:")
    assert words[start : start + 3] == ["We wrote it:", "We listen.", words[start + 2]]
    today = day_and_date(timezone.localdate())
    assert words[start + 2] == f"You, {today}."
    changed = words.index("We changed it to:")
    assert words[changed + 1 : changed + 3] == ["We listen.", "We take turns to talk."]
    assert words[changed + 3] == f"Lee Lead, {today}."


def test_the_ideas_in_easy_read_are_one_idea_a_sentence(easy, base):
    page = easy.get(base + "agreements/ideas/").content.decode()

    words = [line.words for line in read(page).lines]
    assert "They are not agreements." in words
    assert "How does everyone get a turn to talk?" in words
    assert "How do we all listen?" in words
    assert "Add an agreement in our own words" in words


def test_an_empty_agreement_in_easy_read_is_said_beside_the_box_and_nothing_is_saved(
    easy, base, agreement
):
    added = easy.post(base + "agreements/add/", {"text": " "})
    changed = easy.post(base + f"agreements/{agreement.pk}/change/", {"text": " "})

    for response in (added, changed):
        page = response.content.decode()
        assert response.status_code == 400
        assert switch_says(page) == "Turn Easy Read off"
        assert "Write the agreement in your own words." in [line.words for line in read(page).lines]
        assert error_beside(page, "id_text")
    assert Agreement.objects.count() == 1
    assert AgreementVersion.objects.count() == 2


def test_an_agreement_written_in_easy_read_is_kept(easy, base):
    response = easy.post(base + "agreements/add/", {"text": "We have a break every hour."})

    assert response.status_code == 302
    assert Agreement.objects.get().text == "We have a break every hour."


def test_answering_in_easy_read_shows_what_was_asked_and_an_empty_answer_is_not_saved(
    easy, base, item
):
    shown = easy.get(base + f"car-park/{item.pk}/answer/").content.decode()
    response = easy.post(base + f"car-park/{item.pk}/answer/", {"answer": " "})

    words = [line.words for line in read(shown).lines]
    assert words[:3] == ["Someone asked:", "Is there a lift?", "The last place had stairs."]
    assert "What is the answer?" in words
    page = response.content.decode()
    assert response.status_code == 400
    assert error_beside(page, "id_answer")
    item.refresh_from_db()
    assert item.answer == ""


def test_the_changes_in_easy_read_do_the_same_queries_with_1_row_and_40(client_for):
    counts = easy_read_queries(client_for, "agreements/history/")

    assert counts[0] == counts[1]
