"""The whole plan in its other two versions: for everyone taking part (no personal data,
nothing only staff see, plain words) and Easy Read (a picture on the left of each short
sentence, headings alone), each as a page, a tagged PDF and a Word file; co-producers
read them from their home."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coplan import language
from coplan.guides import whole_plan
from coplan.projects.registries import PLAN_SECTIONS, PlanVersion
from coplan.projects.roles import Role
from tests.documents import (
    assert_accessible_pdf,
    docx_headings,
    in_order,
    pdf_text,
    read_docx,
)
from tests.factories import (
    AgreementFactory,
    BarrierFactory,
    BudgetLineFactory,
    ClaimFactory,
    ClaimLineFactory,
    DecisionAreaFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    ProjectFactory,
    SharedDefinitionFactory,
    SignOffFactory,
    StakeholderGroupFactory,
    VenueFactory,
)
from tests.feedback.factories import YouSaidWeDidFactory
from tests.meetings.conftest import give_needs, needs

pytestmark = pytest.mark.django_db

WHOLE = "/projects/{}/plan/whole/"
FOR_EVERYONE = WHOLE + "for-everyone/"
EASY_READ = WHOLE + "easy-read/"

# What must never reach the plan for everyone taking part or its Easy Read version.
PARTICIPANT = "Priya Stanislawski"
NEED_NOTE = "Please face me so I can lip-read"
CLAIMED = "Taxi from Cowley to the day centre"
LEAD_NAME = "Lesley Leadbetter"
MANAGER_NAME = "Morgan Headofservice"


def _url(address: str, project, what: str = "") -> str:
    return address.format(project.pk) + what


@pytest.fixture
def planned(project, lead, client_for, member_of):
    """A project under way, with a participant who has an access need, is invited to a
    meeting and has claimed a taxi; a stop agreed by the manager; one of everything."""
    project.name = "Day centre menus"
    project.description = "We are choosing new menus for the day centre, together."
    project.reason = "People told us the food is not good."
    project.end_date = project.start_date + datetime.timedelta(days=90)
    project.save()
    lead.full_name = LEAD_NAME
    lead.save()
    client = client_for(lead)
    client.post(
        f"/projects/{project.pk}/plan/at-the-start/getting-started/", {"how-much-time": "3 months"}
    )
    client.post(
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/",
        {"way_forward": "not-fully-co-produced"},
    )
    manager = member_of(Role.MANAGER)
    manager.full_name = MANAGER_NAME
    manager.save()
    client_for(manager).post(
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/agree/",
        {"way_forward_id": "not-fully-co-produced", "decision": "agree"},
    )
    group = StakeholderGroupFactory(
        project=project, name="Carers of people at the day centre", representation_aim=4,
        how_reached="Through the carers centre newsletter",
    )  # fmt: skip
    involvement = InvolvementFactory(project=project, group=group)
    person = involvement.person
    person.full_name = PARTICIPANT
    person.save()
    give_needs(person, needs(communication=["hearing_loop"], notes={"communication": NEED_NOTE}))
    meeting = MeetingFactory(
        project=project,
        title="Menu tasting",
        meets_on=datetime.date.today() + datetime.timedelta(days=40),
        venue=VenueFactory(organisation=project.organisation, name="Oak Hall"),
    )
    InvitedPersonFactory(meeting=meeting, person=person)
    ClaimLineFactory(
        claim=ClaimFactory(project=project, person=person), kind="expense",
        category="taxi", description=CLAIMED, amount_pence=2345,
    )  # fmt: skip
    AgreementFactory(project=project, text="We take turns to speak")
    SharedDefinitionFactory(project=project, word="Tasting", meaning="Trying small bits of food")
    DecisionAreaFactory(
        project=project, area="The menu", open_to_influence="Which meals are on it",
        fixed="The cost of each meal", why_fixed="The council sets it",
    )  # fmt: skip
    BudgetLineFactory(project=project, description="Hire of Oak Hall")
    SignOffFactory(project=project, what="The menu budget")
    BarrierFactory(project=project, what="No bus on Sundays", how_lifted="We pay for a taxi")
    YouSaidWeDidFactory(
        project=project, you_said="Too much salt", we_did="Less salt in the soup",
        published_at=datetime.datetime(2027, 1, 5, tzinfo=datetime.UTC),
    )  # fmt: skip
    YouSaidWeDidFactory(project=project, you_said="Not published yet", we_did="")
    return project


PERSONAL = (PARTICIPANT, NEED_NOTE, "hearing loop", CLAIMED, "£23.45", LEAD_NAME, MANAGER_NAME)
STAFF_ONLY = (
    "Answers to the guides",
    "Sign-offs",
    "The menu budget",
    "Committed",
    "Hire of Oak Hall",
    "Feedback results",
    "Not published yet",
    "influence",
    "People invited",
)


def _words_of_docx(content: bytes) -> str:
    document = read_docx(content)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


@pytest.mark.parametrize("address", [FOR_EVERYONE, EASY_READ])
def test_no_personal_data_and_nothing_only_staff_see_in_any_form(
    address, client_for, planned, member_of
):
    reader = client_for(member_of(Role.CO_PRODUCER))

    page = reader.get(_url(address, planned)).content.decode()
    pdf = pdf_text(reader.get(_url(address, planned, "plan.pdf")).content)
    word = _words_of_docx(reader.get(_url(address, planned, "plan.docx")).content)

    for shown in (page, " ".join(pdf.split()), word):
        for personal in PERSONAL:
            assert personal.lower() not in shown.lower(), personal
        for staff_only in STAFF_ONLY:
            assert staff_only not in shown, staff_only


def test_the_plan_for_everyone_taking_part_shows_what_the_group_does(
    client_for, planned, member_of
):
    page = client_for(member_of(Role.CO_PRODUCER)).get(_url(FOR_EVERYONE, planned))

    assert page.status_code == 200
    assert in_order(
        page.content.decode(),
        "<h1",
        "The plan for everyone taking part",
        "We are choosing new menus for the day centre, together.",
        "People told us the food is not good.",
        "How far the planning is",
        "Accept (and have it agreed) that it won’t be a fully co-produced piece of work",
        "The groups of people we want to take part",
        "Carers of people at the day centre",
        "Through the carers centre newsletter",
        "Who is taking part, and who is missing",
        "Meetings and workshops",
        "Menu tasting",
        "Oak Hall",
        "Our agreements, and the words we agreed on",
        "We take turns to speak",
        "Trying small bits of food",
        "What we can and cannot change",
        "The cost of each meal",
        "What might make it hard to take part",
        "No bus on Sundays",
        "We pay for a taxi",
        "You said, we did",
        "Too much salt",
        "Less salt in the soup",
    )


def test_the_easy_read_page_puts_a_picture_left_of_each_sentence_and_headings_alone(
    client_for, planned, member_of
):
    page = client_for(member_of(Role.CO_PRODUCER)).get(_url(EASY_READ, planned)).content.decode()

    assert in_order(page, "<h1", "The plan in Easy Read", "<h2", "Planning the project")
    # each heading stands alone: no picture in it or next to it
    for heading in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", page, re.S):
        assert "<img" not in heading
    lines = re.findall(
        r'<div class="govuk-grid-row document-easy-read__line">(.*?)</p>\s*</div>\s*</div>',
        page,
        re.S,
    )
    assert lines, "no Easy Read lines"
    for line in lines:
        picture, words = line.split("govuk-grid-column-three-quarters")
        assert "<img" not in words
        assert picture.count("<img") <= 1
    said = [re.sub(r"<[^>]+>|\s+", " ", line.split("three-quarters")[1]).strip() for line in lines]
    said = [words.removeprefix('"> ').strip() for words in said]
    assert "You said:" in said
    assert "Too much salt." in said
    assert "We did:" in said
    assert "Less salt in the soup." in said
    assert "We take turns to speak." in said
    # a sentence with a picture in the bank gets it; one with none gets no placeholder
    with_picture = [line for line in lines if "<img" in line]
    without = [line for line in lines if "<img" not in line]
    assert with_picture
    assert without
    assert all('alt=""' not in line for line in with_picture)
    assert "Pictures:" in page
    assert "OpenMoji" in page


def test_the_fixed_words_of_the_plan_for_everyone_are_plain(client_for, member_of):
    """Every word the app itself writes in the plan for everyone taking part passes the
    wording check (the project's own words are the lead's to check as they type them)."""
    project = ProjectFactory(
        name="Menus", description="We choose menus.", reason="People asked us to."
    )
    reader = client_for(MembershipFactory(project=project, role=Role.CO_PRODUCER).user)
    page = reader.get(_url(FOR_EVERYONE, project)).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    text = re.sub(r"<[^>]+>", "\n", main)
    text = "\n".join(line.strip() for line in text.splitlines() if line.strip())

    findings = [
        (finding.kind, finding.text)
        for finding in language.check(text, mode=language.PLAIN).findings
        if finding.severity != "note"
    ]

    assert findings == [], findings


@pytest.mark.parametrize(
    ("address", "title"),
    [
        (FOR_EVERYONE, "Day centre menus: the plan for everyone taking part"),
        (EASY_READ, "Day centre menus: the plan in Easy Read"),
        (WHOLE, "Day centre menus: the whole plan"),
    ],
)
def test_each_version_is_a_tagged_pdf_with_headings_in_order_a_title_and_a_language(
    address, title, client_for, planned, member_of
):
    response = client_for(member_of(Role.MANAGER)).get(_url(address, planned, "plan.pdf"))

    assert response["Content-Type"] == "application/pdf"
    read = assert_accessible_pdf(response.content, title=title)
    assert read.headings()[:2] == ["H1", "H2"]
    text = " ".join(pdf_text(response.content).split())
    assert in_order(text, title, "You said, we did", "Too much salt")


def test_the_easy_read_pdf_shows_its_pictures_with_their_words(client_for, planned, member_of):
    content = client_for(member_of(Role.CO_PRODUCER)).get(_url(EASY_READ, planned, "plan.pdf"))

    read = assert_accessible_pdf(content.content, title="Day centre menus: the plan in Easy Read")
    figures = read.figures()
    assert figures, "no pictures"
    assert all(figure.alt for figure in figures)
    assert 'filename="day-centre-menus-plan-easy-read.pdf"' in content["Content-Disposition"]


@pytest.mark.parametrize(
    ("address", "first_part"),
    [(FOR_EVERYONE, "How far the planning is"), (EASY_READ, "Planning the project")],
)
def test_each_version_in_word_has_heading_styles(address, first_part, client_for, planned, lead):
    response = client_for(lead).get(_url(address, planned, "plan.docx"))

    document = read_docx(response.content)
    headings = docx_headings(document)
    assert headings[0][0] == "Heading 1"
    assert ("Heading 2", first_part) in headings
    assert ("Heading 2", "You said, we did") in headings
    assert document.core_properties.language == "en-GB"


def test_the_plan_for_everyone_in_word_has_tables_with_header_rows(client_for, planned, lead):
    document = read_docx(client_for(lead).get(_url(FOR_EVERYONE, planned, "plan.docx")).content)

    headers = [[cell.text for cell in table.rows[0].cells] for table in document.tables]
    assert ["Meeting or workshop", "When", "Where"] in headers
    assert ["You said", "We did", "Where it is up to"] in headers


def test_parts_can_be_chosen_in_each_version(client_for, planned, member_of):
    reader = client_for(member_of(Role.CO_PRODUCER))
    choice = {"chosen": "yes", "part": "you_said_we_did"}

    page = reader.get(_url(EASY_READ, planned), choice).content.decode()
    pdf = pdf_text(reader.get(_url(EASY_READ, planned, "plan.pdf"), choice).content)

    for shown in (page, pdf):
        assert "Too much salt" in shown
        assert "We take turns to speak" not in shown
    assert "plan.pdf?chosen=yes&amp;part=you_said_we_did" in page


def test_each_part_says_what_it_gives_in_each_version():
    """Every part of the plan declares its participants' and Easy Read versions, or
    leaves itself out of them on purpose (those only staff read)."""
    staff_only = {"answers", "sign_offs", "feedback_results"}
    for name, section in PLAN_SECTIONS.items():
        for version in (PlanVersion.PARTICIPANTS, PlanVersion.EASY_READ):
            if name in staff_only:
                assert section.in_version(version) is None, (name, version)
            else:
                assert section.in_version(version) is not None, (name, version)


def test_the_staff_plan_is_drawn_for_others_to_call(planned, lead):
    membership = planned.memberships.get(user=lead)

    html = whole_plan.plan_html(membership=membership)

    assert "<title>Day centre menus: the whole plan</title>" in html
    assert in_order(html, "Is the project ready?", "Answers to the guides", "Sign-offs")


def test_co_producers_find_both_versions_from_their_home(client_for, planned, member_of):
    home = client_for(member_of(Role.CO_PRODUCER)).get(f"/projects/{planned.pk}/")

    page = home.content.decode()
    assert f'href="{_url(FOR_EVERYONE, planned)}"' in page
    assert f'href="{_url(EASY_READ, planned)}"' in page
    assert f'href="{_url(WHOLE, planned)}"' not in page


def test_staff_find_the_other_versions_from_the_whole_plan(client_for, planned, lead):
    page = client_for(lead).get(_url(WHOLE, planned)).content.decode()

    assert f'href="{_url(FOR_EVERYONE, planned)}"' in page
    assert f'href="{_url(EASY_READ, planned)}"' in page


def _queries(client, path) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("address", [FOR_EVERYONE, EASY_READ])
def test_the_versions_do_not_grow_in_queries_with_the_project(address):
    counts = []
    for many in (1, 12):
        project = ProjectFactory()
        for n in range(many):
            MeetingFactory(project=project, title=f"Menu tasting {n}")
            AgreementFactory(project=project, text=f"We take turns {n}")
            BarrierFactory(project=project, what=f"No bus {n}", how_lifted="A taxi")
            YouSaidWeDidFactory(
                project=project, you_said=f"Salt {n}", we_did="Less",
                published_at=datetime.datetime(2027, 1, 5, tzinfo=datetime.UTC),
            )  # fmt: skip
        client = Client()
        client.force_login(MembershipFactory(project=project, role=Role.CO_PRODUCER).user)
        counts.append(_queries(client, _url(address, project)))
    assert counts[0] == counts[1]


def test_the_fixed_sentences_of_the_easy_read_version_pass_the_easy_read_check(client_for):
    """The sentences the app writes around what people typed (the Easy Read check is
    stricter than the plain one)."""
    project = ProjectFactory(name="Menus", description="We choose menus.", reason="We want to.")
    StakeholderGroupFactory(project=project, name="Carers", representation_aim=2)
    reader = client_for(MembershipFactory(project=project, role=Role.CO_PRODUCER).user)
    page = reader.get(_url(EASY_READ, project)).content.decode()
    said = re.findall(r'document-easy-read__words">(.*?)</p>', page, re.S)
    text = "\n".join(re.sub(r"<br>", "\n", words).strip() for words in said)

    findings = [
        (finding.kind, finding.text)
        for finding in language.check(text, mode=language.EASY_READ).findings
        if finding.severity != "note"
    ]

    assert "We need more people from these groups:" in text
    assert findings == [], findings


def test_a_link_in_easy_read_is_a_qr_code_in_print_the_link_on_the_page_and_in_word(
    client_for, member_of, project
):
    project.name = "Menus"
    project.save()
    AgreementFactory(
        project=project, text="Read our notes at https://example.org/menus/notes today"
    )
    reader = client_for(member_of(Role.CO_PRODUCER))

    page = reader.get(_url(EASY_READ, project)).content.decode()
    pdf = reader.get(_url(EASY_READ, project, "plan.pdf")).content
    word = _words_of_docx(reader.get(_url(EASY_READ, project, "plan.docx")).content)

    assert '<a class="govuk-link" href="https://example.org/menus/notes">' in page
    read = assert_accessible_pdf(pdf, title="Menus: the plan in Easy Read")
    assert [figure.alt for figure in read.figures()].count(whole_plan.QR_ALT) == 1
    text = " ".join(pdf_text(pdf).split())
    assert "Scan the code with a phone camera. Or go to example.org" in text
    assert "https://example.org/menus/notes" in word
    assert "Scan the code" not in word


def test_the_easy_read_word_file_shows_each_picture_left_of_its_words_in_big_type(
    client_for, planned, member_of
):
    content = client_for(member_of(Role.CO_PRODUCER)).get(_url(EASY_READ, planned, "plan.docx"))

    document = read_docx(content.content)
    pictures = document.inline_shapes
    assert len(pictures) > 3
    described = [shape._inline.docPr.get("descr") for shape in pictures]
    assert all(described), described
    with_picture = [p for p in document.paragraphs if p._p.xpath(".//pic:pic")]
    first = with_picture[0]
    assert first.paragraph_format.first_line_indent < 0  # the words line up right of it
    assert first.text.startswith("\t")
    assert len(first.text.strip()) > 5
    lines = [p for p in document.paragraphs if p.style.name == "Normal" and p.text.strip()]
    without = [p for p in lines if not p._p.xpath(".//pic:pic") and not p.text.startswith("\t")]
    in_line = [
        p for p in without if p.paragraph_format.left_indent == first.paragraph_format.left_indent
    ]
    assert in_line, "lines without a picture line up with the words of those with one"
    assert document.styles["Normal"].font.size.pt == 16
    assert "Picture to choose" not in " ".join(p.text for p in document.paragraphs)
