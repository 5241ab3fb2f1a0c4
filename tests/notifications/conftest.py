"""The outside world for telling people, started for real by the tests:

- a real SMTP server (aiosmtpd) on a free local port, with Django's SMTP backend pointed at
  it, so each email goes over SMTP as in production;
- a small local HTTP server standing in for GOV.UK Notify, which records what the
  `notifications-python-client` sends it (the real Notify cannot be reached from here).

Either can be told to refuse the next messages, to test trying again.
"""

import email
import email.policy
import json
import socket
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from coplan.notifications import services
from tests.factories import UserFactory

TEXT_TEMPLATE = "5b6c2a3e-1f0d-4c8b-9a7e-2d4f6b8c0a1e"
LETTER_TEMPLATE = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
NOTIFY_KEY = "coplan_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SmtpServer:
    """What the SMTP server received: one email.message.EmailMessage per message."""

    messages: list = field(default_factory=list)
    refuse: int = 0  # refuse this many messages with "451 try again later"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[str]:
        """The subjects of the messages sent to one address."""
        return [m["Subject"] for m in self.messages if m["X-Envelope-To"] == address]

    def body_to(self, address: str) -> str:
        [message] = [m for m in self.messages if m["X-Envelope-To"] == address]
        return message.get_content()


@pytest.fixture
def smtp_server(settings):
    recorder = SmtpServer()
    port = _free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield recorder
    controller.stop()


@dataclass
class NotifyRecorder:
    """What the stand-in for GOV.UK Notify was sent: (path, JSON body, headers)."""

    requests: list = field(default_factory=list)
    refuse: int = 0

    def sent(self, kind: str) -> list[dict]:
        return [body for path, body, _ in self.requests if path == f"/v2/notifications/{kind}"]


def _notify_handler(recorder: NotifyRecorder):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if recorder.refuse:
                recorder.refuse -= 1
                self._answer(500, {"errors": [{"error": "Exception", "message": "Try again"}]})
                return
            recorder.requests.append((self.path, body, dict(self.headers)))
            self._answer(
                201,
                {
                    "id": str(uuid.uuid4()),
                    "reference": body.get("reference"),
                    "content": {"body": "", "subject": ""},
                    "uri": "",
                    "template": {"id": body.get("template_id"), "version": 1, "uri": ""},
                },
            )

        def _answer(self, status: int, content: dict) -> None:
            data = json.dumps(content).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def notify_server(settings):
    recorder = NotifyRecorder()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _notify_handler(recorder))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NOTIFY_BASE_URL = f"http://127.0.0.1:{server.server_address[1]}"
    yield recorder
    server.shutdown()
    server.server_close()


def notify_set_up(organisation, *, text: bool = True, letter: bool = True):
    """The organisation's admin sets its GOV.UK Notify key and templates."""
    return services.notify_account_save(
        organisation=organisation,
        api_key=NOTIFY_KEY,
        text_template_id=TEXT_TEMPLATE if text else "",
        letter_template_id=LETTER_TEMPLATE if letter else "",
        by=UserFactory(),
    )
