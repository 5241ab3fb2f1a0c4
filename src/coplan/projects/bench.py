"""The benchmark organisation, its projects and the accounts that sign in (see
`coplan.core.bench`)."""

import datetime

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from coplan.accounts.models import User
from coplan.core.bench import BENCH_BIG_PROJECT, BENCH_ORGANISATION, BENCH_PASSWORD, Bench
from coplan.organisations.models import Organisation, StaffMembership
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role


def bench_lead_email(number: int) -> str:
    """The sign-in of the big project's lead number `number` (from 1)."""
    return f"lead{number:02d}@bench.coplan.local"


def projects_bench_seed(bench: Bench) -> None:
    size, today = bench.size, timezone.localdate()
    if Organisation.objects.filter(name=BENCH_ORGANISATION).exists():
        raise ValueError("The benchmark organisation is already here: use an empty database")
    organisation = Organisation.objects.create(name=BENCH_ORGANISATION)
    password = make_password(BENCH_PASSWORD)  # hashed once: the hash is slow on purpose
    big_leads = [
        User(email=bench_lead_email(number), full_name=f"Lead {number}", password=password)
        for number in range(1, size.leads + 1)
    ]
    other_leads = [
        User(email=f"project{number:03d}@bench.coplan.local", full_name=f"Project lead {number}")
        for number in range(1, size.projects)
    ]
    for user in other_leads:
        user.set_unusable_password()
    User.objects.bulk_create(big_leads + other_leads)
    projects = Project.objects.bulk_create(
        Project(
            organisation=organisation,
            name=BENCH_BIG_PROJECT if number == 0 else f"Project {number:03d}",
            description="A project of the benchmark organisation.",
            reason="To measure coplan at a large organisation's size.",
            start_date=today - datetime.timedelta(days=400),
            end_date=today + datetime.timedelta(days=365),
        )
        for number in range(size.projects)
    )
    big = projects[0]
    memberships = [Membership(project=big, user=user, role=Role.LEAD) for user in big_leads]
    memberships += [
        Membership(project=project, user=user, role=Role.LEAD)
        for project, user in zip(projects[1:], other_leads, strict=True)
    ]
    Membership.objects.bulk_create(memberships)
    StaffMembership.objects.bulk_create(
        StaffMembership(organisation=organisation, user=user, is_admin=user is big_leads[0])
        for user in big_leads + other_leads
    )
    bench.organisation, bench.big_project, bench.projects = organisation, big, projects
    bench.leads = big_leads
