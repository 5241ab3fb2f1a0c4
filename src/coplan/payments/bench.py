"""The benchmark organisation's expense claims, each with a line for time and one for
an expense, and its finance officer, finance in every project (the organisation's queue
of claims waiting). See `coplan.core.bench`."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from coplan.core.bench import BENCH_PASSWORD, Bench
from coplan.payments.choices import ClaimStatus, ExpenseCategory, LineKind, PaidActivity
from coplan.payments.models import Claim, ClaimLine
from coplan.projects.models import Membership
from coplan.projects.roles import Role

BENCH_FINANCE_EMAIL = "finance@bench.coplan.local"


def _claims(bench: Bench, project_pk: int, count: int) -> list[Claim]:
    today, chance = timezone.localdate(), bench.random
    people = bench.found["people"][project_pk]
    claims = []
    for number in range(count):
        status = ClaimStatus.values[number % len(ClaimStatus.values)]
        activity_on = today - datetime.timedelta(days=number % 365)
        claims.append(
            Claim(
                project_id=project_pk,
                person_id=chance.choice(people),
                activity=f"Reading papers for workshop {number % 40 + 1}",
                activity_on=activity_on,
                status=status,
                submitted_at=timezone.now() if status != ClaimStatus.DRAFT else None,
                pay_by=activity_on + datetime.timedelta(days=20)
                if status != ClaimStatus.DRAFT
                else None,
                paid_on=activity_on + datetime.timedelta(days=15)
                if status == ClaimStatus.PAID
                else None,
            )
        )
    return claims


def _finance_officer(bench: Bench) -> None:
    officer = get_user_model().objects.create(
        email=BENCH_FINANCE_EMAIL,
        full_name="Finance officer",
        password=make_password(BENCH_PASSWORD),
    )
    Membership.objects.bulk_create(
        Membership(project=project, user=officer, role=Role.FINANCE) for project in bench.projects
    )
    bench.found["finance"] = officer.email


def payments_bench_seed(bench: Bench) -> None:
    size = bench.size
    _finance_officer(bench)
    claims = _claims(bench, bench.big_project.pk, size.big_claims)
    others = bench.projects[1:]
    for project in others:
        claims += _claims(bench, project.pk, size.other_claims // max(len(others), 1))
    claims = Claim.objects.bulk_create(claims, batch_size=2000)
    lines = []
    for claim in claims:
        lines.append(
            ClaimLine(
                claim=claim,
                kind=LineKind.TIME,
                activity=PaidActivity.READING,
                minutes=120,
                rate_pence=1500,
                amount_pence=3000,
                is_worked_out=True,
            )
        )
        lines.append(
            ClaimLine(
                claim=claim,
                kind=LineKind.EXPENSE,
                category=ExpenseCategory.PUBLIC_TRANSPORT,
                description="Bus there and back",
                amount_pence=450 + claim.pk % 300,
            )
        )
    ClaimLine.objects.bulk_create(lines, batch_size=5000)
