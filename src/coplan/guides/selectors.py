"""Reads for a project's plan. Everything about progress is worked out by the engine."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from coplan.guides import engine
from coplan.guides.models import (
    GuideAnswer,
    GuideAnswerChange,
    GuideComment,
    GuideVersion,
    PlanDownload,
    ProjectGuide,
    WayForwardChoice,
)
from coplan.organisations.models import Organisation
from coplan.projects.models import Project

_guide_cache: dict[tuple[int, int], engine.Guide] = {}


def guide_for_version(guide_version: GuideVersion) -> engine.Guide:
    """The engine's guide for a stored version; versions never change, so read once."""
    key = (guide_version.pk, hash(guide_version.source))
    if key not in _guide_cache:
        _guide_cache[key] = engine.guide_read(guide_version.source, file=guide_version.file_name)
    return _guide_cache[key]


@dataclass(frozen=True)
class ProjectWorkbook:
    """One guide of a project, with its answers and everything worked out from them."""

    project_guide: ProjectGuide
    guide: engine.Guide
    answers: dict[str, GuideAnswer]
    workbook: engine.Workbook
    choices: tuple[WayForwardChoice, ...] = ()
    # Questions the project's details answer ("What is the project?"): in `answers`
    # with the project's words, never stored.
    from_project: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return self.project_guide.guide_key

    def section(self, section_id: str) -> engine.Section | None:
        return next((s for s in self.guide.sections if s.id == section_id), None)

    def progress(self, section_id: str) -> engine.SectionProgress:
        return next(p for p in self.workbook.sections if p.section_id == section_id)

    def next_section(self, section_id: str) -> engine.Section | None:
        ids = [section.id for section in self.guide.sections]
        position = ids.index(section_id)
        return self.guide.sections[position + 1] if position + 1 < len(ids) else None

    def choice(self, rule_id: str) -> WayForwardChoice | None:
        return next((c for c in self.choices if c.rule_id == rule_id), None)

    def outcomes_about(self, question_id: str) -> list[engine.Outcome]:
        return [outcome for outcome in self.workbook.outcomes if outcome.about == question_id]

    def stored_answers(self) -> dict[str, GuideAnswer]:
        return {qid: a for qid, a in self.answers.items() if qid not in self.from_project}


def project_facts(project: Project) -> dict[str, object]:
    return {
        "project-start": project.start_date,
        "project-end": project.end_date,
        "project-what": project.description,
        "project-why": project.reason,
    }


def _with_project_answers(
    project_guide: ProjectGuide,
    guide: engine.Guide,
    stored: dict[str, GuideAnswer],
    facts: dict[str, object],
) -> tuple[dict[str, GuideAnswer], frozenset[str]]:
    """The stored answers, with the project's words for the questions its details answer.

    Read, not copied on save: the project's details are the one source of what the
    project is and why, so changing them there changes the plan at once, and there is
    no second copy to fall out of step (or to keep in step on every save of either).
    """
    answers = dict(stored)
    from_project = set()
    for question in guide.questions:
        if not question.answered_by:
            continue
        from_project.add(question.id)
        words = str(facts.get(question.answered_by) or "").strip()
        answers.pop(question.id, None)
        if words:
            answers[question.id] = GuideAnswer(
                project_guide=project_guide,
                question_id=question.id,
                value=words,
                state="answered",
            )
    return answers, frozenset(from_project)


def _engine_answer(answer: GuideAnswer) -> engine.Answer:
    state = (
        engine.AnswerState.NOT_SURE_YET
        if answer.state == "not sure yet"
        else engine.AnswerState.ANSWERED
    )
    return engine.Answer(value=answer.value, state=state, note=answer.note)


def _resolutions(choices) -> list[engine.Resolution]:
    """The ways forward chosen, for the engine: one a manager said no to is not chosen
    (the stop is open again for the lead)."""
    return [
        engine.Resolution(c.rule_id, c.way_forward_id, c.agreed_by, c.agreed_on)
        for c in choices
        if not c.is_refused
    ]


def project_workbooks(*, project: Project, guide_key: str | None = None) -> list[ProjectWorkbook]:
    """The project's guides with their workbooks: three queries, however many answers."""
    return workbooks_for_projects(projects=[project], guide_key=guide_key).get(project.pk, [])


def workbooks_for_projects(
    *, projects: list[Project], guide_key: str | None = None
) -> dict[int, list[ProjectWorkbook]]:
    """Each project's guides with their workbooks, by project id: three queries, however
    many projects and answers."""
    project_guides = ProjectGuide.objects.filter(project__in=projects).select_related(
        "guide_version"
    )
    if guide_key is not None:
        project_guides = project_guides.filter(guide_key=guide_key)
    project_guides = list(project_guides)
    answers: dict[int, dict[str, GuideAnswer]] = defaultdict(dict)
    for answer in GuideAnswer.objects.filter(project_guide__in=project_guides):
        answers[answer.project_guide_id][answer.question_id] = answer
    choices: dict[int, list[WayForwardChoice]] = defaultdict(list)
    for choice in WayForwardChoice.objects.filter(project_guide__in=project_guides).select_related(
        "recorded_by", "refused_by"
    ):
        choices[choice.project_guide_id].append(choice)
    by_id = {project.pk: project for project in projects}
    workbooks: dict[int, list[ProjectWorkbook]] = defaultdict(list)
    for project_guide in project_guides:
        guide = guide_for_version(project_guide.guide_version)
        facts = project_facts(by_id[project_guide.project_id])
        guide_answers, from_project = _with_project_answers(
            project_guide, guide, answers[project_guide.pk], facts
        )
        workbook = engine.workbook_evaluate(
            guide=guide,
            answers={qid: _engine_answer(answer) for qid, answer in guide_answers.items()},
            facts=facts,
            resolutions=_resolutions(choices[project_guide.pk]),
        )
        workbooks[project_guide.project_id].append(
            ProjectWorkbook(
                project_guide,
                guide,
                guide_answers,
                workbook,
                tuple(choices[project_guide.pk]),
                from_project,
            )
        )
    return dict(workbooks)


def project_workbook(*, project: Project, guide_key: str) -> ProjectWorkbook | None:
    found = project_workbooks(project=project, guide_key=guide_key)
    return found[0] if found else None


def section_comments(
    *, project_guide: ProjectGuide, question_ids: list[str]
) -> dict[str, list[GuideComment]]:
    comments: dict[str, list[GuideComment]] = defaultdict(list)
    for comment in GuideComment.objects.filter(
        project_guide=project_guide, question_id__in=question_ids
    ).select_related("author"):
        comments[comment.question_id].append(comment)
    return comments


def answer_history(*, project_guide: ProjectGuide, question_id: str) -> QuerySet[GuideAnswerChange]:
    return GuideAnswerChange.objects.filter(
        project_guide=project_guide, question_id=question_id
    ).select_related("changed_by")


def latest_guide_versions(*, organisation: Organisation | None) -> dict[str, GuideVersion]:
    """The newest version of each guide: the organisation's own over the default."""
    newest: dict[str, GuideVersion] = {}
    for version in GuideVersion.objects.filter(organisation__isnull=True).order_by("version"):
        newest[version.guide_key] = version
    if organisation is not None:
        for version in GuideVersion.objects.filter(organisation=organisation).order_by("version"):
            newest[version.guide_key] = version
    return newest


def organisation_guide_versions(*, organisation: Organisation) -> QuerySet[GuideVersion]:
    return GuideVersion.objects.filter(organisation=organisation).select_related("uploaded_by")


def newer_guide_versions(
    *, project: Project, project_guides: list[ProjectGuide]
) -> dict[str, GuideVersion]:
    """Guide key -> a newer version than the project uses, where there is one."""
    newest = latest_guide_versions(organisation=project.organisation)
    return {
        project_guide.guide_key: newest[project_guide.guide_key]
        for project_guide in project_guides
        if project_guide.guide_key in newest
        and newest[project_guide.guide_key].version > project_guide.guide_version.version
    }


def guide_upgrade_preview(
    *, workbook: ProjectWorkbook, new_version: GuideVersion
) -> engine.AnswerMigration:
    """What moving to `new_version` would keep, change and drop. Changes nothing."""
    return engine.answers_migrate(
        old_guide=workbook.guide,
        new_guide=guide_for_version(new_version),
        answers={qid: _engine_answer(answer) for qid, answer in workbook.stored_answers().items()},
        resolutions=_resolutions(workbook.choices),
    )


def _question_text(project_guide: ProjectGuide, question_id: str) -> str:
    question = guide_for_version(project_guide.guide_version).question(question_id)
    return question.text if question else question_id


def _way_forward_text(choice: WayForwardChoice) -> str:
    rule = guide_for_version(choice.project_guide.guide_version).rule(choice.rule_id)
    way = rule.way_forward(choice.way_forward_id) if rule else None
    return way.text if way else ""


def plan_held_about(*, user, organisation_id: int | None = None) -> dict[str, list[dict]]:
    """What the plan keeps with this person's name, for "everything we hold"
    (coplan.people): their comments, the answers they changed and the ways forward they
    recorded. Only in the organisation's projects when `organisation_id` is given."""
    scope = {"project_guide__project__organisation_id": organisation_id} if organisation_id else {}
    related = ("project_guide__project", "project_guide__guide_version")
    comments = GuideComment.objects.filter(author=user, **scope).select_related(*related)
    changes = (
        GuideAnswerChange.objects.filter(changed_by=user, **scope)
        .select_related(*related)
        .order_by("changed_at", "pk")
    )
    choices = (
        WayForwardChoice.objects.filter(recorded_by=user, **scope)
        .select_related(*related)
        .order_by("recorded_at", "pk")
    )
    return {
        "comments_on_the_plan": [
            {
                "when": comment.created_at.isoformat(timespec="seconds"),
                "project": comment.project_guide.project.name,
                "what": "Comment on "
                f"‘{_question_text(comment.project_guide, comment.question_id)}’",
                "words": comment.text,
            }
            for comment in comments
        ],
        "plan_answers_changed": [
            {
                "when": change.changed_at.isoformat(timespec="seconds"),
                "project": change.project_guide.project.name,
                "what": "Changed the answer to "
                f"‘{_question_text(change.project_guide, change.question_id)}’",
                "words": "",
            }
            for change in changes
        ],
        "ways_forward_recorded": [
            {
                "when": choice.recorded_at.isoformat(timespec="seconds"),
                "project": choice.project_guide.project.name,
                "what": "Recorded the way forward chosen when the plan said stop",
                "words": _way_forward_text(choice),
            }
            for choice in choices
        ],
    }


# What waits for the manager --------------------------------------------------------


@dataclass(frozen=True)
class WaitingDecision:
    """A stop in a project's plan with ways forward, none chosen and agreed yet: what the
    manager (who agrees the way forward, `rules.CHOOSE_WAY_FORWARD`) is told of
    (`telling.STOP_WAITING`) and finds on their home."""

    project: Project
    guide_key: str
    rule_id: str
    message: str
    # A way forward is chosen and waits to be agreed.
    to_agree: bool


def decisions_waiting(
    *, projects: list[Project], workbooks: dict[int, list[ProjectWorkbook]]
) -> list[WaitingDecision]:
    """The stops waiting for a way forward in these projects, in the projects' order."""
    return [
        WaitingDecision(
            project,
            workbook.key,
            outcome.rule_id,
            outcome.message,
            outcome.status is engine.OutcomeStatus.WAITING_FOR_AGREEMENT,
        )
        for project in projects
        for workbook in workbooks.get(project.pk, [])
        for outcome in workbook.workbook.open_stops
        if outcome.ways_forward
    ]


# Ready with warnings is ready: the warnings are for the lead to look at.
NOT_READY = frozenset({engine.ReadinessStatus.STOPPED, engine.ReadinessStatus.NOT_FINISHED})


def readiness_words(workbooks: list[ProjectWorkbook]) -> list[str]:
    """Why a project is not ready, in short: each guide that is not ready, with its
    summary ("At the start: stop: sort out 1 problem before you carry on")."""
    return [
        f"{workbook.guide.title}: {workbook.workbook.readiness.summary}"
        for workbook in workbooks
        if workbook.workbook.readiness.status in NOT_READY
    ]


def plan_download(*, project: Project, download_id: int) -> PlanDownload | None:
    """A file of the whole plan asked for in this project and still kept, without its
    content (one query)."""
    kept_since = timezone.now() - datetime.timedelta(hours=settings.PLAN_DOWNLOAD_KEPT_HOURS)
    return (
        PlanDownload.objects.filter(project=project, pk=download_id, asked_at__gte=kept_since)
        .defer("content")
        .first()
    )


def plan_download_content(*, download: PlanDownload) -> bytes:
    found = PlanDownload.objects.filter(pk=download.pk).values_list("content", flat=True).first()
    return bytes(found or b"")
