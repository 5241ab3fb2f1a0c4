"""A receiver for webhooks: a real HTTP server on this machine, started by the test, that
keeps what it was sent and answers as the test says."""

import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from coplan.webhooks import services
from tests.factories import StaffMembershipFactory


class Receiver:
    """Listens on 127.0.0.1 only; with `tls` (a server SSLContext) it speaks https."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.received: list[dict] = []
        self.answers: list[int] = []  # status codes to answer with, in turn; then 200
        self.slow_seconds = 0.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self.server.server_port
        if tls:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}/coplan-events"

    def start(self) -> "Receiver":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append({"path": self.path, "headers": self.headers, "body": body})
                if receiver.slow_seconds:
                    time.sleep(receiver.slow_seconds)
                status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", receiver.url.replace("coplan-events", "moved"))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        return Handler

    def paths(self) -> list[str]:
        return [request["path"] for request in self.received]


@pytest.fixture
def receiver(settings):
    settings.WEBHOOKS_HTTP_ALLOWED = True
    settings.WEBHOOKS_PRIVATE_ALLOWED = True
    settings.WEBHOOKS_PROXY = ""
    found = Receiver().start()
    yield found
    found.stop()


@pytest.fixture
def admin(db):
    return StaffMembershipFactory(is_admin=True)


ALL_EVENTS = ["claim.approved", "claim.paid", "meeting.changed", "you_said_we_did.published"]


def webhook_for(organisation, url, events=ALL_EVENTS, by=None):
    from tests.factories import UserFactory

    return services.webhook_create(
        organisation=organisation, url=url, events=events, by=by or UserFactory()
    )
