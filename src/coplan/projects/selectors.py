import hashlib

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Expression, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from coplan.projects.models import Invitation, Membership, Project
from coplan.projects.roles import Role


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def memberships_for_user(*, user: AbstractBaseUser) -> QuerySet[Membership]:
    """Every project this person is in, with their role: one query."""
    return (
        Membership.objects.filter(user=user)
        .select_related("project", "project__organisation")
        .order_by("project__name", "project_id")
    )


def project_membership(*, user: AbstractBaseUser, project_id: int) -> Membership | None:
    """The one way to reach a project: through the signed-in person's membership."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, project_id=project_id)
        .select_related("project", "project__organisation", "user")
        .first()
    )


def project_people(*, project: Project) -> list[Membership]:
    role_order = {role.value: position for position, role in enumerate(Role)}
    memberships = Membership.objects.filter(project=project).select_related("user")
    return sorted(
        memberships,
        key=lambda membership: (role_order[membership.role], membership.user.full_name.lower()),
    )


def project_member(*, project: Project, membership_id: int) -> Membership | None:
    return (
        Membership.objects.filter(project=project, pk=membership_id).select_related("user").first()
    )


def role_count_expressions(today=None) -> dict[str, Expression]:
    """How many members have each role, as expressions on the project's row."""

    def members_with(role: str) -> Coalesce:
        counted = (
            Membership.objects.filter(project=OuterRef("pk"), role=role)
            .order_by()
            .values("project")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(counted, output_field=IntegerField()), 0)

    return {role.value: members_with(role.value) for role in Role}


def open_invitations(*, project: Project) -> QuerySet[Invitation]:
    return Invitation.objects.filter(
        project=project,
        accepted_at__isnull=True,
        cancelled_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).order_by("email")


def project_invitation(*, project: Project, invitation_id: int) -> Invitation | None:
    return Invitation.objects.filter(project=project, pk=invitation_id).first()


def invitation_for_token(*, token: str) -> Invitation | None:
    return (
        Invitation.objects.filter(token_hash=token_hash(token))
        .select_related("project", "invited_by")
        .first()
    )
