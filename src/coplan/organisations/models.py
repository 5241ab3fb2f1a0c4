from django.conf import settings
from django.db import models


class Organisation(models.Model):
    """A council, NHS body or charity that runs co-produced projects."""

    name = models.CharField(max_length=200, unique=True)
    staff_two_step = models.BooleanField(
        "all staff use two-step sign-in", default=False, db_default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StaffMembership(models.Model):
    """A member of an organisation's staff: they can start projects for it."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="staff_memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_memberships"
    )
    is_admin = models.BooleanField("organisation admin", default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_staff_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.organisation}"
