"""Reads for telling people: their updates, their choices, and how a message reaches them."""

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.paginator import Page, Paginator
from django.db.models import Q

from coplan.notifications.choices import Channel, Delivery
from coplan.notifications.kinds import kind_get, kinds_all
from coplan.notifications.models import NotifyAccount, Update, UpdateChoice
from coplan.people.choices import ContactMethod
from coplan.people.models import Person

UPDATES_PER_PAGE = 20


def updates_page(*, user: AbstractBaseUser, page: str | int | None) -> Page:
    """A person's updates, newest first, a page at a time: two queries, however many."""
    updates = Update.objects.filter(user=user).select_related("project")
    return Paginator(updates, UPDATES_PER_PAGE).get_page(page)


def updates_new_count(*, user: AbstractBaseUser) -> int:
    return Update.objects.filter(user=user, seen_at__isnull=True).count()


def deliveries_chosen(*, user: AbstractBaseUser) -> dict[str, str]:
    """Kind code -> how the person chose to get it; a kind not in it goes straight away."""
    return dict(UpdateChoice.objects.filter(user=user).values_list("kind", "delivery"))


def deliveries_for(*, user_ids: set[int], kind: str) -> dict[int, str]:
    """How each of these people gets this kind now: one query for all of them. Money and
    security always go straight away."""
    if kind_get(kind).is_always_sent or not user_ids:
        return dict.fromkeys(user_ids, Delivery.AT_ONCE)
    chosen = dict(
        UpdateChoice.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    return {user_id: chosen.get(user_id, Delivery.AT_ONCE) for user_id in user_ids}


def notify_account(*, organisation_id: int | None) -> NotifyAccount | None:
    if organisation_id is None:
        return None
    return NotifyAccount.objects.filter(organisation_id=organisation_id).first()


def person_record(*, user_id: int, organisation_id: int | None) -> Person | None:
    """The person record an account has in an organisation: it holds how they like to be
    contacted there."""
    if organisation_id is None:
        return None
    return Person.objects.filter(
        user_id=user_id, organisation_id=organisation_id, erased_at__isnull=True
    ).first()


def person_records(*, user_ids: set[int], organisation_id: int | None) -> dict[int, int]:
    """Account id -> the id of its person record in the organisation: one query."""
    if organisation_id is None or not user_ids:
        return {}
    return dict(
        Person.objects.filter(
            user_id__in=user_ids, organisation_id=organisation_id, erased_at__isnull=True
        ).values_list("user_id", "pk")
    )


@dataclass(frozen=True)
class Reach:
    """How a message gets to someone: the channel and where to (an email address, a phone
    number, or the lines of a postal address)."""

    channel: str
    to: tuple[str, ...] = ()


NO_WAY = Reach(Channel.NONE)


def reach(
    *,
    person: Person | None,
    user: AbstractBaseUser | None,
    notify: NotifyAccount | None,
) -> Reach:
    """How to tell someone, from how they said they like to be contacted (their person
    record in the organisation): a text or a letter through GOV.UK Notify when the
    organisation has set it up, email when they chose email or said nothing. Someone who
    asked for a phone call, or for a text or letter the organisation cannot send, is not
    sent anything: staff tell them (the claim page lists who to tell)."""
    contact = person.contact_by if person is not None else ""
    email = (person.email if person is not None else "") or (user.email if user else "")
    if contact == ContactMethod.TEXT:
        if notify is not None and notify.text_template_id and person.phone.strip():
            return Reach(Channel.TEXT, (person.phone.strip(),))
        return NO_WAY
    if contact == ContactMethod.POST:
        lines = address_lines(person)
        if notify is not None and notify.letter_template_id and len(lines) >= 3:
            return Reach(Channel.LETTER, lines)
        return NO_WAY
    if contact == ContactMethod.PHONE:
        return NO_WAY
    return Reach(Channel.EMAIL, (email,)) if email else NO_WAY


def address_lines(person: Person) -> tuple[str, ...]:
    """Name and address as GOV.UK Notify takes them: at least 3 lines, at most 7, the
    postcode last."""
    parts = [part.strip() for line in person.address.splitlines() for part in line.split(",")]
    lines = [person.full_name.strip(), *(part for part in parts if part)]
    if len(lines) > 7:
        lines = [*lines[:5], ", ".join(lines[5:-1]), lines[-1]]
    return tuple(lines) if len(lines) >= 3 else ()


def reaches_without_staff(*, person: Person, organisation_id: int) -> bool:
    """Whether a message to this person goes by itself, or staff must tell them."""
    found = reach(
        person=person,
        user=person.user if person.user_id else None,
        notify=notify_account(organisation_id=organisation_id),
    )
    return found.channel != Channel.NONE


@dataclass(frozen=True)
class ContactChoice:
    organisation: str
    how: str


def contact_choices(*, user: AbstractBaseUser) -> list[ContactChoice]:
    """How the person told each organisation they like to be contacted, where they did."""
    records = (
        Person.objects.filter(user=user, erased_at__isnull=True)
        .exclude(contact_by="")
        .select_related("organisation")
        .order_by("organisation__name")
    )
    return [
        ContactChoice(record.organisation.name, record.get_contact_by_display().lower())
        for record in records
    ]


def updates_held_about(
    *, user: AbstractBaseUser | None, person: Person | None, organisation_id: int | None = None
) -> dict[str, list[dict]]:
    """The messages kept for this person's account or record, and how they chose to hear
    about each kind, for "everything we hold" (coplan.people). Only messages about the
    organisation's projects when `organisation_id` is given."""
    mine = Q(pk__in=[])
    if user is not None:
        mine |= Q(user=user)
    if person is not None:
        mine |= Q(person=person)
    updates = Update.objects.filter(mine).select_related("project").order_by("created_at", "pk")
    if organisation_id:
        updates = updates.filter(organisation_id=organisation_id)
    choices = UpdateChoice.objects.filter(user=user) if user is not None else []
    labels = {kind.code: kind.label for kind in kinds_all()}
    return {
        "updates": [
            {
                "when": update.created_at.isoformat(timespec="seconds"),
                "project": update.project.name if update.project else "",
                "what": f"Told them: {update.subject}",
                "words": "",  # the body may name someone else (whose claim it was)
            }
            for update in updates
        ],
        "update_choices": [
            {
                "when": choice.changed_at.isoformat(timespec="seconds"),
                "project": "",
                "what": f"Chose how to hear about {labels.get(choice.kind, choice.kind)}: "
                f"{choice.get_delivery_display().lower()}",
                "words": "",
            }
            for choice in choices
        ],
    }
