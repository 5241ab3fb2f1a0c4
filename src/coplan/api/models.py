"""Personal access tokens for the HTTP API (docs/decisions/0017)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    READ = "read", "Read only"
    READ_WRITE = "read_write", "Read and change"


class AccessToken(models.Model):
    """A person's token for the API. Only the SHA-256 hash of the whole token is kept;
    `prefix` (in the token, after "coplan_") finds the row and tells tokens apart."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_tokens"
    )
    name = models.CharField("name", max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    token_hash = models.CharField(max_length=64)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Requests in the current minute (the rate limit), counted on the row so that every
    # worker shares the count.
    minute_started_at = models.DateTimeField(null=True, blank=True)
    minute_requests = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now

    @property
    def may_change(self) -> bool:
        return self.scope == Scope.READ_WRITE
