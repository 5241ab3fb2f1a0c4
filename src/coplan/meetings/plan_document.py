"""The meetings app's part of the whole plan (`projects.registries.PLAN_SECTIONS`):
every meeting and workshop with its checks (notice, venue, needs, food, joining online,
papers, paperwork). Four queries, however many meetings and people."""

from dataclasses import dataclass, field

from django.utils import timezone

from coplan.meetings import selectors
from coplan.meetings.presenters import MeetingPresenter, clock_words, readiness_tag
from coplan.projects.models import Membership


@dataclass
class NotReady:
    """One thing not ready yet, said the same way for `meetings` (upcoming ones)."""

    title: str
    words: str
    meetings: list[MeetingPresenter] = field(default_factory=list)


def not_ready(rows: list[dict]) -> list[tuple[str, list[NotReady]]]:
    """What is not ready yet across the upcoming meetings, check by check (in the
    checks' order), each problem once with the meetings it is true of: a plan with
    many meetings says "nobody is named to run the session" once, with the meetings,
    not once a meeting."""
    by_check: dict[str, dict[str, NotReady]] = {}
    for row in rows:
        if row["past"]:
            continue
        for check in row["checks"]:
            if check.ready:
                continue
            words = check.summary + (f" Next: {check.next_step}" if check.next_step else "")
            same = by_check.setdefault(check.title, {})
            same.setdefault(words, NotReady(check.title, words)).meetings.append(row["meeting"])
    return [(title, list(problems.values())) for title, problems in by_check.items()]


def meetings(membership: Membership) -> dict:
    today = timezone.localdate()
    rows = [
        {
            "meeting": MeetingPresenter(each.meeting, times=each.times),
            "status": readiness_tag(each.readiness).text,
            "checks": each.readiness.checks,
            "invited": each.invited_count,
            "past": each.meeting.meets_on < today,
        }
        for each in selectors.meetings_checked(project=membership.project, today=today)
    ]
    problems = not_ready(rows)
    meetings_not_ready = {
        meeting.pk for _, same in problems for problem in same for meeting in problem.meetings
    }
    return {
        "meetings": rows,
        "not_ready": problems,
        # One meeting not ready: it is named once, above its problems.
        "only": problems[0][1][0].meetings[0] if len(meetings_not_ready) == 1 else None,
    }


def _in_order(membership: Membership) -> list[MeetingPresenter]:
    return [
        MeetingPresenter(found, times=selectors.times_of(found))
        for found in selectors.meetings_in_order(project=membership.project)
    ]


def meetings_for_participants(membership: Membership) -> dict:
    """The participants' version: each meeting, when and where (no checks, nobody's
    needs, nobody's name). One query."""
    return {"meetings": _in_order(membership)}


def meetings_easy_read(membership: Membership) -> str:
    today = timezone.localdate()
    coming = [m for m in _in_order(membership) if m.meeting.meets_on >= today]
    if not coming:
        return "We have not planned any meetings yet."
    blocks = []
    for meeting in coming:
        lines = [f"{meeting.title}.", f"On {meeting.date} at {clock_words(meeting.times.starts)}."]
        if meeting.meeting.has_room and meeting.meeting.venue:
            lines.append(f"At {meeting.meeting.venue.name}.")
        if meeting.meeting.has_online:
            lines.append("You can join online.")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def size(project) -> int:
    return selectors.meetings_size(project=project)
