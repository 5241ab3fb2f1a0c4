"""Writes for sign-offs, the timeline, the budget and barriers.

Views pass objects they found through the member's project; the services check
the rules that cross rows (a signer or owner must be in the same project, who
may mark what signed) and raise PlanningRuleError in plain words.
"""

import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from coplan.core import formats
from coplan.core.errors import RuleError
from coplan.planning import rules, signing, telling
from coplan.planning.models import (
    Barrier,
    Budget,
    BudgetLine,
    Milestone,
    SignOff,
    SignOffDecision,
    SignOffStatus,
    SignOffVersion,
)
from coplan.projects.models import Membership, Project
from coplan.projects.registries import plan_gaps
from coplan.projects.roles import Role


class PlanningRuleError(RuleError):
    """Something the rules do not allow, said in plain words."""


def _same_project(project_id: int, member: Membership | None, *, field: str) -> None:
    if member is not None and member.project_id != project_id:
        raise PlanningRuleError("Choose someone in this project", field=field)


# Sign-offs -----------------------------------------------------------------


def _signer(
    project_id: int, signer: Membership | None, signer_outside: str
) -> tuple[Membership | None, str]:
    _same_project(project_id, signer, field="signer")
    if signer is None and not signer_outside:
        raise PlanningRuleError(
            "Enter the name of the person outside the project who signs it off",
            field="signer_outside",
        )
    return signer, "" if signer is not None else signer_outside


def _not_signed(sign_off: SignOff) -> None:
    """What was signed off stays as it was signed, as a record."""
    if sign_off.status == SignOffStatus.SIGNED:
        raise PlanningRuleError(
            f"‘{sign_off.what}’ has been signed off, so it stays as it was signed. "
            "If something new needs signing off, add it as a new sign-off."
        )


def sign_off_create(
    *,
    project: Project,
    what: str,
    signer: Membership | None,
    signer_outside: str,
    due_on: datetime.date,
    note: str,
) -> SignOff:
    signer, signer_outside = _signer(project.pk, signer, signer_outside)
    sign_off = SignOff.objects.create(
        project=project,
        what=what,
        signer=signer,
        signer_outside=signer_outside,
        due_on=due_on,
        note=note,
    )
    telling.sign_off_waiting(sign_off)
    return sign_off


def sign_off_update(
    *,
    sign_off: SignOff,
    what: str,
    signer: Membership | None,
    signer_outside: str,
    due_on: datetime.date,
    note: str,
) -> SignOff:
    _not_signed(sign_off)
    signer, signer_outside = _signer(sign_off.project_id, signer, signer_outside)
    waiting = sign_off.versions.filter(decision="").values_list("asked_of_name", flat=True)
    asked_of = waiting.first()
    if asked_of is not None and (signer is None or signer.pk != sign_off.signer_id):
        raise PlanningRuleError(
            f"{asked_of} has been asked to sign this off. Wait for their answer before "
            "choosing someone else",
            field="signer",
        )
    sign_off.what = what
    sign_off.signer = signer
    sign_off.signer_outside = signer_outside
    sign_off.due_on = due_on
    sign_off.note = note
    sign_off.save(update_fields=["what", "signer", "signer_outside", "due_on", "note"])
    telling.sign_off_waiting(sign_off)
    return sign_off


@transaction.atomic
def sign_off_mark_signed(
    *,
    sign_off: SignOff,
    by: Membership,
    signed_on: datetime.date,
    note: str,
) -> SignOff:
    """Record that it was signed off: on which day, and who recorded it when.

    Only a sign-off given by someone outside the project is recorded this way, by
    the lead or a manager (rules.sign_off_may_mark); a project member signs off the
    version they were asked to read (`sign_off_ask`, `sign_off_decide`). Marking it
    again changes nothing.
    """
    sign_off = SignOff.objects.select_for_update().get(pk=sign_off.pk)
    if by.project_id != sign_off.project_id or not rules.sign_off_may_mark(
        role=by.role, signer_is_member=sign_off.signer_id is not None
    ):
        raise PlanningRuleError(
            "Someone in the project signs this off: ask them for sign-off, so they read "
            "what they sign"
        )
    if signed_on > timezone.localdate():
        raise PlanningRuleError(
            "The date it was signed off must be today or in the past", field="signed_on"
        )
    if sign_off.status == SignOffStatus.SIGNED:
        return sign_off
    sign_off.status = SignOffStatus.SIGNED
    sign_off.signed_on = signed_on
    sign_off.signed_by = by.user
    sign_off.signed_recorded_at = timezone.now()
    if note:
        sign_off.note = f"{sign_off.note}\n\n{note}".strip() if sign_off.note else note
    sign_off.save(update_fields=["status", "signed_on", "signed_by", "signed_recorded_at", "note"])
    return sign_off


# Asking for sign-off, and the manager's answer ---------------------------------


def _asked_already(sign_off: SignOff) -> PlanningRuleError:
    return PlanningRuleError(
        f"Sign-off of ‘{sign_off.what}’ has already been asked for, and waits for the "
        "manager's answer. You can ask again once they have answered."
    )


@transaction.atomic
def sign_off_ask(
    *,
    sign_off: SignOff,
    lead: Membership,
    manager: Membership,
    parts: list[str],
    gaps_accepted: bool = False,
) -> SignOffVersion:
    """Ask a manager of the project to sign off the plan (the `parts` named): freeze
    the next version of it, with what is missing from the plan now, and tell them.

    When the plan misses something (`projects.registries.plan_gaps`) the lead must say
    they know (`gaps_accepted`). One request waits at a time (a database constraint).
    """
    sign_off = SignOff.objects.select_for_update().get(pk=sign_off.pk)
    project = sign_off.project
    if lead.project_id != project.pk or not lead.may(rules.ASK_SIGN_OFF):
        raise PlanningRuleError("Only the project's lead can ask for sign-off")
    if manager.project_id != project.pk or manager.role != Role.MANAGER:
        raise PlanningRuleError("Select a manager of this project", field="manager")
    _not_signed(sign_off)
    offered = [name for name, _ in signing.parts_offered(lead)]
    chosen = [name for name in offered if name in parts]
    if not chosen:
        raise PlanningRuleError("Select the parts of the plan to sign off", field="parts")
    if SignOffVersion.objects.filter(sign_off=sign_off, decision="").exists():
        raise _asked_already(sign_off)
    gaps = plan_gaps(project)
    if gaps and not gaps_accepted:
        raise PlanningRuleError(
            "Say that you want it signed off although the plan is not finished",
            field="gaps_accepted",
        )
    frozen = signing.snapshot(membership=lead, parts=chosen)
    last = sign_off.versions.order_by("-number").values_list("number", flat=True).first()
    try:
        with transaction.atomic():
            version = SignOffVersion.objects.create(
                sign_off=sign_off,
                number=(last or 0) + 1,
                asked_of=manager,
                asked_of_name=manager.user.full_name,
                asked_by=lead.user,
                asked_by_name=lead.user.full_name,
                parts=frozen.parts,
                html=frozen.html,
                sections=frozen.sections,
                gaps=gaps,
            )
    except IntegrityError:
        raise _asked_already(sign_off) from None
    if sign_off.signer_id != manager.pk or sign_off.signer_outside:
        sign_off.signer = manager
        sign_off.signer_outside = ""
        sign_off.save(update_fields=["signer", "signer_outside"])
    telling.sign_off_asked(version)
    return version


def _no_longer_waiting(version: SignOffVersion) -> PlanningRuleError:
    when = formats.long_date(version.decided_at)
    if version.decision == SignOffDecision.WITHDRAWN:
        return PlanningRuleError(
            f"{version.decided_by_name} withdrew the request for version {version.number} "
            f"on {when}, so it no longer waits for an answer."
        )
    return PlanningRuleError(
        f"Version {version.number} has already been answered: "
        f"{version.get_decision_display().lower()} by {version.decided_by_name} on {when}."
    )


@transaction.atomic
def sign_off_withdraw(*, version: SignOffVersion, lead: Membership) -> SignOffVersion:
    """The lead takes back a request the manager has not answered yet (asked of the
    wrong person, or the plan is about to change): the version is kept, marked
    withdrawn with who and when, the manager is told, and the lead can ask again."""
    version = (
        SignOffVersion.objects.select_for_update().select_related("sign_off").get(pk=version.pk)
    )
    if lead.project_id != version.sign_off.project_id or not lead.may(rules.ASK_SIGN_OFF):
        raise PlanningRuleError("Only the project's lead can withdraw a request for sign-off")
    if not version.is_waiting:
        raise _no_longer_waiting(version)
    withdrawn = {
        "decision": SignOffDecision.WITHDRAWN,
        "decided_by": lead.user,
        "decided_by_name": lead.user.full_name,
        "decided_at": timezone.now(),
    }
    if not SignOffVersion.objects.filter(pk=version.pk, decision="").update(**withdrawn):
        raise PlanningRuleError(f"Version {version.number} has already been answered.")
    for name, value in withdrawn.items():
        setattr(version, name, value)
    telling.sign_off_withdrawn(version)
    return version


@transaction.atomic
def sign_off_decide(
    *, version: SignOffVersion, manager: Membership, approve: bool, reason: str = ""
) -> SignOffVersion:
    """A manager of the project signs off the version they read, or asks for changes
    and says why. Once answered, a version's answer never changes (the database keeps
    it): a second answer, even at the same moment, is told who answered first."""
    version = (
        SignOffVersion.objects.select_for_update().select_related("sign_off").get(pk=version.pk)
    )
    sign_off = version.sign_off
    if manager.project_id != sign_off.project_id or not manager.may(rules.DECIDE_SIGN_OFF):
        raise PlanningRuleError("Only a manager of the project can sign this off")
    if not version.is_waiting:
        raise _no_longer_waiting(version)
    reason = reason.strip()
    if not approve and not reason:
        raise PlanningRuleError("Enter what needs to change", field="reason")
    now = timezone.now()
    decided = {
        "decision": SignOffDecision.APPROVED if approve else SignOffDecision.CHANGES,
        "decided_by": manager.user,
        "decided_by_name": manager.user.full_name,
        "decided_at": now,
        "reason": "" if approve else reason,
    }
    if not SignOffVersion.objects.filter(pk=version.pk, decision="").update(**decided):
        raise PlanningRuleError(f"Version {version.number} has already been answered.")
    for name, value in decided.items():
        setattr(version, name, value)
    if approve:
        sign_off.status = SignOffStatus.SIGNED
        sign_off.signed_on = timezone.localdate()
        sign_off.signed_by = manager.user
        sign_off.signed_recorded_at = now
        sign_off.save(update_fields=["status", "signed_on", "signed_by", "signed_recorded_at"])
    telling.sign_off_decided(version)
    return version


def sign_off_remove(*, sign_off: SignOff) -> None:
    _not_signed(sign_off)
    sign_off.delete()


# Timeline -------------------------------------------------------------------


def _meeting_dates(
    *, due_on: datetime.date, is_meeting: bool, invitations_on: datetime.date | None
) -> datetime.date | None:
    if not is_meeting:
        return None
    if invitations_on is not None and invitations_on >= due_on:
        raise PlanningRuleError(
            "The date invitations go out must be before the date of the meeting",
            field="invitations_on",
        )
    return invitations_on


def milestone_create(
    *,
    project: Project,
    title: str,
    due_on: datetime.date,
    details: str,
    is_meeting: bool,
    invitations_on: datetime.date | None,
    is_done: bool = False,
) -> Milestone:
    invitations_on = _meeting_dates(
        due_on=due_on, is_meeting=is_meeting, invitations_on=invitations_on
    )
    return Milestone.objects.create(
        project=project,
        title=title,
        due_on=due_on,
        details=details,
        is_meeting=is_meeting,
        invitations_on=invitations_on,
        is_done=is_done,
    )


def milestone_update(
    *,
    milestone: Milestone,
    title: str,
    due_on: datetime.date,
    details: str,
    is_meeting: bool,
    invitations_on: datetime.date | None,
    is_done: bool,
) -> Milestone:
    milestone.invitations_on = _meeting_dates(
        due_on=due_on, is_meeting=is_meeting, invitations_on=invitations_on
    )
    milestone.title = title
    milestone.due_on = due_on
    milestone.details = details
    milestone.is_meeting = is_meeting
    milestone.is_done = is_done
    milestone.save(
        update_fields=["title", "due_on", "details", "is_meeting", "invitations_on", "is_done"]
    )
    return milestone


def milestone_remove(*, milestone: Milestone) -> None:
    milestone.delete()


# Budget ---------------------------------------------------------------------


def budget_update(
    *, project: Project, held_pence: int | None, money_source: str, user: AbstractBaseUser
) -> Budget:
    found, _ = Budget.objects.update_or_create(
        project=project,
        defaults={
            "held_pence": held_pence,
            "money_source": money_source,
            "updated_by": user,
            "updated_at": timezone.now(),
        },
    )
    return found


def budget_line_create(
    *, project: Project, category: str, description: str, planned_pence: int
) -> BudgetLine:
    return BudgetLine.objects.create(
        project=project, category=category, description=description, planned_pence=planned_pence
    )


def budget_line_update(
    *, budget_line: BudgetLine, category: str, description: str, planned_pence: int
) -> BudgetLine:
    budget_line.category = category
    budget_line.description = description
    budget_line.planned_pence = planned_pence
    budget_line.save(update_fields=["category", "description", "planned_pence"])
    return budget_line


def budget_line_remove(*, budget_line: BudgetLine) -> None:
    budget_line.delete()


# Barriers -------------------------------------------------------------------


def barrier_create(
    *, project: Project, what: str, how_lifted: str, owner: Membership, status: str
) -> Barrier:
    _same_project(project.pk, owner, field="owner")
    return Barrier.objects.create(
        project=project, what=what, how_lifted=how_lifted, owner=owner, status=status
    )


def barrier_update(
    *, barrier: Barrier, what: str, how_lifted: str, owner: Membership, status: str
) -> Barrier:
    _same_project(barrier.project_id, owner, field="owner")
    barrier.what = what
    barrier.how_lifted = how_lifted
    barrier.owner = owner
    barrier.status = status
    barrier.save(update_fields=["what", "how_lifted", "owner", "status"])
    return barrier


def barrier_remove(*, barrier: Barrier) -> None:
    barrier.delete()
