"""A receiver for webhooks: a real HTTP server on this machine, started by the test, that
keeps what it was sent and answers as the test says."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from coplan.webhooks import services
from tests.factories import StaffMembershipFactory


class Receiver:
    def __init__(self) -> None:
        self.received: list[dict] = []
        self.answers: list[int] = []  # status codes to answer with, in turn; then 200
        self.slow_seconds = 0.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}/coplan-events"

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
    found = Receiver()
    thread = threading.Thread(target=found.server.serve_forever, daemon=True)
    thread.start()
    yield found
    found.server.shutdown()
    found.server.server_close()


@pytest.fixture
def admin(db):
    return StaffMembershipFactory(is_admin=True)


ALL_EVENTS = ["claim.approved", "claim.paid", "meeting.changed", "you_said_we_did.published"]


def webhook_for(organisation, url, events=ALL_EVENTS, by=None):
    from tests.factories import UserFactory

    return services.webhook_create(
        organisation=organisation, url=url, events=events, by=by or UserFactory()
    )
