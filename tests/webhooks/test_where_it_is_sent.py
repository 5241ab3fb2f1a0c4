"""An event goes only to the address the admin entered, never inside our network: a host
name is looked up when the event is sent and refused if it leads to this server or a
private network; what is sent goes to the address checked, not to whatever the name says
a moment later; https still checks the certificate against the name. Sent to a real
server the test starts on 127.0.0.1; where the test needs a name to lead somewhere, it
changes what the system's look-up (`socket.getaddrinfo`) answers for that name only."""

import datetime
import socket
import ssl

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.utils import timezone

from coplan.webhooks import services, signing
from coplan.webhooks.models import Delivery, DeliveryStatus, Webhook
from tests.webhooks.conftest import Receiver, webhook_for

pytestmark = pytest.mark.django_db

NAME = "hooks.example"


class Lookups:
    """What the system's look-up answers for NAME, in turn (a list of addresses, or None
    for "not found"); every other name is looked up as usual."""

    def __init__(self, monkeypatch, *answers: list[str] | None) -> None:
        self.answers = list(answers)
        self.asked = 0
        real = socket.getaddrinfo

        def getaddrinfo(host, port, *args, **kwargs):
            if host != NAME:
                return real(host, port, *args, **kwargs)
            self.asked += 1
            addresses = self.answers.pop(0) if self.answers else None
            if addresses is None:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return [
                (
                    socket.AF_INET6 if ":" in address else socket.AF_INET,
                    socket.SOCK_STREAM,
                    socket.IPPROTO_TCP,
                    "",
                    (address, port, 0, 0) if ":" in address else (address, port),
                )
                for address in addresses
            ]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _sent_to(admin, url: str) -> Delivery:
    """A test event for a webhook whose address is stored as it is, as if the form had
    taken it."""
    made = webhook_for(admin.organisation, "https://finance.example.org/coplan")
    Webhook.objects.filter(pk=made.webhook.pk).update(url=url)
    made.webhook.refresh_from_db()
    return services.webhook_test_send(webhook=made.webhook)


def _tries(delivery: Delivery) -> list[tuple]:
    return list(delivery.tries.values_list("status_code", "error"))


def test_a_name_that_leads_to_this_server_is_refused_and_sent_nothing(receiver, admin, settings):
    settings.WEBHOOKS_PRIVATE_ALLOWED = False
    delivery = _sent_to(admin, f"http://localhost:{receiver.port}/coplan-events")

    result = services.deliveries_send_due()

    [(status_code, error)] = _tries(delivery)
    delivery.refresh_from_db()
    assert result.failed == 1
    assert receiver.received == []
    assert status_code is None
    assert error.startswith("The address leads to this server or a private network: localhost is ")
    assert "127.0.0.1" in error
    assert error.endswith("We send only to addresses on the internet")
    # Tried again later, like any failure: what a name leads to can change.
    assert delivery.status == DeliveryStatus.TRYING_AGAIN


def test_where_this_server_is_allowed_the_same_name_is_sent_the_event_signed(receiver, admin):
    made = webhook_for(admin.organisation, f"http://localhost:{receiver.port}/coplan-events")
    services.webhook_test_send(webhook=made.webhook)

    result = services.deliveries_send_due()

    [request] = receiver.received
    now = int(timezone.now().timestamp())
    assert result.sent == 1
    assert request["headers"]["Host"] == f"localhost:{receiver.port}"
    assert signing.verified(
        secret=made.secret,
        header=request["headers"]["Coplan-Signature"],
        body=request["body"],
        now=now,
    )


@pytest.mark.parametrize(
    ("addresses", "inside"),
    [
        (["8.8.8.8", "10.0.0.5"], "10.0.0.5"),
        (["169.254.169.254"], "169.254.169.254"),  # where cloud servers read their secrets
        (["::ffff:192.168.1.1"], "::ffff:192.168.1.1"),
        (["fd00::1"], "fd00::1"),
        (["::1"], "::1"),
    ],
)
def test_a_name_with_any_address_inside_is_refused(
    receiver, admin, settings, monkeypatch, addresses, inside
):
    settings.WEBHOOKS_PRIVATE_ALLOWED = False
    Lookups(monkeypatch, addresses)
    delivery = _sent_to(admin, f"https://{NAME}/coplan-events")

    services.deliveries_send_due()

    [(status_code, error)] = _tries(delivery)
    assert (status_code, error) == (
        None,
        f"The address leads to this server or a private network: {NAME} is {inside}. "
        "We send only to addresses on the internet",
    )


def test_the_event_goes_to_the_address_checked_even_if_the_name_changes_after(
    receiver, admin, monkeypatch
):
    # Looked up once, as this server; any later look-up would find nothing, so the
    # event arrives only if it is sent to the address that was checked.
    lookups = Lookups(monkeypatch, ["127.0.0.1"])
    delivery = _sent_to(admin, f"http://{NAME}:{receiver.port}/coplan-events")

    result = services.deliveries_send_due()

    [request] = receiver.received
    assert result.sent == 1
    assert lookups.asked == 1
    assert request["headers"]["Host"] == f"{NAME}:{receiver.port}"
    assert request["path"] == "/coplan-events"
    assert _tries(delivery) == [(200, "")]


def test_when_nothing_answers_at_the_first_address_the_next_one_checked_is_tried(
    receiver, admin, monkeypatch
):
    # The receiver listens on 127.0.0.1 only: 127.0.0.2 refuses the connection.
    Lookups(monkeypatch, ["127.0.0.2", "127.0.0.1"])
    _sent_to(admin, f"http://{NAME}:{receiver.port}/coplan-events")

    result = services.deliveries_send_due()

    assert result.sent == 1
    assert len(receiver.received) == 1


def test_a_name_that_cannot_be_found_is_said_in_plain_words(receiver, admin, monkeypatch):
    Lookups(monkeypatch, None)
    delivery = _sent_to(admin, f"https://{NAME}/coplan-events")

    services.deliveries_send_due()

    assert _tries(delivery) == [(None, f"Could not find {NAME}: check the address")]


def test_with_an_outbound_proxy_the_event_goes_through_it_and_it_looks_the_name_up(
    receiver, admin, settings, monkeypatch
):
    # The receiver plays the proxy: a proxy is sent the whole address to go to.
    settings.WEBHOOKS_PRIVATE_ALLOWED = False
    settings.WEBHOOKS_PROXY = f"http://127.0.0.1:{receiver.port}"
    lookups = Lookups(monkeypatch)
    _sent_to(admin, f"http://{NAME}/coplan-events")

    result = services.deliveries_send_due()

    [request] = receiver.received
    assert result.sent == 1
    assert request["path"] == f"http://{NAME}/coplan-events"
    assert lookups.asked == 0


# https ---------------------------------------------------------------------------------


def _certificate(folder, name: str) -> tuple[str, str]:
    """A self-signed certificate for `name` and its key, as files."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certificate_file, key_file = folder / "certificate.pem", folder / "key.pem"
    certificate_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(certificate_file), str(key_file)


@pytest.fixture
def tls_receiver(tmp_path, settings, monkeypatch):
    """An https receiver with a certificate for `certified`; this machine trusts only that
    certificate (requests' list of trusted certificates is the test's own)."""

    def start(certified: str) -> Receiver:
        certificate_file, key_file = _certificate(tmp_path, certified)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(certificate_file, key_file)
        names_asked = []
        context.sni_callback = lambda _socket, name, _context: names_asked.append(name)
        monkeypatch.setattr("requests.adapters.DEFAULT_CA_BUNDLE_PATH", certificate_file)
        receiver = Receiver(tls=context).start()
        receiver.names_asked = names_asked
        started.append(receiver)
        return receiver

    settings.WEBHOOKS_PRIVATE_ALLOWED = True
    settings.WEBHOOKS_PROXY = ""
    started = []
    yield start
    for receiver in started:
        receiver.stop()


def test_https_to_the_address_checked_checks_the_certificate_against_the_name(
    tls_receiver, admin, monkeypatch
):
    receiver = tls_receiver(NAME)
    lookups = Lookups(monkeypatch, ["127.0.0.1"])
    delivery = _sent_to(admin, f"https://{NAME}:{receiver.port}/coplan-events")

    result = services.deliveries_send_due()

    [request] = receiver.received
    assert result.sent == 1
    assert lookups.asked == 1
    assert receiver.names_asked == [NAME]  # the name, not the number, was sent for TLS
    assert request["headers"]["Host"] == f"{NAME}:{receiver.port}"
    assert _tries(delivery) == [(200, "")]


def test_https_to_a_receiver_whose_certificate_is_for_another_name_is_refused(
    tls_receiver, admin, monkeypatch
):
    receiver = tls_receiver("other.example")
    Lookups(monkeypatch, ["127.0.0.1"])
    delivery = _sent_to(admin, f"https://{NAME}:{receiver.port}/coplan-events")

    result = services.deliveries_send_due()

    assert result.failed == 1
    assert receiver.received == []
    assert _tries(delivery) == [(None, "The receiver's security certificate could not be checked")]
