"""What sits beside the guide: the sign-off register, the timeline, the budget
and the barriers. Late, overdue, close, notice and totals are never stored:
they are worked out from today's date and the rows (see timing.py, selectors.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from coplan.projects.models import Membership, Project


class SignOffStatus(models.TextChoices):
    WAITING = "waiting", "Waiting"
    SIGNED = "signed", "Signed off"


class SignOff(models.Model):
    """Something that needs signing off before the work can go on, by whom and by when.

    The person is either a project member (usually the manager) or someone named
    outside the project, such as the communications team for logos.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="sign_offs")
    what = models.CharField("what needs signing off", max_length=200)
    signer = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signer_outside = models.CharField(
        "the person outside the project who signs it off", max_length=150, blank=True
    )
    due_on = models.DateField("needed by")
    note = models.TextField(max_length=2000, blank=True)
    status = models.CharField(
        max_length=20, choices=SignOffStatus.choices, default=SignOffStatus.WAITING
    )
    signed_on = models.DateField(null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signed_recorded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["project", "status", "due_on"])]

    def __str__(self) -> str:
        return self.what


class SignOffDecision(models.TextChoices):
    APPROVED = "approved", "Signed off"
    CHANGES = "changes", "Changes asked for"
    WITHDRAWN = "withdrawn", "Withdrawn"


class SignOffVersion(models.Model):
    """What a manager is asked to sign off, frozen when the lead asks: version `number`
    of the sign-off, the plan's parts as they were (`html`: the staff plan drawn then;
    `sections`: its words, part by part and heading by heading, to say later what
    changed) and what was missing from the plan then (`gaps`, in words).

    The manager's answer is kept on the same row: signed off, or changes asked for
    and why; who and when. The database holds the rules (see the migration): one
    request waits at a time per sign-off, a decision needs its when (and a reason to
    ask for changes), the snapshot never changes, and once decided, the decision never
    changes either. Why: docs/decisions/0013-sign-off-versions.md.
    """

    sign_off = models.ForeignKey(SignOff, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    asked_of = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    asked_of_name = models.CharField(max_length=150)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    asked_by_name = models.CharField(max_length=150)
    asked_at = models.DateTimeField(default=timezone.now)
    parts = models.JSONField(default=list)
    html = models.TextField()
    sections = models.JSONField(default=list)
    gaps = models.JSONField(default=list)
    decision = models.CharField(
        max_length=20, choices=SignOffDecision.choices, blank=True, default=""
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by_name = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField("what needs to change", max_length=2000, blank=True)

    class Meta:
        ordering = ["sign_off", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["sign_off", "number"], name="planning_sign_off_version_number_once"
            ),
            models.UniqueConstraint(
                fields=["sign_off"],
                condition=Q(decision=""),
                name="planning_sign_off_one_open_request",
            ),
            models.CheckConstraint(
                condition=Q(decision__in=["", *SignOffDecision.values]),
                name="planning_sign_off_decision_known",
            ),
            models.CheckConstraint(
                condition=(Q(decision="") & Q(decided_at__isnull=True))
                | (~Q(decision="") & Q(decided_at__isnull=False) & ~Q(decided_by_name="")),
                name="planning_sign_off_decision_says_who_and_when",
            ),
            models.CheckConstraint(
                condition=~Q(decision=SignOffDecision.CHANGES) | ~Q(reason=""),
                name="planning_sign_off_changes_say_why",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sign_off}, version {self.number}"

    @property
    def is_waiting(self) -> bool:
        return self.decision == ""


class Milestone(models.Model):
    """A date on the project's timeline. A meeting or workshop also has the date
    its invitations go out, so the notice it gives can be checked (the meetings' rule, with
    the organisation's least notice; see planning.selectors)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("what happens", max_length=200)
    due_on = models.DateField("date")
    details = models.TextField(max_length=2000, blank=True)
    is_meeting = models.BooleanField("a meeting or workshop people are invited to", default=False)
    invitations_on = models.DateField("date invitations go out", null=True, blank=True)
    is_done = models.BooleanField("done", default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["project", "due_on"])]

    def __str__(self) -> str:
        return self.title


class BudgetCategory(models.TextChoices):
    PAYING_PEOPLE = "paying_people", "Paying people for their time"
    EXPENSES = "expenses", "Expenses"
    VENUE = "venue", "Venue"
    FOOD = "food", "Food and drink"
    OTHER = "other", "Other"


class Budget(models.Model):
    """How much money the project holds, and where the money comes from.

    Amounts are whole pence (see money.py). `held_pence` is empty until known.
    """

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="budget")
    held_pence = models.PositiveBigIntegerField("amount held", null=True, blank=True)
    money_source = models.TextField("where the money comes from", max_length=2000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Budget for {self.project}"


class BudgetLine(models.Model):
    """Planned spending in one category, in whole pence.

    What is committed (claims approved) and paid will come from payments; they
    are not kept here (see selectors.budget_by_category).
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(max_length=20, choices=BudgetCategory.choices)
    description = models.CharField("what it is for", max_length=200)
    planned_pence = models.PositiveBigIntegerField("planned amount")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["category", "pk"]

    def __str__(self) -> str:
        return self.description


class BarrierStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_HAND = "in_hand", "Being worked on"
    LIFTED = "lifted", "Lifted"


class Barrier(models.Model):
    """Something that may stop people taking part, and how it will be lifted."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="barriers")
    what = models.CharField("what might get in the way", max_length=500)
    how_lifted = models.TextField("how it will be lifted", max_length=2000)
    owner = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=BarrierStatus.choices, default=BarrierStatus.NOT_STARTED
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.what
