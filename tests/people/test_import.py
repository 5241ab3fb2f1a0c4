"""Importing participants from a CSV file: a preview with every problem, then all or nothing."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coplan.people import selectors
from coplan.people.importing import MAX_ROWS, NOT_UTF8, check_participant_file
from coplan.people.models import AuditEntry, Involvement, ParticipantImport, Person
from tests.factories import InvolvementFactory, ProjectFactory, StakeholderGroupFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "Name,Email,Phone,Contact by,Role,Group,Communication,Food and drink,Reminder days before\n"
    "Zoë Adams,zoe@example.org,07700 900123,Text message,Co-producer,Carers,"
    "A hearing loop; needs papers a week early,Vegan,2\n"
    "Bilal Khan,,,,carer,,,,\n"
)


def _upload(client, project, content: bytes, name: str = "people.csv"):
    return client.post(
        f"/projects/{project.pk}/participants/import/",
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def problem_rows(page: str) -> list[tuple[str, str, str]]:
    """(column, problem, rows) for each line of the preview's table of problems."""
    found = re.findall(
        r'<th scope="row" class="govuk-table__header">(.*?)</th>\s*'
        r'<td class="govuk-table__cell">(.*?)</td>\s*<td class="govuk-table__cell">(.*?)</td>',
        page,
        re.S,
    )
    return [tuple(html.unescape(cell.strip()) for cell in row) for row in found]


def _preview(client, project, content: bytes, name: str = "people.csv"):
    response = _upload(client, project, content, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def test_a_good_file_is_previewed_then_saved(client_for, project, lead):
    group = StakeholderGroupFactory(project=project, name="Carers")
    client = client_for(lead)

    preview = _preview(client, project, GOOD.encode())
    page = preview.content.decode()
    assert "Add 2 people" in page
    assert "Zoë Adams" in page
    assert not Person.objects.exists()

    done = client.post(preview.request["PATH_INFO"], follow=True)

    assert "2 people have been added." in done.content.decode()
    zoe = Person.objects.get(email="zoe@example.org")
    needs = selectors.person_needs(person=zoe)
    assert needs.codes() == {"communication:hearing_loop", "dietary:vegan"}
    assert needs.notes == {"communication": "needs papers a week early"}
    assert needs.reminder_days_before == 2
    assert (zoe.contact_by, zoe.phone) == ("text", "07700 900123")
    assert Involvement.objects.get(person=zoe).group == group
    assert Involvement.objects.get(person__full_name="Bilal Khan").role == "carer"
    assert list(AuditEntry.objects.values_list("action", "person")) == [("imported", zoe.pk)]
    assert not ParticipantImport.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Full name,Shoe size\nSam,9\n", "The file has columns we do not know: Shoe size."),
        (
            b"Email,Phone\nsam@example.org,01632\n",
            "with one called ‘Name’",
        ),
        (
            b"Name,Email,E-mail address,email\nSam,a@b.org,,\n",
            "columns we do not know: E-mail address",
        ),
        (b"Name,Email,email address\nSam,a@b.org,\n", "These columns appear more than once: Email"),
        ("Name\nZoë\n".encode("latin-1"), NOT_UTF8),
        ("Name\nZoë\n".encode("cp1252"), NOT_UTF8),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NOT_UTF8),
        (b"Name\x00,Email\nSam\x00,\n", "This file is not a CSV file."),
        (b"Name,Email\n\n\n", "The file has column headings but no people"),
        (b"   \n\n", "The file is empty"),
    ],
)
def test_bad_files_are_explained_and_nothing_is_saved(client_for, project, lead, content, message):
    client = client_for(lead)

    preview = _preview(client, project, content)
    confirmed = client.post(preview.request["PATH_INFO"])

    assert message in preview.content.decode()
    assert "Nothing has been saved" in preview.content.decode()
    assert "Add " not in preview.content.decode()
    assert confirmed.status_code == 400
    assert "The file has problems" in confirmed.content.decode()
    assert not Person.objects.exists()


def test_every_bad_row_and_column_is_reported(client_for, project, lead):
    content = (
        b"Name,Email,Role,Group,Reminder days before,Contact by\n"
        b"Sam,not-an-email,co-producer,,,\n"
        b",ok@example.org,,,,\n"
        b"Ann,also bad,manager,Nowhere,99,pigeon\n"
        b"Bob,ok@example.org,,,,\n"
        b"Cat,,,,,,extra cell\n"
    )

    page = _preview(client_for(lead), project, content).content.decode()

    assert "Enter an email address like name@example.com, or leave it blank" in page
    assert '<td class="govuk-table__cell">2, 4</td>' in page
    assert "Enter the person’s name" in page
    assert "Must be one of: co-producer, carer" in page
    assert "There is no stakeholder group with this name" in page
    assert "Must be a whole number of days from 0 to 60, or blank" in page
    assert "Must be one of: email, phone call, text message, post" in page
    assert "The same email address is on row 3" in page
    assert "This row has more cells than there are column headings" in page
    assert "9 problems in the rows of the file" in page


def test_names_and_emails_with_hidden_characters_are_reported_by_row_and_column(
    client_for, project, lead
):
    content = (
        "Name,Email\n"
        "Zoë Adams,zoe@example.org\n"
        "\u202eSam Patel,sam@example.org\n"
        "Ann\u200bLee,ann@exa\u200bmple.org\n"
    ).encode()
    client = client_for(lead)

    preview = _preview(client, project, content)
    confirmed = client.post(preview.request["PATH_INFO"])

    rows = problem_rows(preview.content.decode())
    assert rows == [
        (
            "Name",
            "Name must not contain hidden characters. Type it in instead of pasting it",
            "3, 4",
        ),
        (
            "Email",
            "Email must not contain hidden characters. Type it in instead of pasting it",
            "4",
        ),
    ]
    assert confirmed.status_code == 400
    assert not Person.objects.exists()


def test_people_already_known_are_added_without_changing_their_details(client_for, project, lead):
    known = InvolvementFactory(
        project=ProjectFactory(organisation=project.organisation), person__email="zoe@example.org"
    ).person
    already_here = InvolvementFactory(project=project, person__email="bilal@example.org").person
    content = (
        b"Name,Email\nZoe Changed,zoe@example.org\nBilal,bilal@example.org\nNew,new@example.org\n"
    )
    client = client_for(lead)

    preview = _preview(client, project, content)
    client.post(preview.request["PATH_INFO"])

    page = preview.content.decode()
    assert "Add 2 people" in page
    known.refresh_from_db()
    assert known.full_name != "Zoe Changed"
    assert set(
        Involvement.objects.filter(project=project).values_list("person__email", flat=True)
    ) == {
        "zoe@example.org",
        "bilal@example.org",
        "new@example.org",
    }
    assert Involvement.objects.filter(person=already_here).count() == 1


@pytest.mark.parametrize(
    "content",
    [
        "\ufeffName;Email\nZoë;zoe@example.org\n".encode(),
        "Name,Email\r\nZoë,zoe@example.org\r\n".encode("utf-16"),
        b'NAME (optional),  email address *\n"Zo\xc3\xab",zoe@example.org\n',
        b"Name,Email,,\nZo\xc3\xab,zoe@example.org,,\n",
    ],
)
def test_files_from_different_spreadsheets_are_read(content):
    check = check_participant_file(content, group_names=[])

    assert check.ok, (check.file_problem, check.problems)
    assert [(row.full_name, row.email) for row in check.rows] == [("Zoë", "zoe@example.org")]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("people.xlsx", b"PK\x03\x04", "The file must be a CSV file"),
        ("people.csv", b"", "The file is empty"),
    ],
)
def test_upload_form_refuses_what_cannot_be_a_csv(
    client_for, project, lead, name, content, message
):
    response = _upload(client_for(lead), project, content, name)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ParticipantImport.objects.exists()


def test_upload_form_needs_a_file(client_for, project, lead):
    response = client_for(lead).post(f"/projects/{project.pk}/participants/import/", {})

    assert "Select a CSV file" in response.content.decode()


def test_ten_thousand_rows_import_in_one_go(client_for, project, lead):
    rows = [
        f"Person {n},person{n}@example.org,{'Vegan' if n % 3 == 0 else ''}" for n in range(MAX_ROWS)
    ]
    content = ("Name,Email,Food and drink\n" + "\n".join(rows) + "\n").encode()
    client = client_for(lead)

    preview = _preview(client, project, content)
    done = client.post(preview.request["PATH_INFO"])

    assert done.status_code == 302
    assert "Add 10000 people" in preview.content.decode()
    assert Involvement.objects.filter(project=project).count() == MAX_ROWS
    assert AuditEntry.objects.filter(action="imported").count() == 3334


def test_more_than_the_row_limit_is_refused(project):
    content = ("Name\n" + "\n".join(f"P{n}" for n in range(MAX_ROWS + 1))).encode()

    check = check_participant_file(content, group_names=[])

    assert (
        check.file_problem == "The file has more than 10,000 people. Split it into smaller files."
    )


def test_cancelling_an_import_deletes_the_file(client_for, project, lead):
    client = client_for(lead)
    preview = _preview(client, project, GOOD.encode())
    upload = ParticipantImport.objects.get()

    client.post(f"/projects/{project.pk}/participants/import/{upload.pk}/cancel/")

    assert not ParticipantImport.objects.exists()
    assert client.get(preview.request["PATH_INFO"]).status_code == 404


def test_the_template_can_be_imported_as_it_is(client_for, project, lead):
    template = client_for(lead).get(f"/projects/{project.pk}/participants/import/template.csv")

    check = check_participant_file(template.content, group_names=[])

    assert check.ok
    assert check.rows[0].needs.codes() == {
        "mobility:step_free",
        "communication:hearing_loop",
        "dietary:vegan",
        "reminders:text",
    }


GONE, KEPT = "the whole file goes", "the file is kept as it is"


@pytest.mark.parametrize(
    ("content", "left"),
    [
        ("Name;Email\nSam Smith;sam@example.org\nZoë Adams;\n", "Name;Email\r\nZoë Adams;\r\n"),
        (
            "Name,Email\n  sam   SMITH ,\nSam Smith,other@example.org\n",
            "Name,Email\r\nSam Smith,other@example.org\r\n",
        ),
        ("Name,Email\nSam Smith,\n", GONE),
        ("Nom,Courriel\nSam Smith,sam@example.org\n", GONE),
        ("Nom,Courriel\nZoë Adams,zoe@example.org\n", KEPT),
        ("Name\nZoë Adams\n", KEPT),
    ],
)
def test_a_person_is_taken_out_of_a_spreadsheet(content, left):
    from coplan.people.importing import without_person

    original = content.encode()
    result = without_person(original, emails={"sam@example.org"}, names={"Sam Smith"})

    if left == GONE:
        assert result is None
    elif left == KEPT:
        assert result is original
    else:
        assert result.decode() == left
