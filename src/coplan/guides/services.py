"""Writes for a project's plan."""

import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from coplan.core import documents
from coplan.core.errors import RuleError
from coplan.core.only_one import again_after_clash, clash_raises
from coplan.guides import engine, telling, whole_plan
from coplan.guides.models import (
    PLAN_DOWNLOAD_UNDER_WAY,
    GuideAnswer,
    GuideAnswerChange,
    GuideComment,
    GuideVersion,
    PlanDownload,
    PlanDownloadStatus,
    ProjectGuide,
    WayForwardChoice,
)
from coplan.guides.selectors import latest_guide_versions
from coplan.organisations.models import Organisation
from coplan.projects.models import Membership, Project


class GuideUploadError(Exception):
    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def default_guide_versions_sync() -> None:
    """Store each default guide file shipped with coplan, once per version."""
    for file_name in engine.DEFAULT_GUIDE_FILES:
        path = engine.DEFAULT_GUIDES_FOLDER / file_name
        source = path.read_text(encoding="utf-8")
        guide = engine.guide_read(source, file=file_name)
        if GuideVersion.objects.filter(
            organisation__isnull=True, guide_key=guide.id, version=guide.version
        ).exists():
            continue
        try:
            with transaction.atomic():
                GuideVersion.objects.create(
                    guide_key=guide.id,
                    version=guide.version,
                    title=guide.title,
                    source=source,
                    file_name=file_name,
                )
        except IntegrityError:
            continue  # stored at the same moment by another request


def project_lacks_guides(*, have: set[str]) -> bool:
    """Whether a project with the guides `have` (their keys) is to be given more."""
    return not have or len(have) < len(engine.DEFAULT_GUIDE_FILES)


def project_guides_ensure(*, project: Project) -> None:
    """Give a project every guide it does not have yet, at the newest version.

    A project keeps the version it started with; new guides join at their newest.
    """
    have = set(ProjectGuide.objects.filter(project=project).values_list("guide_key", flat=True))
    if not project_lacks_guides(have=have):
        return
    default_guide_versions_sync()
    newest = latest_guide_versions(organisation=project.organisation)
    order = [name.removesuffix(".toml") for name in engine.DEFAULT_GUIDE_FILES]
    for key, version in newest.items():
        if key in have:
            continue
        position = order.index(key) if key in order else len(order)
        ProjectGuide.objects.get_or_create(
            project=project,
            guide_key=key,
            defaults={"guide_version": version, "position": position},
        )


def _stored(value: object) -> object:
    """Answers as JSON keeps them: dates as ISO text, lists as lists."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


@transaction.atomic
def section_answers_save(
    *,
    project_guide: ProjectGuide,
    answers: dict[str, tuple[object, str, str]],
    user: AbstractBaseUser,
) -> int:
    """Save one section's answers: question id -> (value, state, note).

    A state of "" removes the answer. Each real change is kept in the history.
    Returns how many answers changed.
    """
    existing = {
        answer.question_id: answer
        for answer in GuideAnswer.objects.select_for_update().filter(
            project_guide=project_guide, question_id__in=list(answers)
        )
    }
    changes = []
    now = timezone.now()
    for question_id, (value, state, note) in answers.items():
        value = _stored(value)
        before = existing.get(question_id)
        old = (before.value, before.state, before.note) if before else (None, "", "")
        if old == (value, state, note):
            continue
        changes.append(
            GuideAnswerChange(
                project_guide=project_guide,
                question_id=question_id,
                changed_by=user,
                changed_at=now,
                old_value=old[0],
                old_state=old[1],
                old_note=old[2],
                new_value=value,
                new_state=state,
                new_note=note,
            )
        )
        if not state:
            before.delete()
            continue
        GuideAnswer.objects.update_or_create(
            project_guide=project_guide,
            question_id=question_id,
            defaults={
                "value": value,
                "state": state,
                "note": note,
                "updated_by": user,
                "updated_at": now,
            },
        )
    GuideAnswerChange.objects.bulk_create(changes)
    telling.stops_waiting(project_guide)
    return len(changes)


def comment_add(
    *, project_guide: ProjectGuide, question_id: str, author: AbstractBaseUser, text: str
) -> GuideComment:
    return GuideComment.objects.create(
        project_guide=project_guide, question_id=question_id, author=author, text=text
    )


@transaction.atomic
def way_forward_record(
    *,
    project_guide: ProjectGuide,
    guide: engine.Guide,
    rule_id: str,
    way_forward_id: str,
    user: AbstractBaseUser,
    agreed_by: str = "",
    agreed_on: datetime.date | None = None,
) -> WayForwardChoice:
    """Record the way forward the lead chose for a stop. One that needs agreement waits
    for a manager of the project, who is told (`telling.WAY_FORWARD_TO_AGREE`).

    `agreed_by` and `agreed_on` record an agreement made outside coplan (how plans were
    kept before managers agreed here); a way forward given with them needs no manager.
    Choosing the same way forward again while it waits changes nothing and tells nobody.
    Raises engine.ResolutionError.
    """
    rule = guide.rule(rule_id)
    way = rule.way_forward(way_forward_id) if rule else None
    if way is None:
        raise engine.ResolutionError("Choose one of the ways forward.")
    if agreed_by:
        engine.way_forward_choose(
            guide=guide,
            rule_id=rule_id,
            way_forward_id=way_forward_id,
            agreed_by=agreed_by,
            agreed_on=agreed_on,
        )
    before = (
        WayForwardChoice.objects.select_for_update()
        .filter(project_guide=project_guide, rule_id=rule_id)
        .first()
    )
    waiting = (
        before is not None
        and before.way_forward_id == way_forward_id
        and not before.agreed_by
        and not before.is_refused
        and not agreed_by
    )
    if waiting:
        return before
    # one_choice_per_rule: two choices at once keep one; the second is told as a change.
    choice, _ = WayForwardChoice.objects.update_or_create(
        project_guide=project_guide,
        rule_id=rule_id,
        defaults={
            "way_forward_id": way_forward_id,
            "agreed_by": agreed_by.strip(),
            "agreed_on": agreed_on if agreed_by else None,
            "agreed_by_user": None,
            "agreed_at": None,
            "refused_by": None,
            "refused_at": None,
            "refused_reason": "",
            "recorded_by": user,
            "recorded_at": timezone.now(),
        },
    )
    if way.needs_agreement and not agreed_by:
        telling.way_forward_to_agree(
            project_guide=project_guide, rule=rule, way=way, choice=choice, lead=user
        )
    return choice


def way_forward_answer(
    *,
    project_guide: ProjectGuide,
    rule_id: str,
    way_forward_id: str,
    manager: AbstractBaseUser,
    agree: bool,
    reason: str = "",
) -> None:
    """A manager of the project agrees the way forward the lead chose, or says no with a
    reason. Only the way forward they read (`way_forward_id`), and only while it waits:
    two managers answering at once record one answer; the other is told who answered.
    Raises RuleError."""
    if not agree and not reason.strip():
        raise RuleError("Say why you do not agree, so the lead knows what to do", "reason")
    now = timezone.now()
    waiting = WayForwardChoice.objects.filter(
        project_guide=project_guide,
        rule_id=rule_id,
        way_forward_id=way_forward_id,
        agreed_by="",
        agreed_at__isnull=True,
        refused_at__isnull=True,
    )
    if agree:
        changed = waiting.update(
            agreed_by=manager.full_name,
            agreed_on=timezone.localdate(now),
            agreed_by_user=manager,
            agreed_at=now,
        )
    else:
        changed = waiting.update(refused_by=manager, refused_at=now, refused_reason=reason.strip())
    if not changed:
        raise RuleError(_answered_already(project_guide, rule_id))
    telling.way_forward_answered(
        project_guide=project_guide,
        choice=WayForwardChoice.objects.select_related("recorded_by").get(
            project_guide=project_guide, rule_id=rule_id
        ),
        manager=manager,
        agree=agree,
        reason=reason.strip(),
    )


def _answered_already(project_guide: ProjectGuide, rule_id: str) -> str:
    choice = (
        WayForwardChoice.objects.filter(project_guide=project_guide, rule_id=rule_id)
        .select_related("refused_by")
        .first()
    )
    if choice is None:
        return "The lead has not chosen a way forward yet."
    if choice.agreed_by:
        return f"This way forward was already agreed by {choice.agreed_by}."
    if choice.is_refused:
        who = choice.refused_by.full_name if choice.refused_by else "a manager"
        return f"{who} has already said no to this way forward."
    return "The lead has chosen a different way forward since: read it again."


def organisation_guide_upload(
    *, organisation: Organisation, file_name: str, source: str, user: AbstractBaseUser
) -> GuideVersion:
    """Check a guide file and keep it for the organisation's new projects.

    Raises GuideUploadError with every problem, in plain words, naming the place.
    """
    try:
        guide = engine.guide_read(source, file=file_name)
    except engine.GuideFileError as error:
        raise GuideUploadError([str(problem) for problem in error.problems]) from error
    newest = (
        GuideVersion.objects.filter(organisation=organisation, guide_key=guide.id)
        .order_by("-version")
        .first()
    )
    if newest and guide.version <= newest.version:
        raise _version_taken(file_name, guide.id, newest.version)
    # one_guide_version: the same version uploaded at the same moment is told the same.
    with clash_raises(_version_taken(file_name, guide.id, guide.version)):
        return GuideVersion.objects.create(
            organisation=organisation,
            guide_key=guide.id,
            version=guide.version,
            title=guide.title,
            source=source,
            file_name=file_name,
            uploaded_by=user,
        )


def _version_taken(file_name: str, guide_key: str, newest: int) -> GuideUploadError:
    return GuideUploadError(
        [
            f"{file_name}: your organisation already has version {newest} of "
            f'"{guide_key}". Raise the version in the [guide] table to at least '
            f"{newest + 1}."
        ]
    )


@transaction.atomic
def project_guide_upgrade(
    *,
    project_guide: ProjectGuide,
    migration: engine.AnswerMigration,
    new_version: GuideVersion,
    user: AbstractBaseUser,
) -> None:
    """Move a project to a newer version of a guide, keeping answers whose questions kept
    their ids (as `answers_migrate` worked out); every dropped or changed answer goes in
    the history."""
    kept = migration.answers
    answers: dict[str, tuple[object, str, str]] = {
        note.question_id: (None, "", "") for note in migration.dropped
    }
    for note in migration.changed:
        answer = kept[note.question_id]
        answers[note.question_id] = (answer.value, str(answer.state), answer.note)
    section_answers_save(project_guide=project_guide, answers=answers, user=user)
    kept_rules = {resolution.rule_id for resolution in migration.resolutions}
    WayForwardChoice.objects.filter(project_guide=project_guide).exclude(
        rule_id__in=kept_rules
    ).delete()
    project_guide.guide_version = new_version
    project_guide.save(update_fields=["guide_version"])


# The whole plan made in the background -------------------------------------------------


def plan_download_start(
    *, membership: Membership, version: str, file_format: str, parts: list[str]
) -> PlanDownload:
    """Ask the background worker to make the whole plan (in `version`, the chosen
    `parts`) as a PDF or Word file for this member; or give the file of the same plan,
    version and format already under way (one at a time, held by the database)."""
    plan_downloads_remove_old()
    project = membership.project

    def start() -> PlanDownload:
        under_way = PlanDownload.objects.filter(
            project=project,
            version=version,
            file_format=file_format,
            status__in=PLAN_DOWNLOAD_UNDER_WAY,
        ).first()
        if under_way is not None:
            return under_way
        started = PlanDownload.objects.create(
            project=project,
            version=version,
            file_format=file_format,
            parts=list(parts),
            parts_total=len(parts) + 1,  # each part, then the file
            asked_by=membership,
            file_name=whole_plan.VERSIONS[version].file(membership, file_format),
        )
        transaction.on_commit(lambda: _plan_download_queue(started.pk))
        return started

    return again_after_clash(start)


def _plan_download_queue(download_id: int) -> None:
    from coplan.guides.tasks import plan_download_make_task

    plan_download_make_task.enqueue(download_id)


def plan_download_make(*, download_id: int) -> PlanDownload | None:
    """Make a file asked for (run by the background worker): each part of the plan in
    turn, saying how far it has got, then the file. None if it is not waiting (made
    already, being made by another worker, or removed)."""
    with transaction.atomic():
        download = (
            PlanDownload.objects.select_for_update(of=("self",))
            .select_related("asked_by__project", "asked_by__user")
            .filter(pk=download_id, status=PlanDownloadStatus.WAITING)
            .first()
        )
        if download is None:
            return None
        download.status = PlanDownloadStatus.MAKING
        download.save(update_fields=["status"])
    found = PlanDownload.objects.filter(pk=download_id)

    def done(number: int, of: int) -> None:
        found.update(parts_done=number, parts_total=of + 1)

    try:
        if download.asked_by is None:
            raise RuleError("The person who asked for it has left the project.")
        html = whole_plan.plan_html(
            membership=download.asked_by,
            version=download.version,
            chosen=download.parts,
            done=done,
        )
        make = (
            documents.pdf_from_html if download.file_format == "pdf" else documents.docx_from_html
        )
        content = make(html)
    except Exception:
        # Whatever went wrong, the page waiting for it stops waiting and says so.
        found.update(status=PlanDownloadStatus.FAILED, finished_at=timezone.now())
        raise
    found.update(
        status=PlanDownloadStatus.READY,
        content=content,
        parts_done=F("parts_total"),
        finished_at=timezone.now(),
    )
    download.refresh_from_db()
    return download


def plan_downloads_remove_old(*, now: datetime.datetime | None = None) -> int:
    """Remove the files of the whole plan made longer ago than they are kept."""
    before = (now or timezone.now()) - datetime.timedelta(hours=settings.PLAN_DOWNLOAD_KEPT_HOURS)
    removed, _ = PlanDownload.objects.filter(asked_at__lt=before).delete()
    return removed
