"""Messages at each handover: one row per person and event, what each person chose,
and an organisation's GOV.UK Notify account for texts and letters.

See docs/decisions/0010-telling-people-at-each-handover.md.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coplan.notifications.choices import Channel, Delivery
from coplan.organisations.models import Organisation
from coplan.projects.models import Project


class Update(models.Model):
    """One message to one person about one event ("your claim for the bus fare is paid").

    Unique per person and event, so telling twice (a double click, a retried request,
    two workers) records it once. It is shown on the person's Updates page and sent by
    the background worker: straight away, in the day's summary, or not at all, as the
    person chose for its kind. `handled_at` is set, in the same transaction as the
    sending, when it has been sent or there was no way to send it; so it is sent once.
    """

    kind = models.CharField(max_length=80)
    event_key = models.CharField(max_length=200)
    # To an account, a person record, or both: a person record with an account has both.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="updates",
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(max_length=300)
    body = models.TextField(max_length=4000)
    link = models.CharField("the link straight to it", max_length=1000)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    created_at = models.DateTimeField(default=timezone.now)
    # Sending: dealt with (sent, or no way to send it), tries and the last error.
    handled_at = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    try_after = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    given_up_at = models.DateTimeField(null=True, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(person__isnull=False),
                name="update_is_to_someone",
            ),
            models.UniqueConstraint(
                fields=["user", "event_key"],
                condition=models.Q(user__isnull=False),
                name="one_update_per_account_and_event",
            ),
            models.UniqueConstraint(
                fields=["person", "event_key"],
                condition=models.Q(person__isnull=False),
                name="one_update_per_person_and_event",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "-created_at"], name="updates_of_account"),
            models.Index(fields=["delivery", "handled_at"], name="updates_to_send"),
        ]

    def __str__(self) -> str:
        return self.subject


class UpdateChoice(models.Model):
    """How one person wants to be told about one kind of message. No row: straight away."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="update_choices"
    )
    kind = models.CharField(max_length=80)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_choice_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.get_delivery_display()}"


class NotifyAccount(models.Model):
    """An organisation's GOV.UK Notify API key and templates, to send texts and letters.

    The key is kept only encrypted (people.crypto, the keys in PEOPLE_DATA_KEYS) and never
    shown again; the page shows its name, the part before the service id."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="notify_account"
    )
    api_key_token = models.TextField()
    key_name = models.CharField(max_length=200)
    text_template_id = models.CharField("text message template ID", max_length=36, blank=True)
    letter_template_id = models.CharField("letter template ID", max_length=36, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"GOV.UK Notify for {self.organisation}"
