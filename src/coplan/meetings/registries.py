"""What other apps add to a meeting's page, without meetings importing them.

An app that works on meetings (invitations, for one) registers a function when it
starts (from its `contributions.py`); the meeting page shows the links each one gives
for this member and this meeting, in the order the apps start. Meetings never
names those apps: they depend on it, not it on them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from coplan.meetings.models import Meeting
from coplan.projects.models import Membership


@dataclass(frozen=True)
class MeetingLink:
    text: str
    href: str


MeetingLinks = Callable[[Membership, Meeting], list[MeetingLink]]

_meeting_links: list[MeetingLinks] = []


def meeting_links_register(contributor: MeetingLinks) -> None:
    """Add links to every meeting's page (once, however often the app starts)."""
    if contributor not in _meeting_links:
        _meeting_links.append(contributor)


def meeting_links(*, membership: Membership, meeting: Meeting) -> list[MeetingLink]:
    """The links the other apps give this member on this meeting's page."""
    return [link for contributor in _meeting_links for link in contributor(membership, meeting)]
