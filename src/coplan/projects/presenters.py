import datetime

from coplan.core import formats
from coplan.projects.models import Project


def member_name(membership, *, nobody: str) -> str:
    """A member's name, or `nobody` (what the page says when there is no one: "No one
    yet", "Not decided yet"...) when there is none or they have left the project."""
    return membership.user.full_name if membership is not None else nobody


def person_name(user) -> str:
    """The name of whoever did something, or that they have left."""
    return user.full_name if user is not None else "Someone who has left"


def months_between(start: datetime.date, end: datetime.date) -> int:
    months = (end.year - start.year) * 12 + (end.month - start.month)
    return months - 1 if end.day < start.day else months


class ProjectPresenter:
    """A project as people read it: dates in words, how long it runs."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def __getattr__(self, name: str):
        return getattr(self.project, name)

    @property
    def dates(self) -> str:
        start, end = self.project.start_date, self.project.end_date
        return f"{formats.long_date(start)} to {formats.long_date(end)}"

    @property
    def length(self) -> str:
        months = months_between(self.project.start_date, self.project.end_date)
        if months < 1:
            days = (self.project.end_date - self.project.start_date).days
            return f"{days} day{'s' if days != 1 else ''}"
        return f"{months} month{'s' if months != 1 else ''}"
