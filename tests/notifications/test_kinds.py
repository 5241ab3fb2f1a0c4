"""The kinds of message every app registers: all there, in plain words."""

import pytest

from coplan.language import EASY_READ, check
from coplan.notifications import kinds
from coplan.notifications.kinds import MONEY, SECURITY, Kind, kinds_all, kinds_register

# What a message is filled in with, as plain as what people type.
SAMPLE = {
    "what": "the bus fare",
    "project": "The walking group",
    "person": "Sam Smith",
    "amount": "£4.50",
    "by": " by 4 March 2027",
    "pay_when": "by Thursday 4 March 2027",
    "reason": "Add the receipt.",
    "paid_on": "4 March 2027",
    "paid_day": "Thursday 4 March 2027",
    "reference": "7214 5520",
    "who": "Alex Jones",
    "change": "changed",
    "organisation": "Banbury Council",
    "when": "4 March 2027 at 10am",
    "changed_when": "Thursday 4 March 2027 at 10am",
    "due": "4 March 2027",
    "message": "There is not enough time for this project.",
    "way": "Ask your manager for more time",
    "lead": "Alex Lead",
    "text": "Can we meet in the evenings?",
    "answer": "Yes, from June.",
    "meeting": "The first workshop",
    "day": "1 March 2027",
    "title": "How was the workshop?",
    "reply": "coming in person",
    "manager": "Morgan Manager",
    "outcome": "Not agreed",
    "outcome_words": "did not agree",
    "number": "2",
    "asked": "4 March 2027",
    "gaps": " The plan is not finished: 12 of 70 questions have no answer yet.",
}


def test_every_handover_has_its_kind_of_message():
    assert {kind.code: kind.always for kind in kinds_all()} == {
        "payments.claim_sent": "",
        "payments.claim_approved": MONEY,
        "payments.claim_returned": MONEY,
        "payments.claim_paid": MONEY,
        "payments.bank_details_changed": SECURITY,
        "payments.bank_details_to_confirm": "",
        "planning.sign_off_waiting": "",
        "planning.sign_off_asked": "",
        "planning.sign_off_decided": "",
        "planning.sign_off_withdrawn": "",
        "guides.stop_waiting": "",
        "guides.way_forward_to_agree": "",
        "guides.way_forward_answered": "",
        "working_together.car_park_answered": "",
        "working_together.action_given": "",
        "feedback.form_open": "",
        "meetings.reply_confirmed": "",
    }


@pytest.mark.parametrize("kind", kinds_all(), ids=lambda kind: kind.code)
def test_the_words_of_each_message_pass_the_plain_words_check(kind):
    subject, body = kind.words(**{name: SAMPLE[name] for name in kind.places})

    findings = [
        (finding.kind, finding.text)
        for text in (kind.label, subject, body)
        for finding in check(text).findings
    ]

    assert findings == []


def test_a_message_missing_a_word_it_needs_is_a_mistake_found_at_once():
    kind = Kind(code="test.missing", label="Test", subject="For {who}", body="{what}")

    with pytest.raises(KeyError, match="what"):
        kind.words(who="Sam")


def test_two_different_kinds_with_one_code_are_refused(monkeypatch):
    monkeypatch.setattr(kinds, "_registered", dict(kinds._registered))  # put back after
    kinds_register([Kind(code="test.twice", label="One", subject="One", body="One")])

    with pytest.raises(ValueError, match=r"test\.twice"):
        kinds_register([Kind(code="test.twice", label="Two", subject="Two", body="Two")])


@pytest.mark.parametrize(
    "kind", [kind for kind in kinds_all() if kind.has_easy_read], ids=lambda kind: kind.code
)
def test_the_easy_read_words_of_each_message_pass_the_easy_read_check(kind):
    # A meeting's title is the lead's words, checked when they type it.
    sample = {**SAMPLE, "meeting": "Bus planning day"}
    subject, body = kind.easy_read_words(**{name: sample[name] for name in kind.places})

    findings = [
        (finding.kind, finding.text)
        for text in (subject, *body.splitlines())
        for finding in check(text, mode=EASY_READ).findings
    ]

    assert findings == []


def test_the_reminders_replies_and_money_news_people_read_have_easy_read_words():
    assert {kind.code for kind in kinds_all() if kind.has_easy_read} >= {
        "feedback.form_open",
        "meetings.reply_confirmed",
        "payments.claim_approved",
        "payments.claim_returned",
        "payments.claim_paid",
        "payments.bank_details_changed",
    }
