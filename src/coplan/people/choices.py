"""Fixed lists of choices, in the words the guide uses."""

from django.db import models


class GroupCategory(models.TextChoices):
    """The seed's list of who a project affects."""

    USING_SERVICES = "using_services", "People using or receiving services"
    FAMILIES = "families", "Families"
    CARERS = "carers", "Carers"
    PUBLIC = "public", "Members of the public"
    COLLEAGUES = "colleagues", "Colleagues"
    OTHER_ORGANISATIONS = "other_organisations", "Other professionals or organisations"
    OTHER = "other", "Another group"


SEED_CATEGORIES = [category for category in GroupCategory if category != GroupCategory.OTHER]


class Helper(models.TextChoices):
    """Who can help reach a group (the seed's examples)."""

    COLLEAGUES = "colleagues", "Colleagues"
    COMMUNICATIONS = "communications", "Internal or external communications teams"
    COMMUNITY_LEADERS = "community_leaders", "Community leaders"
    OTHER_ORGANISATIONS = "other_organisations", "Other organisations"


SCALE = [(1, "Very low"), (2, "Low"), (3, "Medium"), (4, "High"), (5, "Very high")]
SCALE_LABELS = dict(SCALE)


class InvolvementRole(models.TextChoices):
    CO_PRODUCER = "co_producer", "Co-producer"
    CARER = "carer", "Carer"
    FAMILY = "family", "Family member"
    ADVISOR = "advisor", "Advisor"
    PUBLIC = "public", "Member of the public"
    COLLEAGUE = "colleague", "Colleague (staff)"
    OTHER = "other", "Something else"


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"
    POST = "post", "Post"


class Format(models.TextChoices):
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy Read"
    AUDIO = "audio", "Audio"
    BSL = "bsl", "British Sign Language"
    BRAILLE = "braille", "Braille"
    OTHER_LANGUAGE = "other_language", "Another language"


class ConsentPurpose(models.TextChoices):
    DATA_STORAGE = "data_storage", "Storing their details"
    MEDIA = "media", "Photos, film and recordings"
    FUTURE_CONTACT = "future_contact", "Contact about future projects"


CONSENT_QUESTIONS = {
    ConsentPurpose.DATA_STORAGE: "Can we keep your details to work with you on this project?",
    ConsentPurpose.MEDIA: "Can we take photos, film or recordings of you and use them?",
    ConsentPurpose.FUTURE_CONTACT: "Can we contact you about future projects?",
}

CONSENT_EXPLANATIONS = {
    ConsentPurpose.DATA_STORAGE: (
        "We keep your name, how to contact you and what you need to take part. We use them "
        "to invite you, meet your needs and pay you. Only the people running the project see "
        "what you need. We delete your details when you ask, or when you have not been "
        "involved for the time our organisation has set."
    ),
    ConsentPurpose.MEDIA: (
        "We may take photos, film or sound recordings at meetings and use them in reports, "
        "on our website and on social media. We will not use any of you unless you say yes."
    ),
    ConsentPurpose.FUTURE_CONTACT: (
        "We may contact you about other projects you could be part of. You can say no and "
        "still take part in this one."
    ),
}


class ConsentMethod(models.TextChoices):
    ONLINE = "online", "Online, by themselves"
    PAPER = "paper", "On a paper form"
    EASY_READ_FORM = "easy_read_form", "On an Easy Read form"
    SPOKEN = "spoken", "Spoken (in person or by phone), and written down by staff"


class AuditAction(models.TextChoices):
    VIEWED_NEEDS = "viewed_needs", "Saw access needs"
    CHANGED_NEEDS = "changed_needs", "Changed access needs"
    EXPORTED = "exported", "Downloaded everything held"
    # A spreadsheet of "Download data" (projects.registries.EXPORTS) that names them.
    DOWNLOADED = "downloaded", "In a spreadsheet someone downloaded"
    IMPORTED = "imported", "Imported from a spreadsheet, with access needs"
    ERASED = "erased", "Erased"
    # Paying people (coplan.payments): bank details are protected like access needs.
    VIEWED_BANK_DETAILS = "viewed_bank", "Saw bank details"
    CHANGED_BANK_DETAILS = "changed_bank", "Changed bank details"
