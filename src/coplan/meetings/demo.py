"""Meetings in the demo: a venue with its accessibility check, three participants with
needs, and a workshop in six weeks with them invited. Loaded once, so `make run`
can call it every time."""

import datetime

from django.utils import timezone

from coplan.meetings import services
from coplan.meetings.models import Meeting, Venue
from coplan.people import services as people_services
from coplan.people.models import Involvement, Person
from coplan.people.needs import AccessNeeds
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

DEMO_VENUE = "Banbury Community Centre"
DEMO_MEETING = "Workshop: what a good day service looks like"
DEMO_PARTICIPANTS = [
    # name, email, needs chosen, formats, reply
    (
        "Ada Jones",
        "ada.jones@demo.coplan.local",
        {"communication": ["hearing_loop"], "dietary": ["vegan"]},
        [],
        "in_person",
    ),
    (
        "Ben Okafor",
        "ben.okafor@demo.coplan.local",
        {"mobility": ["wheelchair", "accessible_toilet"], "support": ["support_worker"]},
        ["large_print"],
        "no_reply",
    ),
    (
        "Chloe Price",
        "chloe.price@demo.coplan.local",
        {"reminders": ["text"], "communication": ["plain_words"]},
        ["easy_read"],
        "online",
    ),
]


def _venue(project: Project, by) -> Venue:
    venue = Venue.objects.filter(organisation=project.organisation, name=DEMO_VENUE).first()
    if venue is not None:
        return venue
    return services.venue_create(
        organisation=project.organisation,
        created_by=by,
        name=DEMO_VENUE,
        address="12 Bridge Street\nBanbury\nOX16 5PN",
        how_to_get_there="Five minutes' walk from the bus station. The way in is at the side.",
        step_free="yes",
        wheelchair_access="yes",
        accessible_toilet="yes",
        parking="yes",
        blue_badge_parking="yes",
        good_lighting="yes",
        good_acoustics="not_checked",
        hearing_loop="no",
        public_transport="yes",
        public_transport_notes="Buses B1 and B5 stop outside.",
        quiet_space="yes",
        notes="The café can do lunch for up to 30 people.",
        checked_on=timezone.localdate() - datetime.timedelta(days=30),
    )


def _participant(project: Project, name: str, email: str, chosen: dict, formats: list) -> Person:
    person = Person.objects.filter(organisation=project.organisation, email=email).first()
    if person is None:
        person = Person.objects.create(
            organisation=project.organisation, full_name=name, email=email, formats=formats
        )
        people_services.person_set_needs(
            person=person,
            needs=AccessNeeds.from_answers(chosen=chosen, notes={}),
            actor=None,
            where="demo data",
        )
    Involvement.objects.get_or_create(
        project=project, person=person, defaults={"role": "co_producer"}
    )
    return person


def meetings_demo_load(*, project: Project) -> None:
    """Add the demo venue and meeting, unless they are there already."""
    if Meeting.objects.filter(project=project, title=DEMO_MEETING).exists():
        return
    members = {m.role: m for m in Membership.objects.filter(project=project).select_related("user")}
    lead, facilitator = members[Role.LEAD], members.get(Role.FACILITATOR)
    today = timezone.localdate()
    meets_on = today + datetime.timedelta(days=42)
    meeting = services.meeting_create(
        project=project,
        created_by=lead.user,
        title=DEMO_MEETING,
        purpose="To hear what people value in day services now, and what they would change.",
        format="both",
        meets_on=meets_on,
        starts_at=datetime.time(10, 30),
        length_minutes=150,
        venue=_venue(project, lead.user),
        room="The Garden Room, ground floor",
        joining_details="",
        remote_support="",
        facilitator=facilitator,
        agenda="Welcome and our agreements\nWhat works well now\nBreak\nWhat we would change",
        food="provided",
        caterer="The Community Centre café",
        risk_assessment="done",
        payment_on_the_day="Claim forms on the day; Jo pays travel and time within 2 weeks.",
        arrangements=["plain_words", "regular_breaks"],
        invitations_on=today + datetime.timedelta(days=7),
    )
    services.paper_create(
        meeting=meeting,
        title="Agenda and what we heard last time",
        send_by=meets_on - datetime.timedelta(days=10),
        formats=["standard", "large_print"],
    )
    people = []
    for name, email, chosen, formats, reply in DEMO_PARTICIPANTS:
        person = _participant(project, name, email, chosen, formats)
        people.append((person, reply))
    services.invited_people_add(
        meeting=meeting, people=[person for person, _ in people], added_by=lead.user
    )
    replies = {person.pk: reply for person, reply in people}
    for invited in meeting.invited.all():
        services.invited_person_set_reply(invited=invited, reply=replies[invited.person_id])
