"""A member's own meetings as their home, the meeting's page and "your meetings" show
them: each meeting (meetings.presenters.YourMeeting), their reply with the replies they
can change it to, "add to my calendar" (the meeting's file, and a subscription to their
own feed), and where to say their needs have changed."""

from django.utils import timezone

from coplan.meeting_invitations import links, services
from coplan.meetings import selectors as meeting_selectors
from coplan.meetings.models import InvitedPerson, Meeting, Reply
from coplan.meetings.presenters import YourMeeting, when_words
from coplan.projects.models import Membership
from coplan.projects.pages import project_url

SHOWN_ON_HOME = 3
BACK_HOME, BACK_MEETING, BACK_ALL = "home", "meeting", "all"

# The replies as buttons on a meeting: short, as people say them.
BUTTON_WORDS = {
    Reply.IN_PERSON: "Coming in person",
    Reply.ONLINE: "Coming online",
    Reply.NOT_COMING: "Not coming",
}


def home_url(membership: Membership) -> str:
    return project_url("projects:overview", membership)


def back_url(back: str | None, membership: Membership, meeting: Meeting) -> str:
    """Where a reply goes back to: only these places, never an address from outside."""
    if back == BACK_HOME:
        return home_url(membership)
    if back == BACK_ALL:
        return project_url("meeting_invitations:your_meetings", membership)
    return project_url("meetings:meeting", meeting, meeting_id=meeting.pk)


def feed(person_id: int) -> dict:
    """Their own calendar feed: a `webcal:` link to subscribe, and the https address."""
    link = links.feed_link(person_id=person_id)
    return {"webcal": links.webcal(link), "https": link}


def reply_part(invited: InvitedPerson, *, back: str) -> dict:
    """Their reply, the buttons to change it, "my needs have changed" and the meeting's
    calendar file (`invited.meeting` is the meeting)."""
    meeting = invited.meeting
    kwargs = {"meeting_id": meeting.pk}
    ended = meeting_selectors.times_of(meeting).ends < timezone.now()
    return {
        "title": meeting.title,
        "replied": invited.reply != Reply.NO_REPLY,
        "reply_words": invited.get_reply_display(),
        "buttons": []
        if ended
        else [
            (choice, BUTTON_WORDS[choice])
            for choice in services.reply_choices(meeting)
            if choice != invited.reply
        ],
        "reply_url": project_url("meeting_invitations:your_reply", meeting, **kwargs)
        + f"?back={back}",
        "needs_url": project_url("people:tell_us_once_check", meeting),
        "calendar_url": project_url("meeting_invitations:meeting_calendar", meeting, **kwargs),
    }


def card(membership: Membership, invited: InvitedPerson, *, back: str) -> dict:
    """One meeting they are invited to, with their reply (papers already fetched)."""
    meeting = invited.meeting
    return {
        "meeting": YourMeeting(
            meeting,
            invited=invited,
            papers=list(meeting.papers.all()),
            wanted_formats=invited.person.formats or [],
        ),
        "url": project_url("meetings:meeting", meeting, meeting_id=meeting.pk),
        "part": reply_part(invited, back=back),
    }


def home_panel(membership: Membership) -> dict:
    """The next few meetings they are invited to, on their home: two queries."""
    found = meeting_selectors.your_invitations(
        membership=membership, today=timezone.localdate(), limit=SHOWN_ON_HOME + 1
    )
    return {
        "cards": [card(membership, invited, back=BACK_HOME) for invited in found[:SHOWN_ON_HOME]],
        "more": len(found) > SHOWN_ON_HOME,
        "all_url": project_url("meeting_invitations:your_meetings", membership),
        "feed": feed(found[0].person_id) if found else None,
    }


def your_projects_panel(user) -> dict | None:
    """On "Your projects": their next few meetings in every project they are in, each
    linking to the meeting's page, or None if they are invited to none. One query."""
    found = meeting_selectors.your_next_invitations_everywhere(
        user=user, today=timezone.localdate(), limit=SHOWN_ON_HOME
    )
    if not found:
        return None
    return {
        "meetings": [
            {
                "title": invited.meeting.title,
                "project": invited.meeting.project.name,
                "when": when_words(
                    meeting_selectors.times_of(invited.meeting), invited.meeting.length_minutes
                ),
                "replied": invited.reply != Reply.NO_REPLY,
                "reply_words": invited.get_reply_display(),
                "url": project_url(
                    "meetings:meeting", invited.meeting, meeting_id=invited.meeting_id
                ),
            }
            for invited in found
        ]
    }


def meeting_part(
    membership: Membership, meeting: Meeting, invited: InvitedPerson | None
) -> tuple[str, dict] | None:
    """On the meeting's page, for someone invited: their reply and their calendar."""
    if invited is None:
        return None
    part = reply_part(invited, back=BACK_MEETING)
    part["feed"] = feed(invited.person_id)
    return "meeting_invitations/_your_reply.html", part
