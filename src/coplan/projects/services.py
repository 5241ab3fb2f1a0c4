import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coplan.accounts.models import normalise_email
from coplan.accounts.services import user_create
from coplan.core.errors import RuleError
from coplan.core.only_one import again_after_clash
from coplan.organisations.models import Organisation
from coplan.projects.models import Invitation, Membership, Project
from coplan.projects.roles import Role
from coplan.projects.selectors import token_hash


class ProjectRuleError(RuleError):
    """Something the project's rules do not allow, said in plain words."""


@dataclass(frozen=True)
class SentInvitation:
    invitation: Invitation
    link: str
    resent: bool


@transaction.atomic
def project_create(
    *,
    organisation: Organisation,
    lead: AbstractBaseUser,
    name: str,
    description: str,
    reason: str,
    start_date: datetime.date,
    end_date: datetime.date,
) -> Project:
    project = Project.objects.create(
        organisation=organisation,
        name=name,
        description=description,
        reason=reason,
        start_date=start_date,
        end_date=end_date,
        created_by=lead,
    )
    Membership.objects.create(project=project, user=lead, role=Role.LEAD)
    return project


def project_update(
    *,
    project: Project,
    name: str,
    description: str,
    reason: str,
    start_date: datetime.date,
    end_date: datetime.date,
) -> Project:
    project.name = name
    project.description = description
    project.reason = reason
    project.start_date = start_date
    project.end_date = end_date
    project.save(update_fields=["name", "description", "reason", "start_date", "end_date"])
    return project


def _invitation_link(token: str) -> str:
    return settings.SITE_URL + reverse("projects:invitation", kwargs={"token": token})


def _send_invitation_email(*, invitation: Invitation, link: str) -> None:
    context = {"invitation": invitation, "project": invitation.project, "link": link}
    send_mail(
        subject=f"You are invited to join {invitation.project.name}",
        message=render_to_string("projects/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invitation_send(
    *,
    project: Project,
    invited_by: AbstractBaseUser,
    email: str,
    role: str,
    full_name: str = "",
    message: str = "",
) -> SentInvitation:
    """Invite someone by email. Inviting the same address again, even at the same
    moment, sends a fresh link in the one open invitation."""
    email = normalise_email(email)
    if Membership.objects.filter(project=project, user__email=email).exists():
        raise ProjectRuleError(
            "This person is already a member of the project. You can change their role "
            "on the people page.",
            field="email",
        )
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    expires_at = now + datetime.timedelta(days=settings.INVITATION_VALID_DAYS)

    def send() -> tuple[Invitation, bool]:
        invitation = (
            Invitation.objects.select_for_update()
            .filter(
                project=project, email=email, accepted_at__isnull=True, cancelled_at__isnull=True
            )
            .first()
        )
        resent = invitation is not None
        if invitation is None:
            invitation = Invitation(project=project, email=email)
        invitation.full_name = full_name
        invitation.message = message
        invitation.role = role
        invitation.token_hash = token_hash(token)
        invitation.invited_by = invited_by
        invitation.sent_at = now
        invitation.expires_at = expires_at
        invitation.save()
        return invitation, resent

    invitation, resent = again_after_clash(send)  # one_open_invitation_per_email
    link = _invitation_link(token)
    transaction.on_commit(lambda: _send_invitation_email(invitation=invitation, link=link))
    return SentInvitation(invitation=invitation, link=link, resent=resent)


def invitation_cancel(*, invitation: Invitation) -> None:
    if invitation.accepted_at is None and invitation.cancelled_at is None:
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """Join the project the invitation is for. Safe to repeat."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if normalise_email(user.email) != invitation.email:
        raise ProjectRuleError(
            f"This invitation is for {invitation.email}. Sign out, then sign in as that person."
        )
    if not invitation.is_open():
        raise ProjectRuleError("This invitation has already been used, cancelled or has expired.")
    membership, _ = Membership.objects.get_or_create(
        project=invitation.project, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


@transaction.atomic
def invitation_accept_as_new_person(
    *, invitation: Invitation, full_name: str, password: str
) -> Membership:
    try:
        with transaction.atomic():
            user = user_create(email=invitation.email, full_name=full_name, password=password)
    except IntegrityError as error:
        raise ProjectRuleError(
            "There is already an account for this email address. Sign in to accept."
        ) from error
    return invitation_accept(invitation=invitation, user=user)


def _lock_leads(project: Project) -> list[Membership]:
    return list(
        Membership.objects.select_for_update()
        .filter(project=project, role=Role.LEAD)
        .order_by("pk")
    )


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> Membership:
    leads = _lock_leads(membership.project)
    membership.refresh_from_db()
    if membership.role == Role.LEAD and role != Role.LEAD and len(leads) <= 1:
        raise ProjectRuleError(
            "A project must always have a project lead. Make someone else a lead first.",
            field="role",
        )
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    leads = _lock_leads(membership.project)
    membership.refresh_from_db()
    if membership.role == Role.LEAD and len(leads) <= 1:
        raise ProjectRuleError(
            "You cannot remove the only project lead. Make someone else a lead first."
        )
    membership.delete()
