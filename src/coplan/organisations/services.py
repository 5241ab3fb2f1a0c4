from django.contrib.auth.base_user import AbstractBaseUser

from coplan.organisations.models import Organisation, StaffMembership


def organisation_add_staff(
    *, organisation: Organisation, user: AbstractBaseUser, is_admin: bool = False
) -> StaffMembership:
    staff_membership, _ = StaffMembership.objects.update_or_create(
        organisation=organisation, user=user, defaults={"is_admin": is_admin}
    )
    return staff_membership
