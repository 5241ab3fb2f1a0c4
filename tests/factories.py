import datetime

import factory
from django.utils import timezone

from coplan.accounts.models import User
from coplan.organisations.models import Organisation, StaffMembership
from coplan.people import crypto
from coplan.planning.models import Barrier, BudgetLine, Milestone, SignOff
from coplan.projects.models import Invitation, Membership, Project
from coplan.projects.roles import Role
from coplan.projects.selectors import token_hash

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")


class StaffMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Project {n}")
    description = "Looking again at day services with the people who use them."
    reason = "The contracts end next year."
    start_date = datetime.date(2027, 1, 4)
    end_date = datetime.date(2028, 1, 4)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    project = factory.SubFactory(ProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.CO_PRODUCER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    class Params:
        token = factory.Sequence(lambda n: f"test-token-{n}")

    project = factory.SubFactory(ProjectFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    role = Role.CO_PRODUCER
    token_hash = factory.LazyAttribute(lambda invitation: token_hash(invitation.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


# People (coplan.people) -------------------------------------------------------------------

from coplan.people.models import (  # noqa: E402
    ConsentRecord,
    Involvement,
    MonitoringAim,
    Person,
    StakeholderGroup,
)


class StakeholderGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderGroup

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Stakeholder group {n}")
    category = "using_services"
    influence = 2
    interest = 4


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organisation = factory.SubFactory(OrganisationFactory)
    full_name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")


class InvolvementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Involvement

    project = factory.SubFactory(ProjectFactory)
    person = factory.SubFactory(
        PersonFactory, organisation=factory.SelfAttribute("..project.organisation")
    )
    role = "co_producer"


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    person = factory.SubFactory(PersonFactory)
    purpose = "data_storage"
    given = True
    given_on = datetime.date(2027, 1, 4)
    method = "paper"
    told = "We keep your details to work with you on this project."


class MonitoringAimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonitoringAim

    project = factory.SubFactory(ProjectFactory)
    question = "carer"
    answer = "yes"
    aim = 5


# Sign-offs, timeline, budget and barriers (coplan.planning) -------------------------


class SignOffFactory(factory.django.DjangoModelFactory):
    """Waiting, from someone outside the project, due 1 March 2027."""

    class Meta:
        model = SignOff

    project = factory.SubFactory(ProjectFactory)
    what = factory.Sequence(lambda n: f"Sign-off {n}")
    signer = None
    signer_outside = "Sam Jones, communications team"
    due_on = datetime.date(2027, 3, 1)


class MilestoneFactory(factory.django.DjangoModelFactory):
    """Not a meeting, not done, on 1 March 2027."""

    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = datetime.date(2027, 3, 1)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    """£100.00 planned for the venue."""

    class Meta:
        model = BudgetLine

    project = factory.SubFactory(ProjectFactory)
    category = "venue"
    description = factory.Sequence(lambda n: f"Planned spending {n}")
    planned_pence = 10_000


class BarrierFactory(factory.django.DjangoModelFactory):
    """Not started, with no owner unless one is given."""

    class Meta:
        model = Barrier

    project = factory.SubFactory(ProjectFactory)
    what = factory.Sequence(lambda n: f"Barrier {n}")
    how_lifted = "Pay for taxis to the venue."
    owner = None


# Working together (coplan.working_together) ---------------------------------------

from coplan.working_together.models import (  # noqa: E402
    Action,
    Agreement,
    AgreementVersion,
    CarParkItem,
    DecisionArea,
    SessionRecord,
    SharedDefinition,
)


class SessionRecordFactory(factory.django.DjangoModelFactory):
    """Held on 1 March 2027, with nobody recorded as coming."""

    class Meta:
        model = SessionRecord

    project = factory.SubFactory(ProjectFactory)
    held_on = datetime.date(2027, 3, 1)
    title = factory.Sequence(lambda n: f"Session {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    """A current agreement with its first version, written by no one in particular."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    text = factory.Sequence(lambda n: f"We listen to each other {n}")

    @factory.post_generation
    def first_version(self, create, extracted, **kwargs):
        if create:
            AgreementVersion.objects.create(
                agreement=self, number=1, text=self.text, change="written"
            )


class CarParkItemFactory(factory.django.DjangoModelFactory):
    """Added on 1 February 2027, not at a session, nobody following it up yet."""

    class Meta:
        model = CarParkItem

    project = factory.SubFactory(ProjectFactory)
    text = factory.Sequence(lambda n: f"Car park item {n}")
    raised_on = datetime.date(2027, 2, 1)
    owner = None


class ActionFactory(factory.django.DjangoModelFactory):
    """To do by 1 March 2027, nobody owning it unless given."""

    class Meta:
        model = Action

    project = factory.SubFactory(ProjectFactory)
    what = factory.Sequence(lambda n: f"Action {n}")
    due_on = datetime.date(2027, 3, 1)
    owner = None


class SharedDefinitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SharedDefinition

    project = factory.SubFactory(ProjectFactory)
    word = factory.Sequence(lambda n: f"word{n}")
    meaning = "What the group agreed it means."


class DecisionAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DecisionArea

    project = factory.SubFactory(ProjectFactory)
    area = factory.Sequence(lambda n: f"Decisions {n}")
    open_to_influence = "What the day centre offers."
    fixed = "The budget."
    why_fixed = "The council set it in March."


# Meetings and workshops (coplan.meetings) -----------------------------------------------

from coplan.meetings.models import InvitedPerson, Meeting, Paper, Venue  # noqa: E402


class VenueFactory(factory.django.DjangoModelFactory):
    """Not checked yet: every audit answer "not checked yet", no date."""

    class Meta:
        model = Venue

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Venue {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    """In person on Monday 1 March 2027, 10am for 3 hours; no venue, no invitation date."""

    class Meta:
        model = Meeting

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Workshop {n}")
    format = "in_person"
    meets_on = datetime.date(2027, 3, 1)
    starts_at = datetime.time(10, 0)
    length_minutes = 180


class PaperFactory(factory.django.DjangoModelFactory):
    """In standard print, to send by 15 February 2027, not sent."""

    class Meta:
        model = Paper

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")
    send_by = datetime.date(2027, 2, 15)
    formats = factory.LazyFunction(lambda: ["standard"])


class InvitedPersonFactory(factory.django.DjangoModelFactory):
    """Someone in the meeting's project, with no reply yet."""

    class Meta:
        model = InvitedPerson

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.LazyAttribute(
        lambda invited: InvolvementFactory(project=invited.meeting.project).person
    )


# Paying people (coplan.payments) ---------------------------------------------------------

from coplan.payments.models import Claim, ClaimLine, PaymentChoice, PaymentPolicy  # noqa: E402


class PaymentPolicyFactory(factory.django.DjangoModelFactory):
    """From 1 January 2026: £15 an hour for meetings and reading papers; fares, mileage at
    45p, taxis agreed first, parking and food; receipts for fares, taxis and parking;
    paid within 10 working days."""

    class Meta:
        model = PaymentPolicy

    organisation = factory.SubFactory(OrganisationFactory)
    applies_from = datetime.date(2026, 1, 1)
    basis = "hour"
    hour_rate_pence = 1500
    paid_activities = factory.LazyFunction(lambda: ["meetings", "reading"])
    covered_expenses = factory.LazyFunction(
        lambda: ["public_transport", "mileage", "taxi", "parking", "food"]
    )
    receipt_needed = factory.LazyFunction(lambda: ["public_transport", "taxi", "parking"])
    agreed_first = factory.LazyFunction(lambda: ["taxi"])
    mileage_pence_per_mile = 45
    information = "Payment for your time may affect some benefits. Ask us before you choose."
    target_working_days = 10


class PaymentChoiceFactory(factory.django.DjangoModelFactory):
    """Bank transfer, paid for their time, information seen."""

    class Meta:
        model = PaymentChoice

    person = factory.SubFactory(PersonFactory)
    how = "bank"
    time_paid = True
    chosen_on = datetime.date(2026, 1, 5)
    saw_information = True


class ClaimFactory(factory.django.DjangoModelFactory):
    """Not sent yet, for another activity (reading papers) on 1 March 2027."""

    class Meta:
        model = Claim

    project = factory.SubFactory(ProjectFactory)
    person = factory.LazyAttribute(lambda claim: InvolvementFactory(project=claim.project).person)
    activity = "Reading the papers"
    activity_on = datetime.date(2027, 3, 1)


class ClaimLineFactory(factory.django.DjangoModelFactory):
    """A £4.50 bus fare."""

    class Meta:
        model = ClaimLine

    claim = factory.SubFactory(ClaimFactory)
    kind = "expense"
    category = "public_transport"
    description = "Bus there and back"
    amount_pence = 450


class WebhookFactory(factory.django.DjangoModelFactory):
    """Every event, to an https address; its secret is "whsec_test" (kept encrypted)."""

    class Meta:
        model = "webhooks.Webhook"

    organisation = factory.SubFactory(OrganisationFactory)
    url = factory.Sequence(lambda n: f"https://finance{n}.example.org/coplan")
    events = factory.LazyFunction(
        lambda: ["claim.approved", "claim.paid", "meeting.changed", "you_said_we_did.published"]
    )
    secret_token = factory.LazyFunction(lambda: crypto.encrypt_json("whsec_test"))


class DeliveryFactory(factory.django.DjangoModelFactory):
    """A test event waiting to be sent."""

    class Meta:
        model = "webhooks.Delivery"

    webhook = factory.SubFactory(WebhookFactory)
    event = "test"
    body = '{"data":{"message":"A test event"},"event":"test"}'
