"""Everything a project holds about people.

Access needs and equality monitoring answers are special category data: they
are stored only as Fernet tokens (`crypto`) and read through selectors.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from coplan.organisations.models import Organisation
from coplan.people.choices import (
    SCALE,
    AuditAction,
    ConsentMethod,
    ConsentPurpose,
    ContactMethod,
    GroupCategory,
    InvolvementRole,
)
from coplan.projects.models import Project

ERASED_NAME = "Erased person"


class StakeholderGroup(models.Model):
    """A group the project affects, how much it matters and how it will be reached."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="stakeholder_groups"
    )
    name = models.CharField(max_length=150)
    category = models.CharField(max_length=30, choices=GroupCategory.choices)
    influence = models.PositiveSmallIntegerField(choices=SCALE)
    interest = models.PositiveSmallIntegerField(choices=SCALE)
    how_reached = models.TextField("how they will be reached", max_length=2000, blank=True)
    helpers = models.JSONField("who can help reach them", default=list, blank=True)
    helper_notes = models.TextField(max_length=1000, blank=True)
    representation_aim = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "project", Lower("name"), name="one_group_name_per_project_any_case"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    influence__gte=1, influence__lte=5, interest__gte=1, interest__lte=5
                ),
                name="stakeholder_scale_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    """Someone the organisation works with. They may or may not have an account."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people_records",
    )
    full_name = models.CharField(max_length=150)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(max_length=500, blank=True)
    contact_by = models.CharField(
        "how they want to be contacted", max_length=10, choices=ContactMethod.choices, blank=True
    )
    formats = models.JSONField("preferred formats", default=list, blank=True)
    other_language = models.CharField(max_length=100, blank=True)
    # Their pages in Easy Read, as they last set the switch; None: as their papers
    # (on when they asked for Easy Read papers). coplan.people.easy_read_pages.
    easy_read_pages = models.BooleanField("pages in Easy Read", null=True, blank=True)
    # Access needs: a Fernet token of AccessNeeds.to_json(), or "" when none were given.
    needs_token = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=~models.Q(email=""),
                name="one_person_per_email_in_organisation",
            ),
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(user__isnull=False),
                name="one_person_per_account_in_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name


class Involvement(models.Model):
    """A person's part in one project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="involvements")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="involvements")
    role = models.CharField(max_length=20, choices=InvolvementRole.choices)
    group = models.ForeignKey(
        StakeholderGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="involvements",
    )
    role_description = models.TextField(max_length=2000, blank=True)
    training_needed = models.TextField(max_length=1000, blank=True)
    training_done = models.TextField(max_length=1000, blank=True)
    joined_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "person"], name="one_involvement_per_project"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.project}"


class ConsentRecord(models.Model):
    """One answer, yes or no, to one consent question, and its withdrawal."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=20, choices=ConsentPurpose.choices)
    given = models.BooleanField()
    given_on = models.DateField()
    method = models.CharField("how it was given", max_length=20, choices=ConsentMethod.choices)
    told = models.TextField("what they were told", max_length=2000)
    review_on = models.DateField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {'yes' if self.given else 'no'}"


class AuditEntry(models.Model):
    """Who saw or changed someone's access needs, and when. Read by organisation admins."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.SET_NULL, null=True, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="audit_entries")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    where = models.CharField("page or command", max_length=100)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"


class MonitoringResponse(models.Model):
    """One filled-in equality monitoring form. No person, no date: nothing links it back."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="monitoring_responses"
    )
    answers_token = models.TextField()

    def __str__(self) -> str:
        return "Equality monitoring response"


class MonitoringAim(models.Model):
    """How many people with an answer the project aims to involve, e.g. 5 carers."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="monitoring_aims")
    question = models.CharField(max_length=30)
    answer = models.CharField(max_length=30)
    aim = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["project", "question", "answer"], name="one_aim_per_answer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}={self.answer}: {self.aim}"


class PeoplePolicy(models.Model):
    """An organisation's rule for how long people with no active project are kept."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="people_policy"
    )
    retention_months = models.PositiveSmallIntegerField(default=24)

    def __str__(self) -> str:
        return f"Keep for {self.retention_months} months"


class ParticipantImport(models.Model):
    """An uploaded spreadsheet waiting for the lead to check the preview.

    The file itself is encrypted (it can hold access needs) and deleted when the
    import is saved or cancelled.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    content_token = models.TextField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.file_name
