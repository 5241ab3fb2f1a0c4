"""The guides' parts of the whole plan (`projects.registries.PLAN_SECTIONS`): is the
project ready, its open problems and the ways forward chosen; then every answer, guide
by guide and section by section. Three queries each, however many answers."""

from dataclasses import dataclass

from coplan.guides import engine, selectors, services
from coplan.guides.presenters import AnswerPresenter
from coplan.projects.models import Membership

LEVEL_WORDS = {
    engine.Level.STOP: "Stop",
    engine.Level.WARNING: "Warning",
    engine.Level.REMINDER: "Reminder",
}


@dataclass(frozen=True)
class AnswerRow:
    question: str
    lines: list[str]
    status: str
    note: str
    from_project: bool = False


@dataclass(frozen=True)
class SectionAnswers:
    title: str
    answered: int
    total: int
    rows: list[AnswerRow]


def _workbooks(membership: Membership) -> list[selectors.ProjectWorkbook]:
    services.project_guides_ensure(project=membership.project)
    return selectors.project_workbooks(project=membership.project)


def readiness(membership: Membership) -> dict:
    """Each guide: how ready, its problems still open (stops first) and those sorted
    out, with the way forward chosen and who agreed it."""
    guides = []
    for workbook in _workbooks(membership):
        order = list(LEVEL_WORDS)
        outcomes = sorted(workbook.workbook.outcomes, key=lambda o: order.index(o.level))
        guides.append(
            {
                "title": workbook.guide.title,
                "readiness": workbook.workbook.readiness,
                "open": [o for o in outcomes if o.is_open],
                "sorted_out": [o for o in outcomes if not o.is_open],
            }
        )
    return {"guides": guides, "level_words": LEVEL_WORDS}


def answers(membership: Membership) -> dict:
    """Every question of every guide, in the guide's order, with its answer in words."""
    guides = []
    for workbook in _workbooks(membership):
        sections = []
        for section in workbook.guide.sections:
            progress = workbook.progress(section.id)
            rows = []
            for question in section.questions:
                answer = AnswerPresenter(question, workbook.answers.get(question.id))
                rows.append(
                    AnswerRow(
                        question.text,
                        answer.lines,
                        answer.status,
                        answer.note,
                        from_project=question.id in workbook.from_project,
                    )
                )
            sections.append(SectionAnswers(section.title, progress.answered, progress.total, rows))
        guides.append({"title": workbook.guide.title, "sections": sections})
    return {"guides": guides}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def gaps(*, project) -> list[str]:
    """What the guides still miss (`projects.registries.PLAN_GAPS`): questions not
    answered and stops still open, in plain words. Three queries."""
    services.project_guides_ensure(project=project)
    workbooks = selectors.project_workbooks(project=project)
    left = sum(w.workbook.readiness.left for w in workbooks)
    total = sum(w.workbook.readiness.total for w in workbooks)
    stops = sum(len(w.workbook.open_stops) for w in workbooks)
    found = []
    if left:
        found.append(f"{left} of {total} questions {'has' if left == 1 else 'have'} no answer yet")
    if stops:
        found.append(
            f"{_count(stops, 'stop is', 'stops are')} still open: the plan says stop "
            "and nobody has agreed a way forward yet"
        )
    return found


# How far the planning is, in the participants' version and Easy Read.
PLANNING_WORDS = {
    engine.ReadinessStatus.STOPPED: "There is a problem to sort out before it can go ahead.",
    engine.ReadinessStatus.NOT_FINISHED: "We are still planning it.",
    engine.ReadinessStatus.READY_WITH_WARNINGS: "The planning is done.",
    engine.ReadinessStatus.READY: "The planning is done.",
}


def planning_for_participants(membership: Membership) -> dict:
    """The participants' version: how far the planning is, in plain words, and the ways
    forward a manager agreed when the plan said stop (not who agreed them)."""
    return {
        "guides": [
            {
                "title": workbook.guide.title,
                "words": PLANNING_WORDS[workbook.workbook.readiness.status],
                "agreed": [
                    outcome.chosen_way_forward.text
                    for outcome in workbook.workbook.outcomes
                    if not outcome.is_open and outcome.chosen_way_forward
                ],
            }
            for workbook in _workbooks(membership)
        ]
    }


def planning_easy_read(membership: Membership) -> str:
    statuses = {workbook.workbook.readiness.status for workbook in _workbooks(membership)}
    for status in PLANNING_WORDS:  # the furthest from ready first
        if status in statuses:
            return PLANNING_WORDS[status]
    return PLANNING_WORDS[engine.ReadinessStatus.NOT_FINISHED]
