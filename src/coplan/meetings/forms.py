"""Forms for venues, meetings, paperwork, papers and people invited.

Every problem is a message beside its field in plain words. Text is checked
by `core.text.clean_plain_text`; dates use the GOV.UK DateField; times are typed
as people say them ("10am", "2:30pm", "14:30").
"""

import datetime
import re

from django import forms
from django.conf import settings
from django.utils import timezone

from coplan.core.forms import checkboxes_field, radio_field, text_field
from coplan.core.govuk_forms import DateField
from coplan.core.number_fields import WholeNumberField
from coplan.core.text import clean_plain_text
from coplan.meetings import checks
from coplan.meetings.models import (
    Checked,
    FoodPlan,
    Meeting,
    MeetingFormat,
    PaperFormat,
    PaperworkKind,
    PaperworkStatus,
    Reply,
    RiskAssessment,
    Venue,
)
from coplan.projects.models import Membership

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
DATE_HINT = "For example, 27 3 2027"
LONGEST_MEETING_MINUTES = 12 * 60


def _upper(words: str) -> str:
    return words[0].upper() + words[1:]


def _text(label: str, *, error_label: str, required: bool = False, **kwargs) -> forms.CharField:
    """A text box with core's plain-words messages; on these pages most are optional."""
    return text_field(label, errors_label=error_label, required=required, **kwargs)


def _date(label: str, *, error_label: str, required: bool = True, hint: str = DATE_HINT):
    return DateField(label=label, help_text=hint, required=required, label_for_errors=error_label)


class _PlainTextForm(forms.Form):
    """Every text box is checked for hidden characters and stored in NFC; dates must
    fall between 2000 and 2100."""

    def clean(self) -> dict:
        cleaned = super().clean()
        for name, bound in self.fields.items():
            value = cleaned.get(name)
            if isinstance(bound, forms.CharField) and isinstance(value, str):
                if not value.strip():
                    cleaned[name] = ""
                    continue
                multiline = isinstance(bound.widget, forms.Textarea)
                try:
                    cleaned[name] = clean_plain_text(
                        value,
                        field_label=str(bound.label).removesuffix(" (optional)"),
                        multiline=multiline,
                    )
                except forms.ValidationError as error:
                    self.add_error(name, error)
            elif isinstance(value, datetime.date) and not (
                EARLIEST_YEAR <= value.year <= LATEST_YEAR
            ):
                what = _upper(getattr(bound, "label_for_errors", "the date"))
                self.add_error(name, f"{what} must be between {EARLIEST_YEAR} and {LATEST_YEAR}")
        return cleaned


# The organisation's rule for notice ----------------------------------------------------------


class NoticePolicyForm(forms.Form):
    notice_days = WholeNumberField(
        label="How many days' notice must people get of a meeting, at least?",
        help_text="The guide recommends at least 4 weeks (28 days). You can ask for more.",
        what="The number of days",
        least=checks.NOTICE_DAYS,
        most=365,
        error_messages={
            "required": "Enter the number of days",
            "invalid": "The number of days must be a whole number, like 28",
            "min_value": f"The number of days must be {checks.NOTICE_DAYS} (4 weeks) or more",
            "max_value": "The number of days must be 365 or fewer",
        },
    )


# Venues -----------------------------------------------------------------------------------

AUDIT_QUESTIONS = {
    "step_free": "Is there step-free access (no stairs, or a lift) to the room?",
    "wheelchair_access": "Can someone using a wheelchair get in and move around?",
    "accessible_toilet": "Is there an accessible toilet?",
    "parking": "Is there parking?",
    "blue_badge_parking": "Are there blue badge spaces near the door?",
    "good_lighting": "Is the lighting good (to lip-read, read and see faces)?",
    "good_acoustics": "Are the acoustics good (easy to hear, little echo or noise)?",
    "hearing_loop": "Is there a hearing loop that works?",
    "public_transport": "Are there public transport links nearby?",
    "quiet_space": "Is there a quiet space to take a break?",
}


class VenueForm(_PlainTextForm):
    name = _text(
        "Name of the venue",
        error_label="the name of the venue",
        max_length=150,
        required=True,
        hint="For example, Banbury Community Centre",
    )
    address = _text("Address (optional)", error_label="the address", max_length=500, rows=3)
    how_to_get_there = _text(
        "How to get there (optional)",
        error_label="how to get there",
        max_length=2000,
        rows=3,
        hint="Where it is for the people in the group, and the way in.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for feature, question in AUDIT_QUESTIONS.items():
            self.fields[feature] = radio_field(
                question,
                Checked.choices,
                error=f"Select an answer to ‘{question}’",
                initial=Checked.NOT_CHECKED,
            )
            if feature == "public_transport":
                self.fields["public_transport_notes"] = _text(
                    "Which buses, trains or trams, and how far away? (optional)",
                    error_label="the public transport links",
                    max_length=1000,
                    rows=2,
                )
        self.fields["notes"] = _text(
            "Anything else about the venue (optional)",
            error_label="the notes",
            max_length=2000,
            rows=3,
        )
        self.fields["checked_on"] = _date(
            "When was it last checked? (optional)",
            error_label="the date it was checked",
            required=False,
            hint="Leave empty if nobody has checked it yet. " + DATE_HINT,
        )

    def clean_checked_on(self) -> datetime.date | None:
        value = self.cleaned_data.get("checked_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date it was checked must be today or in the past")
        return value


def venue_initial(venue: Venue) -> dict:
    return {
        name: getattr(venue, name)
        for name in (
            "name",
            "address",
            "how_to_get_there",
            *AUDIT_QUESTIONS,
            "public_transport_notes",
            "notes",
            "checked_on",
        )
    }


# Times ---------------------------------------------------------------------------------

_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)?$"
)


def time_read(text: str, *, what: str) -> datetime.time:
    """A time as people type it: 10am, 10:30am, 2pm, 14:30, 14.30, noon, midday."""
    value = text.strip().lower().replace(" ", "")
    if value in {"noon", "midday", "12noon"}:
        return datetime.time(12, 0)
    if value in {"midnight", "12midnight"}:
        return datetime.time(0, 0)
    match = _TIME.match(value)
    problem = forms.ValidationError(f"Enter {what} like 10am, 2:30pm or 14:30")
    if not match:
        raise problem
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").replace(".", "")
    if minute > 59:
        raise problem
    if half:
        if not 1 <= hour <= 12:
            raise problem
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif hour > 23:
        raise problem
    return datetime.time(hour, minute)


def time_typed(value: datetime.time | None) -> str:
    if value is None:
        return ""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}:{value.minute:02d}{suffix}" if value.minute else f"{hour}{suffix}"


# Meetings ---------------------------------------------------------------------------------

NO_VENUE = ""
NO_FACILITATOR = ""


class MeetingForm(_PlainTextForm):
    # words participants read (the invitation, their home): the wording check
    plain_words = dict.fromkeys(
        ("purpose", "joining_details", "remote_support", "agenda", "payment_on_the_day"), "plain"
    )

    title = _text(
        "Name of the meeting or workshop",
        error_label="the name of the meeting",
        max_length=200,
        required=True,
        hint="For example, First workshop: what matters to you about day services",
    )
    purpose = _text(
        "What is it for? (optional)", error_label="what it is for", max_length=2000, rows=3
    )
    format = radio_field(
        "How will people take part?", MeetingFormat.choices, error="Select how people take part"
    )
    meets_on = _date("Date", error_label="the date of the meeting")
    starts_at = _text(
        "Start time",
        error_label="the start time",
        max_length=20,
        required=True,
        hint="For example, 10am or 14:30",
    )
    ends_at = _text(
        "Finish time",
        error_label="the finish time",
        max_length=20,
        required=True,
        hint="For example, 1pm or 16:00",
    )
    invitations_on = _date(
        "When do the invitations go out? (optional)",
        error_label="the date invitations go out",
        required=False,
        hint="At least 4 weeks before the meeting, so people can plan to come. " + DATE_HINT,
    )
    venue = forms.ChoiceField(
        label="Venue",
        required=False,
        help_text="From your organisation's venues. Needed for a meeting in person.",
        error_messages={"invalid_choice": "Choose a venue from the list"},
    )
    room = _text("Room, or where in the venue (optional)", error_label="the room", max_length=200)
    joining_details = _text(
        "How to join online (optional)",
        error_label="how to join online",
        max_length=2000,
        rows=3,
        hint="The link, meeting code, and a phone number for people joining by phone.",
    )
    remote_support = _text(
        "Help for people joining online (optional)",
        error_label="the help for people joining online",
        max_length=2000,
        rows=3,
        hint="Who helps people get set up, a practice call, and who to call if it does not work.",
    )
    facilitator = forms.ChoiceField(
        label="Who facilitates?",
        required=False,
        error_messages={"invalid_choice": "Choose who facilitates from the list"},
    )
    staffing = _text(
        "Other staff on the day (optional)", error_label="the other staff", max_length=2000, rows=2
    )
    agenda = _text("Agenda (optional)", error_label="the agenda", max_length=5000, rows=6)
    resources = _text(
        "Other resources (optional)",
        error_label="the other resources",
        max_length=2000,
        rows=3,
        hint="For example, flip charts, pens, name badges, turn-taking cards.",
    )
    food = radio_field(
        "Will lunch or refreshments be provided?",
        FoodPlan.choices,
        error="Select whether food is provided",
        hint="The guide says: always provide food for people if you can. "
        "It makes all the difference!",
        initial=FoodPlan.NOT_DECIDED,
    )
    caterer = _text(
        "Who by? (optional)",
        error_label="who provides the food",
        max_length=200,
        hint="The caterer, café or the person buying it.",
    )
    food_notes = _text(
        "What needs to happen about food? (optional)",
        error_label="the food notes",
        max_length=2000,
        rows=2,
    )
    risk_assessment = radio_field(
        "Activity risk assessment",
        RiskAssessment.choices,
        error="Select where the risk assessment is up to",
        initial=RiskAssessment.TO_DO,
    )
    payment_on_the_day = _text(
        "How will expenses and payment for people's time work on the day? (optional)",
        error_label="how expenses and payment work",
        max_length=2000,
        rows=3,
        hint="Who deals with payment and claim forms, and when people are paid.",
    )
    arrangements = checkboxes_field(
        "What has been arranged to meet people's needs? (optional)",
        [(code, done) for code, (done, _) in checks.ARRANGEMENTS.items()],
        error="Select from the list",
        hint="The checks compare these, and the venue, with what each person invited needs.",
    )

    def __init__(
        self,
        *args,
        venues: list[Venue],
        facilitators: list[Membership],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.venues = {str(v.pk): v for v in venues}
        self.facilitators = {str(m.pk): m for m in facilitators}
        self.fields["venue"].choices = [
            (NO_VENUE, "No venue yet"),
            *((key, v.name) for key, v in self.venues.items()),
        ]
        self.fields["facilitator"].choices = [
            (NO_FACILITATOR, "Not decided yet"),
            *(
                (key, f"{m.user.full_name} ({m.get_role_display()})")
                for key, m in self.facilitators.items()
            ),
        ]

    def clean_starts_at(self) -> datetime.time | None:
        return time_read(self.cleaned_data["starts_at"], what="the start time")

    def clean_ends_at(self) -> datetime.time | None:
        return time_read(self.cleaned_data["ends_at"], what="the finish time")

    def clean(self) -> dict:
        cleaned = super().clean()  # times are already read, so not text any more
        meets_on, starts_at, ends_at = (
            cleaned.get("meets_on"),
            cleaned.get("starts_at"),
            cleaned.get("ends_at"),
        )
        zone = settings.TIME_ZONE
        if meets_on and starts_at:
            problem = checks.clock_problem(day=meets_on, at=starts_at, zone=zone)
            if problem is checks.ClockProblem.MISSING:
                self.add_error(
                    "starts_at",
                    "The clocks go forward at that time on this day, so it does not exist. "
                    "Choose another start time",
                )
                cleaned.pop("starts_at", None)
        if meets_on and ends_at and "ends_at" not in self.errors:
            problem = checks.clock_problem(day=meets_on, at=ends_at, zone=zone)
            if problem is checks.ClockProblem.MISSING:
                self.add_error(
                    "ends_at",
                    "The clocks go forward at that time on this day, so it does not exist. "
                    "Choose another finish time",
                )
                cleaned.pop("ends_at", None)
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if meets_on and starts_at and ends_at:
            minutes = checks.minutes_between(
                day=meets_on, starts_at=starts_at, ends_at=ends_at, zone=zone
            )
            if minutes <= 0:
                self.add_error("ends_at", "The finish time must be after the start time")
            elif minutes > LONGEST_MEETING_MINUTES:
                self.add_error("ends_at", "A meeting must be 12 hours long or shorter")
            else:
                cleaned["length_minutes"] = minutes
        invitations_on = cleaned.get("invitations_on")
        if meets_on and invitations_on and invitations_on >= meets_on:
            self.add_error(
                "invitations_on",
                "The date invitations go out must be before the date of the meeting",
            )
        if cleaned.get("format") == MeetingFormat.ONLINE and cleaned.get("venue"):
            self.add_error("venue", "An online meeting has no venue: choose ‘No venue yet’")
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "purpose": data["purpose"],
            "format": data["format"],
            "meets_on": data["meets_on"],
            "starts_at": data["starts_at"],
            "length_minutes": data["length_minutes"],
            "invitations_on": data["invitations_on"],
            "venue": self.venues.get(data["venue"] or ""),
            "room": data["room"],
            "joining_details": data["joining_details"],
            "remote_support": data["remote_support"],
            "facilitator": self.facilitators.get(data["facilitator"] or ""),
            "staffing": data["staffing"],
            "agenda": data["agenda"],
            "resources": data["resources"],
            "food": data["food"],
            "caterer": data["caterer"],
            "food_notes": data["food_notes"],
            "risk_assessment": data["risk_assessment"],
            "payment_on_the_day": data["payment_on_the_day"],
            "arrangements": sorted(data["arrangements"]),
        }


def meeting_initial(meeting: Meeting, *, ends_at: datetime.time) -> dict:
    return {
        "title": meeting.title,
        "purpose": meeting.purpose,
        "format": meeting.format,
        "meets_on": meeting.meets_on,
        "starts_at": time_typed(meeting.starts_at),
        "ends_at": time_typed(ends_at),
        "invitations_on": meeting.invitations_on,
        "venue": str(meeting.venue_id or ""),
        "room": meeting.room,
        "joining_details": meeting.joining_details,
        "remote_support": meeting.remote_support,
        "facilitator": str(meeting.facilitator_id or ""),
        "staffing": meeting.staffing,
        "agenda": meeting.agenda,
        "resources": meeting.resources,
        "food": meeting.food,
        "caterer": meeting.caterer,
        "food_notes": meeting.food_notes,
        "risk_assessment": meeting.risk_assessment,
        "payment_on_the_day": meeting.payment_on_the_day,
        "arrangements": list(meeting.arrangements or ()),
    }


# Paperwork ------------------------------------------------------------------------------------


class PaperworkForm(_PlainTextForm):
    """One set of radios (to do, ready, not needed) and a note for each line."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind, words in PaperworkKind.choices:
            self.fields[kind] = radio_field(
                words,
                PaperworkStatus.choices,
                error=f"Select where ‘{words.lower()}’ is up to",
                initial=PaperworkStatus.TO_DO,
            )
            self.fields[f"{kind}_note"] = _text(
                f"Note about {words.lower()} (optional)",
                error_label="the note",
                max_length=300,
            )

    def statuses(self) -> dict[str, str]:
        return {kind: self.cleaned_data[kind] for kind in PaperworkKind.values}

    def notes(self) -> dict[str, str]:
        return {kind: self.cleaned_data[f"{kind}_note"] for kind in PaperworkKind.values}


def paperwork_initial(items) -> dict:
    initial = {}
    for item in items:
        initial[item.kind] = item.status
        initial[f"{item.kind}_note"] = item.note
    return initial


# Papers ---------------------------------------------------------------------------------------


class PaperForm(_PlainTextForm):
    title = _text(
        "What is the paper?",
        error_label="what the paper is",
        max_length=200,
        required=True,
        hint="For example, the agenda, last meeting's notes, or the draft plan.",
    )
    send_by = _date(
        "When must it be sent by?",
        error_label="the send-by date",
        hint="People need time to read and understand it. " + DATE_HINT,
    )
    formats = checkboxes_field(
        "Which formats is it produced in?",
        PaperFormat.choices,
        error="Select formats from the list",
        none_chosen="Select at least one format",
        hint="Every format someone invited asked for is checked on the meeting page.",
        required=True,
    )
    sent_on = _date(
        "When was it sent? (optional)",
        error_label="the date it was sent",
        required=False,
        hint="Leave empty until it has been sent. " + DATE_HINT,
    )
    note = _text("Note (optional)", error_label="the note", max_length=300)

    def __init__(self, *args, meets_on: datetime.date, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meets_on = meets_on

    def clean(self) -> dict:
        cleaned = super().clean()
        send_by, sent_on = cleaned.get("send_by"), cleaned.get("sent_on")
        if send_by and send_by > self.meets_on and "send_by" not in self.errors:
            self.add_error(
                "send_by", "The send-by date must be on or before the day of the meeting"
            )
        if sent_on and sent_on > timezone.localdate() and "sent_on" not in self.errors:
            self.add_error("sent_on", "The date it was sent must be today or in the past")
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "send_by": data["send_by"],
            "formats": sorted(data["formats"]),
            "sent_on": data["sent_on"],
            "note": data["note"],
        }


def paper_initial(paper) -> dict:
    return {
        "title": paper.title,
        "send_by": paper.send_by,
        "formats": list(paper.formats or ()),
        "sent_on": paper.sent_on,
        "note": paper.note,
    }


# People invited -------------------------------------------------------------------------------

EVERYONE, SOME = "everyone", "some"


class InviteForm(forms.Form):
    who = radio_field(
        "Who do you want to invite?",
        [(EVERYONE, "Everyone in the project not invited yet"), (SOME, "Only the people I choose")],
        error="Select who you want to invite",
    )
    people = checkboxes_field("Choose people", error="Choose people from the list")

    def __init__(self, *args, participants, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.participants = {str(i.person_id): i.person for i in participants}
        self.fields["people"].choices = [
            (key, person.full_name) for key, person in self.participants.items()
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("who") == SOME and not cleaned.get("people") and "people" not in self.errors:
            self.add_error("people", "Choose at least one person, or invite everyone")
        return cleaned

    def chosen(self) -> list:
        if self.cleaned_data["who"] == EVERYONE:
            return list(self.participants.values())
        return [self.participants[key] for key in self.cleaned_data["people"]]


class ReplyForm(forms.Form):
    reply = radio_field("Their reply", Reply.choices, error="Select their reply")
    needs_changed = forms.BooleanField(
        label="They said their needs have changed (look at their needs again)", required=False
    )


class CateringSentForm(_PlainTextForm):
    sent_on = _date("When did you send it to the caterer?", error_label="the date it was sent")

    def clean_sent_on(self) -> datetime.date | None:
        value = self.cleaned_data.get("sent_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError("The date it was sent must be today or in the past")
        return value
