"""Reads for invitations, replies, reminders, calendars and attendance.

Each list is a fixed number of queries however many people are invited.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.urls import reverse

from coplan.core.registry import Registry
from coplan.meeting_invitations import calendars
from coplan.meeting_invitations.invitations import (
    KeyDate,
    MeetingFacts,
    PersonFacts,
    Wording,
    invitation_build,
    text_for_reading,
)
from coplan.meeting_invitations.letters import letter_format
from coplan.meeting_invitations.models import InvitationSent, InvitationWording, ReminderSent
from coplan.meetings.models import InvitedPerson, Meeting, Reply
from coplan.people import crypto
from coplan.people.choices import ContactMethod
from coplan.people.models import Involvement, Person
from coplan.plain_words.selectors import EasyReadDocument, EasyReadState, easy_read_state
from coplan.planning.models import Milestone
from coplan.projects.models import Membership
from coplan.projects.roles import Role

EMAIL, LETTER, NO_WAY = "email", "letter", "none"

# What the organisation tells people about payment, tax and benefits, as in force on a
# day (`words(organisation_id=, on=)`), for invitations and papers: the payments app
# registers it from its `contributions.py`, so the meetings app does not import it.
PAYMENT_INFORMATION: Registry[Callable[..., str]] = Registry("payment information")


def payment_words(*, organisation_id: int, on: datetime.date) -> str:
    return "\n\n".join(
        words
        for find in PAYMENT_INFORMATION
        if (words := find(organisation_id=organisation_id, on=on))
    )


FEED_DAYS_BACK = 60


def invitation_wording(*, meeting: Meeting) -> InvitationWording | None:
    return InvitationWording.objects.filter(meeting=meeting).first()


def wording_from_other_meeting(*, meeting: Meeting) -> InvitationWording | None:
    """The words used for the project's last other meeting, so the lead does not write
    "how it affects them" again for every meeting."""
    return (
        InvitationWording.objects.filter(meeting__project_id=meeting.project_id)
        .exclude(meeting=meeting)
        .order_by("-updated_at", "-pk")
        .first()
    )


def wording_of(found: InvitationWording | None) -> Wording:
    if found is None:
        return Wording()
    return Wording(
        message=found.message,
        how_it_affects=found.how_it_affects,
        getting_involved=found.getting_involved,
        commitment=found.commitment,
        training=found.training,
        payment=found.payment,
        reply_by=found.reply_by,
    )


# Each person's reply link is printed as a short link (`short_links`) and its QR code:
# the lead's copy shows one like it.
SAMPLE_REPLY_CODE = "their-own"


def invitation_easy_read(*, meeting: Meeting, today: datetime.date) -> EasyReadDocument:
    facts = meeting_facts(meeting=meeting, today=today)
    invitation = invitation_build(
        facts=facts, wording=wording_of(invitation_wording(meeting=meeting))
    )
    return EasyReadDocument(
        name="invitation",
        document=f"invitation:meeting:{meeting.pk}",
        title=invitation.subject,
        source_text=text_for_reading(
            invitation,
            reply_link=settings.SITE_URL
            + reverse("short_links:follow", kwargs={"token": SAMPLE_REPLY_CODE}),
        ),
    )


def invitation_easy_read_state(
    *, meeting: Meeting, today: datetime.date
) -> tuple[EasyReadDocument, EasyReadState]:
    """The Easy Read invitation's words, and where its version is up to."""
    document = invitation_easy_read(meeting=meeting, today=today)
    return document, easy_read_state(
        project_id=meeting.project_id,
        organisation_id=meeting.project.organisation_id,
        document=document.document,
        source_text=document.source_text,
    )


def project_leads(*, project_id: int) -> list[Membership]:
    return list(
        Membership.objects.filter(project_id=project_id, role=Role.LEAD)
        .select_related("user")
        .order_by("joined_at", "pk")
    )


def meeting_facts(*, meeting: Meeting, today: datetime.date) -> MeetingFacts:
    """The meeting, its venue and project, the project's next key dates, its leads and the
    organisation's payment information in force on the day: three queries (the meeting's
    own venue and project are already joined by `selectors.meeting`)."""
    project = meeting.project
    milestones = Milestone.objects.filter(
        project=project, due_on__gte=today, is_done=False
    ).order_by("due_on", "pk")[:5]
    leads = project_leads(project_id=project.pk)
    venue = meeting.venue
    return MeetingFacts(
        project_name=project.name,
        project_description=project.description,
        project_starts=project.start_date,
        project_ends=project.end_date,
        key_dates=tuple(KeyDate(milestone.due_on, milestone.title) for milestone in milestones),
        title=meeting.title,
        purpose=meeting.purpose,
        format=meeting.format,
        meets_on=meeting.meets_on,
        starts_at=meeting.starts_at,
        length_minutes=meeting.length_minutes,
        zone=settings.TIME_ZONE,
        venue_name=venue.name if venue else "",
        venue_address=venue.address if venue else "",
        how_to_get_there=venue.how_to_get_there if venue else "",
        room=meeting.room,
        joining_details=meeting.joining_details,
        remote_support=meeting.remote_support,
        food=meeting.food,
        food_notes=meeting.food_notes,
        payment_on_the_day=meeting.payment_on_the_day,
        payment_information=payment_words(
            organisation_id=project.organisation_id, on=meeting.meets_on
        ),
        lead_name=leads[0].user.full_name if leads else "",
    )


def delivery(person: Person) -> str:
    """How someone gets their invitation: a letter if they asked for post (or we have an
    address and no email), otherwise email; NO_WAY if we have neither."""
    if person.contact_by == ContactMethod.POST and person.address.strip():
        return LETTER
    if person.email:
        return EMAIL
    if person.address.strip():
        return LETTER
    return NO_WAY


@dataclass(frozen=True)
class InvitationRow:
    """One invited person on the invitations page."""

    invited: InvitedPerson
    person_facts: PersonFacts
    delivery: str
    letter_format: str
    sent: tuple[InvitationSent, ...]
    reminders: tuple[ReminderSent, ...]

    @property
    def last_sent(self) -> InvitationSent | None:
        return self.sent[-1] if self.sent else None

    @property
    def times_sent(self) -> int:
        return len(self.sent)


def person_facts(person: Person, involvement: Involvement | None) -> PersonFacts:
    return PersonFacts(
        name=person.full_name,
        role_description=involvement.role_description if involvement else "",
        training_needed=involvement.training_needed if involvement else "",
        training_done=involvement.training_done if involvement else "",
    )


def invitation_rows(*, meeting: Meeting) -> list[InvitationRow]:
    """Everyone invited, by name, with their part in the project, every invitation and
    reminder sent: four queries for any number of people. Access needs are not read."""
    invited = list(
        InvitedPerson.objects.filter(meeting=meeting, person__erased_at__isnull=True)
        .select_related("person")
        .defer("person__needs_token")
        .prefetch_related(
            Prefetch("invitations_sent", queryset=InvitationSent.objects.order_by("sent_at", "pk")),
            Prefetch("reminders_sent", queryset=ReminderSent.objects.order_by("sent_at", "pk")),
        )
        .order_by("person__full_name", "person_id")
    )
    involvements = {
        involvement.person_id: involvement
        for involvement in Involvement.objects.filter(
            project_id=meeting.project_id, person_id__in=[row.person_id for row in invited]
        ).only("person_id", "role_description", "training_needed", "training_done")
    }
    return [
        InvitationRow(
            invited=row,
            person_facts=person_facts(row.person, involvements.get(row.person_id)),
            delivery=delivery(row.person),
            letter_format=letter_format(row.person.formats or ()),
            sent=tuple(row.invitations_sent.all()),
            reminders=tuple(row.reminders_sent.all()),
        )
        for row in invited
    ]


def invitation_row(*, meeting: Meeting, invited_id: int) -> InvitationRow | None:
    found = (
        InvitedPerson.objects.filter(meeting=meeting, pk=invited_id, person__erased_at__isnull=True)
        .select_related("person")
        .first()
    )
    if found is None:
        return None
    involvement = Involvement.objects.filter(
        project_id=meeting.project_id, person_id=found.person_id
    ).first()
    return InvitationRow(
        invited=found,
        person_facts=person_facts(found.person, involvement),
        delivery=delivery(found.person),
        letter_format=letter_format(found.person.formats or ()),
        sent=tuple(found.invitations_sent.order_by("sent_at", "pk")),
        reminders=(),
    )


def invited_for_link(*, invited_id: int) -> InvitedPerson | None:
    """The invitation a reply link points at, with its meeting, venue and project."""
    return (
        InvitedPerson.objects.filter(pk=invited_id, person__erased_at__isnull=True)
        .select_related("person", "meeting__venue", "meeting__project")
        .defer("person__needs_token")
        .first()
    )


def invited_as(*, membership: Membership, meeting_ids: list[int]) -> dict[int, int]:
    """Of these meetings, those the member is invited to themselves, with the person
    they are invited as (never someone else's, never an erased person): one query."""
    return dict(
        InvitedPerson.objects.filter(
            meeting_id__in=meeting_ids,
            meeting__project_id=membership.project_id,
            person__user_id=membership.user_id,
            person__erased_at__isnull=True,
        ).values_list("meeting_id", "person_id")
    )


def person_for_feed(*, person_id: int) -> Person | None:
    return Person.objects.filter(pk=person_id, erased_at__isnull=True).defer("needs_token").first()


def feed_invitations(*, person: Person, today: datetime.date) -> list[InvitedPerson]:
    """This person's own invitations, from FEED_DAYS_BACK days ago on: one query."""
    return list(
        InvitedPerson.objects.filter(
            person=person, meeting__meets_on__gte=today - datetime.timedelta(days=FEED_DAYS_BACK)
        )
        .select_related("meeting__venue", "meeting__project")
        .order_by("meeting__meets_on", "meeting__starts_at", "pk")
    )


def _location(meeting: Meeting) -> str:
    parts = []
    if meeting.has_room and meeting.venue:
        parts.append(
            ", ".join(
                part
                for part in (meeting.venue.name, meeting.room, *meeting.venue.address.splitlines())
                if part.strip()
            )
        )
    if meeting.has_online:
        parts.append("Online")
    return "; ".join(parts)


def calendar_meeting(
    meeting: Meeting, *, url: str = "", cancelled: bool = False, joining: bool = False
) -> calendars.CalendarMeeting:
    description = [meeting.purpose.strip()] if meeting.purpose.strip() else []
    if joining and meeting.has_online and meeting.joining_details.strip():
        description.append("How to join online: " + meeting.joining_details.strip())
    if url:
        description.append("Say if you are coming: " + url)
    return calendars.CalendarMeeting(
        key=meeting.pk,
        title=meeting.title,
        meets_on=meeting.meets_on,
        starts_at=meeting.starts_at,
        length_minutes=meeting.length_minutes,
        created_at=meeting.created_at,
        updated_at=meeting.updated_at,
        location=_location(meeting),
        description="\n\n".join(description),
        url=url,
        cancelled=cancelled,
    )


def attendance_for_download(*, project_id: int) -> Iterator[InvitedPerson]:
    """Everyone invited to each of the project's meetings, by meeting date then name, with
    their reply and whether they came, a few hundred at a time: one query."""
    return (
        InvitedPerson.objects.filter(meeting__project_id=project_id)
        .select_related("meeting", "person")
        .defer("person__needs_token", "catering_note_token")
        .order_by(
            "meeting__meets_on", "meeting__starts_at", "meeting_id", "person__full_name", "pk"
        )
        .iterator(chunk_size=500)
    )


def people_invited(*, project_id: int) -> QuerySet[Person]:
    """Everyone invited to a meeting of the project (for writing down who a download names)."""
    return Person.objects.filter(meeting_invitations__meeting__project_id=project_id)


def is_not_coming(invited: InvitedPerson) -> bool:
    return invited.reply == Reply.NOT_COMING


def invitations_held_about(person: Person) -> list[dict]:
    """The meetings and workshops someone was invited to, with their replies and what was
    sent, for everything we hold about them (coplan.people.everything_held)."""
    return [
        {
            "meeting": invited.meeting.title,
            "project": invited.meeting.project.name,
            "date": invited.meeting.meets_on.isoformat(),
            "reply": invited.get_reply_display(),
            "said_needs_changed": invited.needs_changed,
            "what_the_caterer_was_told": crypto.decrypt_json(invited.catering_note_token)
            if invited.catering_note_token
            else "",
            "attendance": invited.get_attendance_display(),
            "invitations_sent": [
                {"when": sent.sent_at.isoformat(timespec="seconds"), "how": sent.sent_by}
                for sent in invited.invitations_sent.all()
            ],
            "reminders_sent": [
                reminder.sent_at.isoformat(timespec="seconds")
                for reminder in invited.reminders_sent.all()
            ],
        }
        for invited in person.meeting_invitations.select_related("meeting__project")
        .prefetch_related("invitations_sent", "reminders_sent")
        .order_by("meeting__meets_on", "pk")
    ]
