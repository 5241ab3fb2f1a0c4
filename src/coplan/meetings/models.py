"""Meetings and workshops: the organisation's venues with their accessibility audit,
each project's meetings, their paperwork and papers, and the people invited.

Nothing here says whether a meeting is ready: notice, needs met, food, joining
online and papers are worked out every time from these rows (see checks.py and
selectors.meeting_readiness). Times are wall-clock times in settings.TIME_ZONE
(Europe/London); the end of a meeting is worked out from its start and length.

For the engineer building invitations, replies, reminders and attendance:
`InvitedPerson` is one person invited to one meeting, with their reply
(`Reply`), whether they said their needs have changed, and whether they came
(`Attendance`). People reach a meeting only through the meeting's project.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from coplan.meetings.checks import NOTICE_DAYS as SEED_NOTICE_DAYS
from coplan.organisations.models import Organisation
from coplan.people.models import Person
from coplan.projects.models import Membership, Project


class MeetingsPolicy(models.Model):
    """An organisation's own rules for meetings: how much notice people get, at least."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="meetings_policy"
    )
    notice_days = models.PositiveSmallIntegerField(
        "least notice, in days", default=SEED_NOTICE_DAYS
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(notice_days__gte=SEED_NOTICE_DAYS),
                name="meetings_notice_at_least_4_weeks",
            )
        ]

    def __str__(self) -> str:
        return f"At least {self.notice_days} days' notice"


class Checked(models.TextChoices):
    """One answer in a venue's accessibility audit."""

    NOT_CHECKED = "not_checked", "Not checked yet"
    YES = "yes", "Yes"
    NO = "no", "No"


def _audit_answer(label: str) -> models.CharField:
    return models.CharField(
        label, max_length=12, choices=Checked.choices, default=Checked.NOT_CHECKED
    )


class Venue(models.Model):
    """A place the organisation meets people, and what was found when it was checked.

    Every project of the organisation can use it. `checked_on` is empty until
    someone has been through the audit; every answer starts "not checked yet".
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="venues")
    name = models.CharField(max_length=150)
    address = models.TextField("address", max_length=500, blank=True)
    how_to_get_there = models.TextField(max_length=2000, blank=True)
    step_free = _audit_answer("step-free access (no stairs, or a lift)")
    wheelchair_access = _audit_answer("wheelchair access throughout")
    accessible_toilet = _audit_answer("accessible toilet")
    parking = _audit_answer("parking")
    blue_badge_parking = _audit_answer("blue badge spaces near the door")
    good_lighting = _audit_answer("good lighting")
    good_acoustics = _audit_answer("good acoustics (easy to hear, little echo)")
    hearing_loop = _audit_answer("hearing loop")
    public_transport = _audit_answer("public transport links nearby")
    public_transport_notes = models.TextField(max_length=1000, blank=True)
    quiet_space = _audit_answer("a quiet space to take a break")
    notes = models.TextField(max_length=2000, blank=True)
    checked_on = models.DateField("last checked", null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "organisation", Lower("name"), name="one_venue_name_per_organisation_any_case"
            )
        ]

    def __str__(self) -> str:
        return self.name


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    BOTH = "both", "Both: in person, and online for those who want it"


class FoodPlan(models.TextChoices):
    NOT_DECIDED = "not_decided", "Not decided yet"
    PROVIDED = "provided", "Yes, food and drink are provided"
    DRINKS_ONLY = "drinks_only", "Drinks only"
    NONE = "none", "No food or drink"


class RiskAssessment(models.TextChoices):
    TO_DO = "to_do", "To do"
    DONE = "done", "Done"
    NOT_NEEDED = "not_needed", "Not needed"


class Meeting(models.Model):
    """A meeting or workshop in a project, and the plan for it.

    `arrangements` holds the codes of what has been booked or set up to meet
    people's needs (for example "bsl_interpreter"), from checks.ARRANGEMENTS.
    `catering_sent_token` is the catering summary as it was when it went to the
    caterer (numbers and counts per dietary need), so a change since then is noticed;
    each person's note for the caterer as sent is on their `InvitedPerson`. Both are
    encrypted with the people data keys (`coplan.people.crypto`), as access needs are.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(max_length=200)
    purpose = models.TextField("what the meeting is for", max_length=2000, blank=True)
    format = models.CharField("how people take part", max_length=12, choices=MeetingFormat.choices)
    meets_on = models.DateField("date")
    starts_at = models.TimeField("start time")
    length_minutes = models.PositiveIntegerField("length in minutes")
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    room = models.CharField("room or where in the venue", max_length=200, blank=True)
    joining_details = models.TextField("how to join online", max_length=2000, blank=True)
    remote_support = models.TextField("help for people joining online", max_length=2000, blank=True)
    facilitator = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    staffing = models.TextField("other staff on the day", max_length=2000, blank=True)
    agenda = models.TextField(max_length=5000, blank=True)
    resources = models.TextField("other resources", max_length=2000, blank=True)
    food = models.CharField(
        "food and drink", max_length=12, choices=FoodPlan.choices, default=FoodPlan.NOT_DECIDED
    )
    caterer = models.CharField("who provides the food", max_length=200, blank=True)
    food_notes = models.TextField(max_length=2000, blank=True)
    catering_sent_on = models.DateField(
        "date the catering summary went to the caterer", null=True, blank=True
    )
    # A Fernet token of CateringSummary.counts_snapshot(), or "" until it is sent.
    catering_sent_token = models.TextField(blank=True)
    risk_assessment = models.CharField(
        "activity risk assessment",
        max_length=12,
        choices=RiskAssessment.choices,
        default=RiskAssessment.TO_DO,
    )
    payment_on_the_day = models.TextField(
        "how expenses and payment for time work on the day", max_length=2000, blank=True
    )
    arrangements = models.JSONField("what has been arranged", default=list, blank=True)
    invitations_on = models.DateField("date invitations go out", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["meets_on", "starts_at", "pk"]
        indexes = [models.Index(fields=["project", "meets_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(length_minutes__gte=1), name="meeting_length_positive"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_room(self) -> bool:
        return self.format in (MeetingFormat.IN_PERSON, MeetingFormat.BOTH)

    @property
    def has_online(self) -> bool:
        return self.format in (MeetingFormat.ONLINE, MeetingFormat.BOTH)


class PaperworkKind(models.TextChoices):
    """The seed's "What forms/ paperwork will I need?"."""

    PAYMENT_POLICY = "payment_policy", "Remuneration (payment) policy"
    CLAIM_FORMS = "claim_forms", "Claim forms"
    MEDIA_CONSENT = "media_consent", "Media consent forms"
    DATA_CONSENT = "data_consent", "Consent forms (for data storage)"
    FEEDBACK_FORMS = "feedback_forms", "Feedback forms"
    AGENDA = "agenda", "Copies of the agenda"
    PREVIOUS_MINUTES = "previous_minutes", "Copies of any previous minutes"
    DOCUMENTS = "documents", "Copies of any documents people will need to refer to"


class PaperworkStatus(models.TextChoices):
    TO_DO = "to_do", "To do"
    READY = "ready", "Ready"
    NOT_NEEDED = "not_needed", "Not needed"


class PaperworkItem(models.Model):
    """One line of the paperwork checklist for a meeting. Every meeting has all of them."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="paperwork")
    kind = models.CharField(max_length=20, choices=PaperworkKind.choices)
    status = models.CharField(
        max_length=12, choices=PaperworkStatus.choices, default=PaperworkStatus.TO_DO
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "kind"], name="one_paperwork_line_per_kind")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class PaperFormat(models.TextChoices):
    """Formats a paper is produced in: the standard print, and the formats people ask for
    (the same codes as `coplan.people.choices.Format`)."""

    STANDARD = "standard", "Standard print"
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy Read"
    AUDIO = "audio", "Audio"
    BSL = "bsl", "British Sign Language"
    BRAILLE = "braille", "Braille"
    OTHER_LANGUAGE = "other_language", "Another language"


class Paper(models.Model):
    """Something people are sent before the meeting, so they have time to read it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=200)
    send_by = models.DateField("send by")
    formats = models.JSONField("formats it is produced in", default=list, blank=True)
    sent_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["send_by", "pk"]

    def __str__(self) -> str:
        return self.title


class Reply(models.TextChoices):
    NO_REPLY = "no_reply", "No reply yet"
    IN_PERSON = "in_person", "Coming in person"
    ONLINE = "online", "Coming online"
    NOT_COMING = "not_coming", "Not coming"


class Attendance(models.TextChoices):
    NOT_RECORDED = "not_recorded", "Not recorded"
    CAME = "came", "Came"
    DID_NOT_COME = "did_not_come", "Did not come"


class InvitedPerson(models.Model):
    """A person in the project invited to one meeting: their reply and whether they came.

    `needs_changed` is the "my needs have changed" answer: the lead should look
    at their needs again. The person must be in the meeting's project (an
    `Involvement`); services.invited_people_add makes sure of that.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invited")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="meeting_invitations")
    reply = models.CharField(max_length=12, choices=Reply.choices, default=Reply.NO_REPLY)
    replied_at = models.DateTimeField(null=True, blank=True)
    needs_changed = models.BooleanField("said their needs have changed", default=False)
    needs_changed_at = models.DateTimeField(null=True, blank=True)
    attendance = models.CharField(
        max_length=14, choices=Attendance.choices, default=Attendance.NOT_RECORDED
    )
    # What the caterer was told about them (their dietary note as it was when the
    # catering summary was sent): a Fernet token, or "". Erased with them.
    catering_note_token = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="invited_once_per_meeting")
        ]
        indexes = [models.Index(fields=["meeting", "reply"])]

    def __str__(self) -> str:
        return f"{self.person} invited to {self.meeting}"
