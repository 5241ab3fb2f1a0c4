"""What the plan tells people, and when (coplan.notifications)."""

from django.urls import reverse

from coplan.guides import engine
from coplan.guides.models import ProjectGuide
from coplan.guides.selectors import guide_for_version, project_workbook
from coplan.notifications.kinds import Kind
from coplan.notifications.services import tell
from coplan.projects.models import Membership
from coplan.projects.roles import Role

STOP_WAITING = Kind(
    code="guides.stop_waiting",
    label="The plan says stop and needs you to choose a way forward",
    subject="The plan says stop: {project}",
    body=(
        "The plan for {project} says stop: {message} The lead chooses a way forward, and a "
        "manager of the project agrees it."
    ),
)
WAY_FORWARD_TO_AGREE = Kind(
    code="guides.way_forward_to_agree",
    label="A way forward for the plan waits for you to agree it",
    subject="Please agree a way forward: {project}",
    body=(
        "The plan for {project} says stop: {message} {lead} has chosen a way forward: "
        "{way}. Please agree it, or say no and why."
    ),
)
WAY_FORWARD_ANSWERED = Kind(
    code="guides.way_forward_answered",
    label="A manager agrees the way forward you chose, or says no",
    subject="{outcome} the way forward: {project}",
    body="{manager} {outcome_words} the way forward you chose for {project}: {way}.{reason}",
)
KINDS = (STOP_WAITING, WAY_FORWARD_TO_AGREE, WAY_FORWARD_ANSWERED)


def managers_of(project) -> list:
    """The project's managers: who agrees a way forward."""
    return [
        membership.user
        for membership in Membership.objects.filter(
            project=project, role=Role.MANAGER
        ).select_related("user")
    ]


def way_forward_to_agree(
    *, project_guide: ProjectGuide, rule: engine.Rule, way: engine.WayForward, choice, lead
) -> None:
    """Tell the project's managers that a way forward waits for them to agree it: once
    for each choice the lead makes."""
    project = project_guide.project
    tell(
        kind=WAY_FORWARD_TO_AGREE.code,
        event=f"plan-way-forward-{choice.pk}-{choice.recorded_at.timestamp()}",
        project=project,
        users=managers_of(project),
        not_to=lead,
        link=reverse(
            "guides:way_forward_agree",
            kwargs={
                "project_id": project.pk,
                "guide_key": project_guide.guide_key,
                "rule_id": rule.id,
            },
        ),
        words={
            "project": project.name,
            "message": rule.message,
            "way": way.text,
            "lead": lead.full_name,
        },
    )


def stops_waiting(project_guide: ProjectGuide) -> None:
    """Tell the project's managers (or its leads, if it has no manager) about each stop
    with ways forward that nobody has chosen one for yet. Once for each stop."""
    project = project_guide.project
    workbook = project_workbook(project=project, guide_key=project_guide.guide_key)
    waiting = [
        outcome
        for outcome in workbook.workbook.outcomes
        if outcome.level == engine.Level.STOP
        and outcome.ways_forward
        and outcome.status == engine.OutcomeStatus.OPEN
    ]
    if not waiting:
        return
    managers = list(
        Membership.objects.filter(project=project, role=Role.MANAGER).select_related("user")
    )
    deciders = managers or list(
        Membership.objects.filter(project=project, role=Role.LEAD).select_related("user")
    )
    # Managers agree the way forward (their page); with none, the lead is told to choose.
    page = "guides:way_forward_agree" if managers else "guides:way_forward"
    for outcome in waiting:
        tell(
            kind=STOP_WAITING.code,
            event=f"plan-stop-{project_guide.pk}-{outcome.rule_id}",
            project=project,
            users=[membership.user for membership in deciders],
            link=reverse(
                page,
                kwargs={
                    "project_id": project.pk,
                    "guide_key": project_guide.guide_key,
                    "rule_id": outcome.rule_id,
                },
            ),
            words={"project": project.name, "message": outcome.message},
        )


def way_forward_answered(
    *, project_guide: ProjectGuide, choice, manager, agree: bool, reason: str = ""
) -> None:
    """Tell the lead who chose the way forward that a manager agreed it, or said no and
    why: once for each answer."""
    if choice.recorded_by is None:
        return
    project = project_guide.project
    rule = guide_for_version(project_guide.guide_version).rule(choice.rule_id)
    way = rule.way_forward(choice.way_forward_id) if rule else None
    answered_at = choice.agreed_at if agree else choice.refused_at
    tell(
        kind=WAY_FORWARD_ANSWERED.code,
        event=f"plan-way-forward-{choice.pk}-answered-{answered_at.timestamp()}",
        project=project,
        users=[choice.recorded_by],
        not_to=manager,
        link=reverse("guides:plan", kwargs={"project_id": project.pk}),
        words={
            "project": project.name,
            "manager": manager.full_name,
            "outcome": "Agreed" if agree else "Not agreed",
            "outcome_words": "agreed" if agree else "did not agree",
            "way": way.text if way else "",
            "reason": f" Why: {reason}" if reason else "",
        },
    )
