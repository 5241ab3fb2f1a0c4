"""Reminders: at each person's chosen lead time, by the real database task worker,
never twice, and never to people who said they are not coming.

Only the clock (django.utils.timezone.now) and the mail transport (Django's
locmem outbox) are replaced; the tasks run in `manage.py db_worker`.
"""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coplan.meeting_invitations import services as invitation_services
from coplan.meeting_invitations.models import ReminderSent
from coplan.meeting_invitations.tasks import meeting_reminders_task
from tests.meeting_invitations.invitation_support import LONDON, NOW, invite_person, set_clock
from tests.meetings.conftest import give_needs, needs

pytestmark = pytest.mark.django_db(transaction=True)


def at(day: int, hour: int, minute: int = 0, month: int = 2) -> datetime.datetime:
    return datetime.datetime(2027, month, day, hour, minute, tzinfo=LONDON)


def run_worker() -> None:
    """One pass of the real task worker: run everything due, then stop."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def reminded() -> list[str]:
    return sorted(
        message.to[0] for message in mail.outbox if message.subject.startswith("Reminder")
    )


def _invite(meeting, email: str, **chosen):
    invited = invite_person(meeting, email=email)
    if chosen:
        give_needs(invited.person, needs(**chosen))
    return invited


@pytest.fixture
def invited_people(meeting, lead, monkeypatch):
    """Four people invited to the meeting on Monday 1 March 2027 at 10am; invitations sent
    on 10 January."""
    clock = set_clock(monkeypatch, NOW)
    people = {
        "three_days": _invite(meeting, "three@example.org", reminder_days_before=3),
        "not_said": _invite(meeting, "default@example.org"),
        "on_the_day": _invite(
            meeting, "day@example.org", reminders=["email"], reminder_days_before=0
        ),
        "not_coming": _invite(meeting, "no@example.org", reminder_days_before=3),
    }
    invitation_services.meeting_invitations_send(meeting=meeting, sender=lead)
    invitation_services.reply_from_link(
        invited=people["not_coming"], reply="not_coming", needs_changed=False
    )
    mail.outbox.clear()
    return clock, people


def test_sending_invitations_queues_the_reminders_task(invited_people):
    queued = DBTaskResult.objects.filter(
        task_path=meeting_reminders_task.module_path, status=TaskResultStatus.READY
    )

    assert queued.count() == 1


def test_reminders_go_at_each_persons_lead_time_never_twice_not_to_not_coming(invited_people):
    clock, _ = invited_people

    run_worker()  # 10 January: nothing due
    assert reminded() == []

    clock.set(at(26, 8, 59))
    run_worker()
    assert reminded() == []

    clock.set(at(26, 9, 14))  # 3 days before, at 9am (the task runs every 15 minutes)
    run_worker()
    assert reminded() == ["three@example.org"]

    clock.set(at(26, 9, 30))
    run_worker()
    run_worker()
    assert reminded() == ["three@example.org"]

    clock.set(at(27, 9, 15))  # 2 days before, for someone who did not say
    run_worker()
    assert reminded() == ["default@example.org", "three@example.org"]

    clock.set(at(1, 8, 0, month=3))  # on the day: 2 hours before the 10am start
    run_worker()
    assert reminded() == ["day@example.org", "default@example.org", "three@example.org"]

    clock.set(at(1, 9, 45, month=3))
    run_worker()
    assert len(reminded()) == 3
    assert ReminderSent.objects.count() == 3
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    assert list(failed.values_list("traceback", flat=True)) == []


def test_the_reminders_task_keeps_itself_queued(invited_people):
    clock, _ = invited_people

    run_worker()
    clock.set(NOW + datetime.timedelta(minutes=16))
    run_worker()

    runs = DBTaskResult.objects.filter(task_path=meeting_reminders_task.module_path)
    assert runs.filter(status=TaskResultStatus.SUCCESSFUL).count() == 2
    assert runs.filter(status=TaskResultStatus.READY).count() == 1


def test_a_reminder_says_when_and_how_to_reply(invited_people, meeting):
    clock, _ = invited_people
    clock.set(at(26, 9, 0))

    invitation_services.reminders_send_due()

    (message,) = mail.outbox
    assert message.subject == f"Reminder: {meeting.title}, Monday 1 March 2027 at 10am"
    assert "You have not told us yet if you are coming." in message.body
    assert "/meeting-reply/" in message.body


def test_two_workers_at_once_send_one_reminder(invited_people):
    clock, _ = invited_people
    clock.set(at(26, 9, 0))
    first_worker = invitation_services.reminders_due(now=clock.at)
    second_worker = invitation_services.reminders_due(now=clock.at)

    sent = [
        invitation_services.reminder_send(r, now=clock.at) for r in first_worker + second_worker
    ]

    assert sent == [True, False]
    assert reminded() == ["three@example.org"]


def test_a_failed_email_leaves_no_record_so_the_next_run_tries_again(invited_people, monkeypatch):
    clock, _ = invited_people
    clock.set(at(26, 9, 0))

    def broken(self, *args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    assert invitation_services.reminders_send_due() == 0
    assert ReminderSent.objects.count() == 0
    monkeypatch.undo()
    set_clock(monkeypatch, at(26, 9, 15))

    assert invitation_services.reminders_send_due() == 1


def test_a_moved_meeting_gets_a_reminder_for_its_new_time(invited_people, meeting):
    clock, _ = invited_people
    clock.set(at(26, 9, 0))
    invitation_services.reminders_send_due()
    meeting.meets_on = datetime.date(2027, 3, 8)
    meeting.save()

    clock.set(at(5, 9, 0, month=3))
    invitation_services.reminders_send_due()

    assert reminded() == ["three@example.org", "three@example.org"]


def test_people_never_sent_the_invitation_get_no_reminder(meeting, monkeypatch):
    set_clock(monkeypatch, at(28, 9, 0))
    _invite(meeting, "never@example.org", reminder_days_before=1)

    assert invitation_services.reminders_send_due() == 0


def test_the_cron_command_sends_what_is_due(invited_people, capsys):
    clock, _ = invited_people
    clock.set(at(26, 9, 0))

    call_command("send_meeting_reminders")

    assert capsys.readouterr().out.strip() == "1 reminder sent."
    assert reminded() == ["three@example.org"]


def test_reminder_time_on_the_day_is_never_later_than_two_hours_before():
    starts = at(1, 10, 0, month=3)

    assert invitation_services.reminder_due_at(starts=starts, days_before=0) == at(1, 8, 0, month=3)
    assert invitation_services.reminder_due_at(starts=starts, days_before=1) == at(28, 9, 0)


def test_reminder_time_across_the_clock_change_is_9am_london_time():
    # the clocks go forward on Sunday 28 March 2027; a meeting on Monday 29 March
    starts = datetime.datetime(2027, 3, 29, 10, 0, tzinfo=LONDON)

    due = invitation_services.reminder_due_at(starts=starts, days_before=2)

    assert due == datetime.datetime(2027, 3, 27, 9, 0, tzinfo=LONDON)
    assert due.utcoffset() == datetime.timedelta(0)
