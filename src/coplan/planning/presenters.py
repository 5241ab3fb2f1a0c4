"""Sign-offs, milestones, money and barriers as people read them: dates in
words, status tags, and the notice a meeting gives, in plain words."""

import datetime
from decimal import Decimal

from coplan.core import formats
from coplan.core.numbers import money_words
from coplan.core.presenters import Tag
from coplan.meetings.checks import NoticeState
from coplan.planning import timing
from coplan.planning.models import (
    BarrierStatus,
    SignOff,
    SignOffDecision,
    SignOffStatus,
    SignOffVersion,
)
from coplan.planning.selectors import TimelineAlert
from coplan.projects.presenters import member_name

LEFT_THE_PROJECT = "No one: the person has left the project"


def money(amount: Decimal | None) -> str:
    if amount is None:
        return "Not known yet"
    sign = "−" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


def days_words(days: int) -> str:
    return f"{days} day{'s' if days != 1 else ''}"


def notice_words(days: int) -> str:
    weeks, extra = divmod(days, 7)
    if weeks and not extra:
        return f"{weeks} week{'s' if weeks != 1 else ''}"
    return days_words(days)


class VersionPresenter:
    """A version asked to be signed off, in words: what, of whom, when, the answer."""

    def __init__(self, version: SignOffVersion) -> None:
        self.version = version

    def __getattr__(self, name: str):
        return getattr(self.version, name)

    @property
    def name(self) -> str:
        return f"version {self.version.number}"

    @property
    def asked_words(self) -> str:
        return (
            f"Asked of {self.version.asked_of_name} by {self.version.asked_by_name} "
            f"on {formats.date_time(self.version.asked_at)}."
        )

    @property
    def tag(self) -> Tag:
        if self.version.decision == SignOffDecision.APPROVED:
            return Tag("Signed off", "green")
        if self.version.decision == SignOffDecision.CHANGES:
            return Tag("Changes asked for", "orange")
        if self.version.decision == SignOffDecision.WITHDRAWN:
            return Tag("Withdrawn", "grey")
        return Tag("Waiting for the manager", "blue")

    @property
    def answer_words(self) -> str:
        version = self.version
        if version.is_waiting:
            return f"Waiting for {version.asked_of_name} to sign it off or ask for changes."
        when = formats.date_time(version.decided_at)
        if version.decision == SignOffDecision.APPROVED:
            return f"Signed off by {version.decided_by_name} on {when}."
        if version.decision == SignOffDecision.WITHDRAWN:
            return f"{version.decided_by_name} withdrew the request on {when}."
        return f"{version.decided_by_name} asked for changes on {when}."


class SignOffPresenter:
    """A sign-off in the register; `version` is the newest asked for, if any, and
    `changes` what changed in the plan since it was signed off (None if not signed
    from a version)."""

    def __init__(
        self,
        sign_off: SignOff,
        *,
        today: datetime.date,
        version: SignOffVersion | None = None,
        changes: list | None = None,
    ) -> None:
        self.sign_off = sign_off
        self.today = today
        self.version = VersionPresenter(version) if version is not None else None
        self.changes = changes

    @property
    def changed_since_signed(self) -> bool:
        return bool(self.changes)

    @property
    def is_asked(self) -> bool:
        """A version waits for the manager's answer."""
        return self.version is not None and self.version.is_waiting

    def __getattr__(self, name: str):
        return getattr(self.sign_off, name)

    @property
    def is_signed(self) -> bool:
        return self.sign_off.status == SignOffStatus.SIGNED

    @property
    def is_overdue(self) -> bool:
        return timing.is_overdue(
            due_on=self.sign_off.due_on, signed=self.is_signed, today=self.today
        )

    @property
    def who(self) -> str:
        if self.sign_off.signer is not None:
            member = self.sign_off.signer
            return f"{member.user.full_name} ({member.get_role_display()})"
        if self.sign_off.signer_outside:
            return f"{self.sign_off.signer_outside} (outside the project)"
        return LEFT_THE_PROJECT

    @property
    def due(self) -> str:
        return formats.long_date(self.sign_off.due_on)

    @property
    def tag(self) -> Tag:
        if self.is_signed and self.changed_since_signed:
            return Tag("Changed since it was signed off", "orange")
        if self.is_signed:
            return Tag("Signed off", "green")
        if self.is_overdue:
            return Tag("Overdue", "red")
        if self.is_asked:
            return Tag("Waiting for the manager", "blue")
        return Tag("Waiting", "grey")

    @property
    def status_words(self) -> str:
        if self.is_signed:
            recorded_by = (
                self.sign_off.signed_by.full_name if self.sign_off.signed_by else "someone"
            )
            said = []
            if self.sign_off.signed_on:
                said.append(f"Signed off on {formats.long_date(self.sign_off.signed_on)}.")
            if self.sign_off.signed_recorded_at:
                recorded_at = formats.date_time(self.sign_off.signed_recorded_at)
                said.append(f"Recorded by {recorded_by} on {recorded_at}.")
            return " ".join(said)
        if self.is_overdue:
            late = timing.days_late(due_on=self.sign_off.due_on, today=self.today)
            return f"{days_words(late)} overdue"
        return ""


class MilestonePresenter:
    def __init__(self, alert: TimelineAlert, *, today: datetime.date, project_end=None) -> None:
        self.milestone = alert.milestone
        self.alert = alert
        self.today = today
        self.project_end = project_end

    def __getattr__(self, name: str):
        return getattr(self.milestone, name)

    @property
    def date(self) -> str:
        return formats.long_date(self.milestone.due_on)

    @property
    def planned(self):
        """The meeting planned for this day, if this is a meeting and there is one."""
        return self.alert.planned

    @property
    def tag(self) -> Tag:
        state = self.alert.state
        if state is timing.DateState.DONE:
            return Tag("Done", "green")
        if state is timing.DateState.LATE:
            return Tag("Late", "red")
        if self.alert.notice_problem:
            return Tag("Short notice", "orange")
        if state is timing.DateState.DUE_SOON:
            return Tag("Due soon", "yellow")
        return Tag("To do", "blue")

    @property
    def when_words(self) -> str:
        state = self.alert.state
        if state is timing.DateState.LATE:
            late = timing.days_late(due_on=self.milestone.due_on, today=self.today)
            return f"{days_words(late)} late"
        if state is timing.DateState.DUE_SOON:
            days = (self.milestone.due_on - self.today).days
            return "Today" if days == 0 else f"In {days_words(days)}"
        return ""

    @property
    def notice_words(self) -> str:
        """The notice a meeting gives, in plain words; empty if it is not a meeting."""
        notice = self.alert.notice
        if notice is None:
            return ""
        invite_by = formats.long_date(notice.invite_by)
        least = notice_words(notice.minimum_days)
        if notice.state is NoticeState.ENOUGH:
            return (
                f"Invitations go out {formats.long_date(self.alert.invitations_on)}: "
                f"{notice_words(notice.days_given)}' notice."
            )
        if notice.state is NoticeState.TOO_SHORT:
            return (
                f"Only {notice_words(notice.days_given)}' notice. People need at least {least}: "
                f"send invitations by {invite_by}."
            )
        if notice.state is NoticeState.NOT_SET:
            return f"Send invitations by {invite_by} to give {least}' notice."
        return (
            f"It is too late to give {least}' notice: invitations needed to go out by {invite_by}."
        )

    @property
    def after_project_ends(self) -> bool:
        return self.project_end is not None and self.milestone.due_on > self.project_end


class BarrierPresenter:
    def __init__(self, barrier) -> None:
        self.barrier = barrier

    def __getattr__(self, name: str):
        return getattr(self.barrier, name)

    @property
    def owner_name(self) -> str:
        return member_name(self.barrier.owner, nobody=LEFT_THE_PROJECT)

    @property
    def tag(self) -> Tag:
        colours = {
            BarrierStatus.NOT_STARTED: "grey",
            BarrierStatus.IN_HAND: "light-blue",
            BarrierStatus.LIFTED: "green",
        }
        return Tag(self.barrier.get_status_display(), colours.get(self.barrier.status, ""))


def line_money(pence: int) -> str:
    return money_words(pence)
