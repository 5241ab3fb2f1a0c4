from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from coplan.organisations.models import Organisation


def organisations_for_staff(*, user: AbstractBaseUser) -> QuerySet[Organisation]:
    """The organisations this person works for, so can start projects in."""
    return Organisation.objects.filter(staff_memberships__user=user).order_by("name")
