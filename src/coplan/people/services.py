"""Writes about people: every change to someone's details goes through here."""

import datetime
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from coplan.accounts.models import User
from coplan.accounts.services import sign_in_failures_forget
from coplan.core.errors import RuleError
from coplan.core.only_one import again_after_clash, clash_raises
from coplan.core.registry import Registry
from coplan.organisations.models import Organisation, StaffMembership
from coplan.people import crypto, monitoring, selectors
from coplan.people.choices import (
    CONSENT_EXPLANATIONS,
    AuditAction,
    ConsentMethod,
    ConsentPurpose,
    InvolvementRole,
)
from coplan.people.importing import FileCheck, check_participant_file, without_person
from coplan.people.models import (
    ERASED_NAME,
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
from coplan.projects.roles import Role

IMPORTS_KEPT_FOR = datetime.timedelta(days=1)


class PeopleRuleError(RuleError):
    """Something the rules about people do not allow, said in plain words."""


# Audit ----------------------------------------------------------------------------


def _audit(
    *,
    people: Iterable[Person],
    actor: AbstractBaseUser | None,
    action: str,
    where: str,
    project: Project | None = None,
) -> None:
    now = timezone.now()
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                organisation_id=person.organisation_id,
                project=project,
                person=person,
                actor=actor if actor is not None and actor.is_authenticated else None,
                action=action,
                where=where[:100],
                at=now,
            )
            for person in people
        ],
        batch_size=500,
    )


def needs_view_record(
    *,
    people: Iterable[Person],
    actor: AbstractBaseUser,
    where: str,
    project: Project | None = None,
) -> None:
    """Write down that someone was shown these people's access needs (one query)."""
    _audit(
        people=people, actor=actor, action=AuditAction.VIEWED_NEEDS, where=where, project=project
    )


def audit_record(
    *,
    people: Iterable[Person],
    actor: AbstractBaseUser | None,
    action: str,
    where: str,
    project: Project | None = None,
) -> None:
    """Write down that someone saw or changed other protected details of these people,
    such as bank details (coplan.payments), in the same log as access needs (one query)."""
    _audit(people=people, actor=actor, action=action, where=where, project=project)


def needs_view_record_project(*, project: Project, actor: AbstractBaseUser, where: str) -> None:
    """Write down that someone was shown the access needs of everyone in the project who
    has told us any: one INSERT ... SELECT, however many people there are."""
    audit = connection.ops.quote_name(AuditEntry._meta.db_table)
    involvement = connection.ops.quote_name(Involvement._meta.db_table)
    person = connection.ops.quote_name(Person._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {audit} (organisation_id, project_id, person_id, actor_id, action, "  # noqa: S608 - names from models, values as parameters  # nosec B608
            f"{connection.ops.quote_name('where')}, at) "
            f"SELECT p.organisation_id, i.project_id, p.id, %s, %s, %s, %s "
            f"FROM {involvement} i JOIN {person} p ON p.id = i.person_id "
            "WHERE i.project_id = %s AND p.needs_token <> '' AND p.erased_at IS NULL",
            [
                actor.pk,
                AuditAction.VIEWED_NEEDS.value,
                where[:100],
                connection.ops.adapt_datetimefield_value(timezone.now()),
                project.pk,
            ],
        )


def people_download_record(
    *, people: QuerySet[Person], project: Project, actor: AbstractBaseUser, where: str
) -> None:
    """Write down that someone downloaded a spreadsheet naming these people ("Download
    data"), in the same log as looking at access needs: one INSERT ... SELECT, however
    many people there are. Erased people are left out (nothing of theirs is in it)."""
    audit = connection.ops.quote_name(AuditEntry._meta.db_table)
    person = connection.ops.quote_name(Person._meta.db_table)
    chosen, chosen_params = people.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {audit} (organisation_id, project_id, person_id, actor_id, action, "  # noqa: S608 - names from models, values as parameters  # nosec B608
            f"{connection.ops.quote_name('where')}, at) "
            f"SELECT p.organisation_id, %s, p.id, %s, %s, %s, %s FROM {person} p "
            f"WHERE p.erased_at IS NULL AND p.id IN ({chosen})",
            [
                project.pk,
                actor.pk,
                AuditAction.DOWNLOADED.value,
                where[:100],
                connection.ops.adapt_datetimefield_value(timezone.now()),
                *chosen_params,
            ],
        )


# Stakeholder groups -----------------------------------------------------------------


def _group_name_taken(project: Project, name: str, exclude_pk: int | None = None) -> bool:
    same = StakeholderGroup.objects.filter(project=project, name__iexact=name)
    if exclude_pk:
        same = same.exclude(pk=exclude_pk)
    return same.exists()


def _group_name_error() -> PeopleRuleError:
    return PeopleRuleError("There is already a group with this name", field="name")


def stakeholder_group_create(*, project: Project, **fields) -> StakeholderGroup:
    if _group_name_taken(project, fields["name"]):
        raise _group_name_error()
    with clash_raises(_group_name_error()):  # one_group_name_per_project
        return StakeholderGroup.objects.create(project=project, **fields)


def stakeholder_group_update(*, group: StakeholderGroup, **fields) -> StakeholderGroup:
    if _group_name_taken(group.project, fields["name"], exclude_pk=group.pk):
        raise _group_name_error()
    for name, value in fields.items():
        setattr(group, name, value)
    with clash_raises(_group_name_error()):
        group.save()
    return group


def stakeholder_group_remove(*, group: StakeholderGroup) -> None:
    """Participants in the group stay in the project, in no group."""
    group.delete()


# Participants -----------------------------------------------------------------------


def _account_for(project: Project, email: str) -> User | None:
    """A project member with this email who has no record in the organisation yet."""
    if not email:
        return None
    membership = (
        Membership.objects.filter(project=project, user__email=email)
        .exclude(user__people_records__organisation=project.organisation)
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


@dataclass(frozen=True)
class Added:
    involvement: Involvement
    already_known: bool


@transaction.atomic
def participant_add(
    *,
    project: Project,
    full_name: str,
    email: str = "",
    phone: str = "",
    address: str = "",
    contact_by: str = "",
    role: str = InvolvementRole.CO_PRODUCER,
    group: StakeholderGroup | None = None,
) -> Added:
    """Add someone to the project. Someone already known to the organisation (same
    email) is added as they are: their details and needs are told once. Added twice at
    the same moment, the second is told they are already taking part."""
    email = email.strip().lower()

    def add() -> Added:
        person = selectors.person_in_organisation_by_email(
            organisation=project.organisation, email=email
        )
        already_known = person is not None
        if person is None:
            person = Person.objects.create(
                organisation=project.organisation,
                user=_account_for(project, email),
                full_name=full_name,
                email=email,
                phone=phone,
                address=address,
                contact_by=contact_by,
            )
        elif Involvement.objects.filter(project=project, person=person).exists():
            raise PeopleRuleError(
                f"{person.full_name} is already taking part in this project", field="email"
            )
        involvement = Involvement.objects.create(
            project=project, person=person, role=role, group=group
        )
        return Added(involvement=involvement, already_known=already_known)

    return again_after_clash(add)


EMAIL_TAKEN = "Someone else in the organisation already has this email address"


def person_update_details(
    *,
    person: Person,
    full_name: str,
    email: str,
    phone: str,
    address: str,
    contact_by: str,
    formats: list[str],
    other_language: str,
) -> Person:
    email = email.strip().lower()
    taken = PeopleRuleError(EMAIL_TAKEN, field="email")
    if email and (
        Person.objects.filter(organisation_id=person.organisation_id, email=email)
        .exclude(pk=person.pk)
        .exists()
    ):
        raise taken
    person.full_name = full_name
    person.email = email
    person.phone = phone
    person.address = address
    person.contact_by = contact_by
    person.formats = sorted(formats)
    person.other_language = other_language if "other_language" in formats else ""
    person.updated_at = timezone.now()
    with clash_raises(taken):  # one_person_per_email_in_organisation
        person.save()
    return person


def involvement_update(
    *,
    involvement: Involvement,
    role: str,
    group: StakeholderGroup | None,
    role_description: str,
    training_needed: str,
    training_done: str,
) -> Involvement:
    involvement.role = role
    involvement.group = group
    involvement.role_description = role_description
    involvement.training_needed = training_needed
    involvement.training_done = training_done
    involvement.save()
    return involvement


def person_set_needs(
    *,
    person: Person,
    needs: AccessNeeds,
    actor: AbstractBaseUser,
    where: str,
    project: Project | None = None,
) -> Person:
    with transaction.atomic():
        person.needs_token = "" if needs.is_empty() else crypto.encrypt_json(needs.to_json())
        person.updated_at = timezone.now()
        person.save(update_fields=["needs_token", "updated_at"])
        _audit(
            people=[person],
            actor=actor,
            action=AuditAction.CHANGED_NEEDS,
            where=where,
            project=project,
        )
    return person


_MEMBER_ROLES = {Role.CO_PRODUCER: InvolvementRole.CO_PRODUCER}


@transaction.atomic
def person_for_member_get_or_create(*, membership: Membership) -> Person:
    """The signed-in member's own record: found, linked by email, or made from their
    account, and in the project ("tell us once": one record across projects). Asked
    for twice at the same moment, both get the one record."""
    project, user = membership.project, membership.user

    def find_or_make() -> Person:
        person = selectors.person_for_member(membership=membership)
        if person is None:
            person = (
                Person.objects.select_for_update()
                .filter(organisation=project.organisation, email=user.email, user__isnull=True)
                .first()
            )
            if person is not None:
                person.user = user
                person.save(update_fields=["user"])
        if person is None:
            email_taken = Person.objects.filter(
                organisation=project.organisation, email=user.email
            ).exists()
            person = Person.objects.create(
                organisation=project.organisation,
                user=user,
                full_name=user.full_name,
                email="" if email_taken else user.email,
            )
        Involvement.objects.get_or_create(
            project=project,
            person=person,
            defaults={"role": _MEMBER_ROLES.get(membership.role, InvolvementRole.COLLEAGUE)},
        )
        return person

    return again_after_clash(find_or_make)


def person_easy_read_choose(*, user: AbstractBaseUser, on: bool) -> int:
    """The Easy Read switch, remembered on all the signed-in person's records (one per
    organisation they work with): how many records it was set on."""
    return Person.objects.filter(user=user, erased_at__isnull=True).update(easy_read_pages=on)


# Consent --------------------------------------------------------------------------


def consent_record(
    *,
    person: Person,
    purpose: str,
    given: bool,
    given_on: datetime.date,
    method: str,
    told: str,
    recorded_by: AbstractBaseUser,
    review_on: datetime.date | None = None,
) -> ConsentRecord:
    if review_on and review_on <= given_on:
        raise PeopleRuleError(
            "The review date must be after the date they answered", field="review_on"
        )
    return ConsentRecord.objects.create(
        person=person,
        purpose=purpose,
        given=given,
        given_on=given_on,
        method=method,
        told=told,
        review_on=review_on,
        recorded_by=recorded_by,
    )


#: What other apps do when someone changes their own access needs ("my needs have
#: changed"): each is called with the person and the project they told us in.
NEEDS_CHANGED_BY_THEM: Registry[Callable[[Person, Project], None]] = Registry(
    "someone changed their own access needs"
)


class ChangedMeanwhileError(Exception):
    """Someone's record changed after they started "tell us once": `person` is what is
    held now (None: no record)."""

    def __init__(self, person: Person | None) -> None:
        super().__init__("Someone changed your details while you were answering")
        self.person = person


@transaction.atomic
def person_tell_us_once_save(
    *,
    membership: Membership,
    details: dict,
    needs: AccessNeeds,
    keep_details: str,
    actor: AbstractBaseUser,
    where: str,
    started_from: str | None = None,
) -> Person:
    """Save the answers to "tell us once" about the member themselves, all or nothing:
    their contact details and formats (those in `details`; the others stay), their
    access needs (encrypted, logged) and, when their answer is new, whether we may keep
    their details (a consent given online).

    `started_from` is the version of their record the answers started from
    (`selectors.person_version`; None: not known, no check). When the record has
    changed since (staff edited it, say), nothing is written and `ChangedMeanwhileError`
    says what is held now; the row is locked first, so of two saves at once one waits
    and then sees the other's change."""
    if started_from is not None:
        held = selectors.person_for_member_or_waiting(membership=membership)
        if held is not None:
            held = Person.objects.select_for_update().get(pk=held.pk)
        if selectors.person_version(held) != started_from:
            raise ChangedMeanwhileError(held)
    person = person_for_member_get_or_create(membership=membership)
    fields = {
        name: details[name] if details.get(name) is not None else getattr(person, name)
        for name in ("email", "phone", "address", "contact_by", "formats", "other_language")
    }
    person_update_details(person=person, full_name=person.full_name, **fields)
    needs_before = selectors.person_needs(person=person)
    person_set_needs(
        person=person, needs=needs, actor=actor, where=where, project=membership.project
    )
    if needs.to_json() != needs_before.to_json():
        for changed in NEEDS_CHANGED_BY_THEM:
            changed(person, membership.project)
    if keep_details in {"yes", "no"}:
        purpose = ConsentPurpose.DATA_STORAGE
        current = selectors.current_consents(records=selectors.consent_records(person=person))
        consent_answer_own(
            person=person,
            purpose=purpose,
            given=keep_details == "yes",
            actor=actor,
            latest=current[purpose],
        )
    return person


def consent_answer_own(
    *,
    person: Person,
    purpose: str,
    given: bool,
    actor: AbstractBaseUser,
    latest: ConsentRecord | None,
) -> ConsentRecord | None:
    """Someone's own answer to a consent question, given online after reading its
    explanation: recorded only when it is new (never answered, or not the answer in
    effect now, `latest` being their latest record for the purpose)."""
    if latest is not None and selectors.consent_is_given(latest) == given:
        return None
    return consent_record(
        person=person,
        purpose=purpose,
        given=given,
        given_on=timezone.localdate(),
        method=ConsentMethod.ONLINE,
        told=CONSENT_EXPLANATIONS[purpose],
        recorded_by=actor,
    )


def consent_withdraw(*, consent: ConsentRecord) -> ConsentRecord:
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
    return consent


# Right of access and erasure -----------------------------------------------------------


def person_export_record(
    *, person: Person, actor: AbstractBaseUser, where: str, project: Project
) -> None:
    _audit(people=[person], actor=actor, action=AuditAction.EXPORTED, where=where, project=project)


# What other apps keep about a person that must go when they are erased: each app
# registers a function `erase(person=, user=)` from its `contributions.py` (`user` is
# their account as it was, or None), so the people app imports none of them.
ERASURE: Registry[Callable[..., None]] = Registry("erasure")


def _erased_email() -> str:
    return f"erased-{secrets.token_hex(8)}@erased.invalid"


def _imports_without(*, organisation_id: int, emails: set[str], names: set[str]) -> None:
    """Take the person's rows out of the organisation's spreadsheets waiting for a
    preview; a spreadsheet left with nobody else, or one we cannot read, goes."""
    for upload in ParticipantImport.objects.select_for_update().filter(
        project__organisation_id=organisation_id
    ):
        try:
            content = selectors.import_content(upload=upload)
        except crypto.UnreadableDataError:
            upload.delete()
            continue
        left = without_person(content, emails=emails, names=names)
        if left is None:
            upload.delete()
        elif left is not content:
            upload.content_token = crypto.encrypt_bytes(left)
            upload.save(update_fields=["content_token"])


@transaction.atomic
def person_erase(
    *, person: Person, actor: AbstractBaseUser | None, where: str, project: Project | None = None
) -> Person:
    """Remove everything that identifies the person. Their place in each project (role
    and group) stays, so counts stay right; so does the audit log, which names nobody."""
    person = Person.objects.select_for_update().get(pk=person.pk)
    if person.erased_at is not None:
        return person
    user = person.user
    if user is not None:
        if Membership.objects.filter(user=user, role=Role.LEAD).exists():
            raise PeopleRuleError(
                "This person is a project lead. Make someone else the lead of their projects first."
            )
        if StaffMembership.objects.filter(user=user).exists():
            raise PeopleRuleError(
                "This person is on an organisation’s staff. An organisation admin must "
                "remove them from the staff first."
            )
    emails = {email for email in (person.email, user.email if user else "") if email}
    names = {name for name in (person.full_name, user.full_name if user else "") if name}
    person.full_name = ERASED_NAME
    person.email = ""
    person.phone = ""
    person.address = ""
    person.contact_by = ""
    person.formats = []
    person.other_language = ""
    person.needs_token = ""
    person.user = None
    person.erased_at = timezone.now()
    person.updated_at = person.erased_at
    person.save()
    person.involvements.update(role_description="", training_needed="", training_done="")
    person.consents.all().delete()
    for erase in ERASURE:
        erase(person=person, user=user)
    _imports_without(organisation_id=person.organisation_id, emails=emails, names=names)
    Invitation.objects.filter(email__in=emails).update(email=_erased_email(), full_name="")
    Invitation.objects.filter(full_name__in=names).update(full_name="")
    for email in emails:
        sign_in_failures_forget(email=email)
    if user is not None:
        Membership.objects.filter(user=user).delete()
        user.email = _erased_email()
        user.full_name = ERASED_NAME
        user.is_active = False
        user.set_unusable_password()
        user.save()
    _audit(people=[person], actor=actor, action=AuditAction.ERASED, where=where, project=project)
    return person


# Retention -----------------------------------------------------------------------------


def people_policy_set(*, organisation: Organisation, retention_months: int) -> PeoplePolicy:
    policy, _ = PeoplePolicy.objects.update_or_create(
        organisation=organisation, defaults={"retention_months": retention_months}
    )
    return policy


@dataclass(frozen=True)
class RetentionResult:
    erased: list[int]
    kept: list[tuple[int, str]]  # person id, why they could not be erased


def people_retention_apply(
    *, organisation: Organisation, today: datetime.date | None = None
) -> RetentionResult:
    erased, kept = [], []
    for person in selectors.people_past_retention(organisation=organisation, today=today):
        try:
            person_erase(person=person, actor=None, where="Retention: people_retention")
        except PeopleRuleError as error:
            kept.append((person.pk, error.message))
        else:
            erased.append(person.pk)
    ParticipantImport.objects.filter(
        project__organisation=organisation, uploaded_at__lt=timezone.now() - IMPORTS_KEPT_FOR
    ).delete()
    return RetentionResult(erased=erased, kept=kept)


# Equality monitoring -------------------------------------------------------------------


def monitoring_response_add(*, project: Project, answers: dict[str, str]) -> None:
    """Save a filled-in form with no link to who filled it in, and no date."""
    MonitoringResponse.objects.create(
        project=project, answers_token=crypto.encrypt_json(monitoring.clean_answers(answers))
    )


def monitoring_aim_set(*, project: Project, question: str, answer: str, aim: int) -> MonitoringAim:
    found = monitoring.QUESTION_BY_CODE.get(question)
    if found is None or answer not in dict(found.answers):
        raise PeopleRuleError("Select an answer from the list", field="answer")
    monitoring_aim, _ = MonitoringAim.objects.update_or_create(
        project=project, question=question, answer=answer, defaults={"aim": aim}
    )
    return monitoring_aim


def monitoring_aim_remove(*, aim: MonitoringAim) -> None:
    aim.delete()


# Import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportPreview:
    check: FileCheck
    new_people: int
    already_known: int
    already_in_project: int
    with_needs: int

    @property
    def to_add(self) -> int:
        return self.new_people + self.already_known


def participant_import_upload(
    *, project: Project, uploaded_by: AbstractBaseUser, file_name: str, content: bytes
) -> ParticipantImport:
    return ParticipantImport.objects.create(
        project=project,
        uploaded_by=uploaded_by,
        file_name=file_name[:255],
        content_token=crypto.encrypt_bytes(content),
    )


def _group_names(project: Project) -> dict[str, StakeholderGroup]:
    return {group.name: group for group in StakeholderGroup.objects.filter(project=project)}


def participant_import_preview(*, upload: ParticipantImport) -> ImportPreview:
    project = upload.project
    groups = _group_names(project)
    check = check_participant_file(
        selectors.import_content(upload=upload), group_names=list(groups)
    )
    emails = [row.email for row in check.rows if row.email]
    known = dict(
        Person.objects.filter(
            organisation_id=project.organisation_id, email__in=emails
        ).values_list("email", "pk")
    )
    in_project = set(
        Involvement.objects.filter(project=project, person_id__in=known.values()).values_list(
            "person_id", flat=True
        )
    )
    already_in_project = sum(1 for pk in known.values() if pk in in_project)
    already_known = len(known) - already_in_project
    return ImportPreview(
        check=check,
        new_people=len(check.rows) - len(known),
        already_known=already_known,
        already_in_project=already_in_project,
        with_needs=sum(
            1 for row in check.rows if not row.needs.is_empty() and row.email not in known
        ),
    )


@transaction.atomic
def participant_import_confirm(*, upload: ParticipantImport, actor: AbstractBaseUser) -> int:
    """Save every row, or nothing: the file is checked again first. Returns how many
    people were added to the project. Someone in it added at the same moment (by hand
    or by another spreadsheet) is then already known, as if they had come first."""
    return again_after_clash(lambda: _import_confirm(upload, actor))


def _import_confirm(upload: ParticipantImport, actor: AbstractBaseUser) -> int:
    upload = (
        ParticipantImport.objects.select_for_update()
        .select_related("project")
        .filter(pk=upload.pk)
        .first()
    )
    if upload is None:  # saved or cancelled a moment ago
        raise PeopleRuleError("This spreadsheet has already been saved or cancelled")
    project = upload.project
    groups = _group_names(project)
    check = check_participant_file(
        selectors.import_content(upload=upload), group_names=list(groups)
    )
    if not check.ok:
        raise PeopleRuleError(
            "The file has problems. Fix them and upload it again. Nothing has been saved."
        )
    emails = [row.email for row in check.rows if row.email]
    known = {
        person.email: person
        for person in Person.objects.filter(
            organisation_id=project.organisation_id, email__in=emails
        ).defer("needs_token")
    }
    in_project = set(
        Involvement.objects.filter(project=project, person__in=list(known.values())).values_list(
            "person_id", flat=True
        )
    )
    accounts = {
        membership.user.email: membership.user
        for membership in Membership.objects.filter(project=project, user__email__in=emails)
        .exclude(user__people_records__organisation_id=project.organisation_id)
        .select_related("user")
    }
    now = timezone.now()
    new_rows = [row for row in check.rows if row.email not in known]
    new_people = Person.objects.bulk_create(
        [
            Person(
                organisation_id=project.organisation_id,
                user=accounts.get(row.email),
                full_name=row.full_name,
                email=row.email,
                phone=row.phone,
                address=row.address,
                contact_by=row.contact_by,
                needs_token=""
                if row.needs.is_empty()
                else crypto.encrypt_json(row.needs.to_json()),
                created_at=now,
                updated_at=now,
            )
            for row in new_rows
        ],
        batch_size=500,
    )
    joining = [(row, person) for row, person in zip(new_rows, new_people, strict=True)] + [
        (row, known[row.email])
        for row in check.rows
        if row.email in known and known[row.email].pk not in in_project
    ]
    Involvement.objects.bulk_create(
        [
            Involvement(
                project=project,
                person=person,
                role=row.role,
                group=groups.get(row.group_name),
            )
            for row, person in joining
        ],
        batch_size=500,
    )
    _audit(
        people=[
            person
            for row, person in zip(new_rows, new_people, strict=True)
            if not row.needs.is_empty()
        ],
        actor=actor,
        action=AuditAction.IMPORTED,
        where=f"Import: {upload.file_name}",
        project=project,
    )
    upload.delete()
    return len(joining)


def participant_import_cancel(*, upload: ParticipantImport) -> None:
    upload.delete()


# Key rotation ----------------------------------------------------------------------------


# Everything else encrypted with the people keys: each app registers a function from its
# `contributions.py` that re-encrypts what it keeps and says what, in words for the
# `people_rotate_keys` command ("bank details of 3 people"). People's own come first.
KEY_ROTATIONS: Registry[Callable[[], list[str]]] = Registry("key rotation")


@dataclass(frozen=True)
class RotationResult:
    people: int
    monitoring_responses: int
    imports: int


def tokens_reencrypt(model, field: str, *, batch_size: int = 500) -> int:
    """Re-encrypt `field` of every row of `model` with the newest key in PEOPLE_DATA_KEYS,
    in batches; how many rows there were."""
    done = 0
    rows = model.objects.exclude(**{field: ""}).only("pk", field).order_by("pk")
    last_pk = 0
    while True:
        batch = list(rows.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return done
        for row in batch:
            setattr(row, field, crypto.reencrypt(getattr(row, field)))
        with transaction.atomic():
            model.objects.bulk_update(batch, [field])
        done += len(batch)
        last_pk = batch[-1].pk


def data_keys_rotate(*, batch_size: int = 500) -> RotationResult:
    """Re-encrypt every access need, monitoring answer and uploaded spreadsheet with the
    newest key in PEOPLE_DATA_KEYS."""
    return RotationResult(
        people=tokens_reencrypt(Person, "needs_token", batch_size=batch_size),
        monitoring_responses=tokens_reencrypt(
            MonitoringResponse, "answers_token", batch_size=batch_size
        ),
        imports=tokens_reencrypt(ParticipantImport, "content_token", batch_size=batch_size),
    )


def _people_keys_rotate() -> list[str]:
    result = data_keys_rotate()
    return [
        f"access needs of {result.people} people",
        f"{result.monitoring_responses} equality monitoring answers",
        f"{result.imports} uploaded spreadsheets",
    ]


KEY_ROTATIONS.register("people", _people_keys_rotate, order=0)


def all_keys_rotate() -> list[str]:
    """Re-encrypt everything kept with the people keys; what was done, in words."""
    return [words for rotate in KEY_ROTATIONS for words in rotate()]
