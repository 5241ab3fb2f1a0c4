"""A short link for print: a short code a person can type from paper (or a small QR
code can hold), which leads to a page of this site, such as a person's reply page with
its token. Why and how: `coplan.short_links.services`."""

from django.db import models
from django.utils import timezone


class ShortLink(models.Model):
    code = models.CharField(max_length=16)
    # A path on this site ("/meeting-reply/<token>/"), never another site.
    target = models.CharField(max_length=1000)
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["code"], name="short_link_code_unique")]
        indexes = [models.Index(fields=["target"], name="short_link_target")]

    def __str__(self) -> str:
        return f"/r/{self.code} to {self.target[:40]}"
