"""Invitations to a meeting, and what was sent: the invitation's own words, each
invitation sent (by email or letter), and each reminder sent.

Who is invited, their reply, "my needs have changed" and attendance are the
meeting's own guest list (`meetings.InvitedPerson`): the meeting's checks, catering,
payments and feedback read it without this app. This app only adds to it.

The tables were the meetings app's until this app was split from it; migration
0001 takes the models over and renames their tables, keeping every row.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coplan.meetings.models import InvitedPerson, Meeting
from coplan.plain_words.models import EasyReadVersion


class InvitationWording(models.Model):
    """What the invitation to one meeting says, beyond what the meeting and project hold.

    The seed's "What will people need to know in any initial communication?":
    the project, the meeting's date, time, length, place and food come from the
    project and the meeting; these are the items only the lead can write.
    """

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="invitation_wording"
    )
    message = models.TextField("a message from you", max_length=2000, blank=True)
    how_it_affects = models.TextField("how the project affects them", max_length=2000, blank=True)
    getting_involved = models.TextField("how they can get involved", max_length=2000, blank=True)
    commitment = models.TextField("the commitment asked of them", max_length=2000, blank=True)
    training = models.TextField("training offered", max_length=2000, blank=True)
    payment = models.TextField("payment for their time and expenses", max_length=2000, blank=True)
    reply_by = models.DateField("reply by", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Invitation to {self.meeting}"


class SentBy(models.TextChoices):
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"


class InvitationSent(models.Model):
    """One invitation sent to one invited person: when, how, in which format, by whom.

    More than one row for a person means it was sent again, on purpose: the
    send page only sends to people with no row yet.
    """

    invited = models.ForeignKey(
        InvitedPerson, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    sent_by = models.CharField("how", max_length=10, choices=SentBy.choices)
    format = models.CharField(max_length=20, default="standard")
    sent_at = models.DateTimeField(default=timezone.now)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # For Easy Read: the version the lead approved that went, kept as sent.
    easy_read_version = models.ForeignKey(
        EasyReadVersion, on_delete=models.RESTRICT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["sent_at", "pk"]
        indexes = [models.Index(fields=["invited", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.get_sent_by_display()} at {self.sent_at:%Y-%m-%d %H:%M}"


class ReminderSent(models.Model):
    """A reminder sent to one invited person for the meeting starting at `for_starts`.

    Unique per person and start time: a second worker, or a second run, cannot
    send the same reminder again. If the meeting moves, a reminder for the new
    time can go.
    """

    invited = models.ForeignKey(
        InvitedPerson, on_delete=models.CASCADE, related_name="reminders_sent"
    )
    for_starts = models.DateTimeField("for the meeting starting at")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invited", "for_starts"], name="one_reminder_per_meeting_time"
            )
        ]

    def __str__(self) -> str:
        return f"Reminder sent at {self.sent_at:%Y-%m-%d %H:%M}"
