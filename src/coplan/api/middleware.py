"""Every API request is answered from the API's addresses (`coplan.api.urlconf`, loaded
by a worker the first time it is asked) and gets an id: the caller's `X-Request-ID` if it
sent a sensible one, else a new one. It is sent back in the same header and written to
the log with what was asked, the answer's status and the token's prefix (never the
token)."""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("coplan.api")

API_PATH = "/api/"
API_URLCONF = "coplan.api.urlconf"
HEADER = "X-Request-ID"
SENSIBLE = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PATH):
            return self.get_response(request)
        request.urlconf = API_URLCONF
        sent = request.headers.get(HEADER, "")
        request.request_id = sent if SENSIBLE.fullmatch(sent) else uuid.uuid4().hex
        started = time.monotonic()
        response = self.get_response(request)
        response[HEADER] = request.request_id
        logger.info(
            "api request_id=%s method=%s path=%s status=%s token=%s ms=%d",
            request.request_id,
            request.method,
            request.path,
            response.status_code,
            getattr(request, "access_token_prefix", "-"),
            (time.monotonic() - started) * 1000,
        )
        return response
