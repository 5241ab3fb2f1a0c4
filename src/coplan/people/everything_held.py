"""Everything we hold about someone (the right of access): one function for the page and
the download, for a lead about a participant and for any member about themselves.

A person record (`Person`) holds what someone told us and what we did for them; their
account holds what they did in projects, in every app. A member with no person record
(a manager or finance, say) still has an account, memberships, sign-ins, comments and
claims they dealt with, so they get this too. Someone else's copy (a lead's, about a
participant) holds what is in this organisation's projects, without sign-ins; a
person's own copy holds everything, in every organisation.

Each app says what it keeps with a person's name in its own selectors and registers it
here from its `contributions.py`, so the people app imports none of them:
- `RECORD_SECTIONS` (in `coplan.people.selectors`, with the person record): parts of the
  record kept by another app (meetings they were invited to, payments), shown after
  their consent answers;
- `ACCOUNT_SECTIONS`: parts kept with their account (feedback with their name on it),
  shown before what they did in projects;
- `ACTIVITY`: what they did in projects (and, in `ACTIVITY_BY_PERSON`, what is kept
  with their record or their account, such as the messages sent to them): each app's
  function gives a list for each of its kinds (every entry has "when", "project",
  "what", a sentence, and "words", what was written, if anything); `ACTIVITY_HEADINGS`
  gives each kind its heading and place on the page (an app's kinds need not sit
  together).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone

from coplan.accounts.selectors import sign_ins_held_about
from coplan.core.registry import Registry
from coplan.organisations.models import Organisation
from coplan.people import selectors
from coplan.people.models import Person
from coplan.people.selectors import RECORD_SECTIONS


@dataclass(frozen=True)
class AccountSection:
    """A part kept with someone's account: `find(user=, organisation_id=, own=)` gives
    it (`own` when they are looking at their own copy)."""

    key: str
    find: Callable[..., Any]
    template: str


ACCOUNT_SECTIONS: Registry[AccountSection] = Registry("everything held: account")
ACTIVITY: Registry[Callable[..., dict[str, list[dict]]]] = Registry(
    "everything held: what they did"
)
ACTIVITY_BY_PERSON: Registry[Callable[..., dict[str, list[dict]]]] = Registry(
    "everything held: kept with their record or account"
)
ACTIVITY_HEADINGS: Registry[str] = Registry("everything held: kinds of things they did")

ACTIVITY.register("people", selectors.audit_held_about, order=1000)
ACTIVITY_HEADINGS.register(
    "protected_details_seen_or_changed",
    "Other people’s protected details seen or changed",
    order=1000,
)


def activity_headings() -> dict[str, str]:
    """Each kind of thing someone did, with its heading, in the order the page shows."""
    return dict(ACTIVITY_HEADINGS.items())


def _person_record(person: Person | None) -> dict:
    if person is not None:
        return selectors.person_export(person=person)
    return {
        "details": None,
        "access_needs": {"needs": [], "codes": [], "reminder_days_before": None},
        "involvement": [],
        "consents": [],
        **{section.key: section.empty for section in RECORD_SECTIONS},
        "who_saw_or_changed_access_needs": [],
    }


def everything_held(
    *,
    organisation: Organisation,
    person: Person | None,
    user: AbstractBaseUser | None,
    viewer: AbstractBaseUser,
) -> dict:
    """Everything held about the person with this record and/or account, for `viewer`."""
    own = user is not None and viewer.pk == user.pk
    scope = None if own else organisation.pk
    held: dict = {
        "organisation": organisation.name,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "name": person.full_name if person else user.full_name,
        **_person_record(person),
        "account": None,
        "invitations": selectors.invitations_held(
            emails={person.email if person else "", user.email if user else ""},
            organisation_id=scope,
        ),
        "sign_ins": [],
        **{section.key: None for section in ACCOUNT_SECTIONS},
        "activity": {},
    }
    found: dict[str, list[dict]] = {}
    for find in ACTIVITY_BY_PERSON:  # either may be None
        found.update(find(user=user, person=person, organisation_id=scope))
    if user is not None:
        held["account"] = selectors.account_held(user=user, organisation_id=scope)
        if own:
            held["sign_ins"] = sign_ins_held_about(user=user)
        for section in ACCOUNT_SECTIONS:
            held[section.key] = section.find(user=user, organisation_id=scope, own=own)
        for find in ACTIVITY:
            found.update(find(user=user, organisation_id=scope))
    held["activity"] = {key: found[key] for key in activity_headings() if key in found}
    return held
