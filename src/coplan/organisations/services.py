from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from coplan.accounts import two_step
from coplan.accounts.models import User, normalise_email
from coplan.core.errors import RuleError
from coplan.core.only_one import again_after_clash
from coplan.organisations.models import Organisation, StaffMembership


class OrganisationRuleError(RuleError):
    """Something the rules do not allow, in plain words."""


@dataclass(frozen=True)
class AddedStaff:
    staff_membership: StaffMembership
    new_account: bool


def organisation_add_staff(
    *, organisation: Organisation, user: AbstractBaseUser, is_admin: bool = False
) -> StaffMembership:
    staff_membership, _ = StaffMembership.objects.update_or_create(
        organisation=organisation, user=user, defaults={"is_admin": is_admin}
    )
    return staff_membership


def _send_welcome(*, user: User, organisation: Organisation, added_by: AbstractBaseUser) -> None:
    link = settings.SITE_URL + reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "organisation": organisation, "added_by": added_by, "link": link}
    send_mail(
        subject=f"You have been added to {organisation.name} on the Co-production Planner",
        message=render_to_string("organisations/email/staff_welcome.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


@transaction.atomic
def staff_member_add(
    *,
    organisation: Organisation,
    added_by: AbstractBaseUser,
    email: str,
    full_name: str,
    is_admin: bool,
) -> AddedStaff:
    """Add someone to the organisation's staff, creating their account if they have none.

    A new account has no password yet: the email links to the page where they choose one.
    Added twice at the same moment, the second is told they are already on the staff.
    """
    email = normalise_email(email)

    def add() -> AddedStaff:
        user = User.objects.filter(email=email).first()
        if user and StaffMembership.objects.filter(organisation=organisation, user=user).exists():
            raise OrganisationRuleError(
                f"{email} is already on the staff of {organisation.name}.", field="email"
            )
        new_account = user is None
        if new_account:
            user = User.objects.create_user(email=email, password=None, full_name=full_name)
        staff_membership = StaffMembership.objects.create(
            organisation=organisation, user=user, is_admin=is_admin
        )
        return AddedStaff(staff_membership=staff_membership, new_account=new_account)

    added = again_after_clash(add)  # one account an email, one_staff_membership
    if added.new_account:
        user = added.staff_membership.user
        transaction.on_commit(
            lambda: _send_welcome(user=user, organisation=organisation, added_by=added_by)
        )
    return added


def _lock_admins(organisation: Organisation) -> list[StaffMembership]:
    return list(
        StaffMembership.objects.select_for_update()
        .filter(organisation=organisation, is_admin=True)
        .order_by("pk")
    )


@transaction.atomic
def staff_member_set_admin(*, staff_membership: StaffMembership, is_admin: bool) -> None:
    admins = _lock_admins(staff_membership.organisation)
    staff_membership.refresh_from_db()
    if staff_membership.is_admin and not is_admin and len(admins) <= 1:
        raise OrganisationRuleError(
            "An organisation must always have an admin. Make someone else an admin first."
        )
    staff_membership.is_admin = is_admin
    staff_membership.save(update_fields=["is_admin"])


@transaction.atomic
def staff_member_remove(*, staff_membership: StaffMembership) -> None:
    admins = _lock_admins(staff_membership.organisation)
    staff_membership.refresh_from_db()
    if staff_membership.is_admin and len(admins) <= 1:
        raise OrganisationRuleError(
            "You cannot remove the only admin. Make someone else an admin first."
        )
    staff_membership.delete()


def organisation_staff_two_step_set(*, organisation: Organisation, asked: bool) -> None:
    organisation.staff_two_step = asked
    organisation.save(update_fields=["staff_two_step"])


def staff_member_two_step_reset(*, staff_membership: StaffMembership) -> None:
    """Turn off someone's two-step sign-in (lost phone and codes); if they need it, they
    set it up again at their next sign-in."""
    two_step.turn_off(staff_membership.user)
