"""Demo data for trying coplan on a laptop: idempotent, so `make run` can load it every time."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from coplan.accounts.models import User
from coplan.feedback.demo import feedback_demo_load
from coplan.meeting_invitations.demo import invitations_demo_load
from coplan.meetings.demo import meetings_demo_load
from coplan.organisations.models import Organisation
from coplan.organisations.services import organisation_add_staff
from coplan.payments.demo import payments_demo_load
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role
from coplan.working_together.demo import working_together_demo_load

DEMO_PASSWORD = "demo-coplan-2026"  # noqa: S105 - printed for local demo use only
DEMO_ORGANISATION = "Demo County Council"
DEMO_PROJECT = "Day services review"

DEMO_PEOPLE = [
    ("Priya Lead", "lead@demo.coplan.local", Role.LEAD),
    ("Sam Co-producer", "coproducer@demo.coplan.local", Role.CO_PRODUCER),
    ("Femi Facilitator", "facilitator@demo.coplan.local", Role.FACILITATOR),
    ("Morgan Manager", "manager@demo.coplan.local", Role.MANAGER),
    ("Jo Finance", "finance@demo.coplan.local", Role.FINANCE),
]
DEMO_ADMIN = ("Alex Admin", "admin@demo.coplan.local")
STAFF_ROLES = {Role.LEAD, Role.FACILITATOR, Role.MANAGER, Role.FINANCE}


@dataclass(frozen=True)
class Demo:
    organisation: Organisation
    project: Project
    sign_ins: list[tuple[str, str]]


def _demo_user(full_name: str, email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=full_name)
    return user


@transaction.atomic
def demo_data_load() -> Demo:
    organisation, _ = Organisation.objects.get_or_create(name=DEMO_ORGANISATION)
    today = timezone.localdate()
    project, _ = Project.objects.get_or_create(
        organisation=organisation,
        name=DEMO_PROJECT,
        defaults={
            "description": (
                "We are looking again at day services for adults with learning disabilities, "
                "with the people who use them, their families and carers."
            ),
            "reason": (
                "The contracts for day services end next year, so the services must be "
                "planned again."
            ),
            "start_date": today,
            "end_date": today + datetime.timedelta(days=365),
        },
    )
    sign_ins = []
    for full_name, email, role in DEMO_PEOPLE:
        user = _demo_user(full_name, email)
        Membership.objects.get_or_create(project=project, user=user, defaults={"role": role})
        if role in STAFF_ROLES:
            organisation_add_staff(organisation=organisation, user=user)
        sign_ins.append((role.label, email))
    admin_name, admin_email = DEMO_ADMIN
    admin = _demo_user(admin_name, admin_email)
    organisation_add_staff(organisation=organisation, user=admin, is_admin=True)
    sign_ins.append(("Organisation admin", admin_email))
    working_together_demo_load(project=project)
    meetings_demo_load(project=project)
    invitations_demo_load(project=project)
    feedback_demo_load(project=project)
    payments_demo_load(project=project)
    return Demo(organisation=organisation, project=project, sign_ins=sign_ins)
