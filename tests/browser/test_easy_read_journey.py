"""Easy Read on a 320-pixel phone: a co-producer who asked for Easy Read papers sees
their home, a meeting, the reply to it, their claims and "you said, we did" in Easy
Read (pictures on the left, words of at least 19 pixels on the right, zero axe
violations, nothing wider than the screen), and turns it off with the keyboard alone.
Screenshots go to /tmp/easy-read-pages/ (the temporary folder) for a person to look at."""

import datetime
import os
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from coplan.meeting_invitations import links
from coplan.people.models import Person
from tests.easy_read_pages import invited_co_producer
from tests.factories import (
    PASSWORD,
    ClaimFactory,
    ClaimLineFactory,
    PaymentChoiceFactory,
    PaymentPolicyFactory,
)
from tests.feedback.factories import YouSaidWeDidFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# For a person to look at, outside the repository (EASY_READ_SCREENSHOTS to put them elsewhere).
SCREENSHOTS = Path(
    os.environ.get("EASY_READ_SCREENSHOTS", Path(tempfile.gettempdir()) / "easy-read-pages")
)
# Text in the Easy Read part of a page smaller than 19 pixels (14 point): none.
SMALL_TEXT = """() => Array.from(document.querySelectorAll('.app-er *'))
  .filter(el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(el => el.getClientRects().length && !el.closest('.govuk-visually-hidden'))
  .map(el => [el.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(el).fontSize)])
  .filter(([, size]) => size < 19)"""
# Every picture beside a line: its alternative text and whether it has loaded.
PICTURES = """() => Array.from(document.querySelectorAll('.app-er-line img'))
  .map(img => [img.alt, img.complete && img.naturalWidth > 0])"""


def _sam():
    member, invited = invited_co_producer(
        member={"user__email": "sam@example.org", "project__name": "Day services"},
        title="April workshop",
        purpose="We will plan the new day centre together.",
        meets_on=timezone.localdate() + datetime.timedelta(days=40),
    )
    project, sam = member.project, invited.person
    PaymentPolicyFactory(
        organisation=project.organisation,
        information="Money for your time can change your benefits. Talk to us first.",
    )
    PaymentChoiceFactory(person=sam)
    claim = ClaimFactory(project=project, person=sam, activity="Bus to the workshop")
    ClaimLineFactory(claim=claim)
    YouSaidWeDidFactory(
        project=project,
        you_said="The room was too hot.",
        we_did="We booked a cooler room.",
        status="done",
        published_at=timezone.now(),
    )
    return sam, invited


def _looks_easy_read(visit, name: str) -> None:
    page = visit.page
    expect(page.get_by_role("button", name="Turn Easy Read off")).to_be_visible()
    # On a busy machine the text can be there before the pictures: wait for them all
    # to finish (loaded or broken), then see that each one loaded.
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.app-er-line img')).every(i => i.complete)",
        timeout=60_000,
    )
    pictures = page.evaluate(PICTURES)
    assert pictures, f"{name}: no pictures"
    assert all(alt and loaded for alt, loaded in pictures), pictures
    assert page.evaluate(SMALL_TEXT) == [], name
    expect(page.get_by_text("Picture to choose")).to_have_count(0)
    visit.assert_accessible()
    visit.assert_fits_the_screen()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_a_co_producer_who_asked_for_easy_read_sees_their_pages_in_easy_read(phone_visit):
    visit, page = phone_visit, phone_visit.page
    sam, invited = _sam()
    project_id = invited.meeting.project_id

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Day services").get_by_role("link").click()

    # Their home.
    expect(page.get_by_role("heading", name="Your meetings")).to_be_visible()
    expect(page.get_by_text("The meeting is on")).to_be_visible()
    _looks_easy_read(visit, "1-home")

    # A meeting.
    page.get_by_role("link", name="April workshop", exact=True).click()
    expect(page.get_by_role("heading", name="What the meeting is for")).to_be_visible()
    expect(page.get_by_text("We will plan the new day centre together.")).to_be_visible()
    _looks_easy_read(visit, "2-meeting")

    # The reply, by the link in their invitation.
    visit.go(f"/meeting-reply/{links.reply_token(invited_id=invited.pk)}/")
    expect(page.get_by_text("We invite you to this meeting.")).to_be_visible()
    _looks_easy_read(visit, "3-reply")
    page.get_by_label("Yes, I am coming, in person").check()
    page.get_by_role("button", name="Send my reply").click()
    expect(page.get_by_text("Your reply: Coming in person.")).to_be_visible()

    # Their claims and how we pay them.
    visit.go(f"/projects/{project_id}/payments/")
    expect(page.get_by_role("heading", name="Money, tax and benefits")).to_be_visible()
    _looks_easy_read(visit, "4-claims")

    # You said, we did.
    visit.go(f"/projects/{project_id}/you-said-we-did/")
    expect(page.get_by_text("We booked a cooler room.")).to_be_visible()
    _looks_easy_read(visit, "5-you-said-we-did")

    # With the keyboard alone, they turn Easy Read off; it stays off.
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Turn Easy Read off":
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Turn Easy Read on")).to_be_focused()
    expect(page.locator(".app-er-line")).to_have_count(0)
    visit.assert_accessible()
    visit.assert_fits_the_screen()
    assert Person.objects.get(pk=sam.pk).easy_read_pages is False
    visit.go(f"/projects/{project_id}/")
    expect(page.get_by_role("heading", name="Your next meetings")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "6-home-turned-off.png"), full_page=True)
