"""The lead checks the Easy Read "you said, we did" letter before it goes (issue 15):
from the send page, they change a sentence, approve it and send; the email and the
printed letter for the people who asked for Easy Read have the changed sentence. Axe
on every page visited."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from coplan.feedback.models import YouSaidWeDidSent
from coplan.projects.roles import Role
from tests.browser.test_invitation_journeys import _sign_in
from tests.documents import pdf_text
from tests.factories import MembershipFactory
from tests.feedback.test_easy_read_letter import _easy_read_by_email, _easy_read_by_post, _publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lead_changes_a_sentence_of_the_easy_read_letter_approves_and_sends(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    project = lead.project
    _publish(project)
    _easy_read_by_email(project)
    _easy_read_by_post(project)
    _sign_in(visit, "lead@example.org")

    visit.go(f"/projects/{project.pk}/you-said-we-did/send/")
    expect(page.get_by_role("heading", name="Send you said, we did", level=1)).to_be_visible()
    expect(page.get_by_text("2 people asked for Easy Read.")).to_be_visible()
    expect(page.get_by_role("button", name="Send to everyone involved")).to_have_count(0)
    visit.assert_accessible()

    page.get_by_role("button", name="Check the Easy Read version").click()
    expect(page.get_by_role("heading", name="Check the Easy Read version", level=1)).to_be_visible()
    visit.assert_accessible()
    row = page.get_by_role("row").filter(has_text="The room was too hot.")
    row.get_by_role("link", name=re.compile(r"^Change line")).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Change line"), level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Words").fill("It was too hot in the room.")
    page.get_by_role("radio", name="A bus").check()
    page.get_by_role("button", name="Save the line").click()
    expect(page.get_by_text(re.compile(r"Line \d+ has been changed"))).to_be_visible()
    changed = page.get_by_role("row").filter(has_text="It was too hot in the room.")
    expect(changed.get_by_role("img", name="A bus")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Approve the Easy Read version").click()
    expect(page.get_by_text("You have approved the Easy Read version.")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"2 people get the Easy Read version you approved"))
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Send to everyone involved").click()
    expect(page.get_by_text("Sent: 1 by email, 1 letters to print and post")).to_be_visible()
    visit.assert_accessible()

    (message,) = mail.outbox
    assert message.to == ["ema@example.org"]
    assert "It was too hot in the room." in message.body
    assert "The room was too hot." not in message.body
    sent = YouSaidWeDidSent.objects.get(person__full_name="Paul Easy")
    assert sent.easy_read_version.sent_at is not None
    letters = page.context.request.get(
        f"{visit.base_url}/projects/{project.pk}/you-said-we-did/letters.pdf"
    )
    text = " ".join(pdf_text(letters.body()).split())
    assert "Paul Easy" in text
    assert "It was too hot in the room." in text
    assert "The room was too hot." not in text
