"""What other apps add to a meeting's page, without meetings importing them.

An app that works on meetings (invitations, for one) registers a function in
`MEETING_LINKS` from its `contributions.py` (see `coplan.core.registry`); the meeting
page shows the links each one gives for this member and this meeting, in the order
each asked for. Meetings never names those apps: they depend on it, not it on them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from coplan.core.registry import Registry
from coplan.meetings.models import Meeting
from coplan.projects.models import Membership


@dataclass(frozen=True)
class MeetingLink:
    text: str
    href: str


MeetingLinks = Callable[[Membership, Meeting], list[MeetingLink]]

MEETING_LINKS: Registry[MeetingLinks] = Registry("links on a meeting's page")


def meeting_links(*, membership: Membership, meeting: Meeting) -> list[MeetingLink]:
    """The links the other apps give this member on this meeting's page."""
    return [link for contributor in MEETING_LINKS for link in contributor(membership, meeting)]
