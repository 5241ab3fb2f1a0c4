"""Rules every page of the app follows, checked on every URL the app has: pages with
personal data are never stored, and a page takes only GET, HEAD, POST and OPTIONS.

The URLs are read from the URL configuration and filled in with the project data of
tests/projects/test_access.py (one of each thing a project page can point at), so a
new page is checked as soon as it exists.
"""

import datetime
import re

import pytest
from django.http import HttpRequest, HttpResponse
from django.urls import get_resolver, path
from django.utils import timezone

from coplan.core.http import accepts_methods
from coplan.meeting_invitations import links
from coplan.payments.models import PaymentPolicy
from coplan.projects.roles import Role
from tests.factories import (
    InvitedPersonFactory,
    MeetingFactory,
    StaffMembershipFactory,
    VenueFactory,
)
from tests.projects.test_access import _walk, project_data  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


def _every_url(values: dict[str, object]) -> dict[str, str]:
    """Every page of the app (the admin by its front page), by URL name."""

    def value(match: re.Match) -> str:
        name = match.group(1)
        assert name in values, f"No test value for <{name}>: add it to _values"
        return str(values[name])

    return {
        name: "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, route)
        for name, route, _ in _walk(get_resolver().url_patterns)
        if not route.startswith("admin/") or route == "admin/"
    }


@pytest.fixture
def every_url(project_data):  # noqa: F811 - the fixture imported above
    project, memberships, values = project_data
    organisation = project.organisation
    staff = StaffMembershipFactory(organisation=organisation, user=memberships[Role.LEAD].user)
    urls = _every_url(
        {
            **values,
            "organisation_id": organisation.pk,
            "staff_membership_id": staff.pk,
            "venue_id": VenueFactory(organisation=organisation).pk,
            "policy_id": PaymentPolicy.objects.get(organisation=organisation).pk,
            "token": "a-made-up-token",
            "uidb64": "MQ",
        }
    )
    return memberships, urls


# Pages with someone's personal data: who opens them, and any query the page needs.
PERSONAL_PAGES = {
    "people:participant": Role.LEAD,
    "people:participant_details": Role.LEAD,
    "people:participant_needs": Role.LEAD,
    "people:participant_export": Role.LEAD,
    "people:participant_export_json": Role.LEAD,
    "people:access_needs": Role.LEAD,
    "people:your_details": Role.CO_PRODUCER,
    "people:tell_us_once_question": Role.CO_PRODUCER,
    "people:tell_us_once_check": Role.CO_PRODUCER,
    "people:your_export": Role.CO_PRODUCER,
    "people:your_export_json": Role.CO_PRODUCER,
    "payments:choice": Role.CO_PRODUCER,
    "payments:bank_details": Role.CO_PRODUCER,
    "payments:claim": Role.CO_PRODUCER,
    "payments:receipt": Role.CO_PRODUCER,
    "payments:claims": Role.FINANCE,
    "payments:person_payment": Role.FINANCE,
    "payments:person_choice": Role.FINANCE,
    "payments:person_bank_details": Role.FINANCE,
    "payments:export": Role.FINANCE,
    "payments:queue": Role.FINANCE,
    "payments:queue_export": Role.FINANCE,
    "people:audit_log": "organisation admin",
    "notifications:updates": Role.CO_PRODUCER,
    "notifications:choices": Role.CO_PRODUCER,
    "notifications:notify_account": "organisation admin",
}


def _download_query() -> dict[str, object]:
    today = timezone.localdate()
    start = today - datetime.timedelta(days=30)
    return {
        "start-day": start.day,
        "start-month": start.month,
        "start-year": start.year,
        "end-day": today.day,
        "end-month": today.month,
        "end-year": today.year,
        "file_format": "csv",
    }


@pytest.mark.parametrize("name", list(PERSONAL_PAGES))
def test_personal_page_is_never_stored_by_a_browser_or_proxy(client_for, every_url, name):
    memberships, urls = every_url
    who = PERSONAL_PAGES[name]
    if who == "organisation admin":
        user = StaffMembershipFactory(
            organisation=memberships[Role.LEAD].project.organisation, is_admin=True
        ).user
    else:
        user = memberships[who].user

    query = _download_query() if name == "payments:export" else {}
    response = client_for(user).get(urls[name], query)

    assert (response.status_code, response["Cache-Control"]) == (200, PRIVATE)


def test_every_page_for_a_signed_in_person_is_never_stored(client_for, every_url):
    memberships, urls = every_url
    client = client_for(memberships[Role.LEAD].user)

    headers = {name: client.get(url).headers.get("Cache-Control") for name, url in urls.items()}

    assert headers == dict.fromkeys(urls, PRIVATE)


def test_a_page_reached_by_a_persons_own_link_is_never_stored(client):
    invited = InvitedPersonFactory(
        meeting=MeetingFactory(meets_on=timezone.localdate() + datetime.timedelta(days=30))
    )

    page = client.get(f"/meeting-reply/{links.reply_token(invited_id=invited.pk)}/")
    wrong = client.get("/meeting-reply/a-made-up-token/")

    assert (page.status_code, page["Cache-Control"]) == (200, PRIVATE)
    assert (wrong.status_code, wrong["Cache-Control"]) == (404, PRIVATE)


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "TRACE"])
def test_every_page_refuses_methods_a_page_does_not_take(client_for, every_url, method):
    memberships, urls = every_url
    client = client_for(memberships[Role.LEAD].user)

    answers = {}
    for name, url in urls.items():
        response = client.generic(method, url)
        answers[name] = (response.status_code, response.headers.get("Allow"))

    assert answers == dict.fromkeys(urls, (405, "GET, HEAD, POST, OPTIONS"))


def test_every_page_answers_options_with_what_it_allows(client_for, every_url):
    memberships, urls = every_url
    client = client_for(memberships[Role.LEAD].user)

    answers = {}
    for name, url in urls.items():
        response = client.options(url)
        answers[name] = (response.status_code, response["Allow"], response.content)

    assert answers == dict.fromkeys(urls, (200, "GET, HEAD, POST, OPTIONS", b""))


# A later API may take more methods than a page: its views say which.
@accepts_methods("GET", "PUT", "DELETE")
def _api_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(request.method)


urlpatterns = [path("more-methods/thing/", _api_view)]


@pytest.mark.urls(__name__)
def test_a_view_that_accepts_more_methods_gets_exactly_those(client):
    answers = {
        method: client.generic(method, "/more-methods/thing/")
        for method in ["GET", "PUT", "DELETE", "PATCH", "POST"]
    }

    assert {method: response.content for method, response in answers.items()} == {
        "GET": b"GET",
        "PUT": b"PUT",
        "DELETE": b"DELETE",
        "PATCH": b"",
        "POST": b"",
    }
    assert answers["PATCH"].status_code == answers["POST"].status_code == 405
    assert answers["PATCH"]["Allow"] == "GET, PUT, DELETE"
