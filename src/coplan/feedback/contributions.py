"""What the feedback app adds to what every app shares (see `coplan.core.registry`)."""

from itertools import groupby

from django.urls import reverse

from coplan.core.api_routers import API_ROUTERS
from coplan.core.bench import BENCH
from coplan.core.demo import DEMO
from coplan.core.events import EVENT_KINDS, EventKind
from coplan.core.spreadsheets import NUMBER
from coplan.feedback import plan_document, rules, selectors
from coplan.feedback.bench import feedback_bench_seed
from coplan.feedback.demo import feedback_demo_load
from coplan.feedback.presenters import results_rows
from coplan.feedback.telling import KINDS
from coplan.notifications.kinds import kinds_register
from coplan.people.everything_held import ACCOUNT_SECTIONS, AccountSection
from coplan.projects.models import Membership
from coplan.projects.registries import (
    ANSWER,
    EXPORTS,
    HOME_PANELS,
    NEEDS_ATTENTION,
    NUMBER_OF_PEOPLE,
    PLAN_SECTIONS,
    PROJECT_COUNTS,
    PROJECT_NAV,
    QUESTION,
    EasyReadPart,
    Export,
    ExportColumn,
    HomePanel,
    NavEntry,
    PlanPart,
    PlanSection,
    first_few,
    project_counts,
)
from coplan.projects.roles import Role
from coplan.projects.rules import CO_PRODUCERS


def needs_attention(membership: Membership) -> list[tuple[str, str]]:
    """People waiting to hear what was done with what they said."""
    if not membership.may(rules.VIEW_YOU_SAID_WE_DID):
        return []
    project = membership.project
    loop = selectors.closing_the_loop_from_counts(project_counts(membership, "feedback"))
    if loop.is_closed:
        return []
    return [
        (
            f"People are waiting to hear back ({loop.waiting} to answer or send)",
            reverse("feedback:you_said_we_did", kwargs={"project_id": project.pk}),
        )
    ]


def forms_open(membership: Membership) -> dict | None:
    """On the co-producer's home: the feedback forms open for them, each with its link
    (one query); nothing when there are none."""
    forms, more = first_few(
        selectors.forms_open_for(project=membership.project, user_id=membership.user_id)
    )
    return {"forms": forms, "more": more} if forms else None


def you_said_we_did(membership: Membership) -> dict | None:
    """On the co-producer's home: what the project did about what people said, what came
    from them first (one query); nothing before anything is published."""
    entries, more = first_few(
        selectors.you_said_we_did_for(project=membership.project, user_id=membership.user_id)
    )
    if not entries:
        return None
    project = membership.project
    return {
        "entries": entries,
        "more": more,
        # Asked for by the Easy Read version of the panel only: the lead's approved lines.
        "approved": lambda: selectors.you_said_we_did_approved(project=project),
    }


def held_about(*, user, organisation_id: int | None, own: bool) -> dict:
    """Feedback with their name on it; a self-reflection is private to its author until
    they share it."""
    feedback = selectors.feedback_held_about(user=user, organisation_id=organisation_id)
    if not own:
        feedback["self_reflections"] = [
            reflection for reflection in feedback["self_reflections"] if reflection["shared"]
        ]
    return feedback


FORM = ExportColumn("Feedback form", "The feedback form's title.")
OUT_OF = ExportColumn("Out of", "How many people answered the question.", NUMBER)


def results_download_rows(membership: Membership):
    """The results of every answered form, as each form's results CSV has them (a
    closed box's questions with too few answers say so, and their words are left out),
    with the form's title first: a fixed number of queries, words read a few at a time."""
    project = membership.project
    results = sorted(selectors.general_feelings(project=project), key=lambda found: found.form.pk)
    words = groupby(selectors.project_words(project=project), key=lambda row: row[0])
    pending = next(words, None)
    for found in results:
        while pending is not None and pending[0] < found.form.pk:
            pending = next(words, None)
        form_words = []
        if pending is not None and pending[0] == found.form.pk:
            form_words = ((question_id, text) for _, question_id, text in pending[1])
        for question, answer, count, out_of in results_rows(found, form_words):
            yield {
                FORM.heading: found.form.title,
                QUESTION.heading: question,
                ANSWER.heading: answer,
                NUMBER_OF_PEOPLE.heading: count,
                OUT_OF.heading: out_of,
            }


def register() -> None:
    API_ROUTERS.register("feedback", "coplan.feedback.api", order=30)
    kinds_register(KINDS)
    EVENT_KINDS.register(
        "you_said_we_did.published",
        EventKind("“You said, we did” is published"),
        order=40,
    )
    PROJECT_NAV.register(
        "feedback",
        NavEntry(
            "feedback",
            "feedback:home",
            "Feedback",
            # Finance has no forms to fill in or read; everyone else gives or reads feedback.
            roles=frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.CO_PRODUCER}),
        ),
        order=60,
    )
    NEEDS_ATTENTION.register("feedback", needs_attention, order=50)
    PROJECT_COUNTS.register("feedback", selectors.closing_the_loop_expressions, order=50)
    HOME_PANELS.register(
        "feedback_forms_open",
        HomePanel(CO_PRODUCERS, "feedback/_home_forms_open.html", forms_open),
        order=151,
    )
    HOME_PANELS.register(
        "you_said_we_did",
        HomePanel(CO_PRODUCERS, "feedback/_home_you_said_we_did.html", you_said_we_did),
        order=157,
    )
    PLAN_SECTIONS.register(
        "feedback_results",
        PlanSection(
            "Feedback results",
            "feedback/_plan_results.html",
            plan_document.results,
            permission=rules.VIEW_FEEDBACK,
        ),
        order=80,
    )
    PLAN_SECTIONS.register(
        "you_said_we_did",
        PlanSection(
            "You said, we did",
            "feedback/_plan_you_said_we_did.html",
            plan_document.you_said_we_did,
            permission=rules.VIEW_YOU_SAID_WE_DID,
            for_participants=PlanPart(
                "You said, we did",
                "feedback/_plan_you_said_we_did.html",
                plan_document.you_said_we_did_for_participants,
            ),
            easy_read=EasyReadPart("You said, we did", plan_document.you_said_we_did_easy_read),
        ),
        order=85,
    )
    EXPORTS.register(
        "feedback-results",
        Export(
            "Feedback results",
            "For every feedback form with answers: how many people gave each answer to "
            "each question, then what people wrote. A closed box shows nothing for a "
            f"question fewer than {selectors.SMALLEST_GROUP} people answered, as on the "
            "results page. Nobody's "
            "answers are linked to each other or to their name.",
            rules.VIEW_FEEDBACK,
            (FORM, QUESTION, ANSWER, NUMBER_OF_PEOPLE, OUT_OF),
            results_download_rows,
        ),
        order=40,
    )
    DEMO.register("feedback", lambda demo: feedback_demo_load(project=demo.project), order=50)
    BENCH.register("feedback", feedback_bench_seed, order=50)
    ACCOUNT_SECTIONS.register(
        "feedback",
        AccountSection("feedback", held_about, "feedback/_everything_held.html"),
        order=10,
    )
