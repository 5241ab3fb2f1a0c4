"""Wild numbers posted through the real pages of every app that asks for a number: each
gets a page with a message beside the field, or is saved when it makes sense, never a
server error. (Payments: tests/payments/test_bad_numbers.py; the budget:
tests/planning/test_bad_input.py and test_budget.py.)"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coplan.feedback.models import HowAnswered, OneTimeLink
from coplan.guides.models import GuideAnswer
from coplan.meetings.models import MeetingsPolicy
from coplan.people.models import MonitoringAim, StakeholderGroup
from coplan.projects.roles import Role
from tests.core.wild_numbers import NUMBERS_GUIDE, WILD, error_beside
from tests.factories import (
    InvolvementFactory,
    MembershipFactory,
    ProjectFactory,
    StaffMembershipFactory,
)
from tests.feedback.factories import FeedbackFormFactory, FeedbackQuestionFactory

pytestmark = pytest.mark.django_db

WILD_IDS = [repr(typed[:10]) for typed in WILD]


def _answered(response, name: str, *, saved: bool) -> None:
    """A page came back: saved (a redirect), or the form again with a message beside `name`."""
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:
        assert saved
    else:
        assert error_beside(response, name)
        assert not saved


@pytest.fixture
def admin(db):
    return StaffMembershipFactory(is_admin=True).user


@pytest.fixture
def organisation_id(admin):
    return admin.staff_memberships.get().organisation_id


@pytest.mark.parametrize("typed", WILD, ids=WILD_IDS)
def test_wild_notice_days_get_a_message(client_for, admin, organisation_id, typed):
    response = client_for(admin).post(
        f"/organisations/{organisation_id}/meeting-notice/", {"notice_days": typed}
    )

    _answered(response, "notice_days", saved=MeetingsPolicy.objects.exists())


@pytest.mark.parametrize("typed", WILD, ids=WILD_IDS)
def test_wild_months_to_keep_details_get_a_message(client_for, admin, organisation_id, typed):
    response = client_for(admin).post(
        f"/organisations/{organisation_id}/keeping-details/",
        {"action": "policy", "retention_months": typed},
    )

    assert response.status_code in (200, 302, 400)
    if response.status_code != 302:
        assert error_beside(response, "retention_months")


@pytest.mark.parametrize("typed", WILD, ids=WILD_IDS)
def test_wild_number_of_one_time_links_gets_a_message(client_for, project, lead, typed):
    form = FeedbackFormFactory(project=project, how_answered=HowAnswered.ONE_TIME)
    FeedbackQuestionFactory(form=form)

    response = client_for(lead).post(
        f"/projects/{project.pk}/feedback/forms/{form.pk}/one-time-links/", {"count": typed}
    )

    if response["Content-Type"] == "application/pdf":
        assert OneTimeLink.objects.exists()
    else:
        _answered(response, "count", saved=OneTimeLink.objects.exists())


@pytest.mark.parametrize("typed", WILD, ids=WILD_IDS)
def test_wild_group_aim_gets_a_message(client_for, project, lead, typed):
    response = client_for(lead).post(
        f"/projects/{project.pk}/stakeholders/add/",
        {
            "name": "Carers in Banbury",
            "category": "carers",
            "influence": "2",
            "interest": "5",
            "how_reached": "Through the carers' centre newsletter",
            "representation_aim": typed,
        },
    )

    _answered(response, "representation_aim", saved=StakeholderGroup.objects.exists())


@pytest.mark.parametrize("typed", WILD, ids=WILD_IDS)
def test_wild_reminder_days_get_a_message(client_for, project, lead, typed):
    person = InvolvementFactory(project=project).person

    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/{person.pk}/access-needs/",
        {"reminders": ["text"], "reminder_days_before": typed},
    )

    person.refresh_from_db()
    _answered(response, "reminder_days_before", saved=bool(person.needs_token))


@pytest.mark.parametrize("typed", WILD, ids=WILD_IDS)
def test_wild_monitoring_aim_gets_a_message(client_for, project, lead, typed):
    response = client_for(lead).post(
        f"/projects/{project.pk}/equality-monitoring/aims/", {"answer": "carer=yes", "aim": typed}
    )

    _answered(response, "aim", saved=MonitoringAim.objects.exists())


@pytest.fixture
def numbers_plan(client_for, admin, organisation_id):
    """A project whose plan asks for money, a number and a length of time."""
    client_for(admin).post(
        f"/organisations/{organisation_id}/guides/",
        {
            "guide_file": SimpleUploadedFile(
                "numbers.toml", NUMBERS_GUIDE.encode(), content_type="text/plain"
            )
        },
    )
    project = ProjectFactory(organisation_id=organisation_id)
    lead = MembershipFactory(project=project, role=Role.LEAD).user
    return client_for(lead), f"/projects/{project.pk}/plan/numbers/money-and-time/"


@pytest.mark.parametrize("typed", [*WILD, "6 months", "1e308 months", "9" * 39 + " years"])
@pytest.mark.parametrize("question", ["how-much", "how-many", "how-long"])
def test_wild_plan_answers_get_a_message_beside_the_question(numbers_plan, question, typed):
    client, url = numbers_plan

    response = client.post(url, {question: typed})

    _answered(response, question, saved=GuideAnswer.objects.filter(question_id=question).exists())


def test_a_plan_money_answer_of_1e308_is_refused_in_pounds(numbers_plan):
    client, url = numbers_plan

    response = client.post(url, {"how-much": "1e308", "how-many": "10000000000"})

    assert response.status_code == 400
    assert [error_beside(response, name) for name in ("how-much", "how-many")] == [
        "Enter the amount in pounds and pence, like 2500.50",
        "The answer must be 1,000,000,000 or less",
    ]
    assert not GuideAnswer.objects.exists()


@pytest.mark.parametrize("days", ["²", "9" * 5000, "1e3", "٣"])
def test_wild_reminder_days_in_an_imported_file_are_a_problem_in_its_row(
    client_for, project, lead, days
):
    client = client_for(lead)
    uploaded = client.post(
        f"/projects/{project.pk}/participants/import/",
        {
            "file": SimpleUploadedFile(
                "people.csv",
                f"Name,Reminder days before\nSam Smith,{days}\n".encode(),
                content_type="text/csv",
            )
        },
    )

    preview = client.get(uploaded["Location"]).content.decode()

    assert "Must be a whole number of days from 0 to 60, or blank" in preview
