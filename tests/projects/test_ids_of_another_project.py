"""The every-URL walk with another project's ids: for every URL of the app with an id in
it, each id in turn is swapped for the id of a thing of the same kind in another
organisation's project, while the other parts name the visitor's own things. Whoever the
visitor is in their own project, they get "page not found", "not allowed" or "a button"
(404, 403, 405): never the other project's page, never a server error, and their POST
changes nothing at all.

The URL patterns are read from the URL configuration, so a new URL is walked as soon as it
exists; a URL with a part this test does not know how to fill fails the first test."""

import re

import pytest
from django.test import Client
from django.urls import get_resolver

from coplan.api import services as api_services
from coplan.guides.services import organisation_guide_upload, project_guides_ensure
from coplan.payments.models import PaymentPolicy
from coplan.projects.roles import Role
from tests.drills import changed_tables, database_fingerprint, figures_count
from tests.factories import ProjectFactory, StaffMembershipFactory, VenueFactory
from tests.guides.guide_files import guide_file
from tests.projects.test_access import _walk, project_data_build

pytestmark = pytest.mark.django_db

# Parts of a URL that name one thing of a project or an organisation: swapped in turn.
IDS = {
    "project_id",
    "organisation_id",
    "staff_membership_id",
    "venue_id",
    "policy_id",
    "webhook_id",
    "delivery_id",
    "guide_key",  # the other organisation's own guide
    "membership_id",
    "invitation_id",
    "group_id",
    "person_id",
    "consent_id",
    "import_id",
    "aim_id",
    "sign_off_id",
    "milestone_id",
    "budget_line_id",
    "barrier_id",
    "session_id",
    "agreement_id",
    "item_id",
    "action_id",
    "definition_id",
    "decision_area_id",
    "meeting_id",
    "paper_id",
    "invited_id",
    "claim_id",
    "line_id",
    "notice_id",
    "form_id",
    "feedback_question_id",
    "entry_id",
    "reflection_id",
    "lesson_id",
    "version_id",
    "download_id",
    "token_id",
}
# Parts that name a place inside a guide or a form: they go with the guide they belong to.
GUIDE_PARTS = {"section_id", "question_id", "rule_id"}
KEYS = GUIDE_PARTS | {"question", "line_number"}
# Links that are their own key (a token in an email or a letter): nothing to swap.
TOKENS = {"token", "uidb64"}
ALLOWED = {403, 404, 405}
# Open to anyone by design: what a project published, for a public website
# (tests/api/test_access.py).
PUBLIC = {"api-v1:you_said_we_did_public"}
# The pages' addresses and the API's (which only requests to /api/ load).
EVERY_ADDRESS = "coplan.api.urlconf"


def _parts(route: str) -> set[str]:
    return set(re.findall(r"<(?:\w+:)?(\w+)>", route))


def _routes() -> list[tuple[str, str]]:
    return sorted(
        (name, route)
        for name, route, _ in _walk(get_resolver(EVERY_ADDRESS).url_patterns)
        if not route.startswith("admin/") and _parts(route) & IDS and name not in PUBLIC
    )


def _fill(route: str, values: dict[str, object]) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values[match.group(1)]), route)


def test_every_part_of_every_url_is_known_to_this_walk():
    unknown = {
        name: sorted(_parts(route) - IDS - KEYS - TOKENS)
        for name, route, _ in _walk(get_resolver(EVERY_ADDRESS).url_patterns)
        if not route.startswith("admin/") and _parts(route) - IDS - KEYS - TOKENS
    }

    assert unknown == {}, "Add these parts of a URL to IDS (with a value) or KEYS"


def _side(*, own_guide: bool) -> dict:
    """An organisation with a project holding one of each thing, and its staff."""
    admin = StaffMembershipFactory(is_admin=True)
    organisation = admin.organisation
    if own_guide:
        organisation_guide_upload(
            organisation=organisation,
            file_name="theirs.toml",
            source=guide_file("theirs", questions=2),
            user=admin.user,
        )
    project, memberships, values = project_data_build(ProjectFactory(organisation=organisation))
    staff = StaffMembershipFactory(organisation=organisation)
    values |= {
        "organisation_id": organisation.pk,
        "staff_membership_id": staff.pk,
        "venue_id": VenueFactory(organisation=organisation).pk,
        "policy_id": PaymentPolicy.objects.get(organisation=organisation).pk,
        "token_id": api_services.access_token_create(
            user=staff.user, name="CRM", scope="read", days=30
        ).access_token.pk,
    }
    if own_guide:
        project_guides_ensure(project=project)
        values |= {"guide_key": "theirs", "section_id": "section-1", "question_id": "question-1"}
    callers = {role.value: membership.user for role, membership in memberships.items()}
    callers |= {"organisation admin": admin.user, "organisation staff": staff.user}
    return {"values": values, "callers": callers}


@pytest.fixture
def two_sides():
    return _side(own_guide=False), _side(own_guide=True)


def _swaps(route: str, own: dict, other: dict) -> list[tuple[str, str]]:
    """(the part swapped, the URL) for each id of the route in turn."""
    urls = []
    for part in sorted(_parts(route) & IDS):
        values = dict(own)
        values[part] = other[part]
        if part == "guide_key":
            values |= {key: other[key] for key in GUIDE_PARTS}
        urls.append((part, _fill(route, values)))
    return urls


CALLERS = [role.value for role in Role] + ["organisation admin", "organisation staff"]


@pytest.mark.parametrize("caller", CALLERS)
def test_another_projects_ids_are_never_found_through_your_own(two_sides, caller):
    own, other = two_sides
    user = own["callers"][caller]
    # Signed in for the pages, and with a token of their own for the API.
    token = api_services.access_token_create(user=user, name="T", scope="read", days=30).token
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")
    client.force_login(user)
    routes = _routes()
    before = database_fingerprint()

    answers = {}
    swaps = [
        (name, part, url)
        for name, route in routes
        for part, url in _swaps(route, own["values"], other["values"])
    ]
    for name, part, url in swaps:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            # The API refuses a body it cannot read (here: none) before it looks anything
            # up, so that answer says nothing about the ids either.
            allowed = ALLOWED | ({400} if name.startswith("api-v1:") else set())
            if response.status_code not in allowed:
                answers[(name, part, method)] = response.status_code
    # Using a token notes when it was last used (and counts it for the rate limit).
    changed = [
        table
        for table in changed_tables(before, database_fingerprint())
        if table != "api_accesstoken"
    ]
    figures_count(
        walk_urls=len(swaps) if caller == CALLERS[0] else 0,
        walk_callers=1,
        walk_requests=2 * len(swaps),
        walk_wrong=len(answers),
    )

    assert (answers, changed) == ({}, [])


def test_the_apis_organisation_addresses_with_another_organisations_id_are_not_found(two_sides):
    """Not even 403: whoever the caller is in their own organisation, another one is not
    there for them (finance's queue is reached through their own memberships)."""
    own, other = two_sides
    routes = [
        route
        for name, route in _routes()
        if name.startswith("api-v1:") and "organisation_id" in _parts(route)
    ]
    answers = {}
    for caller in CALLERS:
        user = own["callers"][caller]
        token = api_services.access_token_create(user=user, name="T", scope="read", days=30)
        client = Client(HTTP_AUTHORIZATION=f"Bearer {token.token}")
        for route in routes:
            url = _fill(
                route, own["values"] | {"organisation_id": other["values"]["organisation_id"]}
            )
            answers[(caller, route)] = client.get(url).status_code

    assert routes, "finance's queue is at an organisation's address"
    # 405: an address that only changes something (marking a batch paid) is not read.
    assert set(answers.values()) == {404, 405}
    assert {route for (_, route), status in answers.items() if status == 405} == {
        route for route in routes if route.endswith("/paid")
    }
