"""Filling in the Easy Read feedback form on a phone, one question a screen, and the
lead's results page: zero axe violations on every page visited."""

import pytest
from playwright.sync_api import expect

from coplan.feedback.models import FeedbackAnswer, FeedbackResponse
from coplan.projects.roles import Role
from tests.factories import PASSWORD, MembershipFactory
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    WordsQuestionFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _form():
    form = FeedbackFormFactory(title="Feedback on the first workshop")
    FeedbackQuestionFactory(form=form, position=1)
    FeedbackQuestionFactory(
        form=form,
        position=2,
        kind="yes_no",
        standard="Did you get the chance to take part?",
        easy_read="Did you get a chance to have your say?",
        feeling="",
        bank_key="chance-to-take-part",
    )
    WordsQuestionFactory(form=form, position=3)
    return form


def test_easy_read_form_on_a_phone_one_question_a_screen(phone_visit):
    page = phone_visit.page
    form = _form()

    phone_visit.go(f"/feedback/{form.token}/")
    expect(page.get_by_role("heading", name="Feedback on the first workshop")).to_be_visible()
    phone_visit.assert_accessible()
    page.get_by_role("button", name="Easy Read form").click()

    expect(page.get_by_text("question 1 of 3")).to_be_visible()
    expect(page.get_by_role("group", name="How was the meeting?")).to_be_visible()
    assert page.get_by_role("radio").count() == 3
    phone_visit.assert_accessible()
    page.get_by_role("radio", name="Good", exact=True).check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("question 2 of 3")).to_be_visible()
    expect(page.get_by_role("group", name="Did you get a chance to have your say?")).to_be_visible()
    phone_visit.assert_accessible()
    page.get_by_role("radio", name="Not sure").check()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_text("question 3 of 3")).to_be_visible()
    phone_visit.assert_accessible()
    page.get_by_label("What could be better next time?").fill("A bell\x07 sound")
    page.get_by_role("button", name="Next").click()
    expect(
        page.get_by_role("link", name="Your answer must not contain hidden or control characters")
    ).to_be_visible()
    assert page.title().startswith("Error:")
    phone_visit.assert_accessible()
    page.get_by_label("What could be better next time?").fill("A cooler room, please")
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Your answers")).to_be_visible()
    expect(page.get_by_text("A cooler room, please")).to_be_visible()
    phone_visit.assert_accessible()
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(page.get_by_text("We will tell you what we did about it.")).to_be_visible()
    phone_visit.assert_accessible()
    assert FeedbackResponse.objects.get().respondent is None
    assert sorted(FeedbackAnswer.objects.values_list("choice", "words")) == [
        ("", "A cooler room, please"),
        ("good", ""),
        ("not_sure", ""),
    ]


def test_lead_reads_the_results_and_makes_a_form(visit):
    page = visit.page
    form = _form()
    lead = MembershipFactory(project=form.project, role=Role.LEAD, user__email="lead@example.org")
    for choice in ("good", "good", "good", "okay", "not_good"):
        response = FeedbackResponse.objects.create(form=form)
        FeedbackAnswer.objects.create(
            response=response, question=form.questions.first(), choice=choice
        )

    visit.go("/sign-in/")
    page.get_by_label("Email address").fill(lead.user.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    visit.go(f"/projects/{form.project_id}/feedback/forms/{form.pk}/results/")
    expect(
        page.get_by_text("Most people (3 of 5) said the meeting was good.").first
    ).to_be_visible()
    visit.assert_accessible()

    visit.go(f"/projects/{form.project_id}/feedback/forms/{form.pk}/")
    visit.assert_accessible()
    visit.go(f"/projects/{form.project_id}/feedback/")
    visit.assert_accessible()
    visit.go(f"/projects/{form.project_id}/you-said-we-did/")
    visit.assert_accessible()
    visit.go(f"/projects/{form.project_id}/feedback/forms/add/")
    visit.assert_accessible()
    page.get_by_role("button", name="Make the form").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    visit.assert_accessible()
    visit.go(f"/projects/{form.project_id}/reflections/add/")
    visit.assert_accessible()
    page.get_by_label("What are you reflecting on?").fill("The first workshop")
    page.get_by_label("What would I do differently next time?").fill("Book a cooler room.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Only you can see this.")).to_be_visible()
    visit.assert_accessible()
    base = f"/projects/{form.project_id}/feedback/forms/{form.pk}/"
    for path in (
        base + "type-in/",
        base + "questions/add/",
        f"/projects/{form.project_id}/you-said-we-did/add/",
        f"/projects/{form.project_id}/you-said-we-did/send/",
        f"/projects/{form.project_id}/reflections/",
        f"/projects/{form.project_id}/lessons/",
    ):
        visit.go(path)
        visit.assert_accessible()
    # The live wording check marks words in the Easy Read question as they are typed.
    visit.go(base + "questions/add/")
    page.get_by_label("The question in Easy Read", exact=True).fill(
        "Did the facilitator utilise a person-centred approach?"
    )
    expect(page.locator("#id_easy_read-language-status")).to_contain_text("suggestion")
    visit.assert_accessible()
