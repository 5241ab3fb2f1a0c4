"""Forms for the plan: one section of a guide per page, with a field for each
question of the kind its answer needs, plus "not sure yet" and a note."""

import datetime
from decimal import Decimal

from django import forms

from coplan.core.govuk_forms import DateField
from coplan.core.number_fields import MoneyField, NumberField
from coplan.core.numbers import pounds
from coplan.core.text import NoHiddenCharacters, clean_plain_text
from coplan.guides import engine
from coplan.guides.models import AnswerState, GuideAnswer

NOT_SURE_SUFFIX = "--not-sure"
NOTE_SUFFIX = "--note"
TEXT_LIMIT = 5000

YES_NO_CHOICES = [(engine.YES, "Yes"), (engine.NO, "No"), (engine.NOT_SURE, "Not sure")]
# The largest number a number answer can be: far above any count a plan needs.
MOST_NUMBER = 1_000_000_000


class _PoundsField(MoneyField):
    """A money answer: read like every amount of money, kept as pounds (a Decimal)."""

    def read(self, text: str) -> Decimal:
        return pounds(super().read(text))


def _answer_field(question: engine.Question) -> forms.Field:
    kind = question.kind
    common = {"label": question.text, "required": False}
    if kind is engine.AnswerKind.YES_NO:
        return forms.ChoiceField(choices=YES_NO_CHOICES, widget=forms.RadioSelect, **common)
    if kind is engine.AnswerKind.CHOICE:
        field = forms.ChoiceField(
            choices=[(option.id, option.text) for option in question.options],
            widget=forms.RadioSelect,
            **common,
        )
        field.item_hints = {option.id: option.hint for option in question.options if option.hint}
        return field
    if kind is engine.AnswerKind.CHECKLIST:
        field = forms.MultipleChoiceField(
            choices=[(item.id, item.text) for item in question.items],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
        field.item_hints = {item.id: item.hint for item in question.items if item.hint}
        return field
    if kind is engine.AnswerKind.DATE:
        return DateField(label_for_errors="the date", help_text="For example, 27 3 2027", **common)
    if kind is engine.AnswerKind.DURATION:
        return forms.CharField(
            max_length=40,
            error_messages={"max_length": "Enter a length of time, for example 6 months"},
            help_text="For example, 6 months, 1 year or 10 weeks",
            widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            **common,
        )
    if kind is engine.AnswerKind.MONEY:
        return _PoundsField(
            label_for_errors="The amount",
            example="2500.50",
            help_text="In pounds, for example 2500 or 2500.50",
            **common,
        )
    if kind is engine.AnswerKind.NUMBER:
        return NumberField(
            what="The answer",
            most=MOST_NUMBER,
            places=2,
            counted=False,
            example="12 or 12.5",
            width="govuk-input--width-5",
            **common,
        )
    if kind is engine.AnswerKind.PEOPLE:
        return forms.CharField(
            max_length=TEXT_LIMIT,
            help_text="Put each person or group on a new line",
            widget=forms.Textarea(attrs={"rows": 4}),
            **common,
        )
    return forms.CharField(
        max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 4}), **common
    )


def _initial(question: engine.Question, answer: GuideAnswer | None) -> object:
    if answer is None or answer.value is None:
        return None
    value = answer.value
    if question.kind is engine.AnswerKind.DATE and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    if question.kind is engine.AnswerKind.PEOPLE and isinstance(value, list):
        return "\n".join(value)
    return value


class SectionForm(forms.Form):
    """All the questions of one section, but those the project's details answer
    (they are changed on the project's details page, their one source)."""

    def __init__(
        self,
        *args,
        section: engine.Section,
        answers: dict[str, GuideAnswer],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.section = section
        self.questions = [question for question in section.questions if not question.answered_by]
        for question in self.questions:
            answer = answers.get(question.id)
            self.fields[question.id] = _answer_field(question)
            self.fields[question.id].initial = _initial(question, answer)
            self.fields[question.id + NOT_SURE_SUFFIX] = forms.BooleanField(
                label="I am not sure yet",
                required=False,
                initial=bool(answer and answer.state == AnswerState.NOT_SURE_YET),
            )
            self.fields[question.id + NOTE_SUFFIX] = forms.CharField(
                label="Note (optional)",
                required=False,
                max_length=2000,
                initial=answer.note if answer else "",
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": "The note must be 2000 characters or fewer"},
            )

    def clean(self) -> dict:
        cleaned = super().clean()
        for question in self.questions:
            if question.id in self.errors:
                continue
            self._check_answer(question, cleaned.get(question.id))
            note = cleaned.get(question.id + NOTE_SUFFIX) or ""
            if note.strip():
                try:
                    cleaned[question.id + NOTE_SUFFIX] = clean_plain_text(
                        note, field_label="The note", multiline=True
                    )
                except forms.ValidationError as error:
                    self.add_error(question.id + NOTE_SUFFIX, error)
        return cleaned

    def _check_answer(self, question: engine.Question, raw: object) -> None:
        if isinstance(raw, str) and raw.strip() and question.kind is engine.AnswerKind.TEXT:
            try:
                clean_plain_text(raw, field_label="The answer", multiline=True)
            except forms.ValidationError as error:
                self.add_error(question.id, error)
                return
        try:
            engine.answer_value_read(question.kind, _raw_for_engine(raw), choices=question.choices)
        except engine.AnswerValueError as error:
            self.add_error(question.id, str(error))

    def section_answers(self) -> dict[str, tuple[object, str, str]]:
        """Question id -> (value to keep, state, note); state "" means no answer."""
        answers = {}
        for question in self.questions:
            raw = _raw_for_engine(self.cleaned_data.get(question.id))
            value = engine.answer_value_read(question.kind, raw, choices=question.choices)
            not_sure = self.cleaned_data.get(question.id + NOT_SURE_SUFFIX)
            note = (self.cleaned_data.get(question.id + NOTE_SUFFIX) or "").strip()
            kept = _kept(question, raw, value)
            if not_sure or (value in (None, ()) and note):
                state = AnswerState.NOT_SURE_YET
            elif value not in (None, ()):
                state = AnswerState.ANSWERED
            else:
                state = ""
            answers[question.id] = (kept if state else None, str(state), note if state else "")
        return answers


def _raw_for_engine(raw: object) -> object:
    if raw in ("", None, []):
        return None
    return raw


def _kept(question: engine.Question, raw: object, value: object) -> object:
    """What is stored: the plain value people typed, read by the engine again later."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return str(raw).strip().lstrip("£").replace(",", "")
    if isinstance(value, engine.Duration):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


class CommentForm(forms.Form):
    question_id = forms.ChoiceField(
        label="Which question is your comment about?",
        error_messages={"required": "Choose the question your comment is about"},
    )
    text = forms.CharField(
        label="Add a comment",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Write your comment",
            "max_length": "Your comment must be 2000 characters or fewer",
        },
    )

    def __init__(self, *args, section: engine.Section, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["question_id"].choices = [
            (question.id, _short(question.text)) for question in section.questions
        ]

    def clean_text(self) -> str:
        return clean_plain_text(
            self.cleaned_data["text"], field_label="Your comment", multiline=True
        )


def _short(text: str, limit: int = 90) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else text
    return first_line if len(first_line) <= limit else first_line[: limit - 1].rstrip() + "…"


class WayForwardForm(forms.Form):
    way_forward = forms.ChoiceField(
        label="What will you do?",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a way forward"},
    )

    def __init__(self, *args, rule: engine.Rule, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rule = rule
        self.fields["way_forward"].choices = [(way.id, way.text) for way in rule.ways_forward]
        self.fields["way_forward"].item_hints = {
            way.id: "A manager of the project will be asked to agree this."
            for way in rule.ways_forward
            if way.needs_agreement
        }


class WayForwardAnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you agree this way forward?",
        choices=[("agree", "Yes, I agree"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether you agree this way forward"},
    )
    reason = forms.CharField(
        label="If not, why not?",
        help_text="The lead reads this and chooses again",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[NoHiddenCharacters("Why not")],
    )


class GuideUploadForm(forms.Form):
    guide_file = forms.FileField(
        label="Upload a guide file",
        help_text="A TOML file written as the guide file format describes. Up to 1 MB.",
        error_messages={"required": "Choose a guide file to upload"},
    )

    MAX_BYTES = 1_000_000

    def clean_guide_file(self) -> str:
        upload = self.cleaned_data["guide_file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The guide file must be smaller than 1 MB")
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "The guide file must be a text file saved as UTF-8"
            ) from error
