"""Every form that collects personal data links to "How we use your information": the
part of the security and data protection statement about what the form collects."""

import re

import pytest
from django.urls import reverse

from coplan.core.statement import statement
from coplan.feedback.models import FeedbackForm
from coplan.meeting_invitations import links
from coplan.meeting_invitations.models import InvitedPerson
from coplan.projects.roles import Role
from tests.projects.test_access import project_data  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r'<a class="govuk-link" href="/security-and-data-protection/#([a-z-]+)">'
    r"How we use your information</a>"
)

# (who, page, its values, the part of the statement it links to)
PROJECT_FORMS = [
    (Role.LEAD, "people:participant_add", [], "your-details"),
    (Role.LEAD, "people:participant_details", ["person_id"], "your-details"),
    (Role.LEAD, "people:participant_involvement", ["person_id"], "your-details"),
    (Role.LEAD, "people:participant_needs", ["person_id"], "access-needs"),
    (Role.LEAD, "people:participant_consent_add", ["person_id"], "your-details"),
    (Role.LEAD, "people:participant_import", [], "your-details"),
    (Role.CO_PRODUCER, "people:your_details_edit", [], "your-details"),
    (Role.CO_PRODUCER, "people:your_consents", [], "your-details"),
    (Role.CO_PRODUCER, "people:tell_us_once_question", ["question"], "your-details"),
    (Role.CO_PRODUCER, "people:tell_us_once_check", [], "your-details"),
    (Role.CO_PRODUCER, "people:monitoring_form", [], "equality-monitoring"),
    (Role.CO_PRODUCER, "payments:choice", [], "bank-details"),
    (Role.CO_PRODUCER, "payments:bank_details", [], "bank-details"),
    (Role.CO_PRODUCER, "payments:claim_start", [], "receipts-and-claims"),
    (Role.CO_PRODUCER, "payments:expense_add", ["claim_id"], "receipts-and-claims"),
    (Role.CO_PRODUCER, "payments:time_add", ["claim_id"], "receipts-and-claims"),
]


def _parts(html: str) -> list[str]:
    return LINK.findall(html)


@pytest.mark.parametrize(("role", "name", "needs", "part"), PROJECT_FORMS)
def test_each_project_form_with_personal_data_links_to_its_part(
    client_for,
    project_data,  # noqa: F811
    role,
    name,
    needs,
    part,
):
    project, memberships, values = project_data
    kwargs = {"project_id": project.pk} | {each: values[each] for each in needs}
    response = client_for(memberships[role].user).get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert _parts(response.content.decode()) == [part]


def test_the_reply_to_an_invitation_links_to_it(client, project_data):  # noqa: F811
    _, _, values = project_data
    invited = InvitedPerson.objects.get(pk=values["invited_id"])
    token = links.reply_token(invited_id=invited.pk)
    html = client.get(reverse("meeting_invitations:reply", args=[token])).content.decode()
    assert _parts(html) == ["your-details"]


@pytest.mark.parametrize("way", ["form/", "easy-read/"])
def test_a_feedback_form_by_its_link_links_to_it(client, project_data, way):  # noqa: F811
    _, _, values = project_data
    form = FeedbackForm.objects.get(pk=values["form_id"])
    html = client.get(f"/feedback/{form.token}/{way}", follow=True).content.decode()
    assert _parts(html) == ["feedback"]


def test_every_part_linked_to_is_in_the_statement():
    parts = {part for *_, part in PROJECT_FORMS} | {"feedback"}
    assert parts <= set(statement().parts)
