"""The benchmark organisation's feedback: a closed-box form after many meetings, and
everyone's answers. See `coplan.core.bench`."""

import secrets

from coplan.core.bench import Bench
from coplan.feedback import bank
from coplan.feedback.models import (
    FeedbackAnswer,
    FeedbackForm,
    FeedbackQuestion,
    FeedbackResponse,
    HowAnswered,
)

QUESTIONS = ["how-was-it", "chance-to-take-part", "do-better"]


def feedback_bench_seed(bench: Bench) -> None:
    size, chance = bench.size, bench.random
    big = bench.big_project
    meetings = bench.found["meetings"]
    forms = [
        FeedbackForm(
            project=big,
            meeting=meetings[number % len(meetings)],
            title=f"Feedback on workshop {number + 1}",
            intro="We want to know what you think, so we can learn and do better.",
            closed_box=True,
            how_answered=HowAnswered.LINK,
            token=secrets.token_urlsafe(32),
        )
        for number in range(size.big_feedback_forms)
    ]
    forms += [
        FeedbackForm(
            project=project,
            title="Feedback on our first workshop",
            intro="We want to know what you think, so we can learn and do better.",
            closed_box=True,
            how_answered=HowAnswered.LINK,
            token=secrets.token_urlsafe(32),
        )
        for project in bench.projects[1:]
    ]
    forms = FeedbackForm.objects.bulk_create(forms, batch_size=1000)
    asked = [bank.bank_question(key) for key in QUESTIONS]
    questions = FeedbackQuestion.objects.bulk_create(
        FeedbackQuestion(
            form=form,
            position=position,
            kind=found.kind,
            standard=found.standard,
            easy_read=found.easy_read,
            feeling=found.feeling,
            bank_key=found.key,
        )
        for form in forms
        for position, found in enumerate(asked, start=1)
    )
    by_form: dict[int, list[FeedbackQuestion]] = {}
    for question in questions:
        by_form.setdefault(question.form_id, []).append(question)
    # A fifth of the answers go to the big project's forms, the rest spread over the others.
    big_forms = forms[: size.big_feedback_forms]
    responses_big = size.feedback_answers // 5 // len(QUESTIONS)
    responses_other = size.feedback_answers * 4 // 5 // len(QUESTIONS)
    given = [big_forms[number % len(big_forms)] for number in range(responses_big)]
    other_forms = forms[size.big_feedback_forms :]
    given += [other_forms[number % len(other_forms)] for number in range(responses_other)]
    responses = FeedbackResponse.objects.bulk_create(
        (FeedbackResponse(form=form, on_paper=chance.random() < 0.2) for form in given),
        batch_size=5000,
    )
    answers = []
    for response, form in zip(responses, given, strict=True):
        for question in by_form[form.pk]:
            if question.kind == bank.WORDS:
                answers.append(
                    FeedbackAnswer(response=response, question=question, words="More breaks.")
                )
            else:
                choices = bank.KINDS[question.kind].choices
                answers.append(
                    FeedbackAnswer(
                        response=response, question=question, choice=chance.choice(choices).value
                    )
                )
    FeedbackAnswer.objects.bulk_create(answers, batch_size=5000)
    measured = big_forms[0]
    bench.found["feedback_form"] = measured
    bench.found["feedback_answer"] = {
        f"question_{question.pk}": (
            "More buses, please."
            if question.kind == bank.WORDS
            else "good"
            if question.kind == bank.FEELING
            else "yes"
        )
        for question in by_form[measured.pk]
    }
