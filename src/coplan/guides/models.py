"""Guides as stored for projects: the guide files, the version each project
uses, and the project's answers with their history. Progress, what is left,
what is blocked and readiness are never stored: the engine works them out."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coplan.organisations.models import Organisation
from coplan.projects.models import Project


class GuideVersion(models.Model):
    """One version of a guide file. Default guides have no organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="guides"
    )
    guide_key = models.CharField(max_length=80)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    source = models.TextField(help_text="The guide file (TOML), exactly as loaded.")
    file_name = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["guide_key", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "guide_key", "version"], name="one_guide_version"
            ),
            models.UniqueConstraint(
                fields=["guide_key", "version"],
                condition=models.Q(organisation__isnull=True),
                name="one_default_guide_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"


class ProjectGuide(models.Model):
    """A guide a project works through, fixed at the version it started with."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="guides")
    guide_version = models.ForeignKey(GuideVersion, on_delete=models.PROTECT, related_name="+")
    guide_key = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "guide_key"], name="one_guide_per_project")
        ]

    def __str__(self) -> str:
        return f"{self.guide_version} for {self.project}"


class AnswerState(models.TextChoices):
    ANSWERED = "answered", "Answered"
    NOT_SURE_YET = "not sure yet", "Not sure yet"


class GuideAnswer(models.Model):
    project_guide = models.ForeignKey(
        ProjectGuide, on_delete=models.CASCADE, related_name="answers"
    )
    question_id = models.CharField(max_length=80)
    value = models.JSONField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=AnswerState.choices)
    note = models.TextField(blank=True, max_length=2000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project_guide", "question_id"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value!r}"


class GuideAnswerChange(models.Model):
    """Every change to an answer: who, when, from what to what."""

    project_guide = models.ForeignKey(ProjectGuide, on_delete=models.CASCADE, related_name="+")
    question_id = models.CharField(max_length=80)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    old_state = models.CharField(max_length=20, blank=True)
    new_state = models.CharField(max_length=20, blank=True)
    old_note = models.TextField(blank=True)
    new_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["project_guide", "question_id"])]

    def __str__(self) -> str:
        return f"{self.question_id} changed at {self.changed_at:%Y-%m-%d %H:%M}"


class GuideComment(models.Model):
    """A member's comment on an answer: how co-producers take part in the plan."""

    project_guide = models.ForeignKey(
        ProjectGuide, on_delete=models.CASCADE, related_name="comments"
    )
    question_id = models.CharField(max_length=80)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment on {self.question_id}"


class WayForwardChoice(models.Model):
    """The way forward the lead chose for a stop, and the manager's answer to it.

    A way forward that needs agreement waits until a manager of the project agrees it
    (`agreed_by_user`, `agreed_at`) or says no (`refused_by`, `refused_reason`), when the
    lead chooses again. `agreed_by` and `agreed_on` say who agreed and on what day; plans
    from before managers agreed in coplan kept only those, typed by the lead.
    """

    project_guide = models.ForeignKey(
        ProjectGuide, on_delete=models.CASCADE, related_name="way_forward_choices"
    )
    rule_id = models.CharField(max_length=80)
    way_forward_id = models.CharField(max_length=80)
    agreed_by = models.CharField(max_length=200, blank=True)
    agreed_on = models.DateField(null=True, blank=True)
    agreed_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    refused_at = models.DateTimeField(null=True, blank=True)
    refused_reason = models.TextField(blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project_guide", "rule_id"], name="one_choice_per_rule"
            ),
            # Agreed or refused, never both: one answer from the manager.
            models.CheckConstraint(
                condition=models.Q(agreed_at__isnull=True) | models.Q(refused_at__isnull=True),
                name="way_forward_agreed_or_refused",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.way_forward_id}"

    @property
    def is_refused(self) -> bool:
        return self.refused_at is not None


class PlanDownloadStatus(models.TextChoices):
    WAITING = "waiting", "Waiting to start"
    MAKING = "making", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be made"


# While a file is waiting or being made, no other of the same plan, version and format is.
PLAN_DOWNLOAD_UNDER_WAY = (PlanDownloadStatus.WAITING, PlanDownloadStatus.MAKING)


class PlanDownload(models.Model):
    """The whole plan of a large project as a file (PDF or Word), made by the background
    worker for a member who asked for it, with how far it has got; kept a day, then
    removed. Only members who may read what it holds can open it (the staff version holds
    the parts the asker's role may read)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    version = models.CharField(max_length=20)
    file_format = models.CharField(max_length=4)
    parts = models.JSONField("the parts of the plan chosen", default=list)
    asked_by = models.ForeignKey(
        "projects.Membership", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=PlanDownloadStatus.choices, default=PlanDownloadStatus.WAITING
    )
    parts_done = models.PositiveIntegerField(default=0)
    parts_total = models.PositiveIntegerField(default=0)
    content = models.BinaryField(default=b"")
    file_name = models.CharField(max_length=200)
    asked_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "version", "file_format"],
                condition=models.Q(status__in=PLAN_DOWNLOAD_UNDER_WAY),
                name="one_plan_download_under_way",
            )
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_under_way(self) -> bool:
        return self.status in PLAN_DOWNLOAD_UNDER_WAY
