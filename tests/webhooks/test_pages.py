"""An organisation admin sets up webhooks for their organisation, sees the secret once,
sends a test event and reads the delivery log. No one else may see or change them."""

import html
import re
import time

import pytest

from coplan.projects.roles import Role
from coplan.webhooks import services, signing
from coplan.webhooks.models import Webhook
from tests.factories import MembershipFactory, StaffMembershipFactory
from tests.form_controls import error_beside
from tests.webhooks.conftest import ALL_EVENTS, webhook_for

pytestmark = pytest.mark.django_db


def _base(organisation_id) -> str:
    return f"/organisations/{organisation_id}/webhooks/"


def _pages(webhook, delivery) -> dict[str, str]:
    """Every webhook page, by URL name."""
    base = _base(webhook.organisation_id)
    hook = f"{base}{webhook.pk}/"
    return {
        "webhooks:webhooks": base,
        "webhooks:add": f"{base}add/",
        "webhooks:webhook": hook,
        "webhooks:edit": f"{hook}change/",
        "webhooks:remove": f"{hook}remove/",
        "webhooks:test": f"{hook}test/",
        "webhooks:new_secret": f"{hook}new-secret/",
        "webhooks:delivery": f"{hook}deliveries/{delivery.pk}/",
    }


@pytest.fixture
def pages(admin):
    made = webhook_for(admin.organisation, "https://finance.example.org/coplan")
    delivery = services.webhook_test_send(webhook=made.webhook)
    return _pages(made.webhook, delivery)


# What an admin gets from a GET: buttons that do something at once take only POST.
ADMIN_GETS = {
    "webhooks:webhooks": 200,
    "webhooks:add": 200,
    "webhooks:webhook": 200,
    "webhooks:edit": 200,
    "webhooks:remove": 200,
    "webhooks:test": 405,
    "webhooks:new_secret": 405,
    "webhooks:delivery": 200,
}


def test_every_webhook_page_is_listed_here(pages):
    from django.urls import get_resolver

    from tests.projects.test_access import _walk

    names = {
        name for name, _, _ in _walk(get_resolver().url_patterns) if name.startswith("webhooks:")
    }

    assert names == set(pages) == set(ADMIN_GETS)


def test_an_admin_of_the_organisation_opens_every_page(client_for, admin, pages):
    client = client_for(admin.user)

    statuses = {name: client.get(url).status_code for name, url in pages.items()}

    assert statuses == ADMIN_GETS


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_who_are_not_admins_are_refused(client_for, admin, pages, method):
    staff = StaffMembershipFactory(organisation=admin.organisation)
    client = client_for(staff.user)

    statuses = {name: getattr(client, method)(url).status_code for name, url in pages.items()}

    assert statuses == dict.fromkeys(pages, 403)


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_admin_of_another_organisation_finds_nothing(client_for, pages, method):
    other = StaffMembershipFactory(is_admin=True)
    client = client_for(other.user)

    statuses = {name: getattr(client, method)(url).status_code for name, url in pages.items()}

    assert statuses == dict.fromkeys(pages, 404)


def test_a_webhook_of_another_organisation_is_not_found_through_your_own(client_for, pages):
    other = StaffMembershipFactory(is_admin=True)
    theirs = {name: url.replace("/organisations/", "/x/", 1) for name, url in pages.items()}
    through_own = {
        name: re.sub(r"^/x/\d+/", f"/organisations/{other.organisation_id}/", url)
        for name, url in theirs.items()
        if "<" not in url and name not in ("webhooks:webhooks", "webhooks:add")
    }

    statuses = {
        name: client_for(other.user).post(url).status_code for name, url in through_own.items()
    }

    assert statuses == dict.fromkeys(through_own, 404)


@pytest.mark.parametrize("role", list(Role))
def test_every_project_role_of_the_organisations_projects_finds_nothing(
    client_for, admin, pages, role
):
    member = MembershipFactory(project__organisation=admin.organisation, role=role)
    client = client_for(member.user)

    statuses = {name: client.get(url).status_code for name, url in pages.items()}

    assert statuses == dict.fromkeys(pages, 404)


def test_a_signed_out_visitor_is_sent_to_sign_in(client, pages):
    locations = {name: client.get(url).headers.get("Location", "") for name, url in pages.items()}

    assert all(location.startswith("/sign-in/?next=") for location in locations.values())


def test_admin_sets_up_a_webhook_and_sees_the_secret_once(client_for, admin):
    client = client_for(admin.user)
    base = _base(admin.organisation_id)

    page = client.post(
        f"{base}add/",
        {"url": " https://finance.example.org/coplan ", "events": ["claim.approved", "claim.paid"]},
    )

    webhook = Webhook.objects.get()
    secret = re.search(r'id="webhook-secret">(whsec_[\w-]+)<', page.content.decode()).group(1)
    assert (webhook.url, webhook.events) == (
        "https://finance.example.org/coplan",
        ["claim.approved", "claim.paid"],
    )
    assert services.webhook_secret(webhook) == secret
    assert secret not in webhook.secret_token
    later = [client.get(f"{base}{webhook.pk}/"), client.get(base)]
    assert all(secret not in seen.content.decode() for seen in later)
    assert "A claim is approved, A claim is paid" in later[1].content.decode()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Enter the address to send events to"),
        (
            "http://finance.example.org/coplan",
            "Enter an address that starts with https://, like https://example.org/coplan-events",
        ),
        (
            "finance.example.org",
            "Enter an address that starts with https://, like https://example.org/coplan-events",
        ),
        ("https://nowhere", "Enter a full web address, like https://example.org/coplan-events"),
        (
            "https://127.0.0.1/hook",
            "Enter an address on the internet, not on this server or a private network",
        ),
        (
            "https://10.0.0.7/hook",
            "Enter an address on the internet, not on this server or a private network",
        ),
        (
            "https://localhost/hook",
            "Enter an address on the internet, not on this server or a private network",
        ),
        (
            "https://me:pass@finance.example.org/",
            "Leave out any user name and password: the secret shows the events come from us",
        ),
    ],
)
def test_a_bad_address_is_said_beside_the_field(client_for, admin, url, message):
    page = client_for(admin.user).post(
        f"{_base(admin.organisation_id)}add/", {"url": url, "events": ["claim.paid"]}
    )

    assert page.status_code == 400
    assert error_beside(page.content.decode(), "id_url") == message
    assert not Webhook.objects.exists()


def test_no_event_chosen_is_said_beside_the_events(client_for, admin):
    page = client_for(admin.user).post(
        f"{_base(admin.organisation_id)}add/", {"url": "https://finance.example.org/coplan"}
    )

    assert page.status_code == 400
    assert error_beside(page.content.decode(), "id_events") == "Select the events to send"


def test_plain_http_to_this_machine_is_taken_where_both_are_allowed(client_for, admin, settings):
    settings.WEBHOOKS_HTTP_ALLOWED = True
    settings.WEBHOOKS_PRIVATE_ALLOWED = True

    client_for(admin.user).post(
        f"{_base(admin.organisation_id)}add/",
        {"url": "http://127.0.0.1:8080/hook", "events": ["claim.paid"]},
    )

    assert Webhook.objects.get().url == "http://127.0.0.1:8080/hook"


def test_plain_http_alone_does_not_let_an_address_lead_inside(client_for, admin, settings):
    settings.WEBHOOKS_HTTP_ALLOWED = True
    settings.WEBHOOKS_PRIVATE_ALLOWED = False

    page = client_for(admin.user).post(
        f"{_base(admin.organisation_id)}add/",
        {"url": "http://[::ffff:169.254.169.254]/latest", "events": ["claim.paid"]},
    )

    assert page.status_code == 400
    assert error_beside(page.content.decode(), "id_url") == (
        "Enter an address on the internet, not on this server or a private network"
    )


def test_admin_sends_a_test_event_and_reads_what_the_receiver_answered(client_for, admin, receiver):
    client = client_for(admin.user)
    webhook = webhook_for(admin.organisation, receiver.url).webhook
    receiver.answers = [500]

    said = client.post(f"{_base(admin.organisation_id)}{webhook.pk}/test/", follow=True)
    services.deliveries_send_due()
    log = client.get(f"{_base(admin.organisation_id)}{webhook.pk}/").content.decode()
    delivery = webhook.deliveries.get()
    detail = client.get(
        f"{_base(admin.organisation_id)}{webhook.pk}/deliveries/{delivery.pk}/"
    ).content.decode()

    assert "We are sending a test event" in said.content.decode()
    assert "Test event" in log
    assert "Failed, trying again" in log
    assert "The receiver answered 500 (Internal Server Error)" in log
    assert "The receiver answered 500 (Internal Server Error)" in detail
    assert "your webhook works" in detail


def test_admin_changes_pauses_and_removes_a_webhook(client_for, admin):
    client = client_for(admin.user)
    webhook = webhook_for(admin.organisation, "https://finance.example.org/coplan").webhook
    hook = f"{_base(admin.organisation_id)}{webhook.pk}/"

    client.post(f"{hook}change/", {"url": "https://new.example.org/in", "events": ALL_EVENTS[:1]})
    webhook.refresh_from_db()
    assert (webhook.url, webhook.events, webhook.active) == (
        "https://new.example.org/in",
        ["claim.approved"],
        False,
    )

    asked = client.get(f"{hook}remove/").content.decode()
    gone = client.post(f"{hook}remove/", follow=True).content.decode()

    assert "Remove this webhook?" in asked
    assert "https://new.example.org/in" in asked
    assert "We no longer send events to https://new.example.org/in" in gone
    assert not Webhook.objects.exists()


def test_a_new_secret_is_shown_once_and_replaces_the_old(client_for, admin):
    made = webhook_for(admin.organisation, "https://finance.example.org/coplan")

    page = client_for(admin.user).post(
        f"{_base(admin.organisation_id)}{made.webhook.pk}/new-secret/"
    )

    secret = re.search(r'id="webhook-secret">(whsec_[\w-]+)<', page.content.decode()).group(1)
    made.webhook.refresh_from_db()
    assert secret != made.secret
    assert services.webhook_secret(made.webhook) == secret


def test_admins_find_webhooks_from_your_projects(client_for, admin):
    page = client_for(admin.user).get("/projects/").content.decode()

    assert f'href="{_base(admin.organisation_id)}"' in page


def _log_of(webhook, deliveries: int) -> None:
    from django.utils import timezone

    from coplan.webhooks.models import Attempt
    from tests.factories import DeliveryFactory

    for _ in range(deliveries):
        delivery = DeliveryFactory(webhook=webhook)
        for number in (1, 2):
            Attempt.objects.create(
                delivery=delivery, number=number, sent_at=timezone.now(), status_code=500
            )


def test_the_delivery_log_and_the_list_take_as_many_queries_however_long(client_for, admin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import WebhookFactory

    client = client_for(admin.user)
    small = WebhookFactory(organisation=admin.organisation)
    large = WebhookFactory(organisation=admin.organisation)
    _log_of(small, 1)
    _log_of(large, 30)

    base = _base(admin.organisation_id)
    counts = []
    for url in (f"{base}{small.pk}/", f"{base}{large.pk}/"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    with CaptureQueriesContext(connection) as few:
        client.get(_base(admin.organisation_id))
    for _ in range(20):
        WebhookFactory(organisation=admin.organisation)
    with CaptureQueriesContext(connection) as many:
        client.get(_base(admin.organisation_id))

    assert counts[0] == counts[1]
    assert len(few) == len(many)


def test_the_page_itself_says_how_to_check_a_signature_with_an_example_that_works(
    client_for, admin
):
    text = client_for(admin.user).get(_base(admin.organisation_id)).content.decode()
    example = html.unescape(
        re.search(r'<pre class="app-code"[^>]*><code>(.*?)</code>', text, re.S)[1]
    )
    found: dict = {}
    exec(example, found)  # noqa: S102 - the example the page shows, run as a reader would  # nosec B102
    body = b'{"event":"test"}'
    now = int(time.time())
    header = signing.signature_header(secret="whsec_ours", timestamp=now, body=body)
    old = signing.signature_header(secret="whsec_ours", timestamp=now - 301, body=body)

    assert "Coplan-Signature: t=" in text
    assert "compare_digest" in text
    assert "5 minutes" in text
    assert "docs/features" not in text
    assert found["from_coplan"](body, header, "whsec_ours")
    assert not found["from_coplan"](body + b" ", header, "whsec_ours")
    assert not found["from_coplan"](body, header, "whsec_theirs")
    assert not found["from_coplan"](body, old, "whsec_ours")
