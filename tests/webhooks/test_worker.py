"""The real background worker sends what happened, and queues itself again for a retry."""

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coplan.webhooks import services
from coplan.webhooks.models import Delivery, DeliveryStatus
from coplan.webhooks.tasks import deliveries_send_task
from tests.factories import StaffMembershipFactory
from tests.notifications.worker import run_worker
from tests.webhooks.conftest import webhook_for

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_sends_a_test_event_once_it_is_asked_for(receiver):
    admin = StaffMembershipFactory(is_admin=True)
    made = webhook_for(admin.organisation, receiver.url)

    services.webhook_test_send(webhook=made.webhook)
    run_worker()
    run_worker()

    assert len(receiver.received) == 1
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED


def test_after_a_failure_the_worker_queues_itself_for_the_retry(receiver):
    admin = StaffMembershipFactory(is_admin=True)
    made = webhook_for(admin.organisation, receiver.url)
    receiver.answers = [500]

    services.webhook_test_send(webhook=made.webhook)
    run_worker()

    delivery = Delivery.objects.get()
    [waiting] = DBTaskResult.objects.filter(
        task_path=deliveries_send_task.module_path, status=TaskResultStatus.READY
    )
    assert delivery.status == DeliveryStatus.TRYING_AGAIN
    assert waiting.run_after == delivery.try_after
