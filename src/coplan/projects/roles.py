from django.db import models


class Role(models.TextChoices):
    """What someone does in a project. Words as the guide uses them."""

    LEAD = "lead", "Project lead"
    CO_PRODUCER = "co_producer", "Co-producer"
    FACILITATOR = "facilitator", "Facilitator"
    MANAGER = "manager", "Manager"
    FINANCE = "finance", "Finance"


ROLE_DESCRIPTIONS = {
    Role.LEAD: "Plans the project, invites people and keeps track of everything.",
    Role.CO_PRODUCER: (
        "Someone who uses services, a family member, a carer or a member of the public, "
        "working on the project as an equal."
    ),
    Role.FACILITATOR: "Runs meetings and workshops.",
    Role.MANAGER: "Supports the project and signs things off.",
    Role.FINANCE: "Approves and pays expenses and payments for people's time.",
}
