"""Each kind of answer is asked with the controls a person expects on the plan's
pages: a checklist is boxes to tick (any number), a choice is radios (one), and so on."""

from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coplan.guides import engine
from coplan.guides.models import GuideAnswer
from coplan.guides.selectors import project_workbooks
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, ProjectFactory, StaffMembershipFactory
from tests.form_controls import control_types, controls, ticked

pytestmark = pytest.mark.django_db

EVERY_KIND = """
[guide]
id = "every-kind"
title = "Every kind"
version = 1

[[sections]]
id = "all"
title = "All kinds"

[[sections.questions]]
id = "q-text"
text = "Words?"
kind = "text"

[[sections.questions]]
id = "q-yes-no"
text = "Yes or no?"
kind = "yes-no"

[[sections.questions]]
id = "q-date"
text = "When?"
kind = "date"

[[sections.questions]]
id = "q-duration"
text = "How long?"
kind = "duration"

[[sections.questions]]
id = "q-money"
text = "How much?"
kind = "money"

[[sections.questions]]
id = "q-number"
text = "How many?"
kind = "number"

[[sections.questions]]
id = "q-choice"
text = "Which one?"
kind = "choice"
options = [
  { id = "one", text = "One" },
  { id = "two", text = "Two", hint = "The second" },
  { id = "three", text = "Three" },
]

[[sections.questions]]
id = "q-checklist"
text = "Which of these?"
kind = "checklist"
items = [
  { id = "a", text = "A" },
  { id = "b", text = "B", hint = "The second" },
  { id = "c", text = "C" },
  { id = "d", text = "D" },
]

[[sections.questions]]
id = "q-people"
text = "Who?"
kind = "people"
"""

# What each kind of question shows, name -> {control type: how many}.
EXPECTED = {
    "q-text": {"q-text": {"textarea": 1}},
    "q-yes-no": {"q-yes-no": {"radio": 3}},
    "q-date": {"q-date-day": {"text": 1}, "q-date-month": {"text": 1}, "q-date-year": {"text": 1}},
    "q-duration": {"q-duration": {"text": 1}},
    "q-money": {"q-money": {"text": 1}},
    "q-number": {"q-number": {"text": 1}},
    "q-choice": {"q-choice": {"radio": 3}},
    "q-checklist": {"q-checklist": {"checkbox": 4}},
    "q-people": {"q-people": {"textarea": 1}},
}


@pytest.fixture
def every_kind_page(client_for):
    """The section page of a guide with one question of each kind, as its lead sees it."""
    admin = StaffMembershipFactory(is_admin=True)
    client_for(admin.user).post(
        f"/organisations/{admin.organisation_id}/guides/",
        {"guide_file": SimpleUploadedFile("every.toml", EVERY_KIND.encode())},
    )
    project = ProjectFactory(organisation=admin.organisation)
    lead = MembershipFactory(project=project, role=Role.LEAD).user
    response = client_for(lead).get(f"/projects/{project.pk}/plan/every-kind/all/")
    assert response.status_code == 200
    return response.content.decode()


def _names_starting(page: str, question_id: str) -> dict[str, Counter]:
    drawn: dict[str, Counter] = {}
    for control in controls(page):
        if control.name == question_id or control.name.startswith(f"{question_id}-"):
            if control.name.startswith(f"{question_id}--"):
                continue  # "not sure yet" and the note, checked below
            drawn.setdefault(control.name, Counter())[control.type] += 1
    return drawn


def test_every_answer_kind_is_covered_here():
    assert set(EXPECTED) == {f"q-{kind.value}" for kind in engine.AnswerKind}


@pytest.mark.parametrize("question_id", list(EXPECTED))
def test_each_answer_kind_is_asked_with_the_controls_it_needs(every_kind_page, question_id):
    expected = {name: Counter(types) for name, types in EXPECTED[question_id].items()}

    assert _names_starting(every_kind_page, question_id) == expected
    assert control_types(every_kind_page, f"{question_id}--not-sure") == Counter(checkbox=1)
    assert control_types(every_kind_page, f"{question_id}--note") == Counter(textarea=1)


def test_money_is_asked_in_pounds(every_kind_page):
    assert '<div class="govuk-input__prefix" aria-hidden="true">£</div>' in every_kind_page


def test_every_question_of_the_default_guides_shows_its_kind_of_control(client_for, project, lead):
    client = client_for(lead)
    client.get(f"/projects/{project.pk}/plan/")
    expected_types = {
        engine.AnswerKind.TEXT: Counter(textarea=1),
        engine.AnswerKind.PEOPLE: Counter(textarea=1),
        engine.AnswerKind.YES_NO: Counter(radio=3),
        engine.AnswerKind.DURATION: Counter(text=1),
        engine.AnswerKind.MONEY: Counter(text=1),
        engine.AnswerKind.NUMBER: Counter(text=1),
    }
    checked = Counter()
    for workbook in project_workbooks(project=project):
        for section in workbook.guide.sections:
            page = client.get(
                f"/projects/{project.pk}/plan/{workbook.key}/{section.id}/"
            ).content.decode()
            for question in section.questions:
                kind, name = question.kind, question.id
                if question.answered_by:  # the project's details answer it: no control
                    expected = Counter()
                elif kind is engine.AnswerKind.CHECKLIST:
                    expected = Counter(checkbox=len(question.items))
                elif kind is engine.AnswerKind.CHOICE:
                    expected = Counter(radio=len(question.options))
                elif kind is engine.AnswerKind.DATE:
                    name, expected = f"{name}-day", Counter(text=1)
                else:
                    expected = expected_types[kind]
                assert control_types(page, name) == expected, (workbook.key, question.id)
                checked[kind] += 1
    assert checked[engine.AnswerKind.CHECKLIST] >= 7


POLICIES = "policies-known"
GETTING_STARTED = "/projects/{}/plan/at-the-start/getting-started/"


def test_lead_ticks_several_policies_and_all_are_saved_and_shown_ticked(client_for, project, lead):
    client = client_for(lead)
    url = GETTING_STARTED.format(project.pk)
    page = client.get(url).content.decode()
    assert control_types(page, POLICIES) == Counter(checkbox=5)

    response = client.post(
        url, {POLICIES: ["remuneration", "gdpr", "demographic-monitoring"]}, follow=True
    )

    assert "1 answer saved" in response.content.decode()
    saved = GuideAnswer.objects.get(question_id=POLICIES)
    assert sorted(saved.value) == ["demographic-monitoring", "gdpr", "remuneration"]
    page = client.get(url).content.decode()
    assert ticked(page, POLICIES) == {"remuneration", "gdpr", "demographic-monitoring"}
    assert control_types(page, POLICIES) == Counter(checkbox=5)


def test_lead_unticks_a_policy_and_only_the_rest_stay_ticked(client_for, project, lead):
    client = client_for(lead)
    url = GETTING_STARTED.format(project.pk)
    client.post(url, {POLICIES: ["remuneration", "gdpr", "equality-and-diversity"]})

    client.post(url, {POLICIES: ["remuneration", "equality-and-diversity"]})

    page = client.get(url).content.decode()
    assert ticked(page, POLICIES) == {"remuneration", "equality-and-diversity"}
