"""Short links for print (`/r/<code>`): short, unguessable, unique, leading only to a
page of this site, and refused in bulk; a printed letter's short address takes a person
with no account to their reply page."""

import re

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction

from coplan.short_links.models import ShortLink
from coplan.short_links.services import ALPHABET, CODE_LENGTH, short_link_make
from coplan.short_links.views import MISSES_ALLOWED
from tests.documents import pdf_text
from tests.meeting_invitations.invitation_support import invite_person, word_invitation

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


@pytest.fixture(autouse=True)
def _no_misses_counted():
    cache.clear()
    yield
    cache.clear()


def _code(short: str) -> str:
    return short.rsplit("/r/", 1)[1]


def test_a_short_link_is_short_and_made_of_letters_not_mistaken_for_others(settings):
    settings.SITE_URL = SITE

    short = short_link_make(link=f"{SITE}/meeting-reply/abc:def/")

    assert re.fullmatch(rf"{re.escape(SITE)}/r/[{ALPHABET}]{{{CODE_LENGTH}}}", short)
    assert not set(_code(short)) & set("0o1il")
    assert len(ALPHABET) ** CODE_LENGTH > 2**48  # cannot be guessed or counted through


def test_the_same_page_gets_the_same_short_link_and_others_a_new_one(settings):
    settings.SITE_URL = SITE

    first = short_link_make(link=f"{SITE}/meeting-reply/abc/")
    again = short_link_make(link=f"{SITE}/meeting-reply/abc/")
    other = short_link_make(link=f"{SITE}/meeting-reply/xyz/")

    assert first == again
    assert other != first
    assert ShortLink.objects.count() == 2


def test_two_short_links_cannot_have_the_same_code():
    ShortLink.objects.create(code="abcdefghjk", target="/one/")

    with pytest.raises(IntegrityError), transaction.atomic():
        ShortLink.objects.create(code="abcdefghjk", target="/two/")


@pytest.mark.parametrize(
    "link", ["https://elsewhere.example.org/page/", "//elsewhere.example.org/", "page/"]
)
def test_a_short_link_leads_only_to_this_site(settings, link):
    settings.SITE_URL = SITE

    with pytest.raises(ValueError, match="this site"):
        short_link_make(link=link)


def test_a_short_link_leads_to_its_page_however_it_is_typed(client, settings):
    settings.SITE_URL = SITE
    code = _code(short_link_make(link=f"{SITE}/meeting-reply/abc/?x=1"))

    for typed in (f"/r/{code}", f"/r/{code}/", f"/r/{code.upper()}"):
        response = client.get(typed)
        assert (response.status_code, response["Location"]) == (302, "/meeting-reply/abc/?x=1")
        assert response["Cache-Control"] == "private, no-store"  # it holds a person's token


def test_a_wrong_code_says_the_link_does_not_work(client):
    response = client.get("/r/abcdefghjk")

    assert response.status_code == 404
    assert "Check the letters and numbers after" in response.content.decode()


def test_too_many_wrong_codes_are_refused_even_a_right_one(client, settings):
    settings.SITE_URL = SITE
    code = _code(short_link_make(link=f"{SITE}/meeting-reply/abc/"))

    for number in range(MISSES_ALLOWED):
        assert client.get(f"/r/wrong{number:05d}").status_code == 404
    refused = client.get(f"/r/{code}")
    other_address = client.get(f"/r/{code}", REMOTE_ADDR="10.0.0.9")

    assert refused.status_code == 429
    assert "Too many tries" in refused.content.decode()
    assert other_address.status_code == 302


def test_a_printed_letter_s_short_address_opens_the_reply_page_without_an_account(
    client_for, client, meeting, lead, settings
):
    settings.SITE_URL = SITE
    word_invitation(meeting, lead)
    invited = invite_person(meeting, full_name="Pat Post", contact_by="post", address="1 Road")
    letter = client_for(lead).get(
        f"/projects/{meeting.project_id}/meetings/{meeting.pk}/invited/{invited.pk}/letter.pdf"
    )

    (typed,) = re.findall(r"127\.0\.0\.1:8000(/r/[a-z0-9]+)", pdf_text(letter.content))
    page = client.get(typed, follow=True)

    assert page.status_code == 200
    assert page.redirect_chain[0][0].startswith("/meeting-reply/")
    assert meeting.title in page.content.decode()
