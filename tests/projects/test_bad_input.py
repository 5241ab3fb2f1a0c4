"""Whatever is typed into the project and invitation forms, the person gets a
page back (saved, or with a message beside the field), never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coplan.projects.models import Invitation, Project
from tests.factories import MembershipFactory, StaffMembershipFactory

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "<script>alert(1)</script>",
            "\u202egnp.exe",
            "Zoë 👩🏽‍🦽 Ōtautahi مرحبا",
            "a" * 5000,
            "\x00",
            "line\r\nbreak",
            "'; DROP TABLE projects; --",
        ]
    ),
)
DATE_PART = st.one_of(st.text(max_size=6), st.integers(-10, 10000).map(str))
HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def staff_client(client_for):
    return client_for(StaffMembershipFactory().user)


@HYPOTHESIS
@given(
    name=NASTY,
    description=NASTY,
    reason=NASTY,
    parts=st.lists(DATE_PART, min_size=6, max_size=6),
)
def test_project_form_never_fails_on_odd_input(staff_client, name, description, reason, parts):
    before = Project.objects.count()
    data = {"name": name, "description": description, "reason": reason}
    for index, key in enumerate(
        [
            "start_date-day",
            "start_date-month",
            "start_date-year",
            "end_date-day",
            "end_date-month",
            "end_date-year",
        ]
    ):
        data[key] = parts[index]

    response = staff_client.post("/projects/new/", data)

    assert response.status_code in {400, 302}
    if response.status_code == 400:
        assert "There is a problem" in response.content.decode()
        assert Project.objects.count() == before
    else:
        assert Project.objects.count() == before + 1


@HYPOTHESIS
@given(email=NASTY, full_name=NASTY, role=NASTY, message=NASTY)
def test_invitation_form_never_fails_on_odd_input(client_for, email, full_name, role, message):
    lead = MembershipFactory(role="lead")
    response = client_for(lead.user).post(
        f"/projects/{lead.project_id}/people/invite/",
        {"email": email, "full_name": full_name, "role": role, "message": message},
    )

    assert response.status_code in {400, 302}
    if response.status_code == 400:
        assert "There is a problem" in response.content.decode()
        assert not Invitation.objects.filter(project=lead.project).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter the project name"),
        ("name", "x" * 151, "The project name must be 150 characters or fewer"),
        ("description", "", "Enter what the project is"),
        ("reason", "y" * 2001, "Why the project is happening must be 2000 characters or fewer"),
        ("name", "bad\x07name", "The project name must not contain hidden or control characters"),
    ],
)
def test_project_form_messages_say_what_is_wrong(staff_client, field, value, message):
    data = {
        "name": "A project",
        "description": "What",
        "reason": "Why",
        "start_date-day": "1",
        "start_date-month": "2",
        "start_date-year": "2027",
        "end_date-day": "1",
        "end_date-month": "2",
        "end_date-year": "2028",
        field: value,
    }

    page = staff_client.post("/projects/new/", data).content.decode()

    assert message in page
    assert f'href="#id_{field}"' in page


def test_script_in_a_project_name_is_shown_as_text(client_for):
    lead = MembershipFactory(role="lead", project__name="<script>alert(1)</script>")

    page = client_for(lead.user).get(f"/projects/{lead.project_id}/").content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter their email address"),
        ("not-an-email", "Enter an email address in the correct format"),
        ("a" * 250 + "@example.org", "Email address must be 254 characters or fewer"),
    ],
)
def test_invitation_email_messages(client_for, email, message):
    lead = MembershipFactory(role="lead")

    page = (
        client_for(lead.user)
        .post(
            f"/projects/{lead.project_id}/people/invite/", {"email": email, "role": "co_producer"}
        )
        .content.decode()
    )

    assert message in page


def test_invitation_without_a_role_asks_for_one(client_for):
    lead = MembershipFactory(role="lead")

    page = (
        client_for(lead.user)
        .post(f"/projects/{lead.project_id}/people/invite/", {"email": "a@example.org"})
        .content.decode()
    )

    assert "Select what they will do in the project" in page
