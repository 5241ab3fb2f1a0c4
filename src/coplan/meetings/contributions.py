"""What the meetings app adds to what every app shares (see `coplan.core.registry`)."""

from django.urls import reverse

from coplan.core.api_routers import API_ROUTERS
from coplan.core.bench import BENCH
from coplan.core.demo import DEMO
from coplan.core.events import EVENT_KINDS, EventKind
from coplan.meetings import plan_document, rules, selectors
from coplan.meetings.bench import meetings_bench_seed
from coplan.meetings.demo import meetings_demo_load
from coplan.meetings.models import InvitedPerson, Meeting
from coplan.people.models import Person
from coplan.people.services import ERASURE, KEY_ROTATIONS, tokens_reencrypt
from coplan.projects.models import Membership
from coplan.projects.registries import (
    ANSWER_SUGGESTIONS,
    NEEDS_ATTENTION,
    PLAN_SECTIONS,
    PROJECT_NAV,
    AnswerSuggestion,
    EasyReadPart,
    NavEntry,
    PlanPart,
    PlanSection,
)


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """Meetings to come without enough notice, and those not ready yet (four queries)."""
    if not membership.may(rules.VIEW_MEETINGS):
        return []
    project = membership.project
    found = selectors.meetings_attention(project=project)
    meetings = reverse("meetings:meetings", kwargs={"project_id": project.pk})
    notes = []
    if found.short_notice:
        count = found.short_notice
        notes.append(
            (f"{count} meeting{'s' if count != 1 else ''} without enough notice", meetings)
        )
    if found.not_ready:
        count = found.not_ready
        notes.append((f"{count} meeting{'s are' if count != 1 else ' is'} not ready yet", meetings))
    return notes


def erase(*, person: Person, user) -> None:
    """What caterers were told about them (their note as sent, kept with each invitation)
    goes; the numbers sent stay, with no name."""
    InvitedPerson.objects.filter(person=person).exclude(catering_note_token="").update(
        catering_note_token=""
    )


def keys_rotate() -> list[str]:
    summaries = tokens_reencrypt(Meeting, "catering_sent_token")
    notes = tokens_reencrypt(InvitedPerson, "catering_note_token")
    return [f"{summaries} catering summaries sent to caterers, with {notes} notes"]


def answer_suggestions(project) -> dict[str, AnswerSuggestion]:
    """The organisation's venues whose access has been checked, for "Do I know enough
    about suitable, accessible venues?": one query."""
    checked = selectors.venues_checked(organisation=project.organisation)
    if not checked:
        return {}
    count = f"{len(checked)} venue" + ("" if len(checked) == 1 else "s")
    words = f"Yes, {count} with {'its' if len(checked) == 1 else 'their'} access checked: "
    url = reverse("meetings:venues", kwargs={"organisation_id": project.organisation_id})
    return {
        "venues-known": AnswerSuggestion(
            words + ", ".join(checked), "the venues’ access checks", url
        )
    }


def register() -> None:
    API_ROUTERS.register("meetings", "coplan.meetings.api", order=20)
    EVENT_KINDS.register(
        "meeting.changed", EventKind("A meeting's date, time, place or plan changes"), order=30
    )
    ANSWER_SUGGESTIONS.register("venues", answer_suggestions, order=20)
    PROJECT_NAV.register(
        "meetings", NavEntry("meetings", "meetings:meetings", "Meetings"), order=40
    )
    NEEDS_ATTENTION.register("meetings", needs_attention, order=30)
    PLAN_SECTIONS.register(
        "meetings",
        PlanSection(
            "Meetings and workshops, and their checks",
            "meetings/_plan_meetings.html",
            plan_document.meetings,
            permission=rules.VIEW_MEETINGS,
            for_participants=PlanPart(
                "Meetings and workshops",
                "meetings/_plan_meetings_for_participants.html",
                plan_document.meetings_for_participants,
            ),
            easy_read=EasyReadPart("Meetings", plan_document.meetings_easy_read),
            size=plan_document.size,
        ),
        order=40,
    )
    DEMO.register("meetings", lambda demo: meetings_demo_load(project=demo.project), order=30)
    BENCH.register("meetings", meetings_bench_seed, order=30)
    ERASURE.register("meetings", erase, order=30)
    KEY_ROTATIONS.register("meetings", keys_rotate, order=30)
