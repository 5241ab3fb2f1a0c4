"""Tell us once: someone's own access needs, papers, contact and consent, asked one
question a page (the GOV.UK "question pages" pattern), then "Check your answers".

Each question is a small part of what the app already stores (`AccessNeeds` by
category, the person's contact details and formats, the consent to keep their
details). `Answers` holds all of it while the person goes through the questions; it
starts from what is stored, each question changes only its own part (skipping one
keeps it as it was) and nothing is saved until they press Save on "Check your answers"
(`services.person_tell_us_once_save`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from types import SimpleNamespace

from django import forms

from coplan.people.choices import ContactMethod
from coplan.people.forms import DetailsForm, KeepDetailsForm, NeedsForm
from coplan.people.needs import (
    COMMUNICATION,
    DIETARY,
    MOBILITY,
    REMINDERS,
    SUPPORT,
    AccessNeeds,
    NeedCategory,
)
from coplan.people.presenters import format_words

CONTACT_FIELDS = ("contact_by", "email", "phone", "address")
PAPERS_FIELDS = ("formats", "other_language")
DETAIL_FIELDS = CONTACT_FIELDS + PAPERS_FIELDS


@dataclass(frozen=True)
class Answers:
    """Everything the questions ask about, as the person has answered so far."""

    needs: AccessNeeds = field(default_factory=AccessNeeds)
    details: dict = field(default_factory=dict)  # DETAIL_FIELDS
    keep_details: str = ""  # "yes", "no", or "" when never said

    @classmethod
    def stored(cls, *, person, needs: AccessNeeds, keep_details: str) -> "Answers":
        details = {name: getattr(person, name) for name in DETAIL_FIELDS} if person else {}
        return cls(needs=needs, details=details, keep_details=keep_details)

    @classmethod
    def from_json(cls, value: dict) -> "Answers":
        return cls(
            needs=AccessNeeds.from_json(value.get("needs")),
            details=dict(value.get("details") or {}),
            keep_details=value.get("keep_details", ""),
        )

    def to_json(self) -> dict:
        return {
            "needs": self.needs.to_json(),
            "details": self.details,
            "keep_details": self.keep_details,
        }

    def details_for_saving(self) -> dict:
        """The contact details and formats told so far: only those, so what was never
        asked about (the email from their account, say) stays as the record has it."""
        return {name: self.details[name] for name in DETAIL_FIELDS if name in self.details}


@dataclass(frozen=True)
class Question:
    """One page: `heading` is the question (the page's h1), `short` its row on "Check
    your answers". `make_form(data, initial)`, `initial(answers)`, `apply(answers,
    cleaned_data)` and `answer(answers)` (the words shown on "Check your answers")."""

    slug: str
    heading: str
    short: str
    hint: str
    make_form: Callable[..., forms.Form]
    initial: Callable[[Answers], dict]
    apply: Callable[[Answers, dict], Answers]
    answer: Callable[[Answers], list[str]]

    def form(self, data, answers: Answers) -> forms.Form:
        form = self.make_form(data, initial=self.initial(answers))
        first = next(iter(form.fields.values()))
        first.label, first.help_text = self.heading, self.hint
        return form


# Access needs, one category a question ---------------------------------------------


def _needs_question(slug: str, category: NeedCategory, heading: str, hint: str) -> Question:
    def make_form(data, initial):
        return NeedsForm(data, initial=initial, categories=(category,))

    def initial(answers: Answers) -> dict:
        return {
            name: value
            for name, value in NeedsForm.initial_from(answers.needs).items()
            if name.startswith(category.code)
            or (category is REMINDERS and name == "reminder_days_before")
        }

    def apply(answers: Answers, cleaned: dict) -> Answers:
        old = answers.needs
        chosen = {code: sorted(options) for code, options in old.chosen.items()}
        chosen[category.code] = cleaned.get(category.code) or []
        notes = {**old.notes, category.code: cleaned.get(f"{category.code}_notes") or ""}
        days = old.reminder_days_before
        if category is REMINDERS:
            days = cleaned.get("reminder_days_before")
        needs = AccessNeeds.from_answers(chosen=chosen, notes=notes, reminder_days_before=days)
        return replace(answers, needs=needs)

    def answer(answers: Answers) -> list[str]:
        for described, labels, notes in answers.needs.described():
            if described is category:
                return [*labels, *([notes] if notes else [])]
        return []

    return Question(slug, heading, category.label, hint, make_form, initial, apply, answer)


# Papers, contact and consent -------------------------------------------------------


def _details_question(
    slug: str, names: tuple[str, ...], heading: str, short: str, hint: str, answer
) -> Question:
    def make_form(data, initial):
        return DetailsForm(data, initial=initial, only=names)

    def initial(answers: Answers) -> dict:
        return {name: answers.details.get(name) for name in names}

    def apply(answers: Answers, cleaned: dict) -> Answers:
        details = {**answers.details, **{name: cleaned.get(name) for name in names}}
        if "other_language" not in (details.get("formats") or []):
            details["other_language"] = ""
        return replace(answers, details=details)

    return Question(slug, heading, short, hint, make_form, initial, apply, answer)


def _papers(answers: Answers) -> list[str]:
    formats = SimpleNamespace(
        formats=answers.details.get("formats") or [],
        other_language=answers.details.get("other_language", ""),
    )
    return [format_words(formats) or "Standard papers"]


def _contact(answers: Answers) -> list[str]:
    details = answers.details
    contact_by = details.get("contact_by")
    lines = [f"By {ContactMethod(contact_by).label.lower()}"] if contact_by else []
    lines += [details[name] for name in ("email", "phone", "address") if details.get(name)]
    return lines


def _keep_details_question() -> Question:
    def apply(answers: Answers, cleaned: dict) -> Answers:
        said = cleaned.get("keep_details") or answers.keep_details
        return replace(answers, keep_details=said)

    def answer(answers: Answers) -> list[str]:
        return [{"yes": "Yes", "no": "No"}.get(answers.keep_details, "")]

    return Question(
        "keeping-your-details",
        KeepDetailsForm.base_fields["keep_details"].label,
        "Keeping your details",
        KeepDetailsForm.base_fields["keep_details"].help_text,
        lambda data, initial: KeepDetailsForm(data, initial=initial),
        lambda answers: {"keep_details": answers.keep_details or None},
        apply,
        answer,
    )


QUESTIONS: tuple[Question, ...] = (
    _needs_question(
        "getting-there",
        MOBILITY,
        "What do you need to get to meetings and move around?",
        "Choose any that help you, or none.",
    ),
    _needs_question(
        "communication",
        COMMUNICATION,
        "What helps you hear, see and talk with others?",
        "Choose any that help you, or none.",
    ),
    _needs_question(
        "food-and-drink",
        DIETARY,
        "What do we need to know about what you eat and drink?",
        "We tell the caterer, without your name. Choose any, or none.",
    ),
    _needs_question(
        "reminders",
        REMINDERS,
        "How would you like us to remind you about meetings?",
        "Choose any. If you do not want reminders, choose none.",
    ),
    _needs_question(
        "other-support",
        SUPPORT,
        "What else helps you take part?",
        "Choose any that help you, or none.",
    ),
    _details_question(
        "papers",
        PAPERS_FIELDS,
        "How would you like your papers?",
        "Papers",
        "Choose any you need. If you choose none, we send standard papers.",
        _papers,
    ),
    _details_question(
        "contact",
        CONTACT_FIELDS,
        "How should we contact you?",
        "How we contact you",
        "",
        _contact,
    ),
    _keep_details_question(),
)
QUESTION_BY_SLUG = {question.slug: question for question in QUESTIONS}


def question_after(question: Question) -> Question | None:
    index = QUESTIONS.index(question)
    return QUESTIONS[index + 1] if index + 1 < len(QUESTIONS) else None


def question_before(question: Question) -> Question | None:
    index = QUESTIONS.index(question)
    return QUESTIONS[index - 1] if index > 0 else None
