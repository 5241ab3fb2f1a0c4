"""Writes for telling people: recording a message at a handover, sending it once, the
daily summary, each person's choices, and an organisation's GOV.UK Notify account.

A feature app tells people with one call, `tell(...)`, right after the write that starts
something waiting for them (in the same transaction): one `Update` is recorded per person
and event (a unique constraint, so a second call records nothing) and the background
worker's task to send it is queued in the same transaction (the queue is a database
table), so both are there when the handover commits, or neither. Sending
(`update_send`) locks the row and marks it dealt with in the same transaction as the
message is handed over, so two workers, or a retried task, never send it twice; a failure
leaves it to be tried again later, up to MAX_ATTEMPTS times.
"""

import datetime
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from coplan.core.errors import RuleError
from coplan.notifications import rules, selectors, sending
from coplan.notifications.choices import Channel, Delivery
from coplan.notifications.kinds import kind_get, kinds_all
from coplan.notifications.models import NotifyAccount, Update, UpdateChoice
from coplan.organisations.models import Organisation
from coplan.people import crypto
from coplan.people.choices import Format
from coplan.people.models import Person
from coplan.projects.models import Project

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# After the first failure, wait 1 minute, then 5, 15, 1 hour, 4 hours.
RETRY_AFTER = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=15),
    datetime.timedelta(hours=1),
    datetime.timedelta(hours=4),
)


class NotifyAccountError(RuleError):
    """A GOV.UK Notify key or template the rules do not take, in plain words."""


# Telling ----------------------------------------------------------------------------


def tell(
    *,
    kind: str,
    event: str,
    link: str,
    words: dict[str, object],
    project: Project | None = None,
    organisation: Organisation | None = None,
    users: Iterable[AbstractBaseUser | None] = (),
    people: Iterable[Person | None] = (),
    not_to: AbstractBaseUser | None = None,
) -> int:
    """Record a message of a registered `kind` about `event` for each of `users` (accounts)
    and `people` (person records), and queue it to be sent once the transaction commits.

    `event` names what happened, uniquely ("claim-12-paid"): telling about the same event
    again records nothing new. `link` goes straight to the thing (a path on this site, or a
    full link). `not_to` is who did it: nobody is told about what they did themselves.
    An account is told through its person record in the organisation, if it has one (it
    holds how they like to be contacted). Erased people and closed accounts are left out.
    Returns how many people it was for.
    """
    registered = kind_get(kind)
    subject, body = registered.words(**words)
    easy_subject, easy_body = registered.easy_read_words(**words)
    easy_read_people = set()
    organisation_id = (
        organisation.pk if organisation else project.organisation_id if project else None
    )
    event_key = f"{kind}:{event}"[:200]
    skip = not_to.pk if not_to is not None else None
    to: dict[tuple[int | None, int | None], None] = {}
    for user in users:
        if user is not None and user.is_active and user.pk != skip:
            to[(user.pk, None)] = None
    for person in people:
        if person is None or person.erased_at is not None:
            continue
        if person.user_id is not None and person.user_id == skip:
            continue
        to.pop((person.user_id, None), None)  # the person record knows how to reach them
        to[(person.user_id, person.pk)] = None
        if wants_easy_read(person):
            easy_read_people.add(person.pk)
    if not to:
        return 0
    records = selectors.person_records(
        user_ids={user_id for user_id, person_id in to if person_id is None},
        organisation_id=organisation_id,
    )
    to = {(user_id, person_id or records.get(user_id)): None for user_id, person_id in to}
    deliveries = selectors.deliveries_for(
        user_ids={user_id for user_id, _ in to if user_id is not None}, kind=kind
    )
    now = timezone.now()
    rows = [
        Update(
            kind=kind,
            event_key=event_key,
            user_id=user_id,
            person_id=person_id,
            organisation_id=organisation_id,
            project=project,
            subject=(easy_subject if person_id in easy_read_people else subject)[:300],
            body=(easy_body if person_id in easy_read_people else body)[:4000],
            link=link[:1000],
            delivery=deliveries.get(user_id, Delivery.AT_ONCE),
            created_at=now,
            handled_at=None,
        )
        for user_id, person_id in to
    ]
    for row in rows:
        if row.delivery == Delivery.NEVER:
            row.handled_at, row.channel = now, Channel.NONE
    created = Update.objects.bulk_create(rows, ignore_conflicts=True)
    from coplan.notifications import tasks  # tasks imports this module

    # The task queue is a table in the same database: queued in this transaction, the task
    # is there exactly when the messages are, and a worker sees both once it commits.
    if any(row.delivery == Delivery.AT_ONCE for row in rows):
        tasks.updates_send_soon()
    if any(row.delivery == Delivery.DAILY for row in rows):
        tasks.summaries_keep_running()
    return len(created)


# Sending ----------------------------------------------------------------------------


SENT, NOTHING_TO_DO, FAILED = "sent", "nothing to do", "failed"


def _locked(queryset):
    """Rows locked for this transaction; rows another worker holds are left to it.
    (SQLite has no row locks: its write transactions run one at a time instead.)"""
    return queryset.select_for_update(
        of=("self",), skip_locked=connection.features.has_select_for_update_skip_locked
    )


def _words(update: Update, *, printed: bool = False) -> dict[str, str]:
    """What a text or letter says. A letter, on paper, gives a short address to type
    (`/r/...`) rather than the page's whole one."""
    link = sending.short(update.link) if printed else sending.absolute(update.link)
    return {"subject": update.subject, "body": update.body, "link": link}


def wants_easy_read(person: Person) -> bool:
    """Whether the person asked for Easy Read papers: their messages come in Easy Read."""
    return Format.EASY_READ in (person.formats or [])


def _in_easy_read(update: Update, person: Person | None) -> bool:
    """Whether this message was written in Easy Read for its person (its kind has Easy
    Read words and they asked for Easy Read papers)."""
    return (
        person is not None
        and wants_easy_read(person)
        and _kind_has_easy_read(update.kind)
        and update.person_id == person.pk
    )


def _kind_has_easy_read(code: str) -> bool:
    try:
        return kind_get(code).has_easy_read
    except LookupError:
        return False


def _hand_over(update: Update) -> str:
    """Send the message the way the person can be reached; the channel it went by."""
    person = update.person
    if person is None and update.user_id is not None:
        person = selectors.person_record(
            user_id=update.user_id, organisation_id=update.organisation_id
        )
    notify = selectors.notify_account(organisation_id=update.organisation_id)
    found = selectors.reach(person=person, user=update.user, notify=notify)
    if found.channel == Channel.EMAIL and _in_easy_read(update, person):
        sending.email_send(
            to=found.to[0],
            subject=update.subject,
            template="notifications/email/update_easy_read.txt",
            context={
                "update": update,
                "name": person.full_name,
                "link": sending.short(update.link),
                "choices": sending.short(reverse("notifications:choices"))
                if update.user_id is not None
                else "",
            },
        )
    elif found.channel == Channel.EMAIL:
        sending.email_send(
            to=found.to[0],
            subject=update.subject,
            template="notifications/email/update.txt",
            context={
                "update": update,
                "name": person.full_name if person else update.user.full_name,
                "link": sending.absolute(update.link),
                "has_account": update.user_id is not None,
            },
        )
    elif found.channel == Channel.TEXT:
        sending.text_send(
            api_key_token=notify.api_key_token,
            template_id=notify.text_template_id,
            phone=found.to[0],
            words=_words(update),
            reference=f"update-{update.pk}",
        )
    elif found.channel == Channel.LETTER:
        sending.letter_send(
            api_key_token=notify.api_key_token,
            template_id=notify.letter_template_id,
            address=found.to,
            words=_words(update, printed=True),
            reference=f"update-{update.pk}",
        )
    return found.channel


def update_send(*, update_id: int, now: datetime.datetime | None = None) -> str:
    """Send one message, once. The row is locked and marked dealt with in the same
    transaction as it is handed over: if the handing over fails, nothing is marked, the
    failure is counted and it is tried again after a while."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            update = (
                _locked(Update.objects.filter(pk=update_id))
                .filter(handled_at__isnull=True, given_up_at__isnull=True)
                .exclude(delivery=Delivery.DAILY)
                .select_related("user", "person")
                .first()
            )
            if update is None:
                return NOTHING_TO_DO
            channel = _hand_over(update)
            update.handled_at, update.channel, update.last_error = now, channel, ""
            update.save(update_fields=["handled_at", "channel", "last_error"])
        return SENT
    except Exception as error:
        logger.exception("Sending update %s failed", update_id)
        _failed(update_id, error, now=now)
        return FAILED


def _failed(update_id: int, error: Exception, *, now: datetime.datetime) -> None:
    with transaction.atomic():
        update = Update.objects.filter(pk=update_id, handled_at__isnull=True).first()
        if update is None:
            return
        update.attempts += 1
        update.last_error = f"{type(error).__name__}: {error}"[:300]
        if update.attempts >= MAX_ATTEMPTS:
            update.given_up_at = now
        else:
            update.try_after = now + RETRY_AFTER[min(update.attempts, len(RETRY_AFTER)) - 1]
        update.save(update_fields=["attempts", "last_error", "given_up_at", "try_after"])


@dataclass(frozen=True)
class SendResult:
    sent: int
    failed: int
    try_again_at: datetime.datetime | None


def updates_send_due(*, now: datetime.datetime | None = None) -> SendResult:
    """Send every message due straight away. Safe to run as often as you like, in as many
    workers as you like."""
    now = now or timezone.now()
    due = list(
        Update.objects.filter(
            delivery=Delivery.AT_ONCE, handled_at__isnull=True, given_up_at__isnull=True
        )
        .exclude(try_after__gt=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    outcomes = [update_send(update_id=pk, now=now) for pk in due]
    waiting = (
        Update.objects.filter(
            delivery=Delivery.AT_ONCE,
            handled_at__isnull=True,
            given_up_at__isnull=True,
            try_after__isnull=False,
        )
        .order_by("try_after")
        .values_list("try_after", flat=True)
        .first()
    )
    return SendResult(outcomes.count(SENT), outcomes.count(FAILED), waiting)


# The daily summary --------------------------------------------------------------------


def summary_send(*, user_id: int, now: datetime.datetime | None = None) -> int:
    """One email with everything a person chose to get in the day's summary and has not
    had yet; marked sent in the same transaction, so it goes once. Returns how many
    messages it held."""
    now = now or timezone.now()
    with transaction.atomic():
        updates = list(
            _locked(
                Update.objects.filter(
                    user_id=user_id,
                    delivery=Delivery.DAILY,
                    handled_at__isnull=True,
                    created_at__lte=now,
                )
            )
            .select_related("user", "project")
            .order_by("created_at", "pk")
        )
        if not updates:
            return 0
        user = updates[0].user
        count = len(updates)
        sending.email_send(
            to=user.email,
            subject=f"Your updates: {count} new thing{'' if count == 1 else 's'} to look at",
            template="notifications/email/summary.txt",
            context={
                "name": user.full_name,
                "updates": [(update, sending.absolute(update.link)) for update in updates],
            },
        )
        Update.objects.filter(pk__in=[update.pk for update in updates]).update(
            handled_at=now, channel=Channel.EMAIL
        )
    return count


def summaries_send(*, now: datetime.datetime | None = None) -> int:
    """Send each person's daily summary. Returns how many summaries went."""
    now = now or timezone.now()
    user_ids = (
        Update.objects.filter(delivery=Delivery.DAILY, handled_at__isnull=True, created_at__lte=now)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )
    return sum(1 for user_id in list(user_ids) if summary_send(user_id=user_id, now=now))


# Seeing them ---------------------------------------------------------------------------


def updates_done(*, kind: str, event_prefix: str) -> int:
    """What an update said was waiting has been dealt with (by anyone): it is no longer new
    for anyone told about it. `event_prefix` starts the events' keys ("claim-7-sent-")."""
    return Update.objects.filter(
        kind=kind, event_key__startswith=f"{kind}:{event_prefix}", seen_at__isnull=True
    ).update(seen_at=timezone.now())


def updates_mark_seen(*, user: AbstractBaseUser, updates: Iterable[Update]) -> None:
    unseen = [update.pk for update in updates if update.seen_at is None]
    if unseen:
        Update.objects.filter(user=user, pk__in=unseen).update(seen_at=timezone.now())


# Each person's choices -----------------------------------------------------------------


def choices_save(*, user: AbstractBaseUser, chosen: dict[str, str]) -> None:
    """Save how the person wants each kind they may choose for. Money and security are
    not theirs to change, so they are ignored here."""
    allowed = {kind.code for kind in kinds_all() if rules.kind_may_be_chosen(kind)}
    now = timezone.now()
    with transaction.atomic():
        for code, delivery in chosen.items():
            if code not in allowed or delivery not in Delivery.values:
                continue
            UpdateChoice.objects.update_or_create(
                user=user, kind=code, defaults={"delivery": delivery, "changed_at": now}
            )


# An organisation's GOV.UK Notify account ----------------------------------------------

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
API_KEY = re.compile(rf"^(?P<name>.+)-(?P<service>{_UUID})-(?P<secret>{_UUID})$")
TEMPLATE_ID = re.compile(rf"^{_UUID}$")


def _template_id(value: str, *, field: str, what: str) -> str:
    value = value.strip().lower()
    if value and not TEMPLATE_ID.match(value):
        raise NotifyAccountError(
            f"Enter the {what} template ID as GOV.UK Notify shows it, like "
            "f33517ff-2a88-4f6e-b855-c550268ce08a",
            field=field,
        )
    return value


def notify_account_save(
    *,
    organisation: Organisation,
    api_key: str,
    text_template_id: str,
    letter_template_id: str,
    by: AbstractBaseUser,
) -> NotifyAccount:
    """Set the organisation's GOV.UK Notify API key (kept encrypted; left as it is when
    none is typed) and the templates for texts and letters."""
    api_key = api_key.strip()
    found = NotifyAccount.objects.filter(organisation=organisation).first()
    matched = API_KEY.match(api_key) if api_key else None
    if api_key and matched is None:
        raise NotifyAccountError(
            "Enter the API key as GOV.UK Notify shows it: its name, then two long codes, "
            "all joined by dashes",
            field="api_key",
        )
    if found is None and not api_key:
        raise NotifyAccountError("Enter the API key", field="api_key")
    text_template_id = _template_id(text_template_id, field="text_template_id", what="text")
    letter_template_id = _template_id(letter_template_id, field="letter_template_id", what="letter")
    if not text_template_id and not letter_template_id:
        raise NotifyAccountError(
            "Enter a template ID for texts, for letters, or both", field="text_template_id"
        )
    fields = {
        "text_template_id": text_template_id,
        "letter_template_id": letter_template_id,
        "updated_by": by,
        "updated_at": timezone.now(),
    }
    if matched is not None:
        fields.update(api_key_token=crypto.encrypt_json(api_key), key_name=matched["name"])
    account, _ = NotifyAccount.objects.update_or_create(organisation=organisation, defaults=fields)
    return account


def notify_account_remove(*, organisation: Organisation) -> None:
    NotifyAccount.objects.filter(organisation=organisation).delete()


def notify_keys_rotate() -> int:
    """Re-encrypt every organisation's Notify API key with the newest data key."""
    accounts = list(NotifyAccount.objects.only("pk", "api_key_token"))
    for account in accounts:
        account.api_key_token = crypto.reencrypt(account.api_key_token)
    with transaction.atomic():
        NotifyAccount.objects.bulk_update(accounts, ["api_key_token"])
    return len(accounts)
