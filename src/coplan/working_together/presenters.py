"""Car park items, actions and sessions as people read them: dates in words,
names, and a status tag that says where each thing is up to."""

import datetime

from coplan.core import formats
from coplan.core.presenters import Tag
from coplan.projects.presenters import member_name, person_name
from coplan.working_together.models import (
    Action,
    ActionStatus,
    CarParkItem,
    CarParkStatus,
)

NO_ONE_YET = "No one yet"


class CarParkItemPresenter:
    def __init__(self, item: CarParkItem, *, today: datetime.date) -> None:
        self.item = item
        self.today = today

    def __getattr__(self, name: str):
        return getattr(self.item, name)

    @property
    def is_answered(self) -> bool:
        return self.item.status == CarParkStatus.ANSWERED

    @property
    def is_late(self) -> bool:
        return (
            not self.is_answered and self.item.due_on is not None and self.item.due_on < self.today
        )

    @property
    def raised_words(self) -> str:
        where = f" at ‘{self.item.session.title}’" if self.item.session_id else ""
        return (
            f"{person_name(self.item.raised_by)}, {formats.long_date(self.item.raised_on)}{where}"
        )

    @property
    def owner_name(self) -> str:
        return member_name(self.item.owner, nobody=NO_ONE_YET)

    @property
    def due(self) -> str:
        return formats.long_date(self.item.due_on) if self.item.due_on else "Not set yet"

    @property
    def answered_words(self) -> str:
        if not self.is_answered:
            return ""
        return f"{person_name(self.item.answered_by)}, {formats.long_date(self.item.answered_on)}"

    @property
    def tag(self) -> Tag:
        if self.is_answered:
            return Tag("Answered", "green")
        if self.is_late:
            return Tag("Late", "red")
        if self.item.status == CarParkStatus.FOLLOWING_UP:
            return Tag("Being followed up", "blue")
        return Tag("Waiting for someone to follow it up", "yellow")


class ActionPresenter:
    def __init__(self, action: Action, *, today: datetime.date) -> None:
        self.action = action
        self.today = today

    def __getattr__(self, name: str):
        return getattr(self.action, name)

    @property
    def is_done(self) -> bool:
        return self.action.status == ActionStatus.DONE

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.action.due_on < self.today

    @property
    def owner_name(self) -> str:
        return member_name(self.action.owner, nobody=NO_ONE_YET)

    @property
    def due(self) -> str:
        return formats.long_date(self.action.due_on)

    @property
    def from_words(self) -> str:
        if self.action.session_id is None:
            return "Not from a session"
        return f"{self.action.session.title}, {formats.long_date(self.action.session.held_on)}"

    @property
    def tag(self) -> Tag:
        if self.is_done:
            return Tag(f"Done {formats.long_date(self.action.done_on)}".strip(), "green")
        if self.is_overdue:
            return Tag("Overdue", "red")
        if self.action.status == ActionStatus.DOING:
            return Tag("Being done", "blue")
        return Tag("To do", "grey")
