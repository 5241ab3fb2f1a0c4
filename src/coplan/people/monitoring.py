"""Equality and demographic monitoring: the questions and the small-number rule.

Answers are kept apart from identity: a response belongs to a project, never to
a person, and carries no date. Totals are shown only with small numbers
suppressed, so nobody can be picked out of a small group.

Pure Python: no Django import.
"""

from dataclasses import dataclass

PREFER_NOT_TO_SAY = ("prefer_not", "Prefer not to say")
SMALL_NUMBER = 5  # counts from 1 to SMALL_NUMBER - 1 are shown as "fewer than 5"


@dataclass(frozen=True)
class Question:
    code: str
    label: str
    answers: tuple[tuple[str, str], ...]

    def answer_label(self, answer: str) -> str:
        return dict(self.answers).get(answer, answer)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "age",
        "How old are you?",
        (
            ("under_18", "Under 18"),
            ("18_24", "18 to 24"),
            ("25_34", "25 to 34"),
            ("35_44", "35 to 44"),
            ("45_54", "45 to 54"),
            ("55_64", "55 to 64"),
            ("65_74", "65 to 74"),
            ("75_over", "75 or over"),
            PREFER_NOT_TO_SAY,
        ),
    ),
    Question(
        "disability",
        "Do you consider yourself to be disabled?",
        (("yes", "Yes"), ("no", "No"), PREFER_NOT_TO_SAY),
    ),
    Question(
        "carer",
        "Do you look after, or give help or support to, someone because of their health or age?",
        (("yes", "Yes"), ("no", "No"), PREFER_NOT_TO_SAY),
    ),
    Question(
        "gender",
        "What is your gender?",
        (
            ("woman", "Woman"),
            ("man", "Man"),
            ("non_binary", "Non-binary"),
            ("another", "In another way"),
            PREFER_NOT_TO_SAY,
        ),
    ),
    Question(
        "ethnicity",
        "What is your ethnic group?",
        (
            ("asian", "Asian or Asian British"),
            ("black", "Black, Black British, Caribbean or African"),
            ("mixed", "Mixed or multiple ethnic groups"),
            ("white", "White"),
            ("other", "Another ethnic group"),
            PREFER_NOT_TO_SAY,
        ),
    ),
    Question(
        "religion",
        "What is your religion?",
        (
            ("none", "No religion"),
            ("buddhist", "Buddhist"),
            ("christian", "Christian"),
            ("hindu", "Hindu"),
            ("jewish", "Jewish"),
            ("muslim", "Muslim"),
            ("sikh", "Sikh"),
            ("other", "Another religion"),
            PREFER_NOT_TO_SAY,
        ),
    ),
    Question(
        "sexual_orientation",
        "Which of these best describes your sexual orientation?",
        (
            ("straight", "Straight or heterosexual"),
            ("gay_lesbian", "Gay or lesbian"),
            ("bisexual", "Bisexual"),
            ("another", "In another way"),
            PREFER_NOT_TO_SAY,
        ),
    ),
)
QUESTION_BY_CODE = {question.code: question for question in QUESTIONS}


def clean_answers(answers: dict[str, str]) -> dict[str, str]:
    """Only known questions and answers; unanswered questions are left out."""
    return {
        question.code: answers[question.code]
        for question in QUESTIONS
        if answers.get(question.code) in dict(question.answers)
    }


@dataclass(frozen=True)
class Cell:
    answer: str
    label: str
    count: int
    suppressed: bool

    @property
    def shown(self) -> str:
        return f"Fewer than {SMALL_NUMBER}" if self.suppressed else str(self.count)


def suppress(counts: dict[str, int]) -> dict[str, bool]:
    """Which counts to hide: any from 1 to SMALL_NUMBER - 1, and, if only one is
    hidden, the next smallest too, so it cannot be worked out from the total."""
    hidden = {answer for answer, count in counts.items() if 0 < count < SMALL_NUMBER}
    if len(hidden) == 1:
        others = sorted(
            (count, answer)
            for answer, count in counts.items()
            if count > 0 and answer not in hidden
        )
        if others:
            hidden.add(others[0][1])
    return {answer: answer in hidden for answer in counts}


def question_totals(question: Question, responses: list[dict[str, str]]) -> list[Cell]:
    counts = {answer: 0 for answer, _ in question.answers}
    for response in responses:
        answer = response.get(question.code)
        if answer in counts:
            counts[answer] += 1
    hidden = suppress(counts)
    return [
        Cell(answer=answer, label=label, count=counts[answer], suppressed=hidden[answer])
        for answer, label in question.answers
    ]
