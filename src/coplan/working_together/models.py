"""How a group works together: its agreements (with every earlier version), the
car park, actions, shared definitions, what can and cannot change, and a record
of each session.

What is carried to a session's agenda, what is overdue and what is still open
are never stored: selectors work them out from dates and statuses.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from coplan.meetings.models import Meeting
from coplan.projects.models import Membership, Project


class SessionRecord(models.Model):
    """One meeting or workshop of the group: who came, what was agreed and decided.

    Car park items raised and actions set at the session point back to it. The
    facilitator's key essentials checklist is the ids of the items of the
    project's "key essentials" guide that were in place (the wording stays in
    the guide file, never copied here).
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="session_records")
    # The planned meeting this is the record of, if it was planned in coplan.
    meeting = models.OneToOneField(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session_record",
    )
    held_on = models.DateField("date of the session")
    title = models.CharField("what the session is called", max_length=200)
    came = models.ManyToManyField(Membership, related_name="+", blank=True)
    others_came = models.TextField("other people who came", max_length=2000, blank=True)
    agreed = models.TextField("what was agreed", max_length=5000, blank=True)
    decided = models.TextField("what was decided", max_length=5000, blank=True)
    essentials_checked = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["project", "held_on"])]

    def __str__(self) -> str:
        return self.title


class RevisitOutcome(models.TextChoices):
    STILL_HAPPY = "still_happy", "The group is still happy with the agreements"
    CHANGED = "changed", "The group changed the agreements"


class AgreementRevisit(models.Model):
    """At the start of a later session: still happy with the agreements, or what changed."""

    session = models.OneToOneField(SessionRecord, on_delete=models.CASCADE, related_name="revisit")
    outcome = models.CharField(max_length=20, choices=RevisitOutcome.choices)
    what_changed = models.TextField(max_length=2000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.session})"


class Agreement(models.Model):
    """One of the group's agreements ('ground rules'), as it reads now.

    Every wording it has had, including this one, is an AgreementVersion. A
    removed agreement keeps its versions and is no longer shown as current.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="agreements")
    text = models.TextField("the agreement", max_length=500)
    removed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["project", "removed_at"])]

    def __str__(self) -> str:
        return self.text


class AgreementChange(models.TextChoices):
    WRITTEN = "written", "Written"
    CHANGED = "changed", "Changed"
    REMOVED = "removed", "Taken out"


class AgreementVersion(models.Model):
    """An agreement's wording at one time: who wrote or changed it, when, and at which session."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(max_length=500)
    change = models.CharField(max_length=20, choices=AgreementChange.choices)
    session = models.ForeignKey(
        SessionRecord, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["agreement_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_agreement_version")
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id} version {self.number}"


class CarParkStatus(models.TextChoices):
    ADDED = "added", "Added"
    FOLLOWING_UP = "following_up", "Being followed up"
    ANSWERED = "answered", "Answered"


class CarParkItem(models.Model):
    """Something raised that could not be dealt with at the time, and how it is followed up."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="car_park_items")
    text = models.TextField("what was raised", max_length=1000)
    session = models.ForeignKey(
        SessionRecord,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="car_park_items",
    )
    raised_on = models.DateField()
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    owner = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    next_step = models.TextField("what will happen to it", max_length=1000, blank=True)
    due_on = models.DateField("by when", null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=CarParkStatus.choices, default=CarParkStatus.ADDED
    )
    answer = models.TextField(max_length=2000, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["raised_on", "pk"]
        indexes = [models.Index(fields=["project", "status", "raised_on"])]

    def __str__(self) -> str:
        return self.text[:80]


class Comment(models.Model):
    """A member's comment on a car park item or on a session's minutes."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    car_park_item = models.ForeignKey(
        CarParkItem, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    session = models.ForeignKey(
        SessionRecord, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(car_park_item__isnull=False, session__isnull=True)
                    | models.Q(car_park_item__isnull=True, session__isnull=False)
                ),
                name="comment_on_one_thing",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ActionStatus(models.TextChoices):
    TO_DO = "to_do", "To do"
    DOING = "doing", "Being done"
    DONE = "done", "Done"


class Action(models.Model):
    """Something someone will do, by when; from a session or from none."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField("what will be done", max_length=500)
    session = models.ForeignKey(
        SessionRecord, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    owner = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    due_on = models.DateField("by when")
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.TO_DO
    )
    done_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["project", "status", "due_on"])]

    def __str__(self) -> str:
        return self.what


class SharedDefinition(models.Model):
    """A word or phrase and the meaning the group agreed for it."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="shared_definitions"
    )
    word = models.CharField("word or phrase", max_length=100)
    meaning = models.TextField("what it means for this group", max_length=2000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = [Lower("word"), "pk"]
        constraints = [
            models.UniqueConstraint(
                "project", Lower("word"), name="one_definition_per_word_per_project"
            )
        ]

    def __str__(self) -> str:
        return self.word


class DecisionArea(models.Model):
    """For one area of decisions: what is fixed and why, and what the group can influence."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="decision_areas")
    area = models.CharField("what the decisions are about", max_length=200)
    fixed = models.TextField("what cannot change", max_length=2000, blank=True)
    why_fixed = models.TextField("why it cannot change", max_length=2000, blank=True)
    open_to_influence = models.TextField("what the group can change", max_length=2000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.area
