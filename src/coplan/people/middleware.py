"""A missing or wrong data key gives a plain page, never a server error.

Access needs, equality answers, bank details and receipts are encrypted with
PEOPLE_DATA_KEYS (`coplan.people.crypto`). If the keys an app server has cannot read
them, every page that shows them would fail; this answers all of them in one place
with 503 (the service cannot give this page until its keys are fixed; nothing is
wrong with the request) and a page saying what is wrong and who can fix it, and logs it.
"""

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coplan.people.crypto import DataKeysMissingError, UnreadableDataError

logger = logging.getLogger("coplan.people")

UNREADABLE = (UnreadableDataError, DataKeysMissingError)


class UnreadableDataMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, UNREADABLE):
            return None
        logger.error(
            "PEOPLE_DATA_KEYS cannot read encrypted data on %s: %s",
            request.path,
            exception,
        )
        return render(request, "people/unreadable_data.html", status=503)
