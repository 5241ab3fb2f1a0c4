"""The lead checks the Easy Read invitation before it goes (issue 15): from the send
page, they change a sentence and its picture, approve it and send; the letter printed
for the person who asked for Easy Read has the changed sentence and picture. Axe on
every page visited."""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from coplan.meeting_invitations.models import InvitationSent
from coplan.projects.roles import Role
from tests.browser.test_invitation_journeys import _sign_in
from tests.factories import MeetingFactory, MembershipFactory, StaffMembershipFactory
from tests.meeting_invitations.invitation_support import (
    complete_meeting,
    invite_person,
    word_invitation,
)

GOOD_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72">'
    b'<circle cx="36" cy="36" r="30" fill="#d22f27"/></svg>'
)
SCRIPT_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where the letter is rendered to look at by eye (outside the repository).
LOOK_AT = Path(tempfile.gettempdir()) / "coplan-easy-read-journey"


def test_lead_changes_a_sentence_and_its_picture_approves_and_sends(visit):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    meeting = complete_meeting(MeetingFactory(project=lead.project, title="First workshop"))
    word_invitation(meeting, lead.user)
    invited = invite_person(
        meeting,
        full_name="Jo Easy",
        contact_by="post",
        address="4 Mill Lane\nBanbury\nOX16 2BB",
        formats=["easy_read"],
    )
    _sign_in(visit, "lead@example.org")

    visit.go(f"/projects/{lead.project_id}/meetings/{meeting.pk}/invitation/send/")
    expect(page.get_by_role("heading", name="Send the invitation", level=1)).to_be_visible()
    expect(page.get_by_text("1 person asked for Easy Read.")).to_be_visible()
    expect(page.get_by_role("button", name="Send the invitation now")).to_have_count(0)
    visit.assert_accessible()

    page.get_by_role("button", name="Check the Easy Read version").click()
    expect(page.get_by_role("heading", name="Check the Easy Read version", level=1)).to_be_visible()
    row = page.get_by_role("row").filter(has_text="We would love you to come.")
    visit.assert_accessible()
    row.get_by_role("link", name=re.compile(r"^Change line")).click()
    expect(page.get_by_role("heading", name=re.compile(r"^Change line"), level=1)).to_be_visible()
    visit.assert_accessible()

    page.get_by_label("Words").fill("Please come and plan with us.")
    bus = page.get_by_role("radio", name="A bus")
    bus.focus()
    page.keyboard.press("Space")  # the picture choice works from the keyboard
    expect(bus).to_be_checked()
    page.get_by_role("button", name="Save the line").click()
    expect(page.get_by_text(re.compile(r"Line \d+ has been changed"))).to_be_visible()
    changed = page.get_by_role("row").filter(has_text="Please come and plan with us.")
    expect(changed.get_by_role("img", name="A bus")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("button", name="Approve the Easy Read version").click()
    expect(page.get_by_text("You have approved the Easy Read version.")).to_be_visible()
    expect(
        page.get_by_text(re.compile(r"1 person gets the Easy Read version you approved"))
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Send the invitation now").click()
    expect(page.get_by_text("The invitation has gone: 1 letter to print and post.")).to_be_visible()
    visit.assert_accessible()
    assert InvitationSent.objects.get(invited=invited).easy_read_version.sent_at is not None

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Letter to print (PDF) for Jo Easy").click()
    shutil.rmtree(LOOK_AT, ignore_errors=True)
    LOOK_AT.mkdir()
    letter = LOOK_AT / "letter.pdf"
    shutil.copy(downloading.value.path(), letter)
    text = subprocess.run(
        ["pdftotext", "-layout", str(letter), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Please come and plan with us." in text
    assert "We would love you to come." not in text
    assert "Dear Jo Easy," in text
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(letter), str(LOOK_AT / "page")], check=True)


def test_an_organisation_admin_adds_its_own_picture_and_a_bad_one_is_refused(visit):
    page = visit.page
    admin = StaffMembershipFactory(is_admin=True, user__email="admin@example.org")
    _sign_in(visit, "admin@example.org")

    page.get_by_role("link", name=f"Easy Read pictures of {admin.organisation.name}").click()
    expect(page.get_by_role("heading", name="Easy Read pictures", level=1)).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Add a picture").click()
    page.get_by_label("Picture", exact=True).set_input_files(
        {"name": "stop.svg", "mimeType": "image/svg+xml", "buffer": SCRIPT_SVG}
    )
    page.get_by_label("What does the picture show?").fill("Our bus stop")
    page.get_by_role("button", name="Add the picture").click()
    expect(
        page.get_by_role("link", name="The selected SVG must not have a script in it")
    ).to_be_visible()
    visit.assert_accessible()

    page.get_by_label("Picture", exact=True).set_input_files(
        {"name": "stop.svg", "mimeType": "image/svg+xml", "buffer": GOOD_SVG}
    )
    page.get_by_label("What does the picture show?").fill("Our bus stop")
    page.get_by_role("checkbox", name="Travel").check()
    page.get_by_role("button", name="Add the picture").click()
    expect(page.get_by_text("‘Our bus stop’ has been added.")).to_be_visible()
    expect(page.get_by_role("cell", name="Our bus stop")).to_be_visible()
    visit.assert_accessible()
