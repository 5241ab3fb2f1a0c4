"""Who may do what with API tokens: a person with their own; an organisation admin
with the tokens of the organisation's staff."""

from django.contrib.auth.base_user import AbstractBaseUser

from coplan.api.models import AccessToken
from coplan.organisations.models import StaffMembership


def may_revoke_own(user: AbstractBaseUser, token: AccessToken) -> bool:
    return token.user_id == user.pk


def may_revoke_as_admin(staff_membership: StaffMembership, token: AccessToken) -> bool:
    """An admin revokes tokens of people on their organisation's staff."""
    return (
        staff_membership.is_admin
        and StaffMembership.objects.filter(
            organisation_id=staff_membership.organisation_id, user_id=token.user_id
        ).exists()
    )
