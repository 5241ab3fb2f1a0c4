"""Easy Read versions as the lead approved them, and an organisation's own pictures.

An `EasyReadVersion` is one document's Easy Read lines (the words, the picture, a
heading or not), made from the maker's lines (`easy_read.easy_read_lines`) and changed
by the lead, with who approved it and when. Once it has been sent it is kept as sent:
a later change makes a new version (`services`), and the sent one is never changed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from coplan.organisations.models import Organisation
from coplan.projects.models import Project


class EasyReadVersion(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    # Which document: for example "invitation:meeting:12" (the app that owns it names it).
    document = models.CharField(max_length=100)
    title = models.CharField(max_length=200)
    # The words it was made from: when the document's words change, it is out of date.
    source_text = models.TextField()
    # [{"source": the maker's words, "words": ..., "picture": Picture.key or "", "heading": bool}]
    lines = models.JSONField(default=list)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["project", "document"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(sent_at__isnull=True) | Q(approved_at__isnull=False),
                name="easy_read_sent_only_once_approved",
            )
        ]

    def __str__(self) -> str:
        return f"Easy Read version of {self.title}"


class OrganisationPicture(models.Model):
    """A picture an organisation added for its Easy Read documents (SVG or PNG, checked
    on the way in: `own_pictures.picture_check`), kept in the database."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="easy_read_pictures"
    )
    alt = models.CharField("what the picture shows", max_length=150)
    # The picture bank's topics it fits, comma separated ("meeting,group").
    topics = models.CharField(max_length=500, blank=True)
    media_type = models.CharField(max_length=20)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["alt", "pk"]

    def __str__(self) -> str:
        return self.alt
