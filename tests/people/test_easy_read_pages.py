"""The Easy Read switch: on by default for people who asked for Easy Read papers,
remembered for the person (on their records when signed in, in this browser when they
came by a link), and never taking anyone off the site."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory

from coplan.people.easy_read_pages import easy_read_on
from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.easy_read_pages import SWITCH, assert_easy_read, hard_words, read, switch_says, turn
from tests.factories import InvolvementFactory, MembershipFactory, PersonFactory
from tests.homes import home_page

pytestmark = pytest.mark.django_db


def _co_producer(formats):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(
        project=member.project, person__user=member.user, person__formats=formats
    ).person
    return member, person


def test_easy_read_is_on_by_default_for_someone_who_asked_for_easy_read_papers(client_for):
    member, _ = _co_producer(["easy_read"])

    home = home_page(client_for(member.user), member.project_id)

    assert switch_says(home) == "Turn Easy Read off"


def test_easy_read_is_off_by_default_for_someone_who_did_not(client_for):
    member, _ = _co_producer(["large_print"])

    home = home_page(client_for(member.user), member.project_id)

    assert switch_says(home) == "Turn Easy Read on"


def test_the_switch_is_remembered_on_the_person_and_follows_them_to_another_browser(
    client_for,
):
    member, person = _co_producer(["easy_read"])
    back = f"/projects/{member.project_id}/"

    response = turn(client_for(member.user), on=False, back=back)

    assert response.status_code == 302
    assert response["Location"] == back + "#easy-read-switch"
    person.refresh_from_db()
    assert person.easy_read_pages is False
    other_browser = client_for(member.user)
    assert switch_says(home_page(other_browser, member.project_id)) == "Turn Easy Read on"
    turn(other_browser, on=True, back=back)
    assert switch_says(home_page(client_for(member.user), member.project_id)) == (
        "Turn Easy Read off"
    )


def test_the_switch_is_set_on_every_record_of_the_person():
    member, person = _co_producer([])
    elsewhere = PersonFactory(user=member.user)
    client = Client()
    client.force_login(member.user)

    turn(client, on=True, back="/")

    assert list(
        Person.objects.filter(pk__in=[person.pk, elsewhere.pk]).values_list(
            "easy_read_pages", flat=True
        )
    ) == [True, True]


def test_someone_with_only_a_link_has_the_switch_remembered_in_their_browser():
    person = PersonFactory(formats=["easy_read"])
    browser = Client()
    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    assert easy_read_on(request, person) is True
    turn(browser, on=False, back="/invitations/reply/some-token/")
    request.COOKIES = {name: morsel.value for name, morsel in browser.cookies.items()}
    assert easy_read_on(request, person) is False
    person.refresh_from_db()
    assert person.easy_read_pages is None  # nothing was written about them


def test_the_switch_never_sends_anyone_to_another_site():
    response = turn(Client(), on=True, back="https://example.com/")

    assert response["Location"] == "/#easy-read-switch"


def test_the_switch_is_a_button_not_a_link():
    assert Client().get(SWITCH).status_code == 405


def test_tell_us_once_starts_in_easy_read_for_someone_who_asked(client_for):
    member, _ = _co_producer(["easy_read"])

    page = client_for(member.user).get(f"/projects/{member.project_id}/tell-us-once/")

    lines = assert_easy_read(page.content.decode())
    words = [line.words for line in lines]
    assert "What you eat and drink." in words
    assert hard_words(lines) == []


def test_tell_us_once_is_usual_once_turned_off(client_for):
    member, _ = _co_producer(["easy_read"])
    client = client_for(member.user)
    path = f"/projects/{member.project_id}/tell-us-once/"

    turn(client, on=False, back=path)
    page = client.get(path).content.decode()

    assert switch_says(page) == "Turn Easy Read on"
    assert read(page).lines == []
