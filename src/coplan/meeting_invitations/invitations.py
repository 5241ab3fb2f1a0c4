"""What an invitation to a meeting says, built from the meeting, its project and the
invitation's own wording, and what is missing from it.

The seed's "What will people need to know in any initial communication?":
the nature of the project, how it affects them, the timeline and key dates, how
they can get involved, timings, length, food and refreshments, the commitment
asked, a role description, training, and payment. Each is one `Section`, in
that order; an item with nothing to say is a `Missing` line with where to put
it right. The role description and training come from each person's part in
the project (`Involvement`), so those are worked out per person.

The same words go into the email, the printed letter (standard or large
print) and the Easy Read version (`text_for_reading`).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from coplan.core import formats
from coplan.meetings.checks import meeting_times
from coplan.meetings.presenters import clock_words, length_words, when_words

# The seed's items, in its order: (key, heading in the invitation, what to call it when missing).
ITEMS: tuple[tuple[str, str, str], ...] = (
    ("project", "What the project is", "what the project is"),
    ("affects", "How it affects you", "how the project affects the people invited"),
    ("key_dates", "Key dates", "the project's key dates"),
    ("involved", "How you can get involved", "how people can get involved"),
    ("when", "When", "the date and time"),
    ("length", "How long it lasts", "how long it lasts"),
    ("where", "Where", "where it is, or how to join online"),
    ("food", "Food and drink", "whether food and drink are provided"),
    ("commitment", "What we are asking of you", "the commitment asked of people"),
    ("role", "Your role", "a role description"),
    ("training", "Training", "training: what is needed and what is offered"),
    ("payment", "Payment and expenses", "payment for people's time and expenses"),
)
ITEM_KEYS = tuple(key for key, _, _ in ITEMS)
HEADINGS = {key: heading for key, heading, _ in ITEMS}
MISSING_WORDS = {key: words for key, _, words in ITEMS}

FOOD_WORDS = {
    "provided": "Food and drink are provided.",
    "drinks_only": "Drinks are provided, but not food.",
    "none": "Food and drink are not provided. Please bring your own if you need to.",
}
UPCOMING_DATES = 5


@dataclass(frozen=True)
class KeyDate:
    on: datetime.date
    what: str


@dataclass(frozen=True)
class MeetingFacts:
    """Everything about the meeting and its project that the invitation uses."""

    project_name: str
    project_description: str
    project_starts: datetime.date
    project_ends: datetime.date
    key_dates: tuple[KeyDate, ...]
    title: str
    purpose: str
    format: str
    meets_on: datetime.date
    starts_at: datetime.time
    length_minutes: int
    zone: str
    venue_name: str = ""
    venue_address: str = ""
    how_to_get_there: str = ""
    room: str = ""
    joining_details: str = ""
    remote_support: str = ""
    food: str = "not_decided"
    food_notes: str = ""
    payment_on_the_day: str = ""
    #: what the organisation tells everyone about payment, tax and benefits (its policy)
    payment_information: str = ""
    lead_name: str = ""

    @property
    def has_room(self) -> bool:
        return self.format in ("in_person", "both")

    @property
    def has_online(self) -> bool:
        return self.format in ("online", "both")


@dataclass(frozen=True)
class Wording:
    """What the lead wrote for this invitation (`InvitationWording`)."""

    message: str = ""
    how_it_affects: str = ""
    getting_involved: str = ""
    commitment: str = ""
    training: str = ""
    payment: str = ""
    reply_by: datetime.date | None = None


@dataclass(frozen=True)
class PersonFacts:
    """One person's part in the project, for their own invitation."""

    name: str
    role_description: str = ""
    training_needed: str = ""
    training_done: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Missing:
    """An item the invitation does not cover yet, in plain words, and who it is missing for."""

    key: str
    words: str
    people: tuple[str, ...] = ()

    @property
    def sentence(self) -> str:
        what = MISSING_WORDS[self.key]
        if not self.people:
            return f"The invitation does not say {what} yet."
        count = len(self.people)
        return (
            f"The invitation does not give {what} for {count} "
            f"{'person' if count == 1 else 'people'} yet."
        )


@dataclass(frozen=True)
class Invitation:
    """The invitation as one person (or, with no person, anyone) will read it."""

    subject: str
    greeting: str
    message: str
    sections: tuple[Section, ...]
    reply_by: datetime.date | None
    missing: tuple[Missing, ...] = field(default_factory=tuple)

    def section(self, key: str) -> Section | None:
        return next((section for section in self.sections if section.key == key), None)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _where_lines(facts: MeetingFacts) -> tuple[str, ...]:
    lines: list[str] = []
    if facts.has_room and facts.venue_name:
        place = facts.venue_name + (f", {facts.room}" if facts.room else "")
        lines.append(f"In person at {place}.")
        lines.extend(_lines(facts.venue_address))
        if facts.how_to_get_there:
            lines.append("How to get there:")
            lines.extend(_lines(facts.how_to_get_there))
    if facts.has_online and facts.joining_details:
        lines.append("Online. How to join:")
        lines.extend(_lines(facts.joining_details))
        if facts.remote_support:
            lines.append("Help with joining online:")
            lines.extend(_lines(facts.remote_support))
    return tuple(lines)


def _where_complete(facts: MeetingFacts) -> bool:
    room_ok = not facts.has_room or bool(facts.venue_name)
    online_ok = not facts.has_online or bool(facts.joining_details)
    return room_ok and online_ok


def _key_date_lines(facts: MeetingFacts) -> tuple[str, ...]:
    lines = [
        f"The project runs from {formats.long_date(facts.project_starts)} "
        f"to {formats.long_date(facts.project_ends)}."
    ]
    lines.extend(f"{formats.long_date(date.on)}: {date.what}" for date in facts.key_dates)
    return tuple(lines)


def _food_lines(facts: MeetingFacts) -> tuple[str, ...]:
    words = FOOD_WORDS.get(facts.food)
    if words is None:
        return ()
    return (words, *_lines(facts.food_notes))


def _training_lines(wording: Wording, person: PersonFacts | None) -> tuple[str, ...]:
    lines: list[str] = []
    if person and person.training_needed:
        lines.append(f"Training for you: {person.training_needed}")
    lines.extend(_lines(wording.training))
    return tuple(lines)


def _payment_lines(wording: Wording, facts: MeetingFacts) -> tuple[str, ...]:
    lines = list(_lines(wording.payment))
    if facts.payment_on_the_day:
        lines.append("On the day:")
        lines.extend(_lines(facts.payment_on_the_day))
    if facts.payment_information:
        lines.append("Payment, tax and benefits:")
        lines.extend(_lines(facts.payment_information))
    return tuple(lines)


def _involved_lines(wording: Wording) -> tuple[str, ...]:
    lines = list(_lines(wording.getting_involved))
    if lines and wording.reply_by:
        lines.append(f"Please tell us by {formats.long_date(wording.reply_by)} if you can come.")
    return tuple(lines)


def invitation_build(
    *, facts: MeetingFacts, wording: Wording, person: PersonFacts | None = None
) -> Invitation:
    """One person's invitation, or the general one (no person: no role, no name).

    `missing` lists what this invitation does not cover. For the people-specific
    items (role, training) use `invitation_missing` to look across everyone.
    """
    times = meeting_times(
        meets_on=facts.meets_on,
        starts_at=facts.starts_at,
        length_minutes=facts.length_minutes,
        zone=facts.zone,
    )
    role = _lines(person.role_description) if person else ()
    found: dict[str, tuple[str, ...]] = {
        "project": (facts.project_name, *_lines(facts.project_description)),
        "affects": _lines(wording.how_it_affects),
        "key_dates": _key_date_lines(facts),
        "involved": _involved_lines(wording),
        "when": (when_words(times, facts.length_minutes) + ".",),
        "length": (
            f"{length_words(facts.length_minutes)}, from {clock_words(times.starts)} "
            f"to {clock_words(times.ends)}.",
        ),
        "where": _where_lines(facts),
        "food": _food_lines(facts),
        "commitment": _lines(wording.commitment),
        "role": role,
        "training": _training_lines(wording, person),
        "payment": _payment_lines(wording, facts),
    }
    sections = tuple(Section(key, HEADINGS[key], found[key]) for key in ITEM_KEYS if found[key])
    # What the venue or joining details say goes in even when the other half is missing.
    covered = {key: bool(lines) for key, lines in found.items()}
    covered["where"] = _where_complete(facts)
    missing = tuple(
        Missing(key, MISSING_WORDS[key])
        for key in ITEM_KEYS
        if not covered[key] and (person is not None or key != "role")
    )
    greeting = f"Dear {person.name}," if person else "Dear …,"
    return Invitation(
        subject=f"You are invited: {facts.title}, {formats.long_date(facts.meets_on)}",
        greeting=greeting,
        message=wording.message.strip(),
        sections=sections,
        reply_by=wording.reply_by,
        missing=missing,
    )


def invitation_missing(
    *, facts: MeetingFacts, wording: Wording, people: Iterable[PersonFacts]
) -> tuple[Missing, ...]:
    """What the invitations do not cover, across everyone invited: general items once,
    a role description or training with the names of the people it is missing for."""
    general = invitation_build(facts=facts, wording=wording)
    missing = [item for item in general.missing if item.key not in ("role", "training")]
    people = list(people)
    no_role = tuple(person.name for person in people if not person.role_description.strip())
    if no_role:
        missing.append(Missing("role", MISSING_WORDS["role"], no_role))
    if not wording.training.strip():
        no_training = tuple(person.name for person in people if not person.training_needed.strip())
        if no_training:
            missing.append(Missing("training", MISSING_WORDS["training"], no_training))
    order = {key: index for index, key in enumerate(ITEM_KEYS)}
    return tuple(sorted(missing, key=lambda item: order[item.key]))


def text_for_reading(
    invitation: Invitation, *, reply_link: str = "", calendar_link: str = ""
) -> str:
    """The whole invitation as plain text: the email body, and the Easy Read source."""
    parts = [invitation.greeting, ""]
    if invitation.message:
        parts.extend([invitation.message, ""])
    for section in invitation.sections:
        parts.append(section.heading)
        parts.extend(section.lines)
        parts.append("")
    if reply_link:
        parts.append("Tell us if you can come")
        parts.append(
            "Open this link to say if you are coming, or if your needs have changed. "
            "You do not need a password."
        )
        parts.append(reply_link)
        parts.append("")
    if calendar_link:
        parts.append("Add it to your calendar")
        parts.append(calendar_link)
        parts.append("")
    return "\n".join(parts).strip() + "\n"
