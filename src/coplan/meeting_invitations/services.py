"""Writes for invitations, replies, reminders and attendance.

- Invitations go once to each invited person: `meeting_invitations_send` sends
  only to people with no invitation sent yet, with the meeting row locked, so a
  double click or two people pressing "Send" at once cannot send twice. Sending
  to someone again is its own action (`invitation_send_again`), and every send
  is recorded (`InvitationSent`: when, how, format, by whom).
- Reminders go at each person's chosen lead time (`people.needs`:
  "reminder_days_before"; REMINDER_DEFAULT_DAYS if they did not say) by email,
  never twice: a `ReminderSent` row is written, unique per person and meeting
  start time, in the same transaction as the email is handed over, so a second
  worker running at the same time finds it and skips. Nobody who said they are
  not coming gets one, nor anyone whose invitation was never sent.
"""

import datetime
import logging
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from coplan.core import formats
from coplan.core.errors import RuleError
from coplan.meeting_invitations import links, selectors, telling
from coplan.meeting_invitations.invitations import (
    Invitation,
    MeetingFacts,
    Wording,
    invitation_build,
    text_for_reading,
)
from coplan.meeting_invitations.letters import EASY_READ, LARGE_PRINT, letter_pdf
from coplan.meeting_invitations.models import (
    InvitationSent,
    InvitationWording,
    ReminderSent,
    SentBy,
)
from coplan.meetings.checks import meeting_times
from coplan.meetings.models import Attendance, InvitedPerson, Meeting, Reply
from coplan.meetings.presenters import clock_words
from coplan.people import selectors as people_selectors
from coplan.people.choices import Format
from coplan.people.needs import MAX_REMINDER_DAYS
from coplan.plain_words import selectors as easy_read_selectors
from coplan.plain_words import services as easy_read_services
from coplan.plain_words.easy_read import ApprovedVersion
from coplan.plain_words.models import EasyReadVersion
from coplan.short_links.services import short_link_make

logger = logging.getLogger(__name__)

REMINDER_DEFAULT_DAYS = 2
REMINDER_HOUR = 9  # reminders go at 9am on the day, London time
REMINDER_LATEST_BEFORE = datetime.timedelta(hours=2)  # and at least 2 hours before the start


class InvitationRuleError(RuleError):
    """Something the rules do not allow, in plain words."""


class EasyReadNotApprovedError(InvitationRuleError):
    """Someone waiting gets Easy Read, and the lead has not approved its Easy Read
    version (or the invitation changed since): they are asked to check it first."""


# The invitation's wording -------------------------------------------------------------------

WORDING_FIELDS = (
    "message",
    "how_it_affects",
    "getting_involved",
    "commitment",
    "training",
    "payment",
    "reply_by",
)


def invitation_wording_save(
    *, meeting: Meeting, changed_by: AbstractBaseUser, **fields
) -> InvitationWording:
    unknown = set(fields) - set(WORDING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown invitation fields: {sorted(unknown)}")
    reply_by = fields.get("reply_by")
    if reply_by and reply_by > meeting.meets_on:
        raise InvitationRuleError(
            "The date to reply by must be on or before the day of the meeting", field="reply_by"
        )
    wording, _ = InvitationWording.objects.update_or_create(
        meeting=meeting,
        defaults={**fields, "updated_by": changed_by, "updated_at": timezone.now()},
    )
    return wording


# Sending invitations ------------------------------------------------------------------------


@dataclass
class Sent:
    emailed: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    no_way: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.emailed) + len(self.letters)


def _attachment(
    invitation: Invitation,
    *,
    format: str,
    reply_link: str,
    easy_read: ApprovedVersion | None = None,
) -> tuple | None:
    """People who asked for Easy Read or large print get it as a PDF with the email too."""
    if format not in (EASY_READ, LARGE_PRINT):
        return None
    pdf = letter_pdf(
        invitation=invitation,
        format=format,
        reply_link=short_link_make(link=reply_link),
        today=timezone.localdate(),
        easy_read=easy_read,
    )
    name = "invitation-easy-read.pdf" if format == EASY_READ else "invitation-large-print.pdf"
    return (name, pdf, "application/pdf")


def invitation_email(
    *,
    row: selectors.InvitationRow,
    facts: MeetingFacts,
    wording: Wording,
    easy_read: ApprovedVersion | None = None,
) -> EmailMessage:
    invitation = invitation_build(facts=facts, wording=wording, person=row.person_facts)
    reply_link = links.reply_link(invited_id=row.invited.pk)
    body = text_for_reading(
        invitation,
        reply_link=reply_link,
        calendar_link=links.reply_calendar_link(invited_id=row.invited.pk),
    )
    if facts.lead_name:
        body += f"\nWith best wishes,\n{facts.lead_name}\n"
    message = EmailMessage(subject=invitation.subject, body=body, to=[row.invited.person.email])
    attachment = _attachment(
        invitation, format=row.letter_format, reply_link=reply_link, easy_read=easy_read
    )
    if attachment:
        message.attach(*attachment)
    return message


def _send_emails(messages: list[EmailMessage]) -> None:
    if messages:
        with get_connection() as connection:
            connection.send_messages(messages)


def _record_and_send(
    rows: list[selectors.InvitationRow],
    *,
    meeting: Meeting,
    sender: AbstractBaseUser,
    now: datetime.datetime,
) -> Sent:
    facts = selectors.meeting_facts(meeting=meeting, today=timezone.localdate(now))
    wording = selectors.wording_of(selectors.invitation_wording(meeting=meeting))
    version = _easy_read_to_send(meeting, rows, now=now)
    easy_read = (
        easy_read_selectors.approved_version(
            version=version, organisation_id=meeting.project.organisation_id
        )
        if version is not None
        else None
    )
    sent, records, messages = Sent(), [], []
    for row in rows:
        name = row.invited.person.full_name
        if row.delivery == selectors.NO_WAY:
            sent.no_way.append(name)
            continue
        how = SentBy.EMAIL if row.delivery == selectors.EMAIL else SentBy.LETTER
        records.append(
            InvitationSent(
                invited=row.invited,
                sent_by=how,
                format=row.letter_format,
                sent_at=now,
                sender=sender,
                easy_read_version=version if row.letter_format == EASY_READ else None,
            )
        )
        if how == SentBy.EMAIL:
            messages.append(
                invitation_email(
                    row=row,
                    facts=facts,
                    wording=wording,
                    easy_read=easy_read if row.letter_format == EASY_READ else None,
                )
            )
            sent.emailed.append(name)
        else:
            sent.letters.append(name)
    InvitationSent.objects.bulk_create(records, batch_size=500)
    if meeting.invitations_on is None:
        meeting.invitations_on = timezone.localdate(now)
        meeting.save(update_fields=["invitations_on"])
    transaction.on_commit(lambda: _send_emails(messages))
    transaction.on_commit(_reminders_keep_running)
    return sent


def _easy_read_to_send(
    meeting: Meeting, rows: list[selectors.InvitationRow], *, now: datetime.datetime
) -> EasyReadVersion | None:
    """The approved Easy Read version, if anyone being sent the invitation gets Easy
    Read (from now on kept as sent); EasyReadNotApprovedError if there is none."""
    if not any(row.delivery != selectors.NO_WAY and row.letter_format == EASY_READ for row in rows):
        return None
    document = selectors.invitation_easy_read(meeting=meeting, today=timezone.localdate(now))
    try:
        return easy_read_services.easy_read_version_send(
            project=meeting.project, document=document, now=now
        )
    except easy_read_services.EasyReadError as error:
        raise EasyReadNotApprovedError(error.message) from error


def invitation_easy_read_for_letter(
    *, meeting: Meeting, row: selectors.InvitationRow
) -> ApprovedVersion | None:
    """The Easy Read version one person's letter is printed with: the one they were
    sent (kept as sent), else the one approved now, else none (the maker's lines)."""
    if row.letter_format != EASY_READ:
        return None
    last = row.last_sent
    version = last.easy_read_version if last is not None else None
    if version is None:
        _, state = selectors.invitation_easy_read_state(meeting=meeting, today=timezone.localdate())
        version = state.latest if state.approved else None
    if version is None:
        return None
    return easy_read_selectors.approved_version(
        version=version, organisation_id=meeting.project.organisation_id
    )


def _reminders_keep_running() -> None:
    from coplan.meeting_invitations.tasks import reminders_keep_running  # tasks imports this module

    reminders_keep_running()


def _locked(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("venue", "project")
        .get(pk=meeting.pk)
    )


@transaction.atomic
def meeting_invitations_send(
    *, meeting: Meeting, sender: AbstractBaseUser, now: datetime.datetime | None = None
) -> Sent:
    """Send the invitation to everyone invited who has not been sent one yet."""
    now = now or timezone.now()
    meeting = _locked(meeting)
    waiting = [row for row in selectors.invitation_rows(meeting=meeting) if not row.sent]
    return _record_and_send(waiting, meeting=meeting, sender=sender, now=now)


@transaction.atomic
def invitation_send_again(*, meeting: Meeting, invited_id: int, sender: AbstractBaseUser) -> Sent:
    """Send one person their invitation again (for example, a lost letter)."""
    meeting = _locked(meeting)
    row = selectors.invitation_row(meeting=meeting, invited_id=invited_id)
    if row is None:
        raise InvitationRuleError("This person is not invited to this meeting")
    return _record_and_send([row], meeting=meeting, sender=sender, now=timezone.now())


def letter_for(*, meeting: Meeting, row: selectors.InvitationRow) -> bytes:
    """The printed invitation for one person, in the format they asked for."""
    facts = selectors.meeting_facts(meeting=meeting, today=timezone.localdate())
    wording = selectors.wording_of(selectors.invitation_wording(meeting=meeting))
    invitation = invitation_build(facts=facts, wording=wording, person=row.person_facts)
    person = row.invited.person
    return letter_pdf(
        invitation=invitation,
        format=row.letter_format,
        address="\n".join([person.full_name, person.address]),
        reply_link=short_link_make(link=links.reply_link(invited_id=row.invited.pk)),
        sender=facts.lead_name,
        today=timezone.localdate(),
        easy_read=invitation_easy_read_for_letter(meeting=meeting, row=row),
    )


# Replies from the link -----------------------------------------------------------------------


def reply_choices(meeting: Meeting) -> list[str]:
    """The replies the link offers: online only for a meeting people can join online."""
    choices = []
    if meeting.has_room:
        choices.append(Reply.IN_PERSON)
    if meeting.has_online:
        choices.append(Reply.ONLINE)
    choices.append(Reply.NOT_COMING)
    return choices


def _tell_leads_needs_changed(invited: InvitedPerson) -> None:
    meeting = invited.meeting
    leads = selectors.project_leads(project_id=meeting.project_id)
    recipients = [lead.user.email for lead in leads if lead.user.email]
    if not recipients:
        return
    link = settings.SITE_URL + reverse(
        "people:participant",
        kwargs={"project_id": meeting.project_id, "person_id": invited.person_id},
    )
    body = (
        f"{invited.person.full_name} says their needs have changed, in their reply to the "
        f"invitation to {meeting.title} on {formats.long_date(meeting.meets_on)}.\n\n"
        "Please get in touch with them to ask what they need now, and change their access "
        "needs in the planner:\n\n"
        f"{link}\n"
    )
    EmailMessage(
        subject=f"Needs have changed: {invited.person.full_name}, {meeting.title}",
        body=body,
        to=recipients,
    ).send()


@transaction.atomic
def needs_changed_by_them(person, project) -> int:
    """Someone changed their own access needs ("my needs have changed" on their home):
    each meeting of the project still to come that they are invited to says so to staff,
    and the leads are told once, by the next of those meetings. Returns how many."""
    rows = list(
        InvitedPerson.objects.select_for_update(of=("self",))
        .select_related("person", "meeting")
        .filter(
            person=person,
            meeting__project=project,
            meeting__meets_on__gte=timezone.localdate(),
            needs_changed=False,
        )
        .order_by("meeting__meets_on", "meeting__starts_at", "meeting_id")
    )
    if not rows:
        return 0
    InvitedPerson.objects.filter(pk__in=[row.pk for row in rows]).update(
        needs_changed=True, needs_changed_at=timezone.now()
    )
    first = rows[0]
    transaction.on_commit(lambda: _tell_leads_needs_changed(first))
    return len(rows)


def reply_thanks(invited: InvitedPerson) -> str:
    """What a person is told once their reply is saved, by their link or signed in."""
    return f"We have your reply: {invited.get_reply_display().lower()}"


@transaction.atomic
def reply_from_link(*, invited: InvitedPerson, reply: str, needs_changed: bool) -> InvitedPerson:
    """A person's own reply, from their link or signed in (the same confirmation either
    way). Saying their needs have changed tells the project's leads."""
    if reply not in reply_choices(invited.meeting):
        raise InvitationRuleError("Select if you are coming", field="reply")
    invited = (
        InvitedPerson.objects.select_for_update(of=("self",))
        .select_related("person", "meeting")
        .get(pk=invited.pk)
    )
    now = timezone.now()
    newly_changed = needs_changed and not invited.needs_changed
    if reply != invited.reply:
        invited.reply = reply
        invited.replied_at = now
    if newly_changed:
        invited.needs_changed = True
        invited.needs_changed_at = now
    invited.save(update_fields=["reply", "replied_at", "needs_changed", "needs_changed_at"])
    telling.reply_confirmed(invited)
    if newly_changed:
        transaction.on_commit(lambda: _tell_leads_needs_changed(invited))
    return invited


# Attendance on the day -------------------------------------------------------------------------


@transaction.atomic
def attendance_record(*, meeting: Meeting, marks: dict[int, str]) -> int:
    """Who came, for everyone on the page at once: one query to read, and one UPDATE for
    each answer given ("came", "did not come"), however many people. Returns how many
    people's attendance changed."""
    if any(value not in Attendance.values for value in marks.values()):
        raise InvitationRuleError("Select whether each person came")
    now_recorded = dict(
        InvitedPerson.objects.filter(meeting=meeting, pk__in=list(marks)).values_list(
            "pk", "attendance"
        )
    )
    if len(now_recorded) != len(marks):
        raise InvitationRuleError("Someone on the list is no longer invited. Try again.")
    changed: dict[str, list[int]] = {}
    for pk, value in marks.items():
        if now_recorded[pk] != value:
            changed.setdefault(value, []).append(pk)
    for value, pks in sorted(changed.items()):
        InvitedPerson.objects.filter(meeting=meeting, pk__in=pks).update(attendance=value)
    return sum(len(pks) for pks in changed.values())


# Reminders -------------------------------------------------------------------------------------


def reminder_due_at(*, starts: datetime.datetime, days_before: int) -> datetime.datetime:
    """9am London time, `days_before` days before the day of the meeting, but never
    later than 2 hours before it starts."""
    zone = ZoneInfo(settings.TIME_ZONE)
    day = timezone.localtime(starts, zone).date() - datetime.timedelta(days=days_before)
    due = datetime.datetime.combine(day, datetime.time(REMINDER_HOUR), tzinfo=zone)
    return min(due, starts - REMINDER_LATEST_BEFORE)


@dataclass(frozen=True)
class DueReminder:
    invited: InvitedPerson
    starts: datetime.datetime
    due: datetime.datetime


def reminders_due(*, now: datetime.datetime) -> list[DueReminder]:
    """Reminders due now and not yet sent: people who were sent an invitation by email or
    letter and have an email address, whose meeting has not started, who have not said
    they are not coming, whose chosen lead time has come."""
    today = timezone.localdate(now)
    candidates = list(
        InvitedPerson.objects.filter(
            meeting__meets_on__gte=today,
            meeting__meets_on__lte=today + datetime.timedelta(days=MAX_REMINDER_DAYS + 1),
            person__erased_at__isnull=True,
            invitations_sent__isnull=False,
        )
        .exclude(reply=Reply.NOT_COMING)
        .exclude(person__email="")
        .select_related("meeting", "person")
        .prefetch_related("reminders_sent")
        .distinct()
        .order_by("meeting__meets_on", "pk")
    )
    needs = people_selectors.needs_for_people(people=[row.person for row in candidates])
    due: list[DueReminder] = []
    for row in candidates:
        starts = meeting_times(
            meets_on=row.meeting.meets_on,
            starts_at=row.meeting.starts_at,
            length_minutes=row.meeting.length_minutes,
            zone=settings.TIME_ZONE,
        ).starts
        if starts <= now or any(sent.for_starts == starts for sent in row.reminders_sent.all()):
            continue
        days = needs[row.person_id].reminder_days_before
        at = reminder_due_at(
            starts=starts, days_before=REMINDER_DEFAULT_DAYS if days is None else days
        )
        if at <= now:
            due.append(DueReminder(row, starts, at))
    return due


_EASY_READ_COMING = {
    Reply.IN_PERSON: "You told us you are coming.",
    Reply.ONLINE: "You told us you will join online.",
}


def reminder_email_easy_read(reminder: DueReminder) -> EmailMessage:
    """The reminder in Easy Read, for people who asked for Easy Read papers: one idea a
    line, the date written out, where as one block, a short link, no jargon (every fixed
    line passes the Easy Read check)."""
    invited, meeting = reminder.invited, reminder.invited.meeting
    starts = timezone.localtime(reminder.starts, ZoneInfo(settings.TIME_ZONE))
    day = formats.day_and_date(starts.date())
    lines = [
        f"Hello {invited.person.full_name}.",
        "",
        "Your meeting is soon.",
        f"The meeting is called {meeting.title}.",
        f"The meeting is on {day}.",
        f"It starts at {clock_words(starts)}.",
    ]
    venue = meeting.venue if meeting.has_room else None
    if venue is not None:
        name = venue.name + (f", {meeting.room}" if meeting.room else "")
        address = [line.strip() for line in venue.address.splitlines() if line.strip()]
        lines += ["", "Where:", name, *address]
    if meeting.has_online and meeting.joining_details.strip():
        lines += ["", "To join online:", meeting.joining_details.strip()]
    lines += [
        "",
        _EASY_READ_COMING.get(invited.reply, "Please tell us if you are coming."),
        "Tell us if you cannot come.",
        "Tell us if you need something new.",
        "Use this link:",
        short_link_make(link=links.reply_link(invited_id=invited.pk)),
    ]
    return EmailMessage(
        subject=f"Reminder: {meeting.title} on {day}",
        body="\n".join(lines) + "\n",
        to=[invited.person.email],
    )


def reminder_email(reminder: DueReminder) -> EmailMessage:
    invited, meeting = reminder.invited, reminder.invited.meeting
    if Format.EASY_READ in (invited.person.formats or []):
        return reminder_email_easy_read(reminder)
    starts = timezone.localtime(reminder.starts, ZoneInfo(settings.TIME_ZONE))
    when = f"{formats.day_and_date(starts.date())} at {clock_words(starts)}"
    coming = {
        Reply.IN_PERSON: "You said you are coming in person.",
        Reply.ONLINE: "You said you are coming online.",
    }.get(invited.reply, "You have not told us yet if you are coming.")
    body = (
        f"Dear {invited.person.full_name},\n\n"
        f"This is a reminder about {meeting.title} on {when}.\n\n{coming}\n\n"
    )
    if meeting.has_online and meeting.joining_details.strip():
        body += f"How to join online:\n{meeting.joining_details.strip()}\n\n"
    body += (
        "If you cannot come, or your needs have changed, please tell us here:\n"
        f"{links.reply_link(invited_id=invited.pk)}\n"
    )
    return EmailMessage(
        subject=f"Reminder: {meeting.title}, {when}", body=body, to=[invited.person.email]
    )


def reminder_send(reminder: DueReminder, *, now: datetime.datetime) -> bool:
    """Send one reminder, once. False if it was already sent (by another worker, say)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    invited=reminder.invited, for_starts=reminder.starts, sent_at=now
                )
        except IntegrityError:
            return False
        # Handed to the mail server inside the transaction: if that fails, the record
        # goes too, and the next run tries again.
        reminder_email(reminder).send()
    return True


def reminders_send_due(*, now: datetime.datetime | None = None) -> int:
    """Send every reminder that is due now. Safe to run as often as you like."""
    now = now or timezone.now()
    count = 0
    for reminder in reminders_due(now=now):
        try:
            count += reminder_send(reminder, now=now)
        except Exception:  # one person's mail failing must not stop the others
            logger.exception("Reminder to invited person %s failed", reminder.invited.pk)
    return count
