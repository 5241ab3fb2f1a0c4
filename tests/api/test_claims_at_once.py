"""Two finance systems approving, or marking paid, the same claim through the API at
the same moment change it once (as tests/payments/test_concurrency.py for the pages).

Real concurrent transactions, one database connection per thread: PostgreSQL only
(SQLite takes one writer at a time, so the race cannot even be set up)."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from coplan.api import services as api_services
from coplan.payments import services
from coplan.payments.models import Claim, ClaimNotice
from coplan.projects.roles import Role
from tests.api.helpers import bearer
from tests.at_once import at_once
from tests.factories import MembershipFactory
from tests.payments.conftest import Team, sent_claim

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write transaction at a time, so two "
        "approvals can never overlap",
    ),
]


def _token(user) -> dict[str, str]:
    return bearer(
        api_services.access_token_create(user=user, name="T", scope="read_write", days=30).token
    )


def _answers_at_once(path: str, body: dict, tokens: list[dict[str, str]]) -> list[tuple[int, dict]]:
    """POST to `path` with each token, each in its own thread and connection, together:
    each answer's status and body."""

    def post(token):
        response = Client().post(
            path, data=json.dumps(body), content_type="application/json", **token
        )
        return response.status_code, response.json()

    answers = at_once(*(lambda token=token: post(token) for token in tokens))
    for answer in answers:
        if isinstance(answer, Exception):
            raise answer
    return answers


def _at_once(path: str, body: dict, tokens: list[dict[str, str]]) -> list[tuple[int, str]]:
    """As `_answers_at_once`: each answer's status and problem's words, in order."""
    return sorted(
        (status, answer.get("detail", ""))
        for status, answer in _answers_at_once(path, body, tokens)
    )


def test_two_approvals_at_once_approve_once():
    team = Team()
    claim = sent_claim(team)
    tokens = [_token(team.user(Role.LEAD)), _token(team.user(Role.FINANCE))]

    results = _at_once(f"/api/v1/projects/{team.project.pk}/claims/{claim.pk}/approve", {}, tokens)

    assert results == [(200, ""), (409, "This claim has already been approved")]
    assert ClaimNotice.objects.filter(claim=claim).count() == 1


def test_two_mark_paid_at_once_pay_once():
    team = Team()
    claim = services.claim_approve(claim=sent_claim(team), approved_by=team.user(Role.LEAD))
    second = MembershipFactory(project=team.project, role=Role.FINANCE).user
    tokens = [_token(team.user(Role.FINANCE)), _token(second)]
    body = {"paid_on": timezone.localdate().isoformat(), "reference": "BACS 1"}

    results = _at_once(f"/api/v1/projects/{team.project.pk}/claims/{claim.pk}/paid", body, tokens)

    assert [status for status, _ in results] == [200, 409]
    assert results[1][1] in {
        "This claim has already been paid",
        "This claim is at the step: paid.",
    }
    assert Claim.objects.get(pk=claim.pk).status == "paid"
    assert ClaimNotice.objects.filter(claim=claim, event="paid").count() == 1


def test_two_batches_at_once_pay_each_claim_once_and_say_so():
    team = Team()
    lead = team.user(Role.LEAD)
    claims = [
        services.claim_approve(
            claim=sent_claim(team, activity=f"Reading {number}"), approved_by=lead
        )
        for number in range(3)
    ]
    second = MembershipFactory(project=team.project, role=Role.FINANCE).user
    tokens = [_token(team.user(Role.FINANCE)), _token(second)]
    body = {
        "claim_ids": [claim.pk for claim in claims],
        "paid_on": timezone.localdate().isoformat(),
        "reference": "BACS 1",
    }

    answers = _answers_at_once(
        f"/api/v1/organisations/{team.project.organisation_id}/claims-waiting/paid", body, tokens
    )

    assert [status for status, _ in answers] == [200, 200]
    for claim in claims:
        outcomes = sorted(
            (each["outcome"], each["reason"])
            for _, answer in answers
            for each in answer["claims"]
            if each["claim_id"] == claim.pk
        )
        assert outcomes == [("not_paid", "This claim has already been paid"), ("paid", "")]
        assert Claim.objects.get(pk=claim.pk).status == "paid"
        assert ClaimNotice.objects.filter(claim=claim, event="paid").count() == 1
