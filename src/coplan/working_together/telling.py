"""What working together tells people, and when (coplan.notifications)."""

import hashlib

from django.contrib.auth.base_user import AbstractBaseUser
from django.urls import reverse

from coplan.core import formats
from coplan.notifications.kinds import Kind
from coplan.notifications.services import tell
from coplan.working_together.models import Action, CarParkItem

CAR_PARK_ANSWERED = Kind(
    code="working_together.car_park_answered",
    label="Something you put in the car park has an answer",
    subject="An answer to what you put in the car park",
    body="You put ‘{text}’ in the car park of {project}. The answer is: {answer}",
)
ACTION_GIVEN = Kind(
    code="working_together.action_given",
    label="Someone gives you an action",
    subject="An action for you: {what}",
    body="In {project}, you are down to do ‘{what}’ by {due}.",
)
KINDS = (CAR_PARK_ANSWERED, ACTION_GIVEN)


def car_park_answered(item: CarParkItem, *, by: AbstractBaseUser) -> None:
    """Tell whoever raised it; again if the answer changes."""
    if item.raised_by_id is None:
        return
    answer_key = hashlib.sha256(item.answer.encode()).hexdigest()[:16]
    tell(
        kind=CAR_PARK_ANSWERED.code,
        event=f"car-park-{item.pk}-answer-{answer_key}",
        project=item.project,
        users=[item.raised_by],
        not_to=by,
        link=reverse(
            "working_together:car_park_item",
            kwargs={"project_id": item.project_id, "item_id": item.pk},
        ),
        words={"text": item.text, "project": item.project.name, "answer": item.answer},
    )


def action_given(action: Action, *, by: AbstractBaseUser | None) -> None:
    """Tell the member who owns it, when it is given to them."""
    if action.owner_id is None:
        return
    tell(
        kind=ACTION_GIVEN.code,
        event=f"action-{action.pk}-owner-{action.owner_id}",
        project=action.project,
        users=[action.owner.user],
        not_to=by,
        link=reverse("working_together:actions", kwargs={"project_id": action.project_id}),
        words={
            "what": action.what,
            "project": action.project.name,
            "due": formats.long_date(action.due_on),
        },
    )
