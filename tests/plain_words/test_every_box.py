"""Plain words in every box a participant reads: each such box has the live wording
check, and the saved words are checked again on the server (a warning, never a refusal)."""

import pytest
from django import forms

from coplan.feedback.forms import (
    FeedbackFormChangeForm,
    FeedbackFormForm,
    OwnQuestionForm,
    YouSaidWeDidForm,
)
from coplan.meeting_invitations.forms import InvitationWordingForm
from coplan.meetings.forms import MeetingForm
from coplan.meetings.models import Meeting
from coplan.payments.forms import PolicyForm
from coplan.payments.models import PaymentPolicy
from coplan.people.forms import InvolvementForm
from coplan.projects.forms import InvitationForm, ProjectForm
from coplan.working_together.forms import (
    AgreementForm,
    AnswerForm,
    DecisionAreaForm,
    DefinitionForm,
    FollowUpForm,
    RevisitForm,
    SessionForm,
)
from coplan.working_together.models import Agreement
from tests.factories import SharedDefinitionFactory, StaffMembershipFactory
from tests.meetings.test_meetings import meeting_post
from tests.payments.test_bad_numbers import POLICY

# The forms whose words reach participants. Every text area in them has the live
# check unless it is named below as words participants never read.
PARTICIPANT_FORMS = [
    InvitationWordingForm,  # the invitation
    InvolvementForm,  # a person's role description and training
    MeetingForm,  # the meeting's purpose and agenda
    AnswerForm,  # a car-park answer
    FollowUpForm,  # a car-park item's next step
    AgreementForm,  # the group's agreements
    DefinitionForm,  # shared definitions
    FeedbackFormForm,  # a feedback form's introduction
    FeedbackFormChangeForm,
    OwnQuestionForm,  # a feedback question of the lead's own
    YouSaidWeDidForm,  # you said, we did
    PolicyForm,  # the organisation's payment words
    InvitationForm,  # "a message from you" in the email that invites someone to join
    ProjectForm,  # the project's description, in that email and on every home page
    SessionForm,  # what a session agreed and decided, shared with the group
    RevisitForm,
    DecisionAreaForm,  # what can change and what cannot
]

# Text areas in those forms that only staff read.
NOT_FOR_PARTICIPANTS = {
    (MeetingForm, "staffing"),
    (MeetingForm, "resources"),
    (MeetingForm, "food_notes"),
    (InvolvementForm, "training_done"),
    (SessionForm, "others_came"),
}

# Boxes that must be checked even if they are not text areas.
MUST_BE_CHECKED = {
    (InvitationWordingForm, name)
    for name in ("message", "how_it_affects", "getting_involved", "commitment", "training")
} | {
    (InvitationWordingForm, "payment"),
    (InvolvementForm, "role_description"),
    (MeetingForm, "purpose"),
    (MeetingForm, "agenda"),
    (AnswerForm, "answer"),
    (AgreementForm, "text"),
    (DefinitionForm, "meaning"),
    (FeedbackFormForm, "intro"),
    (OwnQuestionForm, "standard"),
    (YouSaidWeDidForm, "you_said"),
    (YouSaidWeDidForm, "we_did"),
    (PolicyForm, "information"),
    (InvitationForm, "message"),
}

JARGON = "We will report on stakeholder engagement going forward."


def _text_areas(form_class) -> set[str]:
    return {
        name
        for name, field in form_class.base_fields.items()
        if isinstance(field.widget, forms.Textarea)
    }


def test_every_box_a_participant_reads_has_the_live_check():
    missing = []
    for form_class in PARTICIPANT_FORMS:
        checked = getattr(form_class, "plain_words", {})
        wanted = {name for (cls, name) in MUST_BE_CHECKED if cls is form_class}
        wanted |= _text_areas(form_class) - {
            name for (cls, name) in NOT_FOR_PARTICIPANTS if cls is form_class
        }
        missing += [f"{form_class.__name__}.{name}" for name in sorted(wanted - set(checked))]
    assert missing == []


def _warning(response) -> str:
    page = response.content.decode()
    assert "Check the wording" in page
    return page


@pytest.mark.django_db
def test_an_agreement_with_jargon_is_saved_and_the_findings_are_said(client_for, lead, project):
    response = client_for(lead).post(
        f"/projects/{project.pk}/working-together/agreements/add/", {"text": JARGON}, follow=True
    )

    page = _warning(response)
    assert "stakeholder engagement" in page
    assert "going forward" in page
    assert Agreement.objects.get(project=project).text == JARGON


@pytest.mark.django_db
def test_a_meeting_purpose_with_jargon_is_saved_and_the_findings_are_said(
    client_for, lead, project
):
    response = client_for(lead).post(
        f"/projects/{project.pk}/meetings/add/", meeting_post(purpose=JARGON), follow=True
    )

    page = _warning(response)
    assert "stakeholder engagement" in page
    assert Meeting.objects.get(project=project).purpose == JARGON


@pytest.mark.django_db
def test_invitation_words_with_jargon_are_saved_and_the_findings_are_said(
    client_for, lead, project
):
    client = client_for(lead)
    client.post(f"/projects/{project.pk}/meetings/add/", meeting_post())
    meeting = Meeting.objects.get(project=project)

    response = client.post(
        f"/projects/{project.pk}/meetings/{meeting.pk}/invitation/",
        {"commitment": JARGON},
        follow=True,
    )

    page = _warning(response)
    assert "What are you asking of them: ‘stakeholder engagement’ (jargon)" in page
    assert meeting.invitation_wording.commitment == JARGON


@pytest.mark.django_db
def test_payment_words_with_jargon_are_saved_and_the_findings_are_said(client_for, project):
    organisation = project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user

    response = client_for(admin).post(
        f"/organisations/{organisation.pk}/paying-people/new/",
        {**POLICY, "information": JARGON},
        follow=True,
    )

    page = _warning(response)
    assert "stakeholder engagement" in page
    assert PaymentPolicy.objects.get(organisation=organisation).information == JARGON


@pytest.mark.django_db
def test_plain_words_are_saved_without_a_warning(client_for, lead, project):
    response = client_for(lead).post(
        f"/projects/{project.pk}/working-together/agreements/add/",
        {"text": "We listen to each other."},
        follow=True,
    )

    assert "Check the wording" not in response.content.decode()
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_projects_shared_definitions_are_not_flagged_once_saved(client_for, lead, project):
    SharedDefinitionFactory(project=project, word="stakeholder engagement")

    response = client_for(lead).post(
        f"/projects/{project.pk}/working-together/agreements/add/",
        {"text": "We talk about stakeholder engagement."},
        follow=True,
    )

    assert "Check the wording" not in response.content.decode()
