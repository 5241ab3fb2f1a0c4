"""What the notifications app adds to what every app shares (see `coplan.core.registry`)."""

from coplan.notifications.selectors import updates_held_about
from coplan.notifications.services import notify_keys_rotate
from coplan.people.everything_held import ACTIVITY_BY_PERSON, ACTIVITY_HEADINGS
from coplan.people.models import Person
from coplan.people.services import ERASURE, KEY_ROTATIONS


def erase(*, person: Person, user) -> None:
    """Messages sent to them, and their choices of how to be told, go."""
    person.updates.all().delete()
    if user is not None:
        user.updates.all().delete()
        user.update_choices.all().delete()


def register() -> None:
    ACTIVITY_BY_PERSON.register("notifications", updates_held_about, order=10)
    ACTIVITY_HEADINGS.register("updates", "Messages sent to them", order=1010)
    ACTIVITY_HEADINGS.register("update_choices", "How they chose to hear from us", order=1020)
    ERASURE.register("notifications", erase, order=20)
    KEY_ROTATIONS.register(
        "notifications", lambda: [f"{notify_keys_rotate()} GOV.UK Notify keys"], order=90
    )
