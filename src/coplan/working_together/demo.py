"""Working together in the demo project: a session with agreements, the car park,
actions, a shared definition and what can and cannot change. Loaded once."""

import datetime

from django.utils import timezone

from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role
from coplan.working_together import selectors, services
from coplan.working_together.models import SessionRecord

FIRST_WORKSHOP = "First workshop: what matters to us"


def working_together_demo_load(*, project: Project) -> None:
    """Add the demo's working together records, unless they are there already."""
    if SessionRecord.objects.filter(project=project, title=FIRST_WORKSHOP).exists():
        return
    members = {m.role: m for m in Membership.objects.filter(project=project).select_related("user")}
    lead, facilitator = members[Role.LEAD], members[Role.FACILITATOR]
    co_producer = members[Role.CO_PRODUCER]
    today = timezone.localdate()
    first = services.session_record_create(
        project=project,
        by=facilitator.user,
        held_on=today - datetime.timedelta(days=14),
        title=FIRST_WORKSHOP,
        came=list(members.values()),
        others_came="Two carers from the Riverside day centre.",
        agreed="We will meet once a month, in the afternoon, at the library.",
        decided="We start by looking at what people like about day services now.",
    )
    services.session_essentials_record(
        session=first,
        checked=["language", "access-needs", "take-turns", "ground-rules", "car-park"],
        known=tuple(item.id for item in selectors.key_essentials(project=project)),
    )
    services.session_record_create(
        project=project,
        by=facilitator.user,
        held_on=today + datetime.timedelta(days=14),
        title="Second workshop: getting there",
    )
    for text, by in (
        ("We treat each other with respect, even when we disagree.", co_producer),
        ("Everyone here is equal: we use first names, not job titles.", facilitator),
        ("One person speaks at a time, and everyone gets a turn.", co_producer),
        ("We use plain words. If someone uses a word we do not know, we ask.", lead),
    ):
        services.agreement_write(project=project, text=text, by=by.user, session=first)
    bus = services.car_park_item_add(
        project=project,
        text="Can someone from the bus company come to a meeting about transport?",
        by=co_producer.user,
        session=first,
    )
    services.car_park_item_follow_up(
        item=bus,
        owner=lead,
        next_step="Ask the bus company, and bring their answer to the second workshop.",
        due_on=today + datetime.timedelta(days=10),
    )
    paid = services.car_park_item_add(
        project=project,
        text="Will we be paid for our time at these workshops?",
        by=co_producer.user,
        session=first,
    )
    services.car_park_item_answer(
        item=paid,
        answer="Yes. Everyone who is not paid staff gets £15 an hour, and travel costs back.",
        by=lead.user,
    )
    services.action_add(
        project=project,
        what="Send everyone the notes from the first workshop in Easy Read.",
        owner=facilitator,
        due_on=today - datetime.timedelta(days=3),
        by=facilitator.user,
        session=first,
    )
    services.definition_add(
        project=project,
        word="co-production",
        meaning=(
            "People who use services, carers and staff working together as equals, "
            "from the start to the end, sharing power and decisions."
        ),
        by=facilitator.user,
    )
    services.decision_area_add(
        project=project,
        area="The new day services",
        open_to_influence="What happens at day services, when they open, and how people get there.",
        fixed="The total money for day services next year.",
        why_fixed="The council set the budget for next year in February.",
        by=lead.user,
    )
