import datetime
import io

import pytest
from PIL import Image

from coplan.projects.roles import Role
from tests.factories import (
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    PaymentChoiceFactory,
    PaymentPolicyFactory,
    ProjectFactory,
)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png_bytes(size=(20, 10)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), (30, 30, 200)).save(out, format="JPEG")
    return out.getvalue()


class Team:
    """A project with one member per role, each with their own person record, a payment
    policy for the organisation, and the co-producer choosing bank transfer."""

    def __init__(self) -> None:
        self.project = ProjectFactory()
        self.members = {role: MembershipFactory(project=self.project, role=role) for role in Role}
        self.people = {
            role: InvolvementFactory(project=self.project, person__user=member.user).person
            for role, member in self.members.items()
        }
        self.policy = PaymentPolicyFactory(organisation=self.project.organisation)
        PaymentChoiceFactory(person=self.people[Role.CO_PRODUCER])
        self.meeting = MeetingFactory(
            project=self.project, meets_on=datetime.date(2027, 3, 1), length_minutes=150
        )

    def user(self, role):
        return self.members[role].user

    def person(self, role):
        return self.people[role]


@pytest.fixture
def team(db):
    return Team()


def sent_claim(team: Team, activity: str = "Reading the papers"):
    """The co-producer's claim for an activity with a bus fare and its receipt, sent."""
    from coplan.payments import services

    co_producer = team.user(Role.CO_PRODUCER)
    claim = services.claim_start(
        project=team.project,
        person=team.person(Role.CO_PRODUCER),
        created_by=co_producer,
        activity=activity,
        activity_on=datetime.date(2027, 3, 1),
    )
    services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=co_producer,
    )
    return services.claim_submit(claim=claim, submitted_by=co_producer)
