"""Feedback forms and their answers, the closed box, you said we did, and
self-reflection with the lessons log.

The closed box (docs/decisions/0007): an answer to an anonymous form is a
`FeedbackResponse` with no account, no time, no date and no address; its
primary key is a random UUID, so nothing in the app shows the order answers
came in. One-time links are stored only as hashes with no person, and a link
is deleted when it is used.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from coplan.feedback.bank import KIND_CHOICES
from coplan.meetings.models import Meeting
from coplan.people.models import Person
from coplan.plain_words.models import EasyReadVersion
from coplan.projects.models import Project
from coplan.working_together.models import CarParkItem


class HowAnswered(models.TextChoices):
    LINK = "link", "Anyone with the link or the QR code"
    ONE_TIME = "one_time", "Each person gets their own link, which works once"
    MEMBERS = "members", "Members of the project, signed in"


class FeedbackForm(models.Model):
    """A participant feedback form: the same questions in a standard and an Easy Read version."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="feedback_forms")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback_forms"
    )
    title = models.CharField(max_length=150)
    intro = models.TextField("why we ask and what will happen", max_length=2000)
    closed_box = models.BooleanField("anonymous (a closed box)", default=True)
    how_answered = models.CharField(
        max_length=10, choices=HowAnswered.choices, default=HowAnswered.LINK
    )
    # The form's own link; for one-time forms each person's link is a OneTimeLink.
    token = models.CharField(max_length=64, unique=True)
    is_open = models.BooleanField(default=True)
    links_made = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class FeedbackQuestion(models.Model):
    form = models.ForeignKey(FeedbackForm, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    standard = models.CharField("question", max_length=300)
    easy_read = models.CharField("Easy Read question", max_length=200)
    # How the general feeling is put, e.g. "said the meeting was"; blank for own questions.
    feeling = models.CharField(max_length=100, blank=True)
    bank_key = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.standard


class FeedbackResponse(models.Model):
    """One filled-in form. In a closed box: no account, no date, no one who typed it in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    form = models.ForeignKey(FeedbackForm, on_delete=models.CASCADE, related_name="responses")
    on_paper = models.BooleanField("typed in from paper", default=False)
    # Only for forms that are not a closed box:
    answered_on = models.DateField(null=True, blank=True)
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    typed_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            # A member fills in a form that keeps names once (closed-box and paper answers
            # keep no respondent, so they are not counted here).
            models.UniqueConstraint(
                fields=["form", "respondent"],
                condition=models.Q(respondent__isnull=False),
                name="one_response_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"An answer to {self.form_id}"


class FeedbackAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(FeedbackResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(FeedbackQuestion, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=20, blank=True)
    words = models.TextField(max_length=2000, blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "choice"])]

    def __str__(self) -> str:
        return self.choice or self.words[:40]


class OneTimeLink(models.Model):
    """A link that works once. Only its hash; no person, no date. Deleted when used."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    form = models.ForeignKey(FeedbackForm, on_delete=models.CASCADE, related_name="one_time_links")
    token_hash = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return "A one-time link"


class ThemeStatus(models.TextChoices):
    WORKING_ON_IT = "working_on_it", "We are working on it"
    DONE = "done", "Done"
    CANNOT = "cannot", "We cannot do this, and why"


class YouSaidWeDid(models.Model):
    """A theme of what people said, and what the project did about it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="you_said_we_did")
    form = models.ForeignKey(
        FeedbackForm, on_delete=models.SET_NULL, null=True, blank=True, related_name="themes"
    )
    car_park_item = models.ForeignKey(
        CarParkItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    you_said = models.TextField("you said", max_length=1000)
    we_did = models.TextField("we did", max_length=2000, blank=True)
    status = models.CharField(
        max_length=20, choices=ThemeStatus.choices, default=ThemeStatus.WORKING_ON_IT
    )
    published_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(default=timezone.now)
    shared_at = models.DateTimeField("sent to everyone involved", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["project", "shared_at"])]

    def __str__(self) -> str:
        return self.you_said[:80]


class SendMethod(models.TextChoices):
    EMAIL = "email", "Email"
    POST = "post", "Letter by post"
    PHONE = "phone", "Phone call or text message"
    NONE = "none", "No way to reach them"


class YouSaidWeDidSent(models.Model):
    """Who was sent you said we did, how, and when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    method = models.CharField(max_length=10, choices=SendMethod.choices)
    easy_read = models.BooleanField(default=False)
    # The Easy Read letter as the lead approved it and it was sent (kept as sent: it
    # cannot be deleted while a sending names it).
    easy_read_version = models.ForeignKey(
        EasyReadVersion, on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )
    entries = models.ManyToManyField(YouSaidWeDid, related_name="sendings")
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_method_display()} to {self.person_id}"


class Reflection(models.Model):
    """The self-reflection form of a lead or facilitator: theirs alone unless they share it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    about = models.CharField("what it is about", max_length=150)
    answers = models.JSONField(default=dict)
    shared_at = models.DateTimeField("shared with the project", null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.about


class Lesson(models.Model):
    """A lesson for next time, which the organisation can read across its projects."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="lessons")
    text = models.TextField("the lesson", max_length=1000)
    reflection = models.ForeignKey(
        Reflection, on_delete=models.SET_NULL, null=True, blank=True, related_name="lessons"
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text[:80]
