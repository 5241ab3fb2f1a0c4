"""Writes for venues and meetings. Whether a meeting is ready is never written:
it is worked out by checks.py every time."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from coplan.core import events
from coplan.core.errors import RuleError
from coplan.meetings import checks
from coplan.meetings.models import (
    Attendance,
    InvitedPerson,
    Meeting,
    MeetingsPolicy,
    Paper,
    PaperworkItem,
    PaperworkKind,
    Reply,
    Venue,
)
from coplan.organisations.models import Organisation
from coplan.people import crypto
from coplan.people.choices import AuditAction
from coplan.people.models import AuditEntry, Person
from coplan.projects.models import Project


class MeetingRuleError(RuleError):
    """Something the rules about meetings and venues do not allow, in plain words."""


# The organisation's rule for notice -----------------------------------------------------


def meetings_policy_set(*, organisation: Organisation, notice_days: int) -> MeetingsPolicy:
    if notice_days < checks.NOTICE_DAYS:
        raise MeetingRuleError(
            f"The least notice must be {checks.NOTICE_DAYS} days (4 weeks) or more",
            field="notice_days",
        )
    policy, _ = MeetingsPolicy.objects.update_or_create(
        organisation=organisation,
        defaults={"notice_days": notice_days, "updated_at": timezone.now()},
    )
    return policy


# Venues --------------------------------------------------------------------------------


def _venue_name_taken(organisation: Organisation, name: str, exclude_pk: int | None) -> bool:
    same = Venue.objects.filter(organisation=organisation, name__iexact=name)
    if exclude_pk:
        same = same.exclude(pk=exclude_pk)
    return same.exists()


def _venue_save(venue: Venue, *, by: AbstractBaseUser, fields: dict) -> Venue:
    if _venue_name_taken(venue.organisation, fields["name"], venue.pk):
        raise MeetingRuleError("There is already a venue with this name", field="name")
    checked_before = venue.checked_on
    for name, value in fields.items():
        setattr(venue, name, value)
    if venue.checked_on != checked_before:
        venue.checked_by = by
    venue.updated_at = timezone.now()
    try:
        with transaction.atomic():
            venue.save()
    except IntegrityError as error:  # a venue with the name was added at the same moment
        raise MeetingRuleError("There is already a venue with this name", field="name") from error
    return venue


def venue_create(*, organisation: Organisation, created_by: AbstractBaseUser, **fields) -> Venue:
    return _venue_save(
        Venue(organisation=organisation, created_by=created_by), by=created_by, fields=fields
    )


def venue_update(*, venue: Venue, changed_by: AbstractBaseUser, **fields) -> Venue:
    return _venue_save(venue, by=changed_by, fields=fields)


# Meetings ------------------------------------------------------------------------------


def _check_venue(project: Project, venue: Venue | None) -> None:
    if venue is not None and venue.organisation_id != project.organisation_id:
        raise MeetingRuleError("Choose a venue from your organisation's list", field="venue")


@transaction.atomic
def meeting_create(*, project: Project, created_by: AbstractBaseUser, **fields) -> Meeting:
    """A new meeting, with the seed's paperwork checklist all "to do"."""
    _check_venue(project, fields.get("venue"))
    found = Meeting.objects.create(project=project, created_by=created_by, **fields)
    PaperworkItem.objects.bulk_create(
        [PaperworkItem(meeting=found, kind=kind) for kind in PaperworkKind.values]
    )
    return found


@transaction.atomic
def meeting_update(*, meeting: Meeting, **fields) -> Meeting:
    _check_venue(meeting.project, fields.get("venue"))
    changed = sorted(name for name, value in fields.items() if getattr(meeting, name) != value)
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.updated_at = timezone.now()
    meeting.save()
    if changed:
        events.happened(
            "meeting.changed",
            project=meeting.project,
            facts={
                "meeting_id": meeting.pk,
                "changed": changed,
                "title": meeting.title,
                "meets_on": meeting.meets_on.isoformat(),
                "starts_at": meeting.starts_at.isoformat(timespec="minutes"),
                "length_minutes": meeting.length_minutes,
                "format": meeting.format,
                "venue_id": meeting.venue_id,
            },
        )
    return meeting


def meeting_remove(*, meeting: Meeting) -> None:
    """Remove a meeting that was planned by mistake or will not happen.

    Not once anyone's attendance is recorded: payments for people's time depend on it.
    """
    if meeting.invited.exclude(attendance=Attendance.NOT_RECORDED).exists():
        raise MeetingRuleError(
            "Who came to this meeting is recorded, and payments depend on it, "
            "so it cannot be removed"
        )
    meeting.delete()


@transaction.atomic
def paperwork_update(*, meeting: Meeting, statuses: dict[str, str], notes: dict[str, str]) -> None:
    """Set each paperwork line's status; lines missing (older meetings) are added, once:
    the meeting is locked, so two saves at the same moment take turns."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    existing = {item.kind: item for item in PaperworkItem.objects.filter(meeting=meeting)}
    for kind in PaperworkKind.values:
        item = existing.get(kind) or PaperworkItem(meeting=meeting, kind=kind)
        item.status = statuses.get(kind, item.status)
        item.note = notes.get(kind, item.note)
        item.save()


# Papers -----------------------------------------------------------------------------------


def _check_paper_dates(meeting: Meeting, send_by: datetime.date) -> None:
    if send_by > meeting.meets_on:
        raise MeetingRuleError(
            "The send-by date must be on or before the day of the meeting", field="send_by"
        )


def paper_create(*, meeting: Meeting, **fields) -> Paper:
    _check_paper_dates(meeting, fields["send_by"])
    return Paper.objects.create(meeting=meeting, **fields)


def paper_update(*, paper: Paper, **fields) -> Paper:
    _check_paper_dates(paper.meeting, fields["send_by"])
    for name, value in fields.items():
        setattr(paper, name, value)
    paper.save()
    return paper


def paper_remove(*, paper: Paper) -> None:
    paper.delete()


# People invited -----------------------------------------------------------------------------


def invited_people_add(
    *, meeting: Meeting, people: Iterable[Person], added_by: AbstractBaseUser
) -> int:
    """Invite people in the meeting's project; anyone already invited is left as they are.
    Returns how many were newly invited."""
    people = list(people)
    in_project = set(
        Person.objects.filter(
            pk__in=[person.pk for person in people], involvements__project_id=meeting.project_id
        ).values_list("pk", flat=True)
    )
    if len(in_project) != len({person.pk for person in people}):
        raise MeetingRuleError("Choose people who are in this project", field="people")
    already = set(
        InvitedPerson.objects.filter(meeting=meeting, person_id__in=in_project).values_list(
            "person_id", flat=True
        )
    )
    now = timezone.now()
    new = [
        InvitedPerson(meeting=meeting, person_id=pk, added_by=added_by, added_at=now)
        for pk in sorted(in_project - already)
    ]
    InvitedPerson.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return len(new)


def invited_person_remove(*, invited: InvitedPerson) -> None:
    invited.delete()


def invited_person_set_reply(
    *, invited: InvitedPerson, reply: str, needs_changed: bool | None = None
) -> InvitedPerson:
    """Record a reply (for example one given by phone). `needs_changed` None leaves it."""
    if reply not in Reply.values:
        raise MeetingRuleError("Select their reply", field="reply")
    now = timezone.now()
    if reply != invited.reply:
        invited.reply = reply
        invited.replied_at = None if reply == Reply.NO_REPLY else now
    if needs_changed is not None and needs_changed != invited.needs_changed:
        invited.needs_changed = needs_changed
        invited.needs_changed_at = now if needs_changed else None
    invited.save(update_fields=["reply", "replied_at", "needs_changed", "needs_changed_at"])
    return invited


def invited_person_set_attendance(*, invited: InvitedPerson, attendance: str) -> InvitedPerson:
    if attendance not in Attendance.values:
        raise MeetingRuleError("Select whether they came", field="attendance")
    invited.attendance = attendance
    invited.save(update_fields=["attendance"])
    return invited


# Food -----------------------------------------------------------------------------------------


def catering_mark_sent(
    *, meeting: Meeting, summary: checks.CateringSummary, sent_on: datetime.date
) -> Meeting:
    """Keep the summary as it was sent, so a later change shows on the meeting: the
    numbers on the meeting, each person's note for the caterer on their invitation (so
    erasing them erases it), all encrypted with the people data keys."""
    if sent_on > timezone.localdate():
        raise MeetingRuleError("The date it was sent must be today or in the past", field="sent_on")
    notes = dict(summary.notes_from)
    with transaction.atomic():
        meeting.catering_sent_on = sent_on
        meeting.catering_sent_token = crypto.encrypt_json(summary.counts_snapshot())
        meeting.save(update_fields=["catering_sent_on", "catering_sent_token"])
        invited = list(
            InvitedPerson.objects.filter(meeting=meeting).only(
                "pk", "person_id", "catering_note_token"
            )
        )
        for row in invited:
            note = notes.get(row.person_id)
            row.catering_note_token = crypto.encrypt_json(note) if note else ""
        InvitedPerson.objects.bulk_update(invited, ["catering_note_token"])
    return meeting


# Audit ------------------------------------------------------------------------------------------


def meeting_needs_view_record(*, meeting: Meeting, actor: AbstractBaseUser, where: str) -> None:
    """Write down that someone was shown whose needs are not met at this meeting.

    Everyone invited (and not saying they are not coming) whose needs were
    checked gets an entry, like `people.services.needs_view_record_project`:
    one INSERT ... SELECT, however many people are invited.
    """
    audit = connection.ops.quote_name(AuditEntry._meta.db_table)
    invited = connection.ops.quote_name(InvitedPerson._meta.db_table)
    person = connection.ops.quote_name(Person._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {audit} (organisation_id, project_id, person_id, actor_id, action, "  # noqa: S608 - names from models, values as parameters  # nosec B608
            f"{connection.ops.quote_name('where')}, at) "
            f"SELECT p.organisation_id, %s, p.id, %s, %s, %s, %s "
            f"FROM {invited} i JOIN {person} p ON p.id = i.person_id "
            "WHERE i.meeting_id = %s AND i.reply <> %s AND p.needs_token <> '' "
            "AND p.erased_at IS NULL",
            [
                meeting.project_id,
                actor.pk,
                AuditAction.VIEWED_NEEDS.value,
                where[:100],
                connection.ops.adapt_datetimefield_value(timezone.now()),
                meeting.pk,
                Reply.NOT_COMING.value,
            ],
        )
