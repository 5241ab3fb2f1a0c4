"""Everything we hold about someone (the right of access): one function for the page and
the download, for a lead about a participant and for any member about themselves.

A person record (`Person`) holds what someone told us and what we did for them; their
account holds what they did in projects, in every app. A member with no person record
(a manager or finance, say) still has an account, memberships, sign-ins, comments and
claims they dealt with, so they get this too. Someone else's copy (a lead's, about a
participant) holds what is in this organisation's projects, without sign-ins; a
person's own copy holds everything, in every organisation. Each app says what it keeps
with a person's name in its own selectors; this module only gathers them.
"""

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone

from coplan.accounts.selectors import sign_ins_held_about
from coplan.feedback.selectors import feedback_held_about
from coplan.guides.selectors import plan_held_about
from coplan.notifications.selectors import updates_held_about
from coplan.organisations.models import Organisation
from coplan.payments.selectors import claims_held_about
from coplan.people import selectors
from coplan.people.models import Person
from coplan.planning.selectors import planning_held_about
from coplan.working_together.selectors import working_together_held_about

# What each app keeps with someone's name (what they did, and what we told them), in the
# order the page shows it; every entry has "when", "project", "what" (a sentence) and
# "words" (what was written, if anything).
ACTIVITY_HEADINGS = {
    "comments_on_the_plan": "Comments on the plan",
    "comments": "Comments on the car park and session records",
    "car_park_items_raised": "Raised in the car park",
    "car_park_items_answered": "Car park items answered",
    "actions": "Actions",
    "session_records_written": "Session records written",
    "sign_offs": "Sign-offs",
    "barriers": "Barriers",
    "plan_answers_changed": "Answers to the plan changed",
    "ways_forward_recorded": "Ways forward recorded",
    "claims_dealt_with": "Other people’s claims dealt with",
    "protected_details_seen_or_changed": "Other people’s protected details seen or changed",
    "updates": "Messages sent to them",
    "update_choices": "How they chose to hear from us",
}

_NO_PERSON_RECORD = {
    "details": None,
    "access_needs": {"needs": [], "codes": [], "reminder_days_before": None},
    "involvement": [],
    "consents": [],
    "meetings": [],
    "payments": {"choices": [], "bank_details_held": False, "claims": []},
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
        **(selectors.person_export(person=person) if person else _NO_PERSON_RECORD),
        "account": None,
        "invitations": selectors.invitations_held(
            emails={person.email if person else "", user.email if user else ""},
            organisation_id=scope,
        ),
        "sign_ins": [],
        "feedback": None,
        "activity": {},
    }
    found = updates_held_about(user=user, person=person, organisation_id=scope)
    if user is not None:
        held["account"] = selectors.account_held(user=user, organisation_id=scope)
        if own:
            held["sign_ins"] = sign_ins_held_about(user=user)
        feedback = feedback_held_about(user=user, organisation_id=scope)
        if not own:  # a self-reflection is private to its author until they share it
            feedback["self_reflections"] = [
                reflection for reflection in feedback["self_reflections"] if reflection["shared"]
            ]
        held["feedback"] = feedback
        found |= {
            **plan_held_about(user=user, organisation_id=scope),
            **working_together_held_about(user=user, organisation_id=scope),
            **planning_held_about(user=user, organisation_id=scope),
            **claims_held_about(user=user, organisation_id=scope),
            **selectors.audit_held_about(user=user, organisation_id=scope),
        }
    held["activity"] = {key: found[key] for key in ACTIVITY_HEADINGS if key in found}
    return held
