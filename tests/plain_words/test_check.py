import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client_for):
    return client_for(UserFactory())


def test_check_page_marks_jargon_and_acronyms_with_suggestions(client):
    response = client.post(
        "/check-wording/",
        {"text": "Going forward, please contact the SCIA team.", "mode": "plain"},
    )

    page = response.content.decode()
    assert "2 suggestions about the wording" in page
    assert '<mark class="app-mark">Going forward<span class="app-mark__number"> [1]' in page
    assert "Try: from now on; in future" in page
    assert "SCIA" in page


def test_check_page_says_when_there_is_nothing_to_change(client):
    page = client.post(
        "/check-wording/", {"text": "We will meet at the library.", "mode": "plain"}
    ).content.decode()

    assert "No suggestions about the wording" in page


def test_empty_text_is_asked_for_beside_the_box(client):
    page = client.post("/check-wording/", {"text": "", "mode": "plain"}).content.decode()

    assert "Enter some text to check" in page
    assert 'href="#id_text"' in page


def test_easy_read_is_stricter(client):
    text = "Please bring twenty pounds."

    plain = client.post("/check-wording/", {"text": text, "mode": "plain"}).content.decode()
    easy = client.post("/check-wording/", {"text": text, "mode": "easy_read"}).content.decode()

    assert "No suggestions" in plain
    assert "Number written as a word" in easy


def test_live_check_returns_findings_and_updates_the_status(client):
    response = client.post(
        "/check-wording/live/",
        {
            "field_name": "description",
            "field_id": "id_description",
            "description": "We will signpost service users going forward.",
            "mode": "plain",
        },
    )

    page = response.content.decode()
    assert 'id="id_description-language-status" hx-swap-oob="innerHTML"' in page
    assert "suggestions about the wording" in page
    assert 'data-original="going forward"' in page
    assert "data-use-suggestion" in page


def test_live_check_leaves_out_words_said_to_be_fine(client):
    response = client.post(
        "/check-wording/live/",
        {
            "field_name": "description",
            "field_id": "id_description",
            "description": "Contact the SCIA team.",
            "allowed_field": "id_description-allowed_words",
            "id_description-allowed_words": "SCIA",
        },
    )

    assert "No suggestions about the wording" in response.content.decode()


def test_live_check_shows_text_as_text_not_html(client):
    response = client.post(
        "/check-wording/live/",
        {"field_name": "t", "field_id": "id_t", "t": "<script>alert('SCIA')</script> ASAP"},
    )

    page = response.content.decode()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_signed_out_visitors_cannot_use_the_checker(db):
    from django.test import Client

    assert Client().post("/check-wording/live/", {"field_name": "t", "t": "x"}).status_code == 302
