"""Forms for sign-offs, the timeline, the budget and barriers.

Every problem is a message beside its field in plain words; money is read by
core's MoneyField into whole pence, dates by the GOV.UK DateField.
"""

import datetime

from django import forms
from django.utils import timezone

from coplan.core.forms import checkboxes_field, radio_field, text_field
from coplan.core.govuk_forms import DateField
from coplan.core.number_fields import MoneyField
from coplan.core.text import NoHiddenCharacters, clean_plain_text, clean_typed_text
from coplan.meetings.checks import NOTICE_DAYS
from coplan.planning.models import BarrierStatus, BudgetCategory
from coplan.planning.presenters import notice_words
from coplan.projects.models import Membership

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
OUTSIDE = "outside"
YES_NO = [("yes", "Yes"), ("no", "No")]
DATE_HINT = "For example, 27 3 2027"


def _text(label: str, errors_label: str, max_length: int, **kwargs) -> forms.CharField:
    hint = kwargs.pop("help_text", "")
    return text_field(label, max_length=max_length, errors_label=errors_label, hint=hint, **kwargs)


def _long_text(label: str, errors_label: str, max_length: int = 2000, **kwargs) -> forms.CharField:
    return _text(label, errors_label, max_length, rows=4, **kwargs)


def _member_words(member: Membership) -> str:
    return f"{member.user.full_name} ({member.get_role_display()})"


class _DatesCheckedForm(forms.Form):
    """Dates must fall between 2000 and 2100, like project dates."""

    date_labels: dict[str, str] = {}

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, label in self.date_labels.items():
            value = cleaned.get(name)
            if value and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
                self.add_error(name, f"{label} must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
                cleaned[name] = None
        return cleaned


# Sign-offs -----------------------------------------------------------------


class SignOffForm(_DatesCheckedForm):
    what = _text(
        "What needs signing off?",
        "what needs signing off",
        200,
        help_text="For example, the plan, the budget, or whether the right logos are being used.",
    )
    signer = radio_field("Who signs it off?", error="Select who signs it off")
    signer_outside = forms.CharField(
        label="If it is someone outside the project, their name and role",
        required=False,
        max_length=150,
        help_text="For example, Sam Jones, communications team",
        validators=[NoHiddenCharacters("Their name and role")],
        error_messages={"max_length": "Their name and role must be 150 characters or fewer"},
    )
    due_on = DateField(
        label="When is it needed by?",
        help_text=DATE_HINT,
        label_for_errors="the date it is needed by",
    )
    note = _long_text("Note (optional)", "the note", required=False)

    date_labels = {"due_on": "The date it is needed by"}

    def __init__(self, *args, members: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(member.pk): member for member in members}
        self.fields["signer"].choices = [
            *((key, _member_words(member)) for key, member in self.members.items()),
            (OUTSIDE, "Someone outside the project"),
        ]

    def clean_what(self) -> str:
        return clean_plain_text(self.cleaned_data["what"], field_label="What needs signing off")

    def clean_signer_outside(self) -> str:
        value = self.cleaned_data["signer_outside"]
        return clean_plain_text(value, field_label="Their name and role") if value.strip() else ""

    def clean_note(self) -> str:
        return clean_typed_text(self.cleaned_data["note"], "The note", required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            cleaned.get("signer") == OUTSIDE
            and not cleaned.get("signer_outside")
            and "signer_outside" not in self.errors
        ):
            self.add_error(
                "signer_outside",
                "Enter the name of the person outside the project who signs it off",
            )
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        signer = self.members.get(data["signer"])
        return {
            "what": data["what"],
            "signer": signer,
            "signer_outside": "" if signer else data["signer_outside"],
            "due_on": data["due_on"],
            "note": data["note"],
        }


def sign_off_initial(sign_off) -> dict:
    return {
        "what": sign_off.what,
        "signer": str(sign_off.signer_id) if sign_off.signer_id else OUTSIDE,
        "signer_outside": sign_off.signer_outside,
        "due_on": sign_off.due_on,
        "note": sign_off.note,
    }


class MarkSignedForm(_DatesCheckedForm):
    signed_on = DateField(
        label="When was it signed off?",
        help_text=DATE_HINT,
        label_for_errors="the date it was signed off",
    )
    note = _long_text("Note (optional)", "the note", required=False)

    date_labels = {"signed_on": "The date it was signed off"}

    def clean_note(self) -> str:
        return clean_typed_text(self.cleaned_data["note"], "The note", required=False)

    def clean_signed_on(self) -> datetime.date:
        value = self.cleaned_data["signed_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date it was signed off must be today or in the past")
        return value


class AskSignOffForm(forms.Form):
    """The lead asks a named manager to sign off the plan, or some parts of it. When
    the plan is not finished, they say they know (`gaps_accepted`, only then asked)."""

    manager = radio_field("Which manager do you ask?", error="Select the manager you ask")
    parts = checkboxes_field(
        "Which parts of the plan are to be signed off?",
        error="Select the parts of the plan to sign off",
        hint="The manager reads these parts as they are now. Select all that apply.",
        required=True,
    )
    gaps_accepted = forms.BooleanField(
        label="I know the plan is not finished, and want it signed off as it is",
        required=True,
        error_messages={
            "required": "Say that you want it signed off although the plan is not finished"
        },
    )

    def __init__(
        self,
        *args,
        managers: list[Membership],
        parts: list[tuple[str, str]],
        gaps: list[str],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.managers = {str(member.pk): member for member in managers}
        self.fields["manager"].choices = [
            (key, member.user.full_name) for key, member in self.managers.items()
        ]
        self.fields["parts"].choices = parts
        if not gaps:
            del self.fields["gaps_accepted"]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "manager": self.managers[data["manager"]],
            "parts": data["parts"],
            "gaps_accepted": bool(data.get("gaps_accepted")),
        }


APPROVE = "approve"
CHANGES = "changes"


class SignOffDecisionForm(forms.Form):
    """The manager signs off the version they read, or asks for changes and says why."""

    decision = radio_field(
        "Do you sign it off?",
        [(APPROVE, "Yes, I sign it off"), (CHANGES, "No, I ask for changes")],
        error="Select whether you sign it off",
    )
    reason = _long_text(
        "What needs to change? (if you ask for changes)",
        "what needs to change",
        required=False,
        help_text="The lead reads this, changes the plan and asks you again.",
    )

    def clean_reason(self) -> str:
        return clean_typed_text(self.cleaned_data["reason"], "What needs to change", required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if (
            cleaned.get("decision") == CHANGES
            and not cleaned.get("reason")
            and "reason" not in self.errors
        ):
            self.add_error("reason", "Enter what needs to change")
        return cleaned

    def service_arguments(self) -> dict:
        approve = self.cleaned_data["decision"] == APPROVE
        return {"approve": approve, "reason": "" if approve else self.cleaned_data["reason"]}


# Timeline -------------------------------------------------------------------


class MilestoneForm(_DatesCheckedForm):
    title = _text(
        "What happens?",
        "what happens",
        200,
        help_text="For example, first workshop, or draft report goes to the group.",
    )
    due_on = DateField(label="Date", help_text=DATE_HINT, label_for_errors="the date")
    details = _long_text("More details (optional)", "the details", required=False)
    is_meeting = forms.ChoiceField(
        label="Is this a meeting or workshop people are invited to?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if this is a meeting or workshop"},
    )
    invitations_on = DateField(
        label="When do the invitations go out? (for a meeting or workshop)",
        required=False,
        label_for_errors="the date invitations go out",
    )
    is_done = forms.BooleanField(label="This has happened", required=False)

    date_labels = {"due_on": "The date", "invitations_on": "The date invitations go out"}

    def __init__(
        self, *args, editing: bool = False, least_notice_days: int = NOTICE_DAYS, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        if not editing:
            del self.fields["is_done"]
        least = notice_words(least_notice_days)
        self.fields["is_meeting"].help_text = f"People need at least {least}' notice of a meeting."
        self.fields[
            "invitations_on"
        ].help_text = f"At least {least} before the meeting. {DATE_HINT}"

    def clean_title(self) -> str:
        return clean_plain_text(self.cleaned_data["title"], field_label="What happens")

    def clean_details(self) -> str:
        return clean_typed_text(self.cleaned_data["details"], "The details", required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        due_on, invitations_on = cleaned.get("due_on"), cleaned.get("invitations_on")
        meeting = cleaned.get("is_meeting") == "yes"
        if meeting and due_on and invitations_on and invitations_on >= due_on:
            self.add_error(
                "invitations_on",
                "The date invitations go out must be before the date of the meeting",
            )
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        is_meeting = data["is_meeting"] == "yes"
        arguments = {
            "title": data["title"],
            "due_on": data["due_on"],
            "details": data["details"],
            "is_meeting": is_meeting,
            "invitations_on": data["invitations_on"] if is_meeting else None,
        }
        if "is_done" in self.fields:
            arguments["is_done"] = bool(data.get("is_done"))
        return arguments


def milestone_initial(milestone) -> dict:
    return {
        "title": milestone.title,
        "due_on": milestone.due_on,
        "details": milestone.details,
        "is_meeting": "yes" if milestone.is_meeting else "no",
        "invitations_on": milestone.invitations_on,
        "is_done": milestone.is_done,
    }


# Budget ---------------------------------------------------------------------


class BudgetForm(forms.Form):
    held = MoneyField(
        label="How much money does the project have?",
        label_for_errors="The amount the project has",
        example="2500.50",
        required=False,
        help_text="In pounds, for example 2500 or 2500.50. Leave it empty if you do not know yet.",
    )
    money_source = _long_text(
        "Where will the money for paying for people's expenses and time come from?",
        "where the money comes from",
        required=False,
        help_text="For example, the service's engagement budget, or a grant.",
    )

    def clean_money_source(self) -> str:
        return clean_typed_text(
            self.cleaned_data["money_source"], "Where the money comes from", required=False
        )


class BudgetLineForm(forms.Form):
    category = radio_field(
        "What kind of spending is it?",
        BudgetCategory.choices,
        error="Select what kind of spending it is",
    )
    description = _text(
        "What is it for?",
        "what it is for",
        200,
        help_text="For example, 6 workshops: 8 people for 2 hours at £20 an hour.",
    )
    planned = MoneyField(
        label="Planned amount",
        label_for_errors="The planned amount",
        more_than_zero=True,
        example="960.50",
        help_text="In pounds, for example 960 or 960.50",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].item_hints = {
            BudgetCategory.EXPENSES: (
                "Travel, care for someone at home, and other costs of taking part"
            ),
        }

    def clean_description(self) -> str:
        return clean_plain_text(self.cleaned_data["description"], field_label="What it is for")


# Barriers -------------------------------------------------------------------


class BarrierForm(forms.Form):
    what = _text(
        "What might get in the way?",
        "what might get in the way",
        500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, some people cannot travel to the venue.",
    )
    how_lifted = _long_text(
        "How will it be lifted?",
        "how it will be lifted",
        help_text="For example, pay for taxis, or meet in people's own area.",
    )
    owner = forms.ChoiceField(
        label="Who is making sure it is lifted?",
        error_messages={
            "required": "Select who is making sure it is lifted",
            "invalid_choice": "Select who is making sure it is lifted",
        },
    )
    status = radio_field(
        "Where is it up to?",
        BarrierStatus.choices,
        error="Select where it is up to",
        initial=BarrierStatus.NOT_STARTED,
    )

    def __init__(self, *args, members: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.members = {str(member.pk): member for member in members}
        self.fields["owner"].choices = [
            ("", "Choose someone"),
            *((key, _member_words(member)) for key, member in self.members.items()),
        ]

    def clean_what(self) -> str:
        return clean_plain_text(
            self.cleaned_data["what"], field_label="What might get in the way", multiline=True
        )

    def clean_how_lifted(self) -> str:
        return clean_plain_text(
            self.cleaned_data["how_lifted"], field_label="How it will be lifted", multiline=True
        )

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "what": data["what"],
            "how_lifted": data["how_lifted"],
            "owner": self.members[data["owner"]],
            "status": data["status"],
        }


def barrier_initial(barrier) -> dict:
    return {
        "what": barrier.what,
        "how_lifted": barrier.how_lifted,
        "owner": str(barrier.owner_id) if barrier.owner_id else "",
        "status": barrier.status,
    }
