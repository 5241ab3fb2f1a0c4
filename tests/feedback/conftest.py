import pytest

from coplan.feedback import services
from coplan.feedback.services import Given
from coplan.projects.roles import Role
from tests.factories import MembershipFactory
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    WordsQuestionFactory,
)


@pytest.fixture
def group(db):
    """A project with one member of each role, as memberships keyed by role."""
    lead = MembershipFactory(role=Role.LEAD, user__full_name="Lee Lead")
    members = {Role.LEAD: lead}
    for role in Role:
        if role != Role.LEAD:
            members[role] = MembershipFactory(project=lead.project, role=role)
    return members


@pytest.fixture
def project(group):
    return group[Role.LEAD].project


@pytest.fixture
def as_role(group, client_for):
    def make(role: str):
        return client_for(group[role].user)

    return make


@pytest.fixture
def closed_box(project):
    """A closed-box form with a feeling question and a words question."""
    form = FeedbackFormFactory(project=project)
    FeedbackQuestionFactory(form=form, position=1)
    WordsQuestionFactory(form=form, position=2)
    return form


def answer(form, choice: str = "good", words: str = "", **kwargs):
    feeling, said = list(form.questions.all())[:2]
    return services.feedback_answer_record(
        form=form,
        answers={feeling.pk: Given(choice=choice), said.pk: Given(words=words)},
        **kwargs,
    )
