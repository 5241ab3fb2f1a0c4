"""Reads about people. Access needs come back decrypted only through these functions.

Features that plan around people's needs (venue checks, catering, invitations)
read them with `needs_for_people`, `project_access_needs`, `project_need_totals`
and `project_people_needing`. A page that shows someone's needs to a person
must also call `services.needs_view_record`, so the view is in the audit log.
"""

import calendar
import datetime
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from coplan.core.paging import page_of
from coplan.core.registry import Registry
from coplan.organisations.models import Organisation, StaffMembership
from coplan.people import crypto, monitoring
from coplan.people.choices import SEED_CATEGORIES, AuditAction, ConsentPurpose, GroupCategory
from coplan.people.models import (
    AuditEntry,
    ConsentRecord,
    Involvement,
    MonitoringAim,
    MonitoringResponse,
    ParticipantImport,
    PeoplePolicy,
    Person,
    StakeholderGroup,
)
from coplan.people.needs import AccessNeeds
from coplan.projects.models import Invitation, Membership, Project

PARTICIPANTS_PER_PAGE = 100
AUDIT_ENTRIES_PER_PAGE = 100
DEFAULT_RETENTION_MONTHS = 24


# Stakeholders -----------------------------------------------------------------


def stakeholder_groups(*, project: Project) -> list[StakeholderGroup]:
    """The project's groups, each with `involved`: how many participants are in it."""
    return list(
        StakeholderGroup.objects.filter(project=project)
        .annotate(involved=Count("involvements"))
        .order_by("-influence", "-interest", "name", "pk")
    )


def stakeholder_group(*, project: Project, group_id: int) -> StakeholderGroup | None:
    return StakeholderGroup.objects.filter(project=project, pk=group_id).first()


@dataclass(frozen=True)
class WhoIsMissing:
    categories: list[GroupCategory]
    below_aim: list[StakeholderGroup]
    with_no_one: list[StakeholderGroup]


def who_is_missing(*, groups: list[StakeholderGroup]) -> WhoIsMissing:
    """The seed's groups with no stakeholder group yet, and groups short of their aim."""
    covered = {group.category for group in groups}
    return WhoIsMissing(
        categories=[category for category in SEED_CATEGORIES if category not in covered],
        below_aim=[
            group
            for group in groups
            if group.representation_aim and 0 < group.involved < group.representation_aim
        ],
        with_no_one=[group for group in groups if group.involved == 0],
    )


# Participants -------------------------------------------------------------------


def _latest_consent(purpose: str, field: str) -> Subquery:
    return Subquery(
        ConsentRecord.objects.filter(person=OuterRef("person"), purpose=purpose)
        .order_by("-recorded_at", "-pk")
        .values(field)[:1]
    )


_BY_NAME = ("person__full_name", "person_id")


def _participants(project: Project) -> QuerySet[Involvement]:
    """The project's participants by name, with their group and media consent."""
    return (
        Involvement.objects.filter(project=project)
        .select_related("person", "group")
        .annotate(
            media_given=_latest_consent(ConsentPurpose.MEDIA, "given"),
            media_withdrawn_at=_latest_consent(ConsentPurpose.MEDIA, "withdrawn_at"),
        )
        .order_by(*_BY_NAME)
    )


def project_participants(*, project: Project, page: int | str = 1) -> Page:
    """One page of the project's participants with their group and media consent: 2 queries
    (how many; the page, chosen by name before the consent of the 100 shown is read)."""
    return page_of(
        Involvement.objects.filter(project=project).order_by(*_BY_NAME),
        _participants(project).defer("person__needs_token", "person__address"),
        per_page=PARTICIPANTS_PER_PAGE,
        page=page,
    )


def participants_listed(*, project: Project) -> QuerySet[Involvement]:
    """The project's participants as the participants page lists them (by name, then
    id, with their group and media consent), without what the list never shows."""
    return _participants(project).defer("person__needs_token", "person__address")


def participants_for_download(*, project: Project) -> Iterator[Involvement]:
    """Every participant of the project, as on the participants page (with their group
    and media consent), a few hundred at a time: one query, however many there are."""
    return _participants(project).iterator(chunk_size=500)


def project_people(*, project: Project) -> QuerySet[Person]:
    """Everyone involved in the project (for writing down who a download names)."""
    return Person.objects.filter(involvements__project=project)


def participant_count(*, project: Project) -> int:
    return Involvement.objects.filter(project=project).count()


def participant(*, project: Project, person_id: int) -> Involvement | None:
    """A person's part in this project: the only way to reach a person from a project page."""
    return (
        Involvement.objects.filter(project=project, person_id=person_id)
        .select_related("person", "person__user", "group")
        .first()
    )


def person_needs(*, person: Person) -> AccessNeeds:
    if not person.needs_token:
        return AccessNeeds()
    return AccessNeeds.from_json(crypto.decrypt_json(person.needs_token))


def needs_for_people(*, people: list[Person]) -> dict[int, AccessNeeds]:
    return {person.pk: person_needs(person=person) for person in people}


def needs_from_tokens(tokens: Mapping[int, str]) -> dict[int, AccessNeeds]:
    """Each person's needs, by person id, from their stored `needs_token` (read without
    the rest of their record): each decrypted once."""
    return {
        person_id: AccessNeeds.from_json(crypto.decrypt_json(token)) if token else AccessNeeds()
        for person_id, token in tokens.items()
    }


def project_access_needs(*, project: Project) -> list[tuple[Involvement, AccessNeeds]]:
    """Every participant who has told us a need, with their needs: one query."""
    involvements = (
        Involvement.objects.filter(project=project, person__erased_at__isnull=True)
        .exclude(person__needs_token="")
        .select_related("person")
        .order_by("person__full_name", "person_id")
    )
    rows = [(involvement, person_needs(person=involvement.person)) for involvement in involvements]
    return [(involvement, needs) for involvement, needs in rows if not needs.is_empty()]


def project_need_totals(*, project: Project) -> Counter:
    """How many participants have each need code, e.g. {"dietary:vegan": 3}."""
    totals: Counter = Counter()
    for _, needs in project_access_needs(project=project):
        totals.update(needs.codes())
    return totals


def project_people_needing(*, project: Project, code: str) -> list[Person]:
    return [
        involvement.person
        for involvement, needs in project_access_needs(project=project)
        if needs.has(code)
    ]


def person_for_member(*, membership: Membership) -> Person | None:
    """The signed-in member's own record in the project's organisation, if there is one."""
    return (
        Person.objects.filter(
            organisation_id=membership.project.organisation_id, user_id=membership.user_id
        )
        .select_related("user")
        .first()
    )


def newest_project_in_each_organisation(*, user) -> list[Project]:
    """For each organisation the person has a project with, the project they joined
    there most recently (one query; organisations by name)."""
    newest: dict[int, Project] = {}
    for membership in (
        Membership.objects.filter(user=user)
        .select_related("project__organisation")
        .order_by("-joined_at", "-pk")
    ):
        newest.setdefault(membership.project.organisation_id, membership.project)
    return sorted(newest.values(), key=lambda project: (project.organisation.name, project.pk))


def person_for_member_or_waiting(*, membership: Membership) -> Person | None:
    """The member's own record, or the one that will become theirs when they first save
    their details: a record with their email and no account (as
    `services.person_for_member_get_or_create` links it)."""
    return person_for_member(membership=membership) or (
        Person.objects.filter(
            organisation_id=membership.project.organisation_id,
            email=membership.user.email,
            user__isnull=True,
        ).first()
    )


def person_version(person: Person | None) -> str:
    """Which version of someone's record this is: it changes whenever their details or
    needs are written ("tell us once" checks it before saving over them)."""
    return "none" if person is None else f"{person.pk}:{person.updated_at.isoformat()}"


def email_taken_in_organisation(
    *, organisation_id: int, email: str, by_someone_else_than: Person | None = None
) -> bool:
    """Whether a record in the organisation (other than `by_someone_else_than`) has it."""
    taken = Person.objects.filter(organisation_id=organisation_id, email=email.strip().lower())
    if by_someone_else_than is not None:
        taken = taken.exclude(pk=by_someone_else_than.pk)
    return taken.exists()


def person_in_organisation_by_email(*, organisation: Organisation, email: str) -> Person | None:
    if not email:
        return None
    return Person.objects.filter(organisation=organisation, email=email).first()


def involvement_of(*, person: Person, project: Project) -> Involvement | None:
    return (
        Involvement.objects.filter(person=person, project=project).select_related("group").first()
    )


# Consent ------------------------------------------------------------------------


def consent_records(*, person: Person) -> list[ConsentRecord]:
    return list(ConsentRecord.objects.filter(person=person).select_related("recorded_by"))


def current_consents(*, records: list[ConsentRecord]) -> dict[str, ConsentRecord | None]:
    """The latest answer for each purpose (records come newest first)."""
    current: dict[str, ConsentRecord | None] = dict.fromkeys(ConsentPurpose.values)
    for record in records:
        if current.get(record.purpose) is None:
            current[record.purpose] = record
    return current


def consent_is_given(record: ConsentRecord | None) -> bool:
    return record is not None and record.given and record.withdrawn_at is None


def person_has_consent(*, person: Person, purpose: str) -> bool:
    """Features that need a consent (media, future contact) ask this first."""
    latest = (
        ConsentRecord.objects.filter(person=person, purpose=purpose)
        .order_by("-recorded_at", "-pk")
        .first()
    )
    return consent_is_given(latest)


def project_people_with_consent(*, project: Project, purpose: str) -> QuerySet[Person]:
    """People in the project whose latest answer for the purpose is yes, not withdrawn."""
    latest = ConsentRecord.objects.filter(person=OuterRef("pk"), purpose=purpose).order_by(
        "-recorded_at", "-pk"
    )
    return (
        Person.objects.filter(involvements__project=project, erased_at__isnull=True)
        .annotate(
            latest_given=Subquery(latest.values("given")[:1]),
            latest_withdrawn_at=Subquery(latest.values("withdrawn_at")[:1]),
        )
        .filter(latest_given=True, latest_withdrawn_at__isnull=True)
        .order_by("full_name", "pk")
    )


def person_consent(*, person: Person, consent_id: int) -> ConsentRecord | None:
    return ConsentRecord.objects.filter(person=person, pk=consent_id).first()


# Right of access ----------------------------------------------------------------


def account_held(*, user: AbstractBaseUser, organisation_id: int | None = None) -> dict:
    """A person's account and what it is a member of, for `coplan.people.everything_held`.
    Only the organisation's projects when `organisation_id` is given."""
    projects = {"project__organisation_id": organisation_id} if organisation_id else {}
    staff = {"organisation_id": organisation_id} if organisation_id else {}
    return {
        "email": user.email,
        "name": user.full_name,
        "joined": user.date_joined.isoformat(timespec="seconds"),
        "last_signed_in": user.last_login.isoformat(timespec="seconds")
        if user.last_login
        else None,
        "projects": [
            {
                "project": membership.project.name,
                "organisation": membership.project.organisation.name,
                "role": membership.get_role_display(),
            }
            for membership in Membership.objects.filter(user=user, **projects)
            .select_related("project__organisation")
            .order_by("project__name", "pk")
        ],
        "organisation_staff": [
            {"organisation": staff_membership.organisation.name, "admin": staff_membership.is_admin}
            for staff_membership in StaffMembership.objects.filter(user=user, **staff)
            .select_related("organisation")
            .order_by("organisation__name")
        ],
    }


def invitations_held(*, emails: set[str], organisation_id: int | None = None) -> list[dict]:
    """Invitations to join a project sent to these email addresses."""
    scope = {"project__organisation_id": organisation_id} if organisation_id else {}
    invitations = Invitation.objects.filter(
        email__in=[email for email in emails if email], **scope
    ).select_related("project")
    return [
        {
            "project": invitation.project.name,
            "email": invitation.email,
            "name": invitation.full_name,
            "role": invitation.get_role_display(),
            "sent": invitation.sent_at.isoformat(timespec="seconds"),
            "accepted": invitation.accepted_at.isoformat(timespec="seconds")
            if invitation.accepted_at
            else None,
            "cancelled": invitation.cancelled_at.isoformat(timespec="seconds")
            if invitation.cancelled_at
            else None,
        }
        for invitation in invitations
    ]


def audit_held_about(
    *, user: AbstractBaseUser, organisation_id: int | None = None
) -> dict[str, list[dict]]:
    """How often this person saw or changed other people's protected details (the audit
    log keeps their name with each time): counts by project and kind, never whose."""
    scope = {"organisation_id": organisation_id} if organisation_id else {}
    rows = (
        AuditEntry.objects.filter(actor=user, **scope)
        .values("project__name", "action")
        .annotate(times=Count("pk"), last=Max("at"))
        .order_by("project__name", "action")
    )
    actions = dict(AuditAction.choices)
    return {
        "protected_details_seen_or_changed": [
            {
                "when": row["last"].isoformat(timespec="seconds"),
                "project": row["project__name"] or "",
                "what": f"{actions.get(row['action'], row['action'])} "
                f"({row['times']} {'time' if row['times'] == 1 else 'times'}, the last shown)",
                "words": "",
            }
            for row in rows
        ]
    }


@dataclass(frozen=True)
class RecordSection:
    """A part of someone's person record another app keeps: `find(person)` gives it, for
    the download under `key`; `empty` stands for it when there is no person record;
    `template` draws it on the page (given `export`)."""

    key: str
    find: Callable[[Person], Any]
    empty: Any
    template: str


# Parts of the person record other apps keep, registered from their `contributions.py`.
RECORD_SECTIONS: Registry[RecordSection] = Registry("everything held: person record")


def person_export(*, person: Person) -> dict:
    """What a person's record holds (what they told us and what we did for them), for
    `coplan.people.everything_held`, which adds what other apps keep with it, their
    account and what they did."""
    needs = person_needs(person=person)
    involvements = (
        Involvement.objects.filter(person=person)
        .select_related("project", "project__organisation", "group")
        .order_by("project__name")
    )
    consents = consent_records(person=person)
    audit = AuditEntry.objects.filter(person=person).select_related("actor", "project")
    return {
        "details": {
            "name": person.full_name,
            "email": person.email,
            "phone": person.phone,
            "address": person.address,
            "contact_by": person.get_contact_by_display() if person.contact_by else "",
            "formats": list(person.formats),
            "other_language": person.other_language,
            "first_recorded": person.created_at.isoformat(timespec="seconds"),
            "last_changed": person.updated_at.isoformat(timespec="seconds"),
        },
        "access_needs": {
            "needs": needs.words(),
            "codes": sorted(needs.codes()),
            "reminder_days_before": needs.reminder_days_before,
        },
        "involvement": [
            {
                "project": involvement.project.name,
                "role": involvement.get_role_display(),
                "stakeholder_group": involvement.group.name if involvement.group else "",
                "role_description": involvement.role_description,
                "training_needed": involvement.training_needed,
                "training_done": involvement.training_done,
                "joined_on": involvement.joined_on.isoformat(),
            }
            for involvement in involvements
        ],
        "consents": [
            {
                "purpose": record.get_purpose_display(),
                "answer": "yes" if record.given else "no",
                "given_on": record.given_on.isoformat(),
                "how": record.get_method_display(),
                "what_they_were_told": record.told,
                "review_on": record.review_on.isoformat() if record.review_on else None,
                "withdrawn_at": record.withdrawn_at.isoformat(timespec="seconds")
                if record.withdrawn_at
                else None,
            }
            for record in consents
        ],
        **{section.key: section.find(person) for section in RECORD_SECTIONS},
        "who_saw_or_changed_access_needs": [
            {
                "when": entry.at.isoformat(timespec="seconds"),
                "what": entry.get_action_display(),
                "who": entry.actor.full_name if entry.actor else "Someone no longer on the system",
                "project": entry.project.name if entry.project else "",
            }
            for entry in audit
        ],
    }


# Audit log ------------------------------------------------------------------------


def audit_entries(*, organisation: Organisation, page: int | str = 1) -> Page:
    entries = AuditEntry.objects.filter(organisation=organisation).select_related(
        "actor", "project", "person"
    )
    return Paginator(entries.defer("person__needs_token"), AUDIT_ENTRIES_PER_PAGE).get_page(page)


# Equality monitoring ----------------------------------------------------------------


@dataclass(frozen=True)
class QuestionReport:
    question: monitoring.Question
    cells: list[monitoring.Cell]
    aims: dict[str, int]


def monitoring_responses(*, project: Project) -> list[dict[str, str]]:
    return [
        crypto.decrypt_json(token)
        for token in MonitoringResponse.objects.filter(project=project).values_list(
            "answers_token", flat=True
        )
    ]


def monitoring_aims(*, project: Project) -> list[MonitoringAim]:
    return list(MonitoringAim.objects.filter(project=project).order_by("question", "answer"))


def monitoring_report(*, project: Project) -> tuple[int, list[QuestionReport]]:
    responses = monitoring_responses(project=project)
    aims: dict[str, dict[str, int]] = {}
    for aim in monitoring_aims(project=project):
        aims.setdefault(aim.question, {})[aim.answer] = aim.aim
    return len(responses), [
        QuestionReport(
            question=question,
            cells=monitoring.question_totals(question, responses),
            aims=aims.get(question.code, {}),
        )
        for question in monitoring.QUESTIONS
    ]


def monitoring_aim(*, project: Project, aim_id: int) -> MonitoringAim | None:
    return MonitoringAim.objects.filter(project=project, pk=aim_id).first()


# Import -----------------------------------------------------------------------------


def participant_import(*, project: Project, import_id: int) -> ParticipantImport | None:
    return ParticipantImport.objects.filter(project=project, pk=import_id).first()


def import_content(*, upload: ParticipantImport) -> bytes:
    return crypto.decrypt_bytes(upload.content_token)


# Retention ----------------------------------------------------------------------------


def people_policy(*, organisation: Organisation) -> PeoplePolicy:
    return PeoplePolicy.objects.filter(organisation=organisation).first() or PeoplePolicy(
        organisation=organisation, retention_months=DEFAULT_RETENTION_MONTHS
    )


def months_before(day: datetime.date, months: int) -> datetime.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def people_past_retention(
    *, organisation: Organisation, today: datetime.date | None = None
) -> list[Person]:
    """People with no active project whose last involvement ended longer ago than the
    organisation keeps people. Each has `last_involved`: the date that counts."""
    today = today or timezone.localdate()
    cutoff = months_before(today, people_policy(organisation=organisation).retention_months)
    people = (
        Person.objects.filter(organisation=organisation, erased_at__isnull=True)
        .exclude(involvements__project__end_date__gte=today)
        .annotate(
            last_involved=Coalesce(
                Max("involvements__project__end_date"), TruncDate(F("created_at"))
            )
        )
        .filter(last_involved__lt=cutoff)
        .defer("needs_token")
        .order_by("last_involved", "pk")
    )
    return list(people)


def is_organisation_staff(*, user: AbstractBaseUser, organisation_id: int) -> bool:
    return StaffMembership.objects.filter(user=user, organisation_id=organisation_id).exists()


def administered_organisation(*, user: AbstractBaseUser, organisation_id: int) -> bool:
    return StaffMembership.objects.filter(
        user=user, organisation_id=organisation_id, is_admin=True
    ).exists()
