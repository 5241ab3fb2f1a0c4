"""Download data: each role gets the spreadsheets it may have, with only the columns it may
see on the pages; small numbers hidden as on the pages; cells never run as formulas; a
data dictionary in every workbook; personal data logged; queries fixed as data grows."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.meetings.models import Attendance, Reply
from coplan.people import monitoring, services
from coplan.people.choices import AuditAction
from coplan.people.models import AuditEntry
from coplan.people.needs import AccessNeeds
from coplan.projects.registries import EXPORTS, Export, ExportColumn, exports_for
from coplan.projects.roles import Role
from coplan.projects.rules import LEADS, Permission
from tests.factories import (
    ClaimFactory,
    ClaimLineFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    MonitoringAimFactory,
    PaymentChoiceFactory,
    ProjectFactory,
)
from tests.feedback.conftest import answer
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    WordsQuestionFactory,
)

pytestmark = pytest.mark.django_db

EVERY_EXPORT = ["participants", "attendance", "claims", "feedback-results", "equality-monitoring"]
MAY_HAVE = {
    Role.LEAD: EVERY_EXPORT,
    Role.FACILITATOR: ["participants", "attendance", "claims", "feedback-results"],
    Role.MANAGER: ["feedback-results", "equality-monitoring"],
    Role.FINANCE: ["claims"],
    Role.CO_PRODUCER: [],
}
NEEDS_COLUMNS = [
    "Access needs: Mobility",
    "Access needs: Communication",
    "Access needs: Food and drink",
    "Access needs: Reminders",
    "Access needs: Other support",
]


@pytest.fixture
def team(db):
    """A project with one member of each role."""
    project = ProjectFactory(name="Day services review")
    return {role: MembershipFactory(project=project, role=role) for role in Role}


@pytest.fixture
def project(team):
    return team[Role.LEAD].project


def _url(project, name: str, file_format: str) -> str:
    ending = {"csv": ".csv", "xlsx": ".xlsx", "columns": "-columns.csv"}[file_format]
    return f"/projects/{project.pk}/downloads/{name}{ending}"


def _content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _csv(response) -> list[list[str]]:
    text = _content(response).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _workbook(response):
    return openpyxl.load_workbook(io.BytesIO(_content(response)))


def _sheet_rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _get(client, project, name, file_format):
    response = client.get(_url(project, name, file_format))
    assert response.status_code == 200, response.status_code
    return response


def _needs(person, project, lead, **chosen):
    services.person_set_needs(
        person=person,
        needs=AccessNeeds.from_answers(chosen=chosen, notes={}),
        actor=lead,
        where="test",
        project=project,
    )


# The page ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_download_data_lists_the_files_each_role_may_have(client_for, team, role):
    project = team[role].project

    response = client_for(team[role].user).get(f"/projects/{project.pk}/downloads/")

    if not MAY_HAVE[role]:
        assert response.status_code == 403
        return
    page = response.content.decode()
    assert response.status_code == 200
    assert [name for name, _ in exports_for(team[role])] == MAY_HAVE[role]
    for name in EVERY_EXPORT:
        shown = _url(project, name, "xlsx") in page
        assert shown == (name in MAY_HAVE[role]), name
    for name in MAY_HAVE[role]:
        assert _url(project, name, "csv") in page
        assert _url(project, name, "columns") in page


def test_download_data_is_in_the_staff_menu(client_for, team):
    page = client_for(team[Role.FINANCE].user).get(f"/projects/{team[Role.LEAD].project_id}/")

    assert "Download data" in page.content.decode()


def test_the_page_says_what_each_column_holds_for_the_role(client_for, team, project):
    lead_page = client_for(team[Role.LEAD].user).get(f"/projects/{project.pk}/downloads/")
    finance_page = client_for(team[Role.FINANCE].user).get(f"/projects/{project.pk}/downloads/")

    assert "Access needs: Mobility" in lead_page.content.decode()
    assert "How the person chose to be paid" not in lead_page.content.decode()
    assert "How the person chose to be paid" in finance_page.content.decode()


# Who gets which file and columns --------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("name", EVERY_EXPORT)
@pytest.mark.parametrize("file_format", ["csv", "xlsx", "columns"])
def test_roles_without_the_right_are_refused(client_for, team, role, name, file_format):
    response = client_for(team[role].user).get(_url(team[role].project, name, file_format))

    assert response.status_code == (200 if name in MAY_HAVE[role] else 403)


def test_people_of_another_project_get_not_found(client_for, team):
    outsider = MembershipFactory(role=Role.LEAD).user

    response = client_for(outsider).get(_url(team[Role.LEAD].project, "participants", "csv"))

    assert response.status_code == 404


def test_access_needs_columns_are_for_roles_that_see_access_needs(client_for, team, project):
    person = InvolvementFactory(project=project, person__full_name="Sam Smith").person
    _needs(person, project, team[Role.LEAD].user, mobility=["step_free"], dietary=["vegan"])

    for role in (Role.LEAD, Role.FACILITATOR):
        rows = _csv(_get(client_for(team[role].user), project, "participants", "csv"))
        headings, row = rows[0], dict(zip(rows[0], rows[1], strict=True))

        assert headings[:10] == [
            "Name",
            "Role",
            "Stakeholder group",
            "Contact by",
            "Email address",
            "Phone number",
            "Address",
            "Preferred formats",
            "Photos and film",
            "Joined the project on",
        ]
        assert headings[10:] == NEEDS_COLUMNS
        assert row["Name"] == "Sam Smith"
        assert row["Access needs: Mobility"] == "Step-free access (no stairs, or a lift)"
        assert row["Access needs: Food and drink"] == "Vegan"
        assert row["Photos and film"] == "Do not photograph"


def test_a_role_without_access_needs_gets_the_file_without_them(team, project, rf):
    """A column with a permission is left out for a role without it, and so is its
    data: here a participants file for a role that may see participants but not needs."""
    from coplan.projects import downloads

    person = InvolvementFactory(project=project).person
    _needs(person, project, team[Role.LEAD].user, mobility=["step_free"])
    export = dict(EXPORTS.items())["participants"]
    narrower = Export(
        export.title,
        export.holds,
        Permission("see participants", frozenset({Role.LEAD, Role.MANAGER})),
        tuple(
            ExportColumn(c.heading, c.meaning, c.kind, Permission("needs", LEADS))
            if c.permission
            else c
            for c in export.columns
        ),
        export.rows,
    )
    request = rf.get("/")
    request.user = team[Role.MANAGER].user

    response = downloads.download(
        request, team[Role.MANAGER], name="participants", export=narrower, file_format="csv"
    )

    content = _content(response).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content, newline="")))
    assert not set(NEEDS_COLUMNS) & set(rows[0])
    assert "Step-free" not in content
    assert len(rows) == 2
    assert len(rows[1]) == len(rows[0]) == 10


def test_claims_show_how_people_are_paid_and_the_cost_code_to_finance_only(
    client_for, team, project
):
    claim = ClaimFactory(project=project, status="approved")
    ClaimLineFactory(claim=claim, amount_pence=450)
    ClaimLineFactory(claim=claim, kind="time", activity="meetings", category="", amount_pence=2000)
    PaymentChoiceFactory(person=claim.person)

    lead = _csv(_get(client_for(team[Role.LEAD].user), project, "claims", "csv"))
    finance = _csv(_get(client_for(team[Role.FINANCE].user), project, "claims", "csv"))

    assert "How paid" not in lead[0]
    assert "Cost code" not in lead[0]
    assert "How paid" in finance[0]
    assert "Cost code" in finance[0]
    row = dict(zip(finance[0], finance[1], strict=True))
    assert row["Payee"] == claim.person.full_name
    assert row["Payment for time"] == "20.00"
    assert row["Bus, train or tram fares"] == "4.50"
    assert row["Total"] == "24.50"
    assert row["Status"] == "Approved, waiting to be paid"


def test_claims_have_the_same_headings_as_finances_download(client_for, team, project):
    from coplan.payments.exports import COLUMNS

    finance = _csv(_get(client_for(team[Role.FINANCE].user), project, "claims", "csv"))

    assert finance[0] == COLUMNS


def test_the_same_heading_means_the_same_in_every_download():
    meanings: dict[str, set[str]] = {}
    for _, export in EXPORTS.items():
        for column in export.columns:
            meanings.setdefault(column.heading, set()).add(column.meaning)

    assert {heading: found for heading, found in meanings.items() if len(found) > 1} == {}


# Workbooks ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", EVERY_EXPORT)
def test_each_workbook_has_its_data_and_a_data_dictionary(client_for, team, project, name):
    response = _get(client_for(team[Role.LEAD].user), project, name, "xlsx")
    book = _workbook(response)
    columns = dict(EXPORTS.items())[name].columns_for(team[Role.LEAD])
    export = dict(EXPORTS.items())[name]

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f'filename="day-services-review-{name}-' in response["Content-Disposition"]
    assert book.sheetnames == [export.title, "Data dictionary"]
    headings = _sheet_rows(book[export.title])[0]
    assert headings == [column.heading for column in columns]
    dictionary = _sheet_rows(book["Data dictionary"])
    assert dictionary == [
        ["Column", "What it holds"],
        *[[column.heading, column.meaning] for column in columns],
    ]
    csv_dictionary = _csv(_get(client_for(team[Role.LEAD].user), project, name, "columns"))
    assert csv_dictionary == dictionary


def test_the_csv_and_the_workbook_hold_the_same(client_for, team, project):
    InvolvementFactory(project=project, person__full_name="Ada Ant", person__phone="01234 5")
    InvolvementFactory(project=project, person__full_name="Bo Bee")
    client = client_for(team[Role.LEAD].user)

    from_csv = _csv(_get(client, project, "participants", "csv"))
    from_xlsx = _sheet_rows(
        _workbook(_get(client, project, "participants", "xlsx"))["Participants"]
    )

    assert [row[:3] for row in from_csv] == [
        [value or "" for value in row[:3]] for row in from_xlsx
    ]
    assert [row[0] for row in from_csv[1:]] == ["Ada Ant", "Bo Bee"]


def test_dates_and_money_are_dates_and_money_in_the_workbook(client_for, team, project):
    claim = ClaimFactory(project=project)
    ClaimLineFactory(claim=claim, amount_pence=450)

    book = _workbook(_get(client_for(team[Role.FINANCE].user), project, "claims", "xlsx"))
    sheet = book["Claims"]
    headings = [cell.value for cell in sheet[1]]
    row = sheet[2]

    date_cell = row[headings.index("Date of meeting or activity")]
    money_cell = row[headings.index("Bus, train or tram fares")]
    assert date_cell.is_date
    assert date_cell.number_format == "DD/MM/YYYY"
    assert money_cell.value == 4.5
    assert money_cell.number_format == "£#,##0.00"


# Formula safety --------------------------------------------------------------------------


def test_what_people_typed_is_never_run_as_a_formula(client_for, team, project):
    InvolvementFactory(
        project=project, person__full_name='=HYPERLINK("http://evil.example","Click")'
    )
    client = client_for(team[Role.LEAD].user)

    from_csv = _csv(_get(client, project, "participants", "csv"))
    sheet = _workbook(_get(client, project, "participants", "xlsx"))["Participants"]

    assert from_csv[1][0] == '\'=HYPERLINK("http://evil.example","Click")'
    assert sheet["A2"].value == '\'=HYPERLINK("http://evil.example","Click")'
    assert sheet["A2"].data_type == "s"


def test_feedback_words_are_never_run_as_formulas(client_for, team, project):
    form = FeedbackFormFactory(project=project, closed_box=False)
    FeedbackQuestionFactory(form=form, position=1)
    WordsQuestionFactory(form=form, position=2)
    answer(form, words="+1 for the biscuits")

    rows = _csv(_get(client_for(team[Role.LEAD].user), project, "feedback-results", "csv"))

    assert [
        form.title,
        "What could we do better next time?",
        "'+1 for the biscuits",
        "",
        "",
    ] in rows


# Small numbers ----------------------------------------------------------------------------


def test_equality_totals_hide_small_numbers_as_the_page_does(client_for, team, project):
    answers = [{"age": "18_24"}] * 6 + [{"age": "25_34"}] * 2 + [{"age": "35_44"}] * 7
    for given in answers:
        services.monitoring_response_add(project=project, answers=given)
    MonitoringAimFactory(project=project, question="age", answer="18_24", aim=10)
    age = monitoring.QUESTION_BY_CODE["age"]

    rows = _csv(_get(client_for(team[Role.MANAGER].user), project, "equality-monitoring", "csv"))
    page = client_for(team[Role.MANAGER].user).get(
        f"/projects/{project.pk}/equality-monitoring/totals/"
    )

    assert rows[0] == ["Question", "Answer", "Number of people", "Aim"]
    assert rows[1] == ["Everyone", "Filled in the form", "15", ""]
    by_answer = {row[1]: row[2:] for row in rows if row[0] == age.label}
    assert by_answer["18 to 24"] == ["Fewer than 5", "10"]  # hidden second, so 2 cannot be found
    assert by_answer["25 to 34"] == ["Fewer than 5", ""]
    assert by_answer["35 to 44"] == ["7", ""]
    assert by_answer["Under 18"] == ["0", ""]
    shown = {cell.label: cell.shown for cell in monitoring.question_totals(age, answers)}
    assert {label: found[0] for label, found in by_answer.items()} == shown
    assert page.status_code == 200


def test_equality_totals_are_not_shown_until_five_people_answer(client_for, team, project):
    for _ in range(4):
        services.monitoring_response_add(project=project, answers={"age": "18_24"})

    rows = _csv(_get(client_for(team[Role.LEAD].user), project, "equality-monitoring", "csv"))

    assert rows[1] == ["Everyone", "Filled in the form", "4", ""]
    assert {row[2] for row in rows[2:]} == {"Not shown: fewer than 5 people filled in the form"}


def test_feedback_results_hide_a_closed_box_with_too_few_answers(client_for, team, project):
    small = FeedbackFormFactory(project=project, title="Small workshop")
    FeedbackQuestionFactory(form=small, position=1)
    WordsQuestionFactory(form=small, position=2)
    big = FeedbackFormFactory(project=project, title="Big workshop")
    FeedbackQuestionFactory(form=big, position=1)
    WordsQuestionFactory(form=big, position=2)
    for _ in range(3):
        answer(small, choice="not_good", words="Too hot")
    for index in range(5):
        answer(big, choice="good", words=f"Idea {index}")

    rows = _csv(_get(client_for(team[Role.MANAGER].user), project, "feedback-results", "csv"))

    assert rows[0] == ["Feedback form", "Question", "Answer", "Number of people", "Out of"]
    small_rows = [row[1:] for row in rows if row[0] == "Small workshop"]
    assert small_rows == [
        ["Overall, how was the meeting for you?", "Too few answers to show", "", ""],
        ["What could we do better next time?", "Too few answers to show", "", ""],
    ]
    assert "Too hot" not in str(rows)
    assert ["Big workshop", "Overall, how was the meeting for you?", "Good", "5", "5"] in rows
    assert ["Big workshop", "What could we do better next time?", "Idea 0", "", ""] in rows


def test_attendance_has_each_invited_person_and_whether_they_came(client_for, team, project):
    meeting = MeetingFactory(project=project, title="First workshop")
    person = InvolvementFactory(project=project, person__full_name="Sam Smith").person
    InvitedPersonFactory(
        meeting=meeting, person=person, reply=Reply.IN_PERSON, attendance=Attendance.CAME
    )

    rows = _csv(_get(client_for(team[Role.FACILITATOR].user), project, "attendance", "csv"))

    assert rows == [
        ["Meeting", "Date of meeting", "Name", "Reply", "Came"],
        ["First workshop", meeting.meets_on.isoformat(), "Sam Smith", "Coming in person", "Came"],
    ]


# Personal data ------------------------------------------------------------------------------


def test_personal_data_downloads_are_logged_and_never_stored(client_for, team, project):
    sam = InvolvementFactory(project=project).person
    InvolvementFactory(project=project)
    _needs(sam, project, team[Role.LEAD].user, mobility=["step_free"])
    AuditEntry.objects.all().delete()
    url = _url(project, "participants", "xlsx")

    response = client_for(team[Role.FACILITATOR].user).get(url)

    assert response["Cache-Control"] == "private, no-store"
    downloaded = AuditEntry.objects.filter(action=AuditAction.DOWNLOADED)
    assert downloaded.count() == 2
    assert {(entry.actor, entry.where, entry.project) for entry in downloaded} == {
        (team[Role.FACILITATOR].user, url, project)
    }
    seen = AuditEntry.objects.filter(action=AuditAction.VIEWED_NEEDS)
    assert [entry.person for entry in seen] == [sam]


@pytest.mark.parametrize(("name", "role"), [("attendance", Role.LEAD), ("claims", Role.FINANCE)])
def test_files_naming_people_are_logged(client_for, team, project, name, role):
    person = InvolvementFactory(project=project).person
    InvitedPersonFactory(meeting=MeetingFactory(project=project), person=person)
    ClaimFactory(project=project, person=person)
    AuditEntry.objects.all().delete()

    _get(client_for(team[role].user), project, name, "csv")

    assert [entry.person for entry in AuditEntry.objects.all()] == [person]


def test_the_data_dictionary_and_anonymous_totals_are_not_logged(client_for, team, project):
    InvolvementFactory(project=project)
    AuditEntry.objects.all().delete()
    client = client_for(team[Role.LEAD].user)

    _get(client, project, "participants", "columns")
    _get(client, project, "equality-monitoring", "xlsx")
    _get(client, project, "feedback-results", "csv")

    assert AuditEntry.objects.count() == 0


# Queries fixed as data grows ------------------------------------------------------------------


def _fill(project, lead, count: int) -> None:
    form = FeedbackFormFactory(project=project, closed_box=False)
    FeedbackQuestionFactory(form=form, position=1)
    WordsQuestionFactory(form=form, position=2)
    meeting = MeetingFactory(project=project)
    for index in range(count):
        person = InvolvementFactory(project=project).person
        _needs(person, project, lead, dietary=["vegan"])
        InvitedPersonFactory(meeting=meeting, person=person)
        PaymentChoiceFactory(person=person)
        claim = ClaimFactory(project=project, person=person)
        ClaimLineFactory(claim=claim)
        answer(form, words=f"Idea {index}")
        services.monitoring_response_add(project=project, answers={"age": "18_24"})


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        _content(response)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", EVERY_EXPORT)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_downloads_do_a_fixed_number_of_queries_however_much_data(client_for, name, file_format):
    counts = []
    for size in (2, 12):
        lead = MembershipFactory(role=Role.LEAD)
        _fill(lead.project, lead.user, size)
        counts.append(_queries(client_for(lead.user), _url(lead.project, name, file_format)))

    print(f"{name}.{file_format}: {counts[0]} queries with 2 people, {counts[1]} with 12")
    assert counts[0] == counts[1]


def test_download_data_is_linked_where_people_look_at_the_data(client_for, team, project):
    meeting = MeetingFactory(project=project)
    form = FeedbackFormFactory(project=project, closed_box=False)
    FeedbackQuestionFactory(form=form, position=1)
    pages = {
        "participants": f"/projects/{project.pk}/participants/",
        "claims": f"/projects/{project.pk}/payments/claims/",
        "feedback-results": f"/projects/{project.pk}/feedback/forms/{form.pk}/results/",
        "equality-monitoring": f"/projects/{project.pk}/equality-monitoring/totals/",
        "attendance": f"/projects/{project.pk}/meetings/{meeting.pk}/attendance/",
    }
    client = client_for(team[Role.LEAD].user)

    linked = {
        name: f"/projects/{project.pk}/downloads/#{name}" in client.get(path).content.decode()
        for name, path in pages.items()
    }

    assert linked == dict.fromkeys(pages, True)
