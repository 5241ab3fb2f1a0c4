"""How messages go: by the channel each person chose, never to people who said "not at
all", in one daily email for those who asked, tried again after a failure and never sent
twice. The real task worker, a real SMTP server and a stand-in for GOV.UK Notify."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from coplan.notifications import services
from coplan.notifications.choices import Delivery
from coplan.notifications.models import Update, UpdateChoice
from coplan.notifications.tasks import summaries_task, updates_send_task
from coplan.payments import selectors as payment_selectors
from coplan.payments import services as payments
from coplan.projects.roles import Role
from coplan.working_together import services as working_together
from tests.notifications.conftest import (
    LETTER_TEMPLATE,
    NOTIFY_KEY,
    TEXT_TEMPLATE,
    notify_set_up,
)
from tests.notifications.test_handovers import _claim
from tests.notifications.worker import run_worker
from tests.payments.conftest import Team

pytestmark = pytest.mark.django_db(transaction=True)

CO, LEAD, FINANCE = Role.CO_PRODUCER, Role.LEAD, Role.FINANCE


def _give_action(team, what="Book the room"):
    return working_together.action_add(
        project=team.project,
        what=what,
        owner=team.members[CO],
        due_on=datetime.date(2027, 3, 1),
        by=team.user(LEAD),
    )


def _contact(person, how, **details):
    person.contact_by = how
    for name, value in details.items():
        setattr(person, name, value)
    person.save()


def test_someone_who_asked_for_texts_gets_a_text_through_notify(smtp_server, notify_server):
    team = Team()
    notify_set_up(team.project.organisation)
    _contact(team.person(CO), "text", phone="07700 900123")

    _give_action(team)
    run_worker()

    [text] = notify_server.sent("sms")
    assert (text["phone_number"], text["template_id"]) == ("07700 900123", TEXT_TEMPLATE)
    assert text["personalisation"]["subject"] == "An action for you: Book the room"
    assert text["personalisation"]["link"].endswith(
        f"/projects/{team.project.pk}/working-together/actions/"
    )
    assert smtp_server.messages == []
    assert Update.objects.get().channel == "text"


def test_the_notify_client_signs_its_requests_with_the_organisations_key(
    smtp_server, notify_server
):
    import jwt

    team = Team()
    notify_set_up(team.project.organisation)
    _contact(team.person(CO), "text", phone="07700 900123")

    _give_action(team)
    run_worker()

    [(_, _, headers)] = notify_server.requests
    token = headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, NOTIFY_KEY[-36:], algorithms=["HS256"])
    assert claims["iss"] == NOTIFY_KEY[-73:-37]


def test_someone_who_asked_for_letters_gets_a_letter_through_notify(smtp_server, notify_server):
    team = Team()
    notify_set_up(team.project.organisation)
    person = team.person(CO)
    _contact(person, "post", address="12 High Street\nBanbury\nOX16 1AA")

    _give_action(team)
    run_worker()

    [letter] = notify_server.sent("letter")
    assert letter["template_id"] == LETTER_TEMPLATE
    assert [letter["personalisation"][f"address_line_{n}"] for n in (1, 2, 3, 4)] == [
        person.full_name,
        "12 High Street",
        "Banbury",
        "OX16 1AA",
    ]
    assert letter["personalisation"]["body"] == (
        f"In {team.project.name}, you are down to do ‘Book the room’ by 1 March 2027."
    )
    # on paper, a short address to type, which leads to the page
    link = letter["personalisation"]["link"]
    assert re.fullmatch(r"https?://[^/]+/r/[A-Za-z0-9_-]+", link), link
    assert len(link) < 45
    followed = Client().get(urlsplit(link).path)
    assert followed.status_code == 302
    assert followed["Location"].endswith(f"/projects/{team.project.pk}/working-together/actions/")
    assert smtp_server.messages == []


def test_without_a_notify_key_texts_are_not_sent_and_staff_are_asked_to_tell_them(
    smtp_server, notify_server
):
    team = Team()
    _contact(team.person(CO), "text", phone="07700 900123")
    claim = _claim(team)

    payments.claim_approve(claim=claim, approved_by=team.user(FINANCE))
    run_worker()

    assert notify_server.requests == []
    assert smtp_server.to(team.person(CO).email) == []
    [notice] = payment_selectors.claim_notices(claim=claim)
    assert (notice.method, notice.done_at) == ("text", None)  # on staff's list to tell
    update = Update.objects.get(person=team.person(CO))
    assert (update.channel, update.handled_at is not None) == ("none", True)


def test_with_a_notify_key_the_claim_news_goes_by_text_and_staff_have_nothing_to_do(
    smtp_server, notify_server
):
    team = Team()
    notify_set_up(team.project.organisation)
    _contact(team.person(CO), "text", phone="07700 900123")
    claim = _claim(team)

    payments.claim_approve(claim=claim, approved_by=team.user(FINANCE))
    run_worker()

    [text] = notify_server.sent("sms")
    assert text["personalisation"]["subject"] == (
        "We have approved your claim for Reading the papers"
    )
    [notice] = payment_selectors.claim_notices(claim=claim)
    assert notice.done_at is not None


def test_nothing_is_sent_to_someone_who_said_not_at_all(smtp_server):
    team = Team()
    UpdateChoice.objects.create(
        user=team.user(CO), kind="working_together.action_given", delivery=Delivery.NEVER
    )

    _give_action(team)
    run_worker()

    assert smtp_server.messages == []
    update = Update.objects.get()  # still on their Updates page
    assert (update.user, update.delivery, update.channel) == (team.user(CO), "never", "none")


def test_money_and_security_go_even_to_someone_who_said_not_at_all(smtp_server):
    team = Team()
    for kind in ("payments.bank_details_changed", "payments.claim_paid"):
        UpdateChoice.objects.create(user=team.user(CO), kind=kind, delivery=Delivery.NEVER)

    payments.bank_details_set(
        person=team.person(CO),
        name="Sam Smith",
        sort_code="30-94-57",
        account_number="12345678",
        actor=team.user(CO),
        where="test",
    )
    run_worker()

    assert smtp_server.to(team.person(CO).email) == ["Your bank details have changed"]
    assert "You changed the bank details" in smtp_server.body_to(team.person(CO).email)


def test_a_daily_summary_gathers_the_days_messages_into_one_email(smtp_server):
    team = Team()
    UpdateChoice.objects.create(
        user=team.user(CO), kind="working_together.action_given", delivery=Delivery.DAILY
    )

    _give_action(team, "Book the room")
    _give_action(team, "Order the lunch")
    run_worker()  # the summary waits for 5pm
    assert smtp_server.messages == []

    summaries_task.using(run_after=timezone.now()).enqueue()
    run_worker()
    summaries_task.using(run_after=timezone.now()).enqueue()
    run_worker()  # a second run finds nothing new

    address = team.user(CO).email  # the summary goes to their account's email address
    assert smtp_server.to(address) == ["Your updates: 2 new things to look at"]
    body = smtp_server.body_to(address)
    assert "1. An action for you: Book the room" in body
    assert "2. An action for you: Order the lunch" in body
    assert Update.objects.filter(handled_at__isnull=True).count() == 0


def test_the_daily_summary_is_queued_for_five_oclock(smtp_server):
    from django_tasks_db.models import DBTaskResult

    team = Team()
    UpdateChoice.objects.create(
        user=team.user(CO), kind="working_together.action_given", delivery=Delivery.DAILY
    )

    _give_action(team)

    [queued] = DBTaskResult.objects.filter(task_path=summaries_task.module_path)
    assert timezone.localtime(queued.run_after).time() == datetime.time(17, 0)


def test_a_failed_email_is_tried_again_later_and_sent_once(smtp_server, monkeypatch):
    team = Team()
    smtp_server.refuse = 1  # the mail server says "try again later" once

    _give_action(team)
    run_worker()

    update = Update.objects.get()
    assert (smtp_server.messages, update.attempts, update.handled_at) == ([], 1, None)
    assert "Try again later" in update.last_error

    run_worker()  # too soon: the retry is queued for a minute later
    assert smtp_server.messages == []

    later = timezone.now() + datetime.timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    run_worker()
    updates_send_task.enqueue()  # the task run again, as a retry would
    run_worker()

    assert smtp_server.to(team.person(CO).email) == ["An action for you: Book the room"]


def test_a_failed_text_is_tried_again_and_sent_once(smtp_server, notify_server, monkeypatch):
    team = Team()
    notify_set_up(team.project.organisation)
    _contact(team.person(CO), "text", phone="07700 900123")
    notify_server.refuse = 1

    _give_action(team)
    run_worker()
    later = timezone.now() + datetime.timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    run_worker()
    run_worker()

    assert len(notify_server.sent("sms")) == 1
    assert Update.objects.get().attempts == 1


def test_running_the_sending_task_again_sends_nothing_twice(smtp_server):
    team = Team()

    _give_action(team)
    for _ in range(3):
        updates_send_task.enqueue()
        run_worker()

    assert smtp_server.to(team.person(CO).email) == ["An action for you: Book the room"]


def test_telling_about_the_same_event_twice_records_it_once(smtp_server):
    team = Team()
    action = _give_action(team)

    working_together.action_update(
        action=action,
        what=action.what,
        owner=team.members[CO],
        due_on=action.due_on,
        status=action.status,
        session=None,
    )
    run_worker()

    assert Update.objects.count() == 1
    assert len(smtp_server.messages) == 1


def test_the_database_refuses_a_second_message_for_one_person_and_event():
    team = Team()
    row = {
        "kind": "working_together.action_given",
        "event_key": "working_together.action_given:action-1-owner-1",
        "person": team.person(CO),
        "subject": "An action for you",
        "body": "Book the room",
        "link": "/",
        "delivery": Delivery.AT_ONCE,
    }
    Update.objects.create(**row)

    with pytest.raises(IntegrityError), transaction.atomic():
        Update.objects.create(**row)


def test_giving_up_after_the_last_try(smtp_server, monkeypatch):
    team = Team()
    smtp_server.refuse = services.MAX_ATTEMPTS
    _give_action(team)
    now = timezone.now()

    for attempt in range(services.MAX_ATTEMPTS):
        now += datetime.timedelta(hours=5)
        monkeypatch.setattr(timezone, "now", lambda now=now: now)
        services.updates_send_due()
        assert Update.objects.get().attempts == attempt + 1

    update = Update.objects.get()
    assert update.given_up_at is not None
    assert services.updates_send_due().failed == 0


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite runs one write transaction at a time, so two workers "
    "can never send at the same moment",
)
def test_two_workers_at_once_send_each_message_once(smtp_server):
    import threading

    from django.db import connections

    team = Team()
    for number in range(10):
        _give_action(team, f"Action {number}")
    start = threading.Barrier(2)
    errors = []

    def worker():
        try:
            start.wait()
            services.updates_send_due()
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    subjects = smtp_server.to(team.person(CO).email)
    assert sorted(subjects) == sorted(f"An action for you: Action {n}" for n in range(10))
    assert Update.objects.filter(handled_at__isnull=True).count() == 0
