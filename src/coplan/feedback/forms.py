"""Forms for feedback. Every problem is a message beside its field, in plain words."""

from django import forms

from coplan.core.forms import checkboxes_field, text_field
from coplan.core.number_fields import WholeNumberField
from coplan.core.text import clean_typed_text
from coplan.feedback import bank
from coplan.feedback.models import FeedbackForm, FeedbackQuestion, HowAnswered, ThemeStatus
from coplan.feedback.services import MAX_ONE_TIME_LINKS, Given

DEFAULT_INTRO = (
    "We want to know what you think, so we can learn and do better. "
    "We will read every answer. We will tell you what we did about what you said."
)
YES_NO = [("yes", "Yes"), ("no", "No")]


def _choose(label: str, choices, message: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
        **kwargs,
    )


class _MeetingChoice(forms.Form):
    def __init__(self, *args, meetings=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meetings = {str(meeting.pk): meeting for meeting in meetings}
        self.fields["meeting"].choices = [
            ("", "The project as a whole"),
            *(
                (key, f"{m.title} ({m.meets_on.day} {m.meets_on:%B %Y})")
                for key, m in self.meetings.items()
            ),
        ]

    def chosen_meeting(self):
        return self.meetings.get(self.cleaned_data.get("meeting") or "")


class FeedbackFormForm(_MeetingChoice):
    plain_words = {"intro": "plain"}

    title = text_field(
        "What is the form called?",
        errors_label="what the form is called",
        max_length=150,
        hint="For example, feedback on the first workshop.",
        typed=True,
    )
    meeting = forms.ChoiceField(
        label="Is it about one meeting?",
        required=False,
        error_messages={"invalid_choice": "Select a meeting from the list"},
    )
    intro = text_field(
        "Why are you asking, and what will happen to the answers?",
        errors_label="why you are asking and what will happen to the answers",
        max_length=2000,
        rows=4,
        hint="People see this first. Say why feedback matters and what you will do with it.",
    )
    closed_box = _choose(
        "Is it a closed box (anonymous)?",
        [
            ("yes", "Yes: we keep nothing that says who answered"),
            ("no", "No: people sign in, and we keep their name with their answers"),
        ],
        "Select whether the form is a closed box",
        help_text="A closed box helps people to be honest.",
    )
    how_answered = _choose(
        "If it is a closed box, how will people get the form?",
        [
            (HowAnswered.LINK, HowAnswered.LINK.label),
            (HowAnswered.ONE_TIME, HowAnswered.ONE_TIME.label),
        ],
        "Select how people will get the form",
        required=False,
        help_text=(
            "One link for everyone is easiest, but one person could fill it in more than once. "
            "Links that work once stop that, and we still do not know who used which link."
        ),
    )
    bank_keys = checkboxes_field(
        "Which questions do you want to ask?",
        error="Choose questions from the list",
        hint="You can add questions of your own next. The Easy Read words are under each.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["bank_keys"]
        field.choices = [(question.key, question.standard) for question in bank.question_bank()]
        field.item_hints = {
            question.key: f"Easy Read: {question.easy_read}" for question in bank.question_bank()
        }

    def clean_intro(self) -> str:
        return clean_typed_text(self.cleaned_data["intro"], "Why you are asking")

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("closed_box") == "yes" and not cleaned.get("how_answered"):
            self.add_error("how_answered", "Select how people will get the form")
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        closed_box = data["closed_box"] == "yes"
        return {
            "title": data["title"],
            "intro": data["intro"],
            "meeting": self.chosen_meeting(),
            "closed_box": closed_box,
            "how_answered": data["how_answered"] if closed_box else HowAnswered.MEMBERS,
            "bank_keys": data["bank_keys"],
        }


class FeedbackFormChangeForm(_MeetingChoice):
    plain_words = {"intro": "plain"}

    title = FeedbackFormForm.base_fields["title"]
    meeting = FeedbackFormForm.base_fields["meeting"]
    intro = FeedbackFormForm.base_fields["intro"]
    is_open = _choose(
        "Can people fill it in now?",
        [("yes", "Yes, it is open"), ("no", "No, it is closed")],
        "Select whether the form is open",
    )

    clean_intro = FeedbackFormForm.clean_intro

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "intro": data["intro"],
            "meeting": self.chosen_meeting(),
            "is_open": data["is_open"] == "yes",
        }


def form_initial(form: FeedbackForm) -> dict:
    return {
        "title": form.title,
        "intro": form.intro,
        "meeting": str(form.meeting_id or ""),
        "is_open": "yes" if form.is_open else "no",
    }


class OwnQuestionForm(forms.Form):
    plain_words = {"standard": "plain", "easy_read": "easy_read"}

    kind = _choose(
        "What kind of answer?", bank.KIND_CHOICES, "Select what kind of answer people give"
    )
    standard = text_field(
        "The question",
        errors_label="the question",
        max_length=300,
        hint="For example, was the meeting at a good time of day for you?",
        typed=True,
    )
    easy_read = text_field(
        "The question in Easy Read",
        errors_label="the question in Easy Read",
        max_length=200,
        hint="One short sentence, with everyday words. For example, was the time good?",
        typed=True,
    )


class OneTimeLinksForm(forms.Form):
    count = WholeNumberField(
        label="How many links do you want to print?",
        what="The number of links",
        least=1,
        most=MAX_ONE_TIME_LINKS,
        help_text="One for each person. Each link works once.",
        error_messages={
            "required": "Enter how many links you want",
            "invalid": "Enter a whole number, like 12",
            "min_value": f"Enter a number between 1 and {MAX_ONE_TIME_LINKS}",
            "max_value": f"Enter a number between 1 and {MAX_ONE_TIME_LINKS}",
        },
    )


# Answers ------------------------------------------------------------------------------

WORDS_MAX = 2000


def _answer_field(question: FeedbackQuestion, *, easy_read: bool) -> forms.Field:
    label = question.easy_read if easy_read else question.standard
    if question.kind == bank.WORDS:
        return forms.CharField(
            label=label,
            required=False,
            max_length=WORDS_MAX,
            widget=forms.Textarea(attrs={"rows": 5}),
            error_messages={
                "max_length": f"Your answer must be {WORDS_MAX:,} characters or fewer",
                "null_characters_not_allowed": "Your answer must not contain hidden characters",
            },
        )
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[(choice.value, choice.label) for choice in bank.KINDS[question.kind].choices],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose one of the answers"},
    )


def answer_field_name(question: FeedbackQuestion) -> str:
    return f"question_{question.pk}"


class AnswersForm(forms.Form):
    """Every question of a form; each answer may be left out, but not all of them."""

    privacy_part = "feedback"  # of the security and data protection statement

    def __init__(self, *args, questions: list[FeedbackQuestion], easy_read: bool = False, **kw):
        super().__init__(*args, **kw)
        self.questions = questions
        for question in questions:
            self.fields[answer_field_name(question)] = _answer_field(question, easy_read=easy_read)

    def clean(self) -> dict:
        cleaned = super().clean()
        for question in self.questions:
            name = answer_field_name(question)
            value = cleaned.get(name)
            if question.kind == bank.WORDS and value:
                try:
                    cleaned[name] = clean_typed_text(value, "Your answer", required=False)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        if not self.errors and not any(cleaned.get(answer_field_name(q)) for q in self.questions):
            raise forms.ValidationError("Answer at least one question", code="empty")
        return cleaned

    def answers(self) -> dict[int, Given]:
        given = {}
        for question in self.questions:
            value = self.cleaned_data.get(answer_field_name(question)) or ""
            if question.kind == bank.WORDS:
                given[question.pk] = Given(words=value)
            else:
                given[question.pk] = Given(choice=value)
        return given


class OneAnswerForm(forms.Form):
    """One question on its own screen (Easy Read)."""

    privacy_part = "feedback"  # of the security and data protection statement

    def __init__(self, *args, question: FeedbackQuestion, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        self.fields[answer_field_name(question)] = _answer_field(question, easy_read=True)

    def clean(self) -> dict:
        cleaned = super().clean()
        name = answer_field_name(self.question)
        value = cleaned.get(name)
        if self.question.kind == bank.WORDS and value:
            try:
                cleaned[name] = clean_typed_text(value, "Your answer", required=False)
            except forms.ValidationError as error:
                self.add_error(name, error)
        return cleaned


# You said, we did -------------------------------------------------------------------


class YouSaidWeDidForm(forms.Form):
    plain_words = {
        "you_said": "plain",
        "we_did": "plain",
    }

    you_said = text_field(
        "You said",
        errors_label="what people said",
        max_length=1000,
        rows=4,
        hint="What people told us, in their words where you can. Do not name anyone.",
        typed=True,
    )
    status = _choose(
        "What is happening with it?", ThemeStatus.choices, "Select what is happening with it"
    )
    we_did = text_field(
        "We did",
        errors_label="what the project did",
        max_length=2000,
        rows=4,
        required=False,
        hint="What the project did about it, is doing, or cannot do and why.",
        typed=True,
    )
    form = forms.ChoiceField(
        label="Which feedback form did it come from? (optional)",
        required=False,
        error_messages={"invalid_choice": "Select a feedback form from the list"},
    )
    car_park_item = forms.ChoiceField(
        label="Or which car park item? (optional)",
        required=False,
        error_messages={"invalid_choice": "Select a car park item from the list"},
    )

    def __init__(self, *args, forms_=(), car_park_items=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.forms_ = {str(form.pk): form for form in forms_}
        self.items = {str(item.pk): item for item in car_park_items}
        self.fields["form"].choices = [
            ("", "Not from a feedback form"),
            *((key, form.title) for key, form in self.forms_.items()),
        ]
        self.fields["car_park_item"].choices = [
            ("", "Not from the car park"),
            *((key, str(item)) for key, item in self.items.items()),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("status") in {ThemeStatus.DONE, ThemeStatus.CANNOT} and not cleaned.get(
            "we_did"
        ):
            self.add_error("we_did", "Say what the project did, or what it cannot do and why")
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "you_said": data["you_said"],
            "we_did": data["we_did"],
            "status": data["status"],
            "form": self.forms_.get(data.get("form") or ""),
            "car_park_item": self.items.get(data.get("car_park_item") or ""),
        }


def theme_initial(entry) -> dict:
    return {
        "you_said": entry.you_said,
        "we_did": entry.we_did,
        "status": entry.status,
        "form": str(entry.form_id or ""),
        "car_park_item": str(entry.car_park_item_id or ""),
    }


# Self-reflection and lessons ---------------------------------------------------------


def reflection_field_name(key: str) -> str:
    return "answer_" + key.replace("-", "_")


class ReflectionForm(_MeetingChoice):
    about = text_field(
        "What are you reflecting on?",
        errors_label="what you are reflecting on",
        max_length=150,
        hint="For example, the first workshop, or the project so far.",
    )
    meeting = forms.ChoiceField(
        label="Is it about one meeting? (optional)",
        required=False,
        error_messages={"invalid_choice": "Select a meeting from the list"},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices[0] = ("", "No, the project or something else")
        for question in bank.reflection_questions():
            self.fields[reflection_field_name(question.key)] = text_field(
                question.text,
                errors_label="your answer",
                max_length=5000,
                rows=4,
                required=False,
                hint=question.hint or None,
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("about"):
            try:
                cleaned["about"] = clean_typed_text(
                    cleaned["about"], "What you are reflecting on", multiline=False
                )
            except forms.ValidationError as error:
                self.add_error("about", error)
        for question in bank.reflection_questions():
            name = reflection_field_name(question.key)
            if cleaned.get(name):
                try:
                    cleaned[name] = clean_typed_text(cleaned[name], "Your answer", required=False)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def answers(self) -> dict[str, str]:
        return {
            question.key: self.cleaned_data.get(reflection_field_name(question.key)) or ""
            for question in bank.reflection_questions()
        }


def reflection_initial(reflection) -> dict:
    return {
        "about": reflection.about,
        "meeting": str(reflection.meeting_id or ""),
        **{reflection_field_name(key): value for key, value in (reflection.answers or {}).items()},
    }


class ShareForm(forms.Form):
    shared = _choose(
        "Who can read this reflection?",
        [
            ("no", "Only me"),
            ("yes", "Everyone in the project"),
        ],
        "Select who can read this reflection",
    )


class LessonForm(forms.Form):
    text = text_field(
        "A lesson for next time",
        errors_label="the lesson",
        max_length=1000,
        rows=4,
        hint=(
            "Staff across your organisation can read lessons, to do better in other projects. "
            "Do not name anyone."
        ),
        typed=True,
    )
