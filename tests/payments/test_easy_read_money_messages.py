"""A co-producer who asked for Easy Read papers is told about their own money in Easy
Read: the claim approved, sent back (with the approver's reason as they wrote it) or paid,
and their bank details changed. Everyone else gets the usual words. Sent by the real task
worker over SMTP to the tests' real mail server (tests/notifications/conftest)."""

import datetime

import pytest
from django.utils import timezone

from coplan.language import EASY_READ, check
from coplan.payments import services as payments
from coplan.projects.roles import Role
from tests.notifications.conftest import smtp_server  # noqa: F401 - the real SMTP server
from tests.notifications.worker import run_worker
from tests.payments.conftest import Team, sent_claim

pytestmark = pytest.mark.django_db(transaction=True)

CO, LEAD, FINANCE = Role.CO_PRODUCER, Role.LEAD, Role.FINANCE
REASON = "Please add the bus ticket.\nThe photo of the receipt is too dark to read."


def _written_out(day: datetime.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _team(smtp, formats) -> tuple[Team, object]:
    team = Team()
    co_producer = team.person(CO)
    co_producer.formats = list(formats)
    co_producer.save()
    team.project.name = "The walking group"
    team.project.save()
    claim = sent_claim(team, activity="Bus planning day")
    run_worker()  # the approvers hear a claim is waiting: not under test
    smtp.messages.clear()
    return team, claim


def _lines(smtp, team) -> tuple[str, list[str]]:
    address = team.person(CO).email
    (subject,) = smtp.to(address)
    body = smtp.body_to(address).replace("\r\n", "\n")
    smtp.messages.clear()
    return subject, [line for line in body.splitlines() if line]


def _hard(lines: list[str], *theirs: str) -> list:
    """What the Easy Read check finds in our words (not in words people typed)."""
    return [
        (finding.kind, finding.text)
        for line in lines
        if line not in theirs
        for finding in check(line, mode=EASY_READ).findings
    ]


def _sent_again_and_paid(server, team, claim):
    """The claim sent again, approved by the lead and paid today by finance; only the
    message about the payment is kept. The day it was paid."""
    payments.claim_submit(claim=claim, submitted_by=team.user(CO))
    payments.claim_approve(claim=claim, approved_by=team.user(LEAD))
    run_worker()
    server.messages.clear()
    today = timezone.localdate()
    payments.claim_mark_paid(
        claim=claim, paid_by=team.user(FINANCE), paid_on=today, reference="7214 5520"
    )
    run_worker()
    return today


def test_a_co_producer_who_asked_for_easy_read_is_told_about_their_claim_in_easy_read(
    smtp_server,  # noqa: F811 - the fixture imported above
):
    team, claim = _team(smtp_server, ["easy_read"])
    name = team.person(CO).full_name

    payments.claim_approve(claim=claim, approved_by=team.user(FINANCE))
    run_worker()
    claim.refresh_from_db()
    subject, said = _lines(smtp_server, team)

    assert subject == "We said yes to your claim for Bus planning day"
    assert said[:7] == [
        f"Hello {name}.",
        "We said yes to your claim.",
        "The claim is for Bus planning day.",
        "The project is The walking group.",
        "The money is £4.50.",
        f"We will pay you by {_written_out(claim.pay_by)}.",
        "Use this link:",
    ]
    assert _hard(said[1:6]) == []

    payments.claim_return(claim=claim, returned_by=team.user(LEAD), reason=REASON)
    run_worker()
    subject, said = _lines(smtp_server, team)

    assert subject == "Your claim for Bus planning day needs a change"
    assert said[:11] == [
        f"Hello {name}.",
        "We sent your claim back to you.",
        "The claim is for Bus planning day.",
        "The project is The walking group.",
        "We need you to change your claim.",
        "What needs to change:",
        "Please add the bus ticket.",
        "The photo of the receipt is too dark to read.",
        "Please change your claim.",
        "Then send it again.",
        "Use this link:",
    ]
    assert _hard(said[1:10], *REASON.splitlines()) == []

    today = _sent_again_and_paid(smtp_server, team, claim)
    subject, said = _lines(smtp_server, team)

    assert subject == "We have paid your claim for Bus planning day"
    assert said[:9] == [
        f"Hello {name}.",
        "We have paid your claim.",
        "The claim is for Bus planning day.",
        "The project is The walking group.",
        "We paid you £4.50.",
        f"We paid you on {_written_out(today)}.",
        "The payment has a reference.",
        "The reference is 7214 5520.",
        "Use this link:",
    ]
    assert _hard(said[1:8]) == []


def test_a_co_producer_who_asked_for_easy_read_is_told_of_new_bank_details_in_easy_read(
    smtp_server,  # noqa: F811
):
    team, _ = _team(smtp_server, ["easy_read"])
    organisation = team.project.organisation.name

    payments.bank_details_set(
        person=team.person(CO),
        name="Sam Smith",
        sort_code="30-94-57",
        account_number="12345678",
        actor=team.user(FINANCE),
        where="test",
        project=team.project,
    )
    run_worker()
    subject, said = _lines(smtp_server, team)

    assert subject == "Your bank details have changed"
    assert said[1] == (
        f"{team.user(FINANCE).full_name} changed your bank details at {organisation}."
    )
    assert said[2].startswith(f"This was on {_written_out(timezone.localdate())} at ")
    assert said[3:5] == [
        "Did someone do this without asking you?",
        f"Tell {organisation} straight away.",
    ]


def test_a_co_producer_who_did_not_ask_for_easy_read_gets_the_usual_words(
    smtp_server,  # noqa: F811
):
    team, claim = _team(smtp_server, [])

    payments.claim_approve(claim=claim, approved_by=team.user(FINANCE))
    run_worker()
    claim.refresh_from_db()
    approved, approved_body = _lines(smtp_server, team)
    payments.claim_return(claim=claim, returned_by=team.user(LEAD), reason="Add the ticket.")
    run_worker()
    returned, returned_body = _lines(smtp_server, team)
    today = _sent_again_and_paid(smtp_server, team, claim)
    paid, paid_body = _lines(smtp_server, team)

    assert approved == "We have approved your claim for Bus planning day"
    pay_by = f"{claim.pay_by.day} {claim.pay_by:%B %Y}"
    assert (
        "We have approved your claim for Bus planning day in The walking group, for £4.50. "
        f"We will pay you by {pay_by}."
    ) in " ".join(approved_body)
    assert returned == "Your claim for Bus planning day needs a change"
    assert "What needs to change: Add the ticket. Please change your claim" in " ".join(
        returned_body
    )
    assert paid == "We have paid your claim for Bus planning day"
    assert (
        f"We paid your claim for Bus planning day in The walking group on {today.day} "
        f"{today:%B %Y}, £4.50. The payment reference is 7214 5520."
    ) in " ".join(paid_body)
    everything = approved_body + returned_body + paid_body
    assert "We said yes to your claim." not in everything
    assert "What needs to change:" not in everything
