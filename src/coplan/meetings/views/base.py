"""What every meetings page shares: the project menu item, and the addresses of
a meeting and of the venue library."""

from django.urls import reverse

from coplan.core.http import or_404
from coplan.meetings import rules, selectors
from coplan.meetings.models import Meeting
from coplan.projects.models import Membership
from coplan.projects.pages import Section

SECTION = Section(
    "meetings",
    namespace="meetings",
    context=lambda membership: {
        "can_edit": membership.may(rules.EDIT_MEETINGS),
        "can_see_readiness": membership.may(rules.VIEW_READINESS),
        "can_invite": membership.may(rules.MANAGE_INVITED),
        "can_see_catering": membership.may(rules.VIEW_CATERING),
    },
)


def venues_url(organisation_id: int, **kwargs) -> str:
    """The venue library, or one venue of it (`venue_id=`)."""
    name = "meetings:venue" if kwargs else "meetings:venues"
    return reverse(name, kwargs={"organisation_id": organisation_id, **kwargs})


def meeting_url(name: str, membership: Membership, found: Meeting, **kwargs) -> str:
    return SECTION.url(name, membership, meeting_id=found.pk, **kwargs)


def meeting_of(membership: Membership, meeting_id: int) -> Meeting:
    return or_404(selectors.meeting(project=membership.project, meeting_id=meeting_id))
