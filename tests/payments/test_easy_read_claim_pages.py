"""A co-producer's claim pages in Easy Read: starting a claim, adding an expense, adding
time they spent and their own claim. The switch is theirs only; the questions stay the
same form fields, with a picture line above each, and an error still shows beside its
field."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.payments import services
from coplan.payments.models import Claim, ClaimLine
from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.easy_read_pages import assert_easy_read, hard_words, read, switch_says, turn
from tests.form_controls import error_beside
from tests.payments.conftest import sent_claim

pytestmark = pytest.mark.django_db

CO = Role.CO_PRODUCER


def _base(team) -> str:
    return f"/projects/{team.project.pk}/payments/"


def _draft(team) -> Claim:
    return services.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )


def _pages(team, claim) -> list[str]:
    base = _base(team)
    return [
        base + "claims/new/",
        f"{base}claims/{claim.pk}/expenses/add/",
        f"{base}claims/{claim.pk}/",
        f"{base}claims/{claim.pk}/time/add/",
    ]


def _field_names(page: str) -> list[str]:
    return sorted(set(re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', page)))


def _easy_client(team, client_for, back):
    client = client_for(team.user(CO))
    turn(client, on=True, back=back)
    return client


def test_the_co_producer_has_the_switch_on_each_claim_page_and_finance_does_not(team, client_for):
    claim = _draft(team)
    co_producer = client_for(team.user(CO))
    finance = client_for(team.user(Role.FINANCE))

    theirs = [switch_says(co_producer.get(url).content.decode()) for url in _pages(team, claim)]
    finance_sees = [
        switch_says(finance.get(_base(team) + "claims/new/").content.decode()),
        switch_says(finance.get(_pages(team, claim)[2]).content.decode()),
        switch_says(finance.get(_pages(team, claim)[3]).content.decode()),
    ]

    assert theirs == ["Turn Easy Read on"] * 4
    assert finance_sees == ["", "", ""]


@pytest.mark.parametrize("page", [0, 1, 3], ids=["start a claim", "add an expense", "add time"])
def test_easy_read_forms_have_picture_lines_and_the_same_fields(team, client_for, page):
    claim = _draft(team)
    url = _pages(team, claim)[page]
    usual = client_for(team.user(CO)).get(url).content.decode()

    easy = _easy_client(team, client_for, url).get(url).content.decode()

    lines = assert_easy_read(easy)
    assert switch_says(easy) == "Turn Easy Read off"
    assert read(usual).lines == []
    assert _field_names(easy) == _field_names(usual)
    assert hard_words(lines) == []
    topics = {picture["alt"] for line in lines for picture in line.pictures}
    assert len(topics) >= 4
    assert "Ask the project lead if you need help." in [line.words for line in lines]


def test_starting_a_claim_in_easy_read_asks_about_the_meeting_and_the_date(team, client_for):
    url = _base(team) + "claims/new/"

    page = _easy_client(team, client_for, url).get(url).content.decode()

    words = [line.words for line in read(page).lines]
    assert "Pick your meeting." in words
    assert "Tell us the date you did it." in words
    assert "One claim for each meeting or activity" not in page  # the usual words, not both


def test_a_bad_amount_in_easy_read_shows_the_error_beside_the_field_and_saves_nothing(
    team, client_for
):
    claim = _draft(team)
    url = _pages(team, claim)[1]
    client = _easy_client(team, client_for, url)

    response = client.post(
        url, {"category": "public_transport", "description": "Bus", "amount": "four pounds"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert switch_says(page) == "Turn Easy Read off"
    assert read(page).lines
    assert error_beside(page, "id_amount") == "Enter the amount in pounds and pence, like 4.50"
    assert not claim.lines.exists()


def test_adding_time_in_easy_read_says_what_we_pay_and_asks_each_question(team, client_for):
    claim = _draft(team)
    url = _pages(team, claim)[3]

    page = _easy_client(team, client_for, url).get(url).content.decode()

    words = [line.words for line in read(page).lines]
    assert "We pay £15 an hour for your time." in words
    assert "What did you spend time on?" in words
    assert "How long did it take? Tell us the hours and minutes." in words
    assert "Time is paid at" not in page  # the usual words, not both


def test_easy_read_is_on_by_default_when_adding_time_for_someone_who_asked_for_it(team, client_for):
    claim = _draft(team)
    Person.objects.filter(pk=team.person(CO).pk).update(formats=["easy_read"])
    url = _pages(team, claim)[3]

    page = client_for(team.user(CO)).get(url).content.decode()

    assert switch_says(page) == "Turn Easy Read off"
    assert_easy_read(page)


def test_no_time_in_easy_read_shows_the_error_beside_the_field_and_saves_nothing(team, client_for):
    claim = _draft(team)
    url = _pages(team, claim)[3]
    client = _easy_client(team, client_for, url)

    response = client.post(url, {"activity": "reading", "hours": "", "minutes": ""})

    page = response.content.decode()
    assert response.status_code == 400
    assert switch_says(page) == "Turn Easy Read off"
    assert read(page).lines
    assert error_beside(page, "id_hours") == "Enter how long you spent"
    assert not claim.lines.exists()


def test_their_claim_in_easy_read_shows_each_amount_once_and_the_date_written_out(team, client_for):
    claim = sent_claim(team)
    url = _pages(team, claim)[2]

    page = _easy_client(team, client_for, url).get(url).content.decode()

    lines = assert_easy_read(page)
    words = [line.words for line in lines]
    assert "You did this on Monday 1 March 2027." in words
    assert sum("£4.50" in line for line in words) == 1
    assert any(line.startswith("Bus, train or tram fares: £4.50.") for line in words)
    assert hard_words(lines) == []


def test_finance_sees_the_usual_claim_even_with_easy_read_on_in_their_browser(team, client_for):
    claim = sent_claim(team)
    url = _pages(team, claim)[2]
    finance = client_for(team.user(Role.FINANCE))
    turn(finance, on=True, back=url)

    page = finance.get(url).content.decode()

    assert read(page).lines == []
    assert switch_says(page) == ""
    assert "Approve £4.50" in page


def test_an_easy_read_claim_page_does_the_same_queries_for_2_lines_and_40(team, client_for):
    client = _easy_client(team, client_for, _base(team))
    counts = []
    for count in (2, 40):
        claim = _draft(team)
        ClaimLine.objects.bulk_create(
            ClaimLine(claim=claim, kind="expense", category="food", amount_pence=100)
            for _ in range(count)
        )
        url = f"{_base(team)}claims/{claim.pk}/"
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url).content.decode()
        assert read(page).lines
        counts.append(len(captured))

    print(f"Easy Read claim page: {counts[0]} queries with 2 lines, {counts[1]} with 40")
    assert counts[0] == counts[1]


def test_a_claim_sent_back_says_what_to_change_in_easy_read(team, client_for):
    claim = sent_claim(team)
    Claim.objects.filter(pk=claim.pk).update(
        status="returned", returned_reason="Add the bus ticket. We need it to pay you."
    )
    url = _pages(team, claim)[2]

    page = _easy_client(team, client_for, url).get(url).content.decode()

    words = [line.words for line in read(page).lines]
    assert "What to change" in read(page).headings
    assert "We sent this claim back to you. Please change it." in words
    assert "Add the bus ticket." in words
    assert "We need it to pay you." in words
    assert "Send the claim again" in page


def test_time_on_their_claim_in_easy_read_writes_the_rate_as_the_amounts_are(team, client_for):
    claim = _draft(team)
    add_time, claim_page = _pages(team, claim)[3], _pages(team, claim)[2]
    client = _easy_client(team, client_for, claim_page)
    added = client.post(add_time, {"activity": "reading", "hours": "1", "minutes": "0"})
    assert added.status_code == 302

    page = client.get(claim_page).content.decode()

    text = " ".join(line.words for line in assert_easy_read(page))
    assert "1 hour at £15 an hour" in text
    assert "£15.00" not in text
