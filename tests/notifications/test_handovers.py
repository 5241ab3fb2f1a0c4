"""Every handover tells the person it now waits for: once, by the channel they chose, with
a link straight to it. Sent by the real database task worker (`manage.py db_worker`),
emails through a real SMTP server and texts and letters through a stand-in for GOV.UK
Notify, both started by the tests (conftest). Only the clock is ever replaced.
"""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from coplan.feedback import services as feedback_services
from coplan.guides.models import ProjectGuide
from coplan.guides.selectors import guide_for_version
from coplan.guides.services import (
    project_guides_ensure,
    section_answers_save,
    way_forward_answer,
    way_forward_record,
)
from coplan.language import EASY_READ, check
from coplan.meeting_invitations import services as invitation_services
from coplan.meetings.models import Attendance
from coplan.notifications.kinds import kind_get, kinds_chosen_by_people
from coplan.notifications.models import Update, UpdateChoice
from coplan.payments import services as payments
from coplan.planning.services import sign_off_create
from coplan.projects.roles import Role
from coplan.working_together import services as working_together
from tests.factories import InvitedPersonFactory, InvolvementFactory
from tests.notifications.conftest import LETTER_TEMPLATE, TEXT_TEMPLATE, notify_set_up
from tests.notifications.worker import run_worker
from tests.payments.conftest import PDF, Team

pytestmark = pytest.mark.django_db(transaction=True)

CO, LEAD, FINANCE, MANAGER = Role.CO_PRODUCER, Role.LEAD, Role.FINANCE, Role.MANAGER


def _claim(team, *, sent=True):
    claim = payments.claim_start(
        project=team.project,
        person=team.person(CO),
        created_by=team.user(CO),
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
    )
    payments.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        receipt_content=PDF,
        added_by=team.user(CO),
    )
    if sent:
        payments.claim_submit(claim=claim, submitted_by=team.user(CO))
    return claim


# Each handover: do it, and say who should be told what (address, subject).


def sign_off_waiting(team):
    sign_off_create(
        project=team.project,
        what="The logo on the leaflet",
        signer=team.members[MANAGER],
        signer_outside="",
        due_on=datetime.date(2027, 3, 1),
        note="",
    )
    return [(team.person(MANAGER).email, "Waiting for you to sign off: The logo on the leaflet")]


def stop_waiting(team):
    project_guides_ensure(project=team.project)
    section_answers_save(
        project_guide=ProjectGuide.objects.get(project=team.project, guide_key="at-the-start"),
        answers={"how-much-time": ("3 months", "answered", "")},
        user=team.user(LEAD),
    )
    return [(team.person(MANAGER).email, f"The plan says stop: {team.project.name}")]


def way_forward_to_agree(team):
    stop_waiting(team)
    _drain(team)
    project_guide = ProjectGuide.objects.get(project=team.project, guide_key="at-the-start")
    way_forward_record(
        project_guide=project_guide,
        guide=guide_for_version(project_guide.guide_version),
        rule_id="time-frame-too-short",
        way_forward_id="more-time",
        user=team.user(LEAD),
    )
    return [(team.person(MANAGER).email, f"Please agree a way forward: {team.project.name}")]


def way_forward_agreed(team):
    way_forward_to_agree(team)
    _drain(team)
    way_forward_answer(
        project_guide=ProjectGuide.objects.get(project=team.project, guide_key="at-the-start"),
        rule_id="time-frame-too-short",
        way_forward_id="more-time",
        manager=team.user(MANAGER),
        agree=True,
    )
    return [(team.person(LEAD).email, f"Agreed the way forward: {team.project.name}")]


def way_forward_not_agreed(team):
    way_forward_to_agree(team)
    _drain(team)
    way_forward_answer(
        project_guide=ProjectGuide.objects.get(project=team.project, guide_key="at-the-start"),
        rule_id="time-frame-too-short",
        way_forward_id="more-time",
        manager=team.user(MANAGER),
        agree=False,
        reason="There is no money for more time.",
    )
    return [(team.person(LEAD).email, f"Not agreed the way forward: {team.project.name}")]


def claim_sent(team):
    _claim(team)
    subject = "A claim is waiting for you: Reading the papers"
    return [(team.person(LEAD).email, subject), (team.person(FINANCE).email, subject)]


def _drain(team):
    """Send what is waiting so far, and forget it: only the next step is under test."""
    run_worker()
    team.smtp.messages.clear()
    team.before = set(Update.objects.values_list("pk", flat=True))


def claim_approved(team):
    claim = _claim(team)
    _drain(team)
    payments.claim_approve(claim=claim, approved_by=team.user(FINANCE))
    return [(team.person(CO).email, "We have approved your claim for Reading the papers")]


def claim_returned(team):
    claim = _claim(team)
    _drain(team)
    payments.claim_return(claim=claim, returned_by=team.user(LEAD), reason="Add the receipt.")
    return [(team.person(CO).email, "Your claim for Reading the papers needs a change")]


def claim_paid(team):
    claim = _claim(team)
    payments.claim_approve(claim=claim, approved_by=team.user(LEAD))
    _drain(team)
    payments.claim_mark_paid(
        claim=claim, paid_by=team.user(FINANCE), paid_on=timezone.localdate(), reference="BACS-7"
    )
    return [(team.person(CO).email, "We have paid your claim for Reading the papers")]


def bank_details_changed(team):
    payments.bank_details_set(
        person=team.person(CO),
        name="Sam Smith",
        sort_code="30-94-57",
        account_number="12345678",
        actor=team.user(FINANCE),
        where="test",
        project=team.project,
    )
    return [(team.person(CO).email, "Your bank details have changed")]


def car_park_answered(team):
    item = working_together.car_park_item_add(
        project=team.project, text="Can we meet in the evenings?", by=team.user(CO)
    )
    working_together.car_park_item_answer(item=item, answer="Yes, from June.", by=team.user(LEAD))
    return [(team.person(CO).email, "An answer to what you put in the car park")]


def action_given(team):
    working_together.action_add(
        project=team.project,
        what="Book the room",
        owner=team.members[CO],
        due_on=datetime.date(2027, 3, 1),
        by=team.user(LEAD),
    )
    return [(team.person(CO).email, "An action for you: Book the room")]


def feedback_form_open(team):
    came = InvitedPersonFactory(
        meeting=team.meeting, person=team.person(CO), attendance=Attendance.CAME
    )
    InvitedPersonFactory(
        meeting=team.meeting,
        person=InvolvementFactory(project=team.project).person,
        attendance=Attendance.DID_NOT_COME,
    )
    feedback_services.feedback_form_create(
        project=team.project,
        title="How was the workshop?",
        intro="We want to make the next one better.",
        closed_box=True,
        how_answered="link",
        meeting=team.meeting,
        bank_keys=[],
        by=team.user(LEAD),
    )
    return [(came.person.email, f"Tell us what you think: {team.meeting.title}")]


def reply_confirmed(team):
    invited = InvitedPersonFactory(meeting=team.meeting, person=team.person(CO))
    invitation_services.reply_from_link(invited=invited, reply="in_person", needs_changed=False)
    return [(team.person(CO).email, f"We have your reply: {team.meeting.title}")]


HANDOVERS = [
    sign_off_waiting,
    stop_waiting,
    way_forward_to_agree,
    way_forward_agreed,
    way_forward_not_agreed,
    claim_sent,
    claim_approved,
    claim_returned,
    claim_paid,
    bank_details_changed,
    car_park_answered,
    action_given,
    feedback_form_open,
    reply_confirmed,
]


def _full(link: str) -> str:
    return link if link.startswith("http") else settings.SITE_URL + link


@pytest.mark.parametrize("handover", HANDOVERS, ids=lambda handover: handover.__name__)
def test_each_handover_emails_each_person_it_waits_for_once(smtp_server, handover):
    team = Team()
    team.smtp, team.before = smtp_server, set()

    expected = handover(team)
    run_worker()

    sent = sorted(
        (message["X-Envelope-To"], message["Subject"]) for message in smtp_server.messages
    )
    assert sent == sorted(expected)
    new = list(Update.objects.exclude(pk__in=team.before).select_related("person"))
    assert sorted((update.person.email, update.subject) for update in new) == sorted(expected)
    for update in new:
        assert (update.channel, update.handled_at is not None) == ("email", True)
        assert _full(update.link) in smtp_server.body_to(update.person.email)


def _everyone_in(team, **person):
    for record in team.people.values():
        for name, value in person.items():
            setattr(record, name, value)
        record.save()


@pytest.mark.parametrize("handover", HANDOVERS, ids=lambda handover: handover.__name__)
def test_each_handover_texts_each_person_who_asked_for_texts_once(
    smtp_server, notify_server, handover
):
    team = Team()
    team.smtp, team.before = smtp_server, set()
    notify_set_up(team.project.organisation)
    _everyone_in(team, contact_by="text", phone="07700 900123")
    phones = {record.email: record.phone for record in team.people.values()}

    expected = handover(team)
    notify_server.requests.clear()  # what went before the handover under test
    run_worker()

    texts = notify_server.sent("sms")
    assert sorted(text["personalisation"]["subject"] for text in texts) == sorted(
        subject for _, subject in expected
    )
    assert {text["template_id"] for text in texts} == {TEXT_TEMPLATE}
    assert {text["phone_number"] for text in texts} == {phones[a] for a, _ in expected}
    assert smtp_server.messages == []


@pytest.mark.parametrize("handover", HANDOVERS, ids=lambda handover: handover.__name__)
def test_each_handover_sends_a_letter_to_each_person_who_asked_for_post_once(
    smtp_server, notify_server, handover
):
    team = Team()
    team.smtp, team.before = smtp_server, set()
    notify_set_up(team.project.organisation)
    _everyone_in(team, contact_by="post", address="12 High Street\nBanbury\nOX16 1AA")

    expected = handover(team)
    notify_server.requests.clear()
    run_worker()

    letters = notify_server.sent("letter")
    assert sorted(letter["personalisation"]["subject"] for letter in letters) == sorted(
        subject for _, subject in expected
    )
    assert {letter["template_id"] for letter in letters} == {LETTER_TEMPLATE}
    assert {letter["personalisation"]["address_line_4"] for letter in letters} == {"OX16 1AA"}
    assert smtp_server.messages == []


@pytest.mark.parametrize("handover", HANDOVERS, ids=lambda handover: handover.__name__)
def test_nobody_who_said_not_at_all_is_sent_anything_but_money_and_security(smtp_server, handover):
    team = Team()
    team.smtp, team.before = smtp_server, set()
    for member in team.members.values():
        for kind in kinds_chosen_by_people():
            UpdateChoice.objects.create(user=member.user, kind=kind.code, delivery="never")

    expected = handover(team)
    run_worker()

    new = list(Update.objects.exclude(pk__in=team.before))
    always = all(kind_get(update.kind).is_always_sent for update in new)
    sent = sorted(
        (message["X-Envelope-To"], message["Subject"]) for message in smtp_server.messages
    )
    assert sent == (sorted(expected) if always else [])
    assert len(new) == len(expected)  # each is still on their Updates page


@pytest.mark.parametrize(
    ("handover", "lines"),
    [
        (
            feedback_form_open,
            [
                "It was on 1 March 2027.",
                "Please tell us what you think.",
                "You can fill in a form.",
            ],
        ),
        (
            reply_confirmed,
            ["You told us you are coming in person.", "Tell us if this changes."],
        ),
    ],
    ids=["feedback_form_open", "reply_confirmed"],
)
def test_someone_who_asked_for_easy_read_is_told_in_easy_read_with_a_short_link(
    smtp_server, handover, lines
):
    team = Team()
    team.smtp, team.before = smtp_server, set()
    _everyone_in(team, formats=["easy_read"])
    team.meeting.meets_on = datetime.date(2027, 3, 1)
    team.meeting.save()

    handover(team)
    run_worker()

    (update,) = Update.objects.exclude(pk__in=team.before).select_related("person")
    body = smtp_server.body_to(update.person.email).replace("\r\n", "\n")
    said = [line for line in body.splitlines() if line]
    assert said[0] == f"Hello {update.person.full_name}."
    for line in lines:
        assert line in said
    link = said[said.index("Use this link:") + 1]
    assert link.startswith(settings.SITE_URL + "/r/")
    followed = Client().get(link.removeprefix(settings.SITE_URL))
    assert followed["Location"] == update.link.removeprefix(settings.SITE_URL)
    fixed = [line for line in said if team.meeting.title not in line and "/r/" not in line]
    findings = [
        (finding.kind, finding.text)
        for line in fixed
        for finding in check(line, mode=EASY_READ).findings
    ]
    assert findings == []
