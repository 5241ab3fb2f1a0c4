"""The whole plan as one document: the page, a tagged PDF and a Word file, with the
parts each app contributes (PLAN_SECTIONS), for staff."""

import datetime

import pytest

from coplan.guides.models import WayForwardChoice
from coplan.projects.roles import Role
from tests.documents import (
    assert_accessible_pdf,
    docx_headings,
    in_order,
    pdf_text,
    read_docx,
)

pytestmark = pytest.mark.django_db


def _url(project, what=""):
    return f"/projects/{project.pk}/plan/whole/{what}"


@pytest.fixture
def planned(project, lead, client_for):
    """A project under way: a 3-month time-frame (a stop) agreed as not fully
    co-produced, and a few answers."""
    project.name = "Day centre menus"
    project.end_date = project.start_date + datetime.timedelta(days=90)
    project.save()
    client = client_for(lead)
    client.post(
        f"/projects/{project.pk}/plan/at-the-start/getting-started/",
        {"how-much-time": "3 months", "what-is-the-project": "New menus, chosen together"},
    )
    client.post(
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/",
        {
            "way_forward": "not-fully-co-produced",
            "agreed_by": "Morgan, Head of Service",
            "agreed_on-day": "3",
            "agreed_on-month": "2",
            "agreed_on-year": "2027",
        },
    )
    assert WayForwardChoice.objects.count() == 1
    return project


def test_the_plan_page_links_to_the_whole_plan_for_staff(client_for, project, member_of):
    for role in (Role.LEAD, Role.MANAGER, Role.FACILITATOR, Role.FINANCE):
        page = client_for(member_of(role)).get(f"/projects/{project.pk}/plan/").content.decode()
        assert _url(project) in page, role
    co_producer = client_for(member_of(Role.CO_PRODUCER))
    assert _url(project) not in co_producer.get(f"/projects/{project.pk}/plan/").content.decode()
    assert co_producer.get(_url(project)).status_code == 403


def test_the_whole_plan_shows_readiness_ways_forward_and_answers_in_order(
    client_for, planned, member_of
):
    page = client_for(member_of(Role.MANAGER)).get(_url(planned)).content.decode()

    assert in_order(
        page,
        "<h1",
        "The whole plan",
        '<h2 class="govuk-heading-l',
        "Is the project ready?",
        "At the start",
        "Problems sorted out, and the way forward chosen",
        "agreed by Morgan, Head of Service on 3 February 2027",
        "<h2",
        "Answers to the guides",
        "What is the project?",
        "New menus, chosen together",
        "How much time do I have to do it?",
        "3 months",
    )
    assert f'href="/projects/{planned.pk}/plan/whole/plan.pdf"' in page
    assert f'href="/projects/{planned.pk}/plan/whole/plan.docx"' in page


def test_parts_can_be_chosen_and_the_downloads_keep_the_choice(client_for, planned, lead):
    page = (
        client_for(lead).get(_url(planned), {"chosen": "yes", "part": "answers"}).content.decode()
    )

    assert "Answers to the guides" in page
    assert "Problems sorted out" not in page
    assert "plan.pdf?chosen=yes&amp;part=answers" in page
    pdf = client_for(lead).get(_url(planned, "plan.pdf"), {"chosen": "yes", "part": "answers"})
    text = pdf_text(pdf.content)
    assert "Answers to the guides" in text
    assert "Problems sorted out" not in text


def test_nothing_chosen_says_so(client_for, planned, lead):
    page = client_for(lead).get(_url(planned), {"chosen": "yes"}).content.decode()

    assert "No parts are chosen" in page
    assert "Answers to the guides</h2>" not in page


def test_the_pdf_is_tagged_titled_in_british_english_and_reads_in_order(
    client_for, planned, member_of
):
    response = client_for(member_of(Role.MANAGER)).get(_url(planned, "plan.pdf"))

    assert response["Content-Type"] == "application/pdf"
    assert 'filename="day-centre-menus-plan.pdf"' in response["Content-Disposition"]
    read = assert_accessible_pdf(response.content, title="Day centre menus: the whole plan")
    assert read.headings()[:3] == ["H1", "H2", "H3"]
    assert {"Table", "TH", "TD"} <= set(read.roles())
    text = pdf_text(response.content)
    assert in_order(
        text,
        "Day centre menus: the whole plan",
        "Is the project ready?",
        "Morgan, Head of Service",
        "Answers to the guides",
        "3 months",
    )


def test_the_word_file_has_heading_styles_and_tables(client_for, planned, lead):
    response = client_for(lead).get(_url(planned, "plan.docx"))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = read_docx(response.content)
    headings = docx_headings(document)
    assert headings[0] == ("Heading 1", "Day centre menus: the whole plan")
    assert ("Heading 2", "Is the project ready?") in headings
    assert ("Heading 2", "Answers to the guides") in headings
    assert ("Heading 3", "At the start") in headings
    assert document.tables
    first = document.tables[0]
    assert [cell.text for cell in first.rows[0].cells] == ["Question", "Answer"]
    assert document.core_properties.title == "Day centre menus: the whole plan"
