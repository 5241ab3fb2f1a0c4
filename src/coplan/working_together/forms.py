"""Forms for working together. Every problem is a message beside its field, in plain words."""

import datetime

from django import forms

from coplan.core.forms import checkboxes_field, radio_field, text_field
from coplan.core.govuk_forms import DateField
from coplan.projects.models import Membership
from coplan.working_together.models import ActionStatus, RevisitOutcome, SessionRecord

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
DATE_HINT = "For example, 27 3 2027"
NO_SESSION = ""


def _date(label: str, errors_label: str, *, required: bool = True) -> DateField:
    return DateField(
        label=label, help_text=DATE_HINT, label_for_errors=errors_label, required=required
    )


def _check_year(form: forms.Form, name: str, label: str) -> None:
    value = form.cleaned_data.get(name)
    if isinstance(value, datetime.date) and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        form.add_error(name, f"{label} must be between {EARLIEST_YEAR} and {LATEST_YEAR}")


def member_words(member: Membership) -> str:
    return f"{member.user.full_name} ({member.get_role_display()})"


def session_words(session: SessionRecord) -> str:
    return f"{session.title} ({session.held_on.day} {session.held_on:%B %Y})"


class _MemberChoiceForm(forms.Form):
    member_field = "owner"

    def __init__(self, *args, members: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(member.pk): member for member in members}
        field = self.fields[self.member_field]
        field.choices = [
            *([("", "Choose someone")] if isinstance(field.widget, forms.Select) else []),
            *((key, member_words(member)) for key, member in self.members.items()),
        ]


# Sessions -------------------------------------------------------------------


class SessionForm(_MemberChoiceForm):
    plain_words = {
        "agreed": "plain",
        "decided": "plain",
    }

    member_field = "came"

    meeting = forms.ChoiceField(
        label="Which planned meeting is this the record of? (optional)",
        required=False,
        error_messages={"invalid_choice": "Select a meeting from the list"},
    )
    title = text_field(
        "What is the session called?",
        errors_label="what the session is called",
        max_length=200,
        hint="For example, first workshop, or meeting 3: the new day centre.",
        typed=True,
    )
    held_on = _date("Date of the session", "the date of the session")
    came = checkboxes_field(
        "Who came?",
        error="Select people from the list",
        hint="Select everyone in the project who came.",
    )
    others_came = text_field(
        "Anyone else who came (optional)",
        errors_label="anyone else who came",
        max_length=2000,
        rows=4,
        required=False,
        hint="For example, people who are not in the project on this website.",
        typed=True,
    )
    agreed = text_field(
        "What was agreed? (optional)",
        errors_label="what was agreed",
        max_length=5000,
        rows=4,
        required=False,
        typed=True,
    )
    decided = text_field(
        "What was decided? (optional)",
        errors_label="what was decided",
        max_length=5000,
        rows=4,
        required=False,
        typed=True,
    )

    def __init__(self, *args, meetings: list = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meetings = {str(meeting.pk): meeting for meeting in meetings}
        if self.meetings:
            self.fields["meeting"].choices = [
                ("", "Not a planned meeting"),
                *(
                    (key, f"{m.title} ({m.meets_on.day} {m.meets_on:%B %Y})")
                    for key, m in self.meetings.items()
                ),
            ]
        else:
            del self.fields["meeting"]

    def clean(self) -> dict:
        cleaned = super().clean()
        _check_year(self, "held_on", "The date of the session")
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "held_on": data["held_on"],
            "came": [self.members[key] for key in data["came"]],
            "others_came": data["others_came"],
            "agreed": data["agreed"],
            "decided": data["decided"],
            "meeting": self.meetings.get(data.get("meeting") or ""),
        }


def session_initial(session: SessionRecord, came: list[Membership]) -> dict:
    return {
        "meeting": str(session.meeting_id or ""),
        "title": session.title,
        "held_on": session.held_on,
        "came": [str(member.pk) for member in came],
        "others_came": session.others_came,
        "agreed": session.agreed,
        "decided": session.decided,
    }


class EssentialsForm(forms.Form):
    checked = checkboxes_field(
        "Which of the key essentials are in place at this session?",
        error="Choose from the key essentials listed",
        hint=(
            "These must be established at the very beginning and re-visited or applied "
            "at every session."
        ),
    )

    def __init__(self, *args, essentials, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["checked"]
        field.choices = [(item.id, item.text) for item in essentials]
        field.item_hints = {item.id: item.hint for item in essentials if item.hint}


class RevisitForm(forms.Form):
    plain_words = {"what_changed": "plain"}

    outcome = radio_field(
        "Is the group still happy with its agreements?",
        RevisitOutcome.choices,
        error="Select whether the group is still happy with its agreements",
    )
    what_changed = text_field(
        "If the group changed them, what changed?",
        errors_label="what changed",
        max_length=2000,
        rows=4,
        required=False,
        hint="Change the agreements on this page too, so we keep the new words.",
        typed=True,
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            cleaned.get("outcome") == RevisitOutcome.CHANGED
            and not cleaned.get("what_changed")
            and "what_changed" not in self.errors
        ):
            self.add_error("what_changed", "Enter what changed")
        return cleaned


# Agreements -----------------------------------------------------------------


class AgreementForm(forms.Form):
    plain_words = {"text": "plain"}

    text = text_field(
        "The agreement, in the group's own words",
        errors_label="the agreement",
        max_length=500,
        rows=4,
        typed=True,
    )


# Car park -------------------------------------------------------------------


class CarParkItemForm(forms.Form):
    text = text_field(
        "What do you want to put in the car park?",
        errors_label="what you want to put in the car park",
        max_length=1000,
        rows=4,
        hint=(
            "Something that matters but is not for now, or a question nobody could answer "
            "at the time. Everyone in the project will see it."
        ),
        typed=True,
    )


class FollowUpForm(_MemberChoiceForm):
    plain_words = {"next_step": "plain"}

    owner = forms.ChoiceField(
        label="Who will follow it up?",
        error_messages={
            "required": "Select who will follow it up",
            "invalid_choice": "Select who will follow it up",
        },
    )
    next_step = text_field(
        "What will happen to it?",
        errors_label="what will happen to it",
        max_length=1000,
        rows=4,
        hint="For example, ask the transport team and bring the answer to the next meeting.",
        typed=True,
    )
    due_on = _date("By when?", "the date it will be followed up by")

    def clean(self) -> dict:
        cleaned = super().clean()
        _check_year(self, "due_on", "The date it will be followed up by")
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "owner": self.members[data["owner"]],
            "next_step": data["next_step"],
            "due_on": data["due_on"],
        }


class AnswerForm(forms.Form):
    plain_words = {"answer": "plain"}

    answer = text_field(
        "The answer",
        errors_label="the answer",
        max_length=2000,
        rows=4,
        hint="Everyone in the project will see it. Say what happened, in plain words.",
        typed=True,
    )


class CommentForm(forms.Form):
    text = text_field(
        "Your comment", errors_label="your comment", max_length=2000, rows=4, typed=True
    )


# Actions --------------------------------------------------------------------


class ActionForm(_MemberChoiceForm):
    what = text_field(
        "What will be done?",
        errors_label="what will be done",
        max_length=500,
        rows=4,
        hint="For example, send everyone the notes in large print.",
        typed=True,
    )
    owner = forms.ChoiceField(
        label="Who will do it?",
        error_messages={
            "required": "Select who will do it",
            "invalid_choice": "Select who will do it",
        },
    )
    due_on = _date("By when?", "the date it will be done by")
    session = forms.ChoiceField(
        label="From which session? (optional)",
        required=False,
        error_messages={"invalid_choice": "Select a session from the list"},
    )
    status = radio_field(
        "Where is it up to?",
        ActionStatus.choices,
        error="Select where it is up to",
        initial=ActionStatus.TO_DO,
    )

    def __init__(
        self, *args, sessions: list[SessionRecord], editing: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.sessions = {str(session.pk): session for session in sessions}
        self.fields["session"].choices = [
            (NO_SESSION, "Not from a session"),
            *((key, session_words(session)) for key, session in self.sessions.items()),
        ]
        if not editing:
            del self.fields["status"]

    def clean(self) -> dict:
        cleaned = super().clean()
        _check_year(self, "due_on", "The date it will be done by")
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "what": data["what"],
            "owner": self.members[data["owner"]],
            "due_on": data["due_on"],
            "session": self.sessions.get(data["session"] or NO_SESSION),
        }
        if "status" in self.fields:
            arguments["status"] = data["status"]
        return arguments


# Shared definitions and what can change -------------------------------------------


class DefinitionForm(forms.Form):
    plain_words = {"meaning": "plain"}

    word = text_field(
        "Word or phrase",
        errors_label="the word or phrase",
        max_length=100,
        hint="For example, co-production.",
        typed=True,
    )
    meaning = text_field(
        "What does it mean for this group?",
        errors_label="what it means for this group",
        max_length=2000,
        rows=4,
        hint="The meaning the group agreed, in the group's own words.",
        typed=True,
    )


class DecisionAreaForm(forms.Form):
    plain_words = {
        "open_to_influence": "plain",
        "fixed": "plain",
        "why_fixed": "plain",
    }

    area = text_field(
        "What are the decisions about?",
        errors_label="what the decisions are about",
        max_length=200,
        hint="For example, where the new day centre will be.",
        typed=True,
    )
    open_to_influence = text_field(
        "What can the group change or have a say in?",
        errors_label="what the group can change or have a say in",
        max_length=2000,
        rows=4,
        typed=True,
    )
    fixed = text_field(
        "What cannot change? (optional)",
        errors_label="what cannot change",
        max_length=2000,
        rows=4,
        required=False,
        typed=True,
    )
    why_fixed = text_field(
        "Why can it not change? (optional)",
        errors_label="why it cannot change",
        max_length=2000,
        rows=4,
        required=False,
        hint="Be open and honest about limits, like money, the law or decisions already made.",
        typed=True,
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("fixed") and not cleaned.get("why_fixed") and "why_fixed" not in self.errors:
            self.add_error("why_fixed", "Enter why it cannot change")
        return cleaned
