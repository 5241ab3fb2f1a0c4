"""People journeys in a real browser, with axe-core on every page visited."""

import pytest
from playwright.sync_api import expect

from coplan.people.models import Person
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    InvolvementFactory,
    MembershipFactory,
    StaffMembershipFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOOD_CSV = (
    "Name,Email,Role,Group,Communication,Food and drink\n"
    "Zoë Adams,zoe@example.org,Co-producer,Carers in Banbury,A hearing loop,Vegan\n"
    "Bilal Khan,bilal@example.org,Carer,,,\n"
).encode()
BAD_CSV = b"Name,Email,Shoe size\nSam,not-an-email,9\n"


def _sign_in(visit, email):
    visit.go("/sign-in/")
    visit.page.get_by_label("Email address").fill(email)
    visit.page.get_by_label("Password", exact=True).fill(PASSWORD)
    visit.page.get_by_role("button", name="Sign in").click()
    expect(visit.page.get_by_role("heading", name="Your projects")).to_be_visible()


def test_lead_maps_stakeholders_adds_and_imports_participants(visit, tmp_path):
    page = visit.page
    lead = MembershipFactory(role=Role.LEAD, user__email="lead@example.org")
    StaffMembershipFactory(organisation=lead.project.organisation, user=lead.user, is_admin=True)
    project_id = lead.project_id
    _sign_in(visit, "lead@example.org")
    visit.go(f"/projects/{project_id}/")

    page.get_by_role("navigation", name="Project").get_by_role(
        "link", name="Stakeholders and participants"
    ).click()
    expect(page.get_by_role("heading", name="Stakeholders and participants")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="Stakeholders", exact=True).click()
    expect(page.get_by_text("There is no group for")).to_have_count(6)
    visit.assert_accessible()
    page.get_by_role("button", name="Add a stakeholder group").click()
    visit.assert_accessible()
    page.get_by_role("button", name="Save group").click()
    expect(page.get_by_role("link", name="Enter the name of the group")).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Name of the group").fill("Carers in Banbury")
    page.get_by_label("Carers", exact=True).check()
    page.get_by_role("group", name="How much influence").get_by_label("Low", exact=True).check()
    page.get_by_role("group", name="How much interest").get_by_label("Very high").check()
    page.get_by_label("Community leaders").check()
    page.get_by_label("How many people from this group").fill("4")
    page.get_by_role("button", name="Save group").click()
    expect(
        page.get_by_role("img", name="Stakeholder groups by influence and interest")
    ).to_be_visible()
    expect(page.get_by_role("cell", name="0 of 4 aimed for")).to_be_visible()
    visit.assert_accessible()

    visit.go(f"/projects/{project_id}/participants/")
    visit.assert_accessible()
    page.get_by_role("button", name="Add a participant").click()
    visit.assert_accessible()
    page.get_by_label("Full name").fill("Ada Jones")
    page.get_by_label("Phone number (optional)").fill("call me")
    page.get_by_label("Carer", exact=True).check()
    page.get_by_role("button", name="Add participant").click()
    expect(
        page.get_by_role("link", name="Enter a phone number, like 01632 960 001")
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("Phone number (optional)").fill("01632 960 001")
    page.get_by_label("Stakeholder group (optional)").select_option(label="Carers in Banbury")
    page.get_by_role("button", name="Add participant").click()
    expect(page.get_by_role("heading", name="Ada Jones", level=1)).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="Change mobility").click()
    visit.assert_accessible()
    page.get_by_label("Step-free access (no stairs, or a lift)").check()
    page.get_by_label("A hearing loop").check()
    page.get_by_label("How many days before a meeting? (optional)").fill("lots")
    page.get_by_role("button", name="Save access needs").click()
    expect(
        page.get_by_role("link", name="The number of days must be a whole number, like 12")
    ).to_be_visible()
    visit.assert_accessible()
    page.get_by_label("How many days before a meeting? (optional)").fill("2")
    page.get_by_role("button", name="Save access needs").click()
    expect(page.get_by_text("2 days before")).to_be_visible()

    page.get_by_role("button", name="Record consent").click()
    visit.assert_accessible()
    page.get_by_label("Photos, film and recordings").check()
    page.get_by_label("Yes, they agree").check()
    page.get_by_role("button", name="Save consent").click()
    expect(page.get_by_role("link", name="Enter the date they answered")).to_be_visible()
    visit.assert_accessible()
    group = page.get_by_role("group", name="When did they answer?")
    group.get_by_label("Day").fill("4")
    group.get_by_label("Month").fill("1")
    group.get_by_label("Year").fill("2026")
    page.get_by_label("On a paper form").check()
    page.get_by_label("What were they told?").fill("Photos for the newsletter and website.")
    page.get_by_role("button", name="Save consent").click()
    expect(page.get_by_text("The consent has been recorded.")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="See everything we hold about them").click()
    expect(page.get_by_role("heading", name="Everything we hold about Ada Jones")).to_be_visible()
    visit.assert_accessible()

    visit.go(f"/projects/{project_id}/participants/import/")
    visit.assert_accessible()
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("link", name="Select a CSV file")).to_be_visible()
    visit.assert_accessible()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD_CSV)
    page.get_by_label("Upload a CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("Nothing has been saved.")).to_be_visible()
    visit.assert_accessible()
    good = tmp_path / "good.csv"
    good.write_bytes(GOOD_CSV)
    visit.go(f"/projects/{project_id}/participants/import/")
    page.get_by_label("Upload a CSV file").set_input_files(str(good))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("button", name="Add 2 people")).to_be_visible()
    visit.assert_accessible()
    page.get_by_role("button", name="Add 2 people").click()
    expect(page.get_by_text("2 people have been added.")).to_be_visible()
    visit.assert_accessible()

    page.get_by_role("link", name="See everyone’s access needs").click()
    expect(page.get_by_role("row", name="A hearing loop 2 Ada Jones, Zoë Adams")).to_be_visible()
    visit.assert_accessible()

    visit.go(f"/projects/{project_id}/stakeholders/")
    expect(page.get_by_role("cell", name="2 of 4 aimed for")).to_be_visible()
    bilal = Person.objects.get(email="bilal@example.org")
    visit.go(f"/projects/{project_id}/participants/{bilal.pk}/erase/")
    visit.assert_accessible()
    page.get_by_role("button", name="Erase Bilal Khan").click()
    expect(page.get_by_text("Bilal Khan has been erased.")).to_be_visible()
    expect(page.get_by_role("link", name="Erased person")).to_be_visible()

    visit.go(f"/organisations/{lead.project.organisation_id}/access-needs-log/")
    expect(page.get_by_role("cell", name="Changed access needs").first).to_be_visible()
    visit.assert_accessible()
    visit.go(f"/organisations/{lead.project.organisation_id}/keeping-details/")
    visit.assert_accessible()


def _press_tab_until(page, name: str) -> None:
    """Move the keyboard focus forward until it is on the button or link called `name`."""
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText.trim()") == name:
            return
    raise AssertionError(f"Tab never reached {name}")


def test_co_producer_tells_us_once_on_a_phone(phone_visit):
    page = phone_visit.page
    membership = MembershipFactory(role=Role.CO_PRODUCER, user__email="sam@example.org")
    project_id = membership.project_id
    _sign_in(phone_visit, "sam@example.org")

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Your access needs and how we contact you").click()
    expect(page.get_by_role("heading", name="Tell us what you need to take part")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    page.get_by_role("button", name="Start").click()

    # The first question with the keyboard only: Space ticks a box, Enter continues.
    page.get_by_label("I use a wheelchair or mobility scooter").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_label("Step-free access (no stairs, or a lift)")).to_be_checked()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    _press_tab_until(page, "Continue")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="What helps you hear, see and talk")).to_be_visible()
    page.get_by_label("Live captions (speech shown as text)").check()
    phone_visit.assert_accessible()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Vegetarian").check()
    phone_visit.assert_accessible()
    page.get_by_role("button", name="Continue").click()

    page.get_by_label("A text message").check()
    page.get_by_label("How many days before a meeting?").fill("soon")
    page.get_by_role("button", name="Continue").click()
    expect(
        page.get_by_role("link", name="The number of days must be a whole number, like 12")
    ).to_be_visible()
    phone_visit.assert_accessible()
    page.get_by_label("How many days before a meeting?").fill("2")
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="What else helps you take part?")).to_be_visible()
    phone_visit.assert_accessible()
    page.get_by_role("link", name="Skip this question").click()
    page.get_by_label("Easy Read").check()
    phone_visit.assert_accessible()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number (optional)").fill("07700 900123")
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Yes").check()
    phone_visit.assert_accessible()
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()
    page.get_by_role("link", name="Change papers").click()
    page.get_by_label("Large print").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Large print, Easy Read")).to_be_visible()
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()
    expect(page.get_by_text("Live captions (speech shown as text)")).to_be_visible()
    expect(page.get_by_text("Step-free access (no stairs, or a lift)")).to_be_visible()
    phone_visit.assert_accessible()
    phone_visit.assert_fits_the_screen()

    page.get_by_role("button", name="Change what you agree to").click()
    phone_visit.assert_accessible()
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_role("link", name="Select yes or no").first).to_be_visible()
    phone_visit.assert_accessible()
    for question in ("keep your details", "take photos", "future projects"):
        page.get_by_role("group", name=question).get_by_label("Yes").check()
    page.get_by_role("button", name="Save answers").click()
    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()

    page.get_by_role("link", name="See everything we hold about you").click()
    phone_visit.assert_accessible()

    phone_visit.go(f"/projects/{project_id}/equality-monitoring/")
    phone_visit.assert_accessible()
    page.get_by_role("group", name="How old are you?").get_by_label("25 to 34").check()
    page.get_by_role("button", name="Send answers").click()
    expect(page.get_by_text("saved, without your name")).to_be_visible()
    assert Person.objects.get(user=membership.user).phone == "07700 900123"


def test_manager_sees_the_map_and_the_equality_totals_but_no_one_s_needs(visit):
    page = visit.page
    manager = MembershipFactory(role=Role.MANAGER, user__email="manager@example.org")
    lead = MembershipFactory(project=manager.project, role=Role.LEAD)
    InvolvementFactory(project=manager.project, person__full_name="Private Person")
    _sign_in(visit, "manager@example.org")

    visit.go(f"/projects/{manager.project_id}/involving-people/")
    expect(page.get_by_role("link", name="Participants", exact=True)).to_have_count(0)
    visit.assert_accessible()
    page.get_by_role("link", name="See the totals").click()
    expect(page.get_by_text("Totals are shown when at least 5 people")).to_be_visible()
    visit.assert_accessible()
    visit.go(f"/projects/{manager.project_id}/stakeholders/")
    visit.assert_accessible()
    assert "Private Person" not in page.content()
    assert lead.user.full_name not in page.content()

    response = page.goto(
        visit.base_url + f"/projects/{manager.project_id}/equality-monitoring/aims/"
    )
    assert response.status == 403


def test_someone_else_changed_your_details_while_you_answered_on_a_phone(phone_visit):
    """Staff change the phone number while the co-producer answers "Tell us once": on
    saving they see both, side by side, and choose; axe on that page, 320 pixels wide."""
    from tests.people.test_tell_us_once import _staff_changes_phone

    page = phone_visit.page
    membership = MembershipFactory(role=Role.CO_PRODUCER, user__email="sam@example.org")
    person = InvolvementFactory(
        project=membership.project, person__user=membership.user, person__phone="0100 000 000"
    ).person
    answers = f"/projects/{membership.project_id}/tell-us-once/"
    _sign_in(phone_visit, "sam@example.org")

    phone_visit.go(answers + "getting-there/")
    page.get_by_role("button", name="Continue").click()
    phone_visit.go(answers + "contact/")
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number (optional)").fill("0111 111 111")
    page.get_by_role("button", name="Continue").click()
    phone_visit.go(answers + "check-your-answers/")
    expect(page.get_by_role("heading", name="Check your answers")).to_be_visible()
    _staff_changes_phone(Person.objects.get(pk=person.pk))
    page.get_by_role("button", name="Save").click()

    expect(
        page.get_by_role("heading", name="Someone changed your details while you were answering")
    ).to_be_visible()
    table = page.get_by_role("table", name="What is different")
    expect(table).to_contain_text("0700 900 900")
    expect(table).to_contain_text("0111 111 111")
    phone_visit.assert_accessible()
    # A long email address once pushed this table past the phone's edge.
    phone_visit.assert_fits_the_screen()
    page.get_by_role("button", name="Keep what you told us").click()

    expect(page.get_by_text("Your answers have been saved.")).to_be_visible()
    phone_visit.assert_accessible()
    person.refresh_from_db()
    assert person.phone == "0111 111 111"
