"""The demo organisation, project and one person per role (see `coplan.core.demo`)."""

import datetime

from django.utils import timezone

from coplan.accounts.models import User
from coplan.core.demo import DEMO_PASSWORD, Demo
from coplan.organisations.models import Organisation
from coplan.organisations.services import organisation_add_staff
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

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


def _demo_user(full_name: str, email: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=full_name)
    return user


def project_demo_load(demo: Demo) -> None:
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
    for full_name, email, role in DEMO_PEOPLE:
        user = _demo_user(full_name, email)
        Membership.objects.get_or_create(project=project, user=user, defaults={"role": role})
        if role in STAFF_ROLES:
            organisation_add_staff(organisation=organisation, user=user)
        demo.sign_ins.append((role.label, email))
    admin_name, admin_email = DEMO_ADMIN
    admin = _demo_user(admin_name, admin_email)
    organisation_add_staff(organisation=organisation, user=admin, is_admin=True)
    demo.sign_ins.append(("Organisation admin", admin_email))
    demo.organisation, demo.project = organisation, project
