"""The whole plan as one document: the page, a tagged PDF and a Word file, with the
parts each app contributes (PLAN_SECTIONS), for staff."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from coplan.feedback.models import FeedbackAnswer, FeedbackResponse
from coplan.guides.models import WayForwardChoice
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
    DecisionAreaFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    ProjectFactory,
    SharedDefinitionFactory,
    SignOffFactory,
    StakeholderGroupFactory,
)
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    YouSaidWeDidFactory,
)

pytestmark = pytest.mark.django_db


def _url(project, what=""):
    return f"/projects/{project.pk}/plan/whole/{what}"


@pytest.fixture
def planned(project, lead, client_for, member_of):
    """A project under way: a 3-month time-frame (a stop) agreed by the manager as not
    fully co-produced, and a few answers."""
    project.name = "Day centre menus"
    project.description = "New menus, chosen together"
    project.end_date = project.start_date + datetime.timedelta(days=90)
    project.save()
    client = client_for(lead)
    client.post(
        f"/projects/{project.pk}/plan/at-the-start/getting-started/",
        {"how-much-time": "3 months"},
    )
    client.post(
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/",
        {"way_forward": "not-fully-co-produced"},
    )
    manager = member_of(Role.MANAGER)
    manager.full_name = "Morgan, Head of Service"
    manager.save()
    client_for(manager).post(
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/agree/",
        {"way_forward_id": "not-fully-co-produced", "decision": "agree"},
    )
    assert WayForwardChoice.objects.get().agreed_by_user == manager
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
        "agreed by Morgan, Head of Service on ",
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


def _fill(project, many: int) -> None:
    """`many` of everything each part of the plan shows."""
    for n in range(many):
        group = StakeholderGroupFactory(
            project=project, name=f"Carers group {n}", influence=4, interest=5,
            representation_aim=3, how_reached="Through the carers centre newsletter",
        )  # fmt: skip
        InvolvementFactory(project=project, group=group)
        MeetingFactory(project=project, title=f"Menu tasting {n}")
        AgreementFactory(project=project, text=f"We take turns to speak {n}")
        SharedDefinitionFactory(project=project, word=f"choice{n}", meaning="Picked by people")
        DecisionAreaFactory(project=project, area=f"The menu {n}")
        BudgetLineFactory(project=project, description=f"Room hire {n}")
        SignOffFactory(project=project, what=f"The menu budget {n}")
        BarrierFactory(project=project, what=f"No bus on Sundays {n}")
        YouSaidWeDidFactory(project=project, you_said=f"Too much salt {n}", we_did="Less salt")
        form = FeedbackFormFactory(project=project, title=f"Tasting feedback {n}", closed_box=False)
        question = FeedbackQuestionFactory(form=form)
        response = FeedbackResponse.objects.create(form=form)
        FeedbackAnswer.objects.create(response=response, question=question, choice="good")


PARTS_IN_ORDER = (
    "Is the project ready?",
    "Answers to the guides",
    "Stakeholders: influence and interest",
    "Representation against aims",
    "Meetings and workshops, and their checks",
    "Agreements and shared definitions",
    "What can and cannot change",
    "Budget: planned, committed and paid",
    "Sign-offs",
    "Barriers to taking part",
    "Feedback results",
    "You said, we did",
)


def test_every_part_of_the_plan_is_there_in_reading_order(client_for, planned, member_of):
    _fill(planned, 1)
    manager = client_for(member_of(Role.MANAGER))

    page = manager.get(_url(planned)).content.decode()
    text = " ".join(pdf_text(manager.get(_url(planned, "plan.pdf")).content).split())

    for shown in (page, text):
        assert in_order(shown, *PARTS_IN_ORDER)
        assert in_order(
            shown,
            "Carers group 0",
            "Through the carers centre newsletter",
            "Menu tasting 0",
            "We take turns to speak 0",
            "choice0",
            "The menu 0",
            "Spending by kind",
            "Room hire 0",
            "The menu budget 0",
            "No bus on Sundays 0",
            "Tasting feedback 0",
            "Too much salt 0",
        )


def test_the_pdf_describes_the_grid_and_its_tables_have_header_cells(
    client_for, planned, member_of
):
    _fill(planned, 2)
    content = client_for(member_of(Role.MANAGER)).get(_url(planned, "plan.pdf")).content

    read = assert_accessible_pdf(content, title="Day centre menus: the whole plan")
    (grid,) = read.figures()
    assert grid.alt.startswith("Stakeholder groups by influence and interest. 1: Carers group")
    assert "influence high, interest very high (work closely with them)" in grid.alt
    assert "(work closely with them); 2:" not in pdf_text(content), "the grid is not drawn"
    tables = [tag for tag in read.tags.walk() if tag.role == "Table"]
    assert len(tables) > 10
    assert all("TH" in [t.role for t in table.walk()] for table in tables)


def test_each_role_sees_only_the_parts_it_may(client_for, planned, member_of):
    _fill(planned, 1)
    finance = client_for(member_of(Role.FINANCE)).get(_url(planned)).content.decode()
    facilitator = client_for(member_of(Role.FACILITATOR)).get(_url(planned)).content.decode()

    assert "Budget: planned, committed and paid" in finance
    assert "Feedback results" not in finance
    assert "Budget: planned, committed and paid" not in facilitator
    assert "Feedback results" in facilitator


def _queries(client, path) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("what", ["", "plan.docx"])
def test_the_whole_plan_does_not_grow_in_queries_with_the_project(what):
    small, large = ProjectFactory(), ProjectFactory()
    _fill(small, 1)
    _fill(large, 15)
    counts = []
    for project in (small, large):
        lead = MembershipFactory(project=project, role=Role.LEAD).user
        client = Client()
        client.force_login(lead)
        counts.append(_queries(client, _url(project, what)))
    print(f"whole plan {what or 'page'}: {counts[0]} queries for 1 of each, {counts[1]} for 15")
    assert counts[0] == counts[1]


def test_what_is_not_ready_is_said_once_with_the_meetings_it_is_true_of(client_for, planned, lead):
    for n in range(3):
        MeetingFactory(project=planned, title=f"Menu tasting {n}")
    MeetingFactory(project=planned, title="Last year's tasting", meets_on=datetime.date(2025, 3, 3))

    page = client_for(lead).get(_url(planned)).content.decode()
    text = pdf_text(client_for(lead).get(_url(planned, "plan.pdf")).content)

    assert page.count("Nobody is named to run the session.") == 1
    assert (
        "Nobody is named to run the session. Next: Choose a facilitator, or find an "
        "experienced facilitator to support you. For 3 meetings: Menu tasting 0 (1 March "
        "2027), Menu tasting 1 (1 March 2027), Menu tasting 2 (1 March 2027)." in page
    )
    assert "Last year&#39;s tasting (" not in page
    assert text.count("Nobody is named to run the session.") == 1
    assert in_order(text, "What is not ready yet", "Facilitator", "For 3 meetings:")


def test_one_meeting_not_ready_is_named_once_above_what_it_needs(client_for, planned, lead):
    MeetingFactory(project=planned, title="Menu tasting")

    page = client_for(lead).get(_url(planned)).content.decode()

    assert "What is not ready yet for Menu tasting, 1 March 2027</h3>" in page
    assert "<li>Nobody is named to run the session. Next: Choose a facilitator" in page
    assert page.count("Menu tasting, 1 March 2027") == 1
