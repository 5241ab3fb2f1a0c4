"""What can and cannot change, as a co-producer reads it in Easy Read: the switch is
theirs only, each area of decisions says what we can change, what cannot change and
why, one idea a line, and the same queries however many areas there are."""

import pytest

from coplan.projects.roles import Role
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says
from tests.factories import DecisionAreaFactory
from tests.working_together.easy_read_support import easy_read_queries

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER
PAGE = "what-can-change/"


@pytest.fixture
def areas(group):
    """The day centre: what it offers can change, the money cannot; the café can all change."""
    project = group[CO].project
    return [
        DecisionAreaFactory(
            project=project,
            area="The day centre",
            open_to_influence="What the day centre offers. When it opens.",
            fixed="The money we have.",
            why_fixed="The council set it in March.",
        ),
        DecisionAreaFactory(
            project=project,
            area="The café",
            open_to_influence="The food we sell.",
            fixed="",
            why_fixed="",
        ),
    ]


def test_the_co_producer_has_the_switch_and_the_lead_and_manager_do_not(as_role, base, areas):
    cara = as_role(CO).get(base + PAGE).content.decode()
    staff = [as_role(role).get(base + PAGE).content.decode() for role in (Role.LEAD, Role.MANAGER)]

    assert switch_says(cara) == "Turn Easy Read on"
    assert [switch_says(page) for page in staff] == ["", ""]
    assert all(read(page).lines == [] for page in staff)


def test_it_is_in_easy_read_for_someone_who_asked_and_passes_the_check(easy, base, areas):
    page = easy.get(base + PAGE).content.decode()

    lines = assert_easy_read(page)
    assert switch_says(page) == "Turn Easy Read off"
    assert hard_words(lines) == []


def test_each_area_says_what_we_can_change_what_cannot_and_why(easy, base, areas):
    page = easy.get(base + PAGE).content.decode()

    words = [line.words for line in read(page).lines]
    start = words.index("We can change:")
    assert words[start : start + 7] == [
        "We can change:",
        "What the day centre offers.",
        "When it opens.",
        "This cannot change:",
        "The money we have.",
        "Why:",
        "The council set it in March.",
    ]
    assert words[start + 7 : start + 10] == [
        "We can change:",
        "The food we sell.",
        "Everything here can change.",
    ]
    assert '<p class="app-er-line__heading">The day centre</p>' in page
    assert "What the group can change" not in page  # the usual words, not both


def test_it_does_the_same_queries_in_easy_read_with_1_area_and_40(client_for):
    counts = easy_read_queries(client_for, PAGE)

    assert counts[0] == counts[1]
