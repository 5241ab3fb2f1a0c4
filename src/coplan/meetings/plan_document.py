"""The meetings app's part of the whole plan (`projects.registries.PLAN_SECTIONS`):
every meeting and workshop with its checks (notice, venue, needs, food, joining online,
papers, paperwork). Four queries, however many meetings and people."""

from django.utils import timezone

from coplan.meetings import selectors
from coplan.meetings.presenters import MeetingPresenter, readiness_tag
from coplan.projects.models import Membership


def meetings(membership: Membership) -> dict:
    today = timezone.localdate()
    return {
        "meetings": [
            {
                "meeting": MeetingPresenter(each.meeting, times=each.times),
                "status": readiness_tag(each.readiness).text,
                "checks": each.readiness.checks,
                "invited": each.invited_count,
                "past": each.meeting.meets_on < today,
            }
            for each in selectors.meetings_checked(project=membership.project, today=today)
        ]
    }
