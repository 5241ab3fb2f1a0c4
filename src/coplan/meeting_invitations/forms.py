"""Forms for the invitation's wording, a person's own reply, and attendance on the day."""

import datetime

from django import forms

from coplan.core.forms import radio_field, text_field
from coplan.core.govuk_forms import DateField
from coplan.core.text import clean_plain_text
from coplan.meetings.models import Attendance, InvitedPerson, Reply

MAX_WORDS = 2000


def _text(label: str, *, hint: str, error_label: str, rows: int = 4) -> forms.CharField:
    """An optional box of the invitation's own words, with core's plain-words messages."""
    return text_field(
        label, max_length=MAX_WORDS, errors_label=error_label, required=False, hint=hint, rows=rows
    )


class InvitationWordingForm(forms.Form):
    """The parts of the invitation only the lead can write (the seed's list)."""

    plain_words = {
        "message": "plain",
        "how_it_affects": "plain",
        "getting_involved": "plain",
        "commitment": "plain",
        "training": "plain",
        "payment": "plain",
    }

    message = _text(
        "A message from you (optional)",
        hint="Say in your own words why you would like them to come. It goes at the top.",
        error_label="Your message",
    )
    how_it_affects = _text(
        "How does the project affect the people you are inviting?",
        hint="For example, ‘The day centre you go to may open on different days.’",
        error_label="How the project affects them",
    )
    getting_involved = _text(
        "How can they get involved?",
        hint="For example, come to this workshop, join the group, or tell us your views by phone.",
        error_label="How they can get involved",
    )
    commitment = _text(
        "What are you asking of them?",
        hint="For example, 4 workshops of 3 hours between March and June, and some reading.",
        error_label="What you are asking of them",
    )
    training = _text(
        "What training is needed, and what do you offer?",
        hint="If no training is needed, say so. Training for one person is on their role page.",
        error_label="Training",
    )
    payment = _text(
        "How will people be paid for their time, and their expenses?",
        hint="For example, £20 an hour, and travel and care costs paid back. "
        "How it works on the day comes from the meeting plan.",
        error_label="Payment",
    )
    reply_by = DateField(
        label="Reply by (optional)",
        help_text="For example, 15 2 2027",
        required=False,
        label_for_errors="the date to reply by",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, field in self.fields.items():
            value = cleaned.get(name)
            if isinstance(field, forms.CharField) and isinstance(value, str):
                if not value.strip():
                    cleaned[name] = ""
                    continue
                try:
                    cleaned[name] = clean_plain_text(
                        value,
                        field_label=str(field.label).removesuffix(" (optional)"),
                        multiline=True,
                    )
                except forms.ValidationError as error:
                    self.add_error(name, error)
        reply_by = cleaned.get("reply_by")
        if isinstance(reply_by, datetime.date) and not 2000 <= reply_by.year <= 2100:
            self.add_error("reply_by", "The date to reply by must be between 2000 and 2100")
        return cleaned


REPLY_WORDS = {
    Reply.IN_PERSON: "Yes, I am coming, in person",
    Reply.ONLINE: "Yes, I am coming, online",
    Reply.NOT_COMING: "No, I cannot come",
}


class ReplyForm(forms.Form):
    """A person's own reply, from the link in their invitation."""

    privacy_part = "your-details"  # of the security and data protection statement

    reply = radio_field("Are you coming?", error="Select if you are coming")
    needs_changed = forms.BooleanField(
        label="My needs have changed",
        required=False,
        help_text="Tick this if you need something different from last time. "
        "We will get in touch to ask what you need.",
    )

    def __init__(self, *args, choices: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reply"].choices = [(choice, REPLY_WORDS[choice]) for choice in choices]


class YourReplyForm(ReplyForm):
    """A member's own reply, signed in: their needs are changed on their own details page
    ("my needs have changed" leads to their "tell us once" answers), so no box to tick here."""

    needs_changed = None


ATTENDANCE_WORDS = [(Attendance.CAME, "Came"), (Attendance.DID_NOT_COME, "Did not come")]


class AttendanceForm(forms.Form):
    """One pair of radios per person: came, or did not come."""

    def __init__(self, *args, invited: list[InvitedPerson], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.invited = invited
        for row in invited:
            self.fields[self.field_name(row)] = forms.ChoiceField(
                label=row.person.full_name,
                choices=ATTENDANCE_WORDS,
                required=False,
                widget=forms.RadioSelect,
                initial=row.attendance if row.attendance != Attendance.NOT_RECORDED else None,
                error_messages={
                    "invalid_choice": f"Select whether {row.person.full_name} came",
                },
            )

    @staticmethod
    def field_name(row: InvitedPerson) -> str:
        return f"person-{row.pk}"

    def marks(self) -> dict[int, str]:
        """What was chosen for each person; anyone left blank is left as they were."""
        return {
            row.pk: self.cleaned_data[self.field_name(row)]
            for row in self.invited
            if self.cleaned_data.get(self.field_name(row))
        }
