"""What the organisations app adds to what every app shares (see `coplan.core.registry`)."""

from django.contrib.auth.base_user import AbstractBaseUser

from coplan.accounts.registries import TWO_STEP_REASONS
from coplan.organisations.models import StaffMembership


def admins_and_asked_staff(user: AbstractBaseUser) -> str:
    """Organisation admins use two-step sign-in, and the staff of an organisation whose
    admin asks all its staff to."""
    for member in StaffMembership.objects.filter(user=user).select_related("organisation"):
        if member.is_admin:
            return f"You are an admin of {member.organisation.name}"
        if member.organisation.staff_two_step:
            return f"{member.organisation.name} asks all its staff to use it"
    return ""


def register() -> None:
    TWO_STEP_REASONS.register("organisation staff", admins_and_asked_staff, order=10)
