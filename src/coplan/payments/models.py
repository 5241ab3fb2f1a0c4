"""Paying people: the organisation's policy (in versions by date), each person's choice
of how to be paid, their bank details (encrypted), claims with their lines and receipts,
and who was told what.

Amounts are whole pence (see amounts.py and core/numbers.py). Totals are never
stored: a claim's total is the sum of its lines (selectors).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coplan.meetings.models import Meeting
from coplan.organisations.models import Organisation
from coplan.payments.choices import (
    ClaimStatus,
    ExpenseCategory,
    HowPaid,
    LineKind,
    NoticeEvent,
    NoticeMethod,
    PaidActivity,
    RateBasis,
)
from coplan.people.models import Person
from coplan.projects.models import Project


class PaymentPolicy(models.Model):
    """One version of an organisation's rules for paying people, in force from a date
    until the next version's date. A version in force is never changed (services):
    a change is a new version, so past claims keep the rules of their day."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="payment_policies"
    )
    applies_from = models.DateField("applies from")
    basis = models.CharField("how time is paid", max_length=12, choices=RateBasis.choices)
    hour_rate_pence = models.PositiveIntegerField("rate an hour", null=True, blank=True)
    half_day_rate_pence = models.PositiveIntegerField("rate for half a day", null=True, blank=True)
    day_rate_pence = models.PositiveIntegerField("rate for a day", null=True, blank=True)
    activity_rate_pence = models.PositiveIntegerField(
        "set amount for each meeting or activity", null=True, blank=True
    )
    half_day_up_to_minutes = models.PositiveIntegerField("a half day is up to", default=240)
    paid_activities = models.JSONField("what people are paid for", default=list, blank=True)
    covered_expenses = models.JSONField("expenses we pay", default=list, blank=True)
    receipt_needed = models.JSONField("expenses that need a receipt", default=list, blank=True)
    agreed_first = models.JSONField("expenses that must be agreed first", default=list, blank=True)
    mileage_pence_per_mile = models.PositiveIntegerField("mileage rate a mile", default=0)
    information = models.TextField("what we tell people about payment, tax and benefits")
    target_working_days = models.PositiveSmallIntegerField(
        "pay claims within this many working days", default=10
    )
    bank_change_days = models.PositiveSmallIntegerField(
        "bank details changed within this many days need a second person before paying",
        default=7,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-applies_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "applies_from"], name="one_payment_policy_a_day"
            ),
            models.CheckConstraint(
                condition=models.Q(target_working_days__gte=1, target_working_days__lte=60),
                name="payment_target_1_to_60_working_days",
            ),
            models.CheckConstraint(
                condition=models.Q(bank_change_days__lte=90), name="bank_change_days_up_to_90"
            ),
        ]

    def __str__(self) -> str:
        return f"Paying people from {self.applies_from:%d %B %Y}"


class PaymentChoice(models.Model):
    """How someone wants to be paid, when they chose, and that they were shown what the
    organisation tells people about payment, tax and benefits. The latest is current."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="payment_choices")
    how = models.CharField("how they want to be paid", max_length=12, choices=HowPaid.choices)
    time_paid = models.BooleanField("paid for their time as well as expenses", default=True)
    chosen_on = models.DateField()
    saw_information = models.BooleanField(default=False)
    information_policy = models.ForeignKey(
        PaymentPolicy, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    on_behalf = models.BooleanField("recorded by staff for them", default=False)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["person", "-recorded_at"])]

    def __str__(self) -> str:
        return self.get_how_display()


class BankDetails(models.Model):
    """Someone's bank details as one Fernet token (name, sort code, account number),
    shown only to finance; every view and change is in the people audit log.

    Two people for money: details that staff entered, or that anyone changed within
    the policy's `bank_change_days`, are paid to only once a second finance member has
    confirmed them (`confirmed_by`, never the one who entered them). Every change clears
    the confirmation (services.bank_details_set)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="bank_details")
    token = models.TextField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(confirmed_by__isnull=True)
                | models.Q(updated_by__isnull=True)
                | ~models.Q(confirmed_by=models.F("updated_by")),
                name="bank_details_confirmed_by_a_second_person",
            ),
            models.CheckConstraint(
                condition=models.Q(confirmed_by__isnull=True)
                | models.Q(confirmed_at__isnull=False),
                name="bank_details_confirmation_has_a_time",
            ),
        ]

    def __str__(self) -> str:
        return "Bank details"


class ProjectPayments(models.Model):
    """A project's cost code, for finance's export."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, related_name="payments_settings"
    )
    cost_code = models.CharField(max_length=50, blank=True)

    def __str__(self) -> str:
        return self.cost_code


class Claim(models.Model):
    """What one person claims for one meeting or one other activity.

    `pay_by` is worked out when the claim is sent, from the payment target of the
    policy in force then. `policy` is the version whose rates were used, fixed when
    the claim is approved.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="claims")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="claims")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="claims"
    )
    activity = models.CharField("what you did", max_length=200, blank=True)
    activity_on = models.DateField("date")
    status = models.CharField(max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    on_behalf = models.BooleanField("started by staff for them", default=False)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    pay_by = models.DateField(null=True, blank=True)
    returned_reason = models.TextField(max_length=2000, blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    policy = models.ForeignKey(
        PaymentPolicy, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    paid_on = models.DateField(null=True, blank=True)
    paid_reference = models.CharField("payment reference", max_length=100, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    paid_recorded_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-activity_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "meeting"],
                condition=models.Q(meeting__isnull=False),
                name="one_claim_per_person_per_meeting",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="paid") | models.Q(paid_on__isnull=False),
                name="paid_claim_has_a_date",
            ),
        ]
        indexes = [
            models.Index(fields=["project", "status", "pay_by"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self) -> str:
        return f"Claim by {self.person} for {self.meeting or self.activity}"

    @property
    def what(self) -> str:
        return self.meeting.title if self.meeting_id else self.activity

    @property
    def is_open_to_change(self) -> bool:
        return self.status in (ClaimStatus.DRAFT, ClaimStatus.RETURNED)


class ClaimLine(models.Model):
    """One line of a claim: payment for time, or one expense.

    The line for the meeting itself (`is_worked_out`) is written by the services from
    attendance and the policy; the person or staff add the others.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=8, choices=LineKind.choices)
    activity = models.CharField(max_length=12, choices=PaidActivity.choices, blank=True)
    category = models.CharField(max_length=20, choices=ExpenseCategory.choices, blank=True)
    description = models.CharField("what it was", max_length=200, blank=True)
    minutes = models.PositiveIntegerField(null=True, blank=True)
    miles = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    rate_pence = models.PositiveIntegerField(null=True, blank=True)
    amount_pence = models.PositiveBigIntegerField()
    agreed_by = models.CharField("who agreed it first", max_length=150, blank=True)
    is_worked_out = models.BooleanField(default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    on_behalf = models.BooleanField("added by staff for them", default=False)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_worked_out", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="time") & ~models.Q(activity=""))
                | (models.Q(kind="expense") & ~models.Q(category="")),
                name="claim_line_has_its_kind",
            ),
        ]

    def __str__(self) -> str:
        return self.description or self.get_category_display() or self.get_activity_display()

    @property
    def what(self) -> str:
        if self.kind == LineKind.TIME:
            return self.get_activity_display()
        return self.get_category_display()


class Receipt(models.Model):
    """A photo or PDF of a receipt for one expense line, kept encrypted in the private
    storage (a folder or a bucket, see payments/receipts.py) under a name we choose; never
    served as a static file."""

    line = models.OneToOneField(ClaimLine, on_delete=models.CASCADE, related_name="receipt")
    stored_name = models.CharField(max_length=100, unique=True)
    content_type = models.CharField(max_length=40)
    size_bytes = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.stored_name


class ClaimNotice(models.Model):
    """Telling the person their claim was approved or paid, in the way they prefer.
    Emails are sent at once; phone calls, texts and letters wait for staff to say done."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="notices")
    event = models.CharField(max_length=10, choices=NoticeEvent.choices)
    method = models.CharField(max_length=10, choices=NoticeMethod.choices)
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "event"], name="one_notice_per_claim_event")
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} ({self.get_method_display()})"
