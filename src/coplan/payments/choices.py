"""Fixed lists for paying people, in the words people use."""

from django.db import models


class RateBasis(models.TextChoices):
    HOUR = "hour", "By the hour"
    HALF_DAY = "half_day", "By the half day or day"
    ACTIVITY = "activity", "A set amount for each meeting or activity"


class PaidActivity(models.TextChoices):
    """What people can be paid for their time doing (the issue's list)."""

    MEETINGS = "meetings", "Meetings and workshops"
    READING = "reading", "Reading papers"
    PREPARATION = "preparation", "Preparation"
    TRAVEL_TIME = "travel_time", "Travel time"


class ExpenseCategory(models.TextChoices):
    PUBLIC_TRANSPORT = "public_transport", "Bus, train or tram fares"
    MILEAGE = "mileage", "Mileage in your own car or van"
    TAXI = "taxi", "Taxi"
    PARKING = "parking", "Parking"
    CARER = "carer", "A carer's or personal assistant's costs"
    CHILDCARE = "childcare", "Childcare"
    FOOD = "food", "Food and drink"


class HowPaid(models.TextChoices):
    BANK = "bank", "Bank transfer"
    VOUCHERS = "vouchers", "Vouchers"
    NOT_PAID = "not_paid", "Not at all: I am volunteering and will not claim anything"


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", "Not sent yet"
    SUBMITTED = "submitted", "Sent, waiting for approval"
    RETURNED = "returned", "Sent back to you to change"
    APPROVED = "approved", "Approved, waiting to be paid"
    PAID = "paid", "Paid"


class LineKind(models.TextChoices):
    TIME = "time", "Payment for your time"
    EXPENSE = "expense", "Expenses"


class NoticeEvent(models.TextChoices):
    APPROVED = "approved", "Claim approved"
    PAID = "paid", "Claim paid"


class NoticeMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"
    POST = "post", "Letter"
