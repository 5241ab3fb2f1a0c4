"""The demo project's plan, well under way: a good part of "At the start" and some of
"Planning meetings and workshops" answered, with the time-frame STOP met and the way
forward agreed by the demo manager. Loaded once: a plan already begun is left alone."""

from coplan.guides import selectors, services
from coplan.guides.models import AnswerState, GuideAnswer, ProjectGuide
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

ANSWERED = str(AnswerState.ANSWERED)
NOT_SURE = str(AnswerState.NOT_SURE_YET)

# guide -> question id -> (value, state, note), in the words a lead would write.
DEMO_ANSWERS: dict[str, dict[str, tuple[object, str, str]]] = {
    "at-the-start": {
        # "What is the project?" and "Why is it happening?" come from the project's details.
        "how-much-time": ("12 months", ANSWERED, ""),
        "request-to-co-produce": (
            "Yes. The Learning Disability Partnership Board asked for the review to be "
            "co-produced, and the Cabinet Member agreed.",
            ANSWERED,
            "",
        ),
        "who-has-done-co-production": (
            ["Femi Facilitator", "The Partnership Board's self-advocates", "My Life, My Choice"],
            ANSWERED,
            "",
        ),
        "realistic-in-time-frame": (
            "no",
            ANSWERED,
            "Not for the whole review: the new contracts must be tendered within the "
            "year, and the tender rules do not leave time to co-produce the contract "
            "papers. What day services should offer can be co-produced.",
        ),
        "which-aspects": (
            "some",
            ANSWERED,
            "What day services offer, how people get there, and how we check they are "
            "good. Not the tender papers.",
        ),
        "management-support": ("yes", ANSWERED, "Morgan Manager supports it."),
        "barriers": (
            "Transport to meetings; some people need support workers to come with them; "
            "papers must be in Easy Read; families worry the review is a way to cut services.",
            ANSWERED,
            "",
        ),
        "policies-known": (
            ["remuneration", "gdpr", "equality-and-diversity"],
            ANSWERED,
            "Ask the equality team about impact assessments and monitoring.",
        ),
        "budget": ("yes", ANSWERED, ""),
        "money-for-paying-people": (
            "The Adult Social Care engagement budget: £6,000 for this review.",
            ANSWERED,
            "",
        ),
        "other-projects": (
            "The transport review starts in the spring and will change bus routes to day centres.",
            ANSWERED,
            "",
        ),
        "legal-issues": ("no", ANSWERED, ""),
        "consultation-law": (None, NOT_SURE, "Check the Gunning Principles with Legal."),
        "sign-off-needed": (
            "yes",
            ANSWERED,
            "The plan for involving people, by Morgan Manager; the Easy Read papers, "
            "by the communications team.",
        ),
        "stakeholders": (
            [
                "People who use day services",
                "Families and carers",
                "Day centre staff",
                "Bus and taxi companies",
            ],
            ANSWERED,
            "",
        ),
        "stakeholder-mapping": ("yes", ANSWERED, "See the influence and interest grid."),
        "reaching-people": (
            "Visit each day centre, talk to people there, and leave Easy Read leaflets; "
            "write to families through the centres; ask the carers' centre to pass it on.",
            ANSWERED,
            "",
        ),
        "who-can-help-reach": (
            ["Day centre managers", "The carers' centre", "The Partnership Board"],
            ANSWERED,
            "",
        ),
        "wide-representation": (
            "Aim for people from every day centre, including people who do not use words "
            "to speak, and families from the rural areas.",
            ANSWERED,
            "",
        ),
        "needs-of-people": (
            "Easy Read, short sessions with breaks, support workers, a quiet room, "
            "transport paid for.",
            ANSWERED,
            "",
        ),
        "participant-training": ("no", ANSWERED, ""),
        "accessible-information": (
            "Everything in Easy Read with pictures, and read aloud at the start of each meeting.",
            ANSWERED,
            "",
        ),
        "venues-known": ("yes", ANSWERED, "The library's community room is step-free with a loop."),
        "timeline": (
            "Months 1 to 3: listening at the day centres. Months 4 to 6: workshops on "
            "what good looks like. Months 7 to 9: check the plan with everyone. "
            "Months 10 to 12: tell people what we did.",
            ANSWERED,
            "",
        ),
        "timeline-notice": ("yes", ANSWERED, ""),
        "relationship-building": (
            None,
            NOT_SURE,
            "The listening visits help, but three months may be short.",
        ),
    },
    "planning-meetings": {
        "venue-booked": ("yes", ANSWERED, "The library's community room, every month."),
        "venue-accessible": (
            ["wheelchair-access", "parking", "loop-system", "public-transport"],
            ANSWERED,
            "",
        ),
        "payment-process": (
            "People claim their time and travel on coplan, or on a paper form at the "
            "meeting; finance pays within 10 working days.",
            ANSWERED,
            "",
        ),
        "enough-notice": ("yes", ANSWERED, ""),
        "needs-asked": (["mobility", "communication", "dietary"], ANSWERED, ""),
        "everyone-participates": (
            "Small tables with a supporter each, talking mats and picture cards, and "
            "turn-taking cards.",
            ANSWERED,
            "",
        ),
    },
    "key-essentials": {
        "essentials": (
            ["language", "access-needs", "take-turns", "ground-rules", "car-park"],
            ANSWERED,
            "Agreed at the first workshop; the goal of the group comes next time.",
        ),
    },
}

TIME_FRAME_STOP = "time-frame-too-short"
WAY_FORWARD = "not-fully-co-produced"


def guides_demo_load(*, project: Project) -> None:
    """Answer the demo's plan and agree the STOP's way forward, unless begun already."""
    services.project_guides_ensure(project=project)
    guides = {g.guide_key: g for g in ProjectGuide.objects.filter(project=project)}
    if GuideAnswer.objects.filter(project_guide__in=guides.values()).exists():
        return
    members = {m.role: m for m in Membership.objects.filter(project=project).select_related("user")}
    lead, manager = members[Role.LEAD].user, members[Role.MANAGER].user
    for guide_key, answers in DEMO_ANSWERS.items():
        services.section_answers_save(project_guide=guides[guide_key], answers=answers, user=lead)
    start = guides["at-the-start"]
    # The lead chooses the way forward; the demo's manager agrees it, as in the app.
    services.way_forward_record(
        project_guide=start,
        guide=selectors.guide_for_version(start.guide_version),
        rule_id=TIME_FRAME_STOP,
        way_forward_id=WAY_FORWARD,
        user=lead,
    )
    services.way_forward_answer(
        project_guide=start,
        rule_id=TIME_FRAME_STOP,
        way_forward_id=WAY_FORWARD,
        manager=manager,
        agree=True,
    )
