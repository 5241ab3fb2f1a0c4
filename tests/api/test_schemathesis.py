"""schemathesis against the API's own served OpenAPI document, with a token of each role:
no server errors, and every answer (status, content type, body) matches the document.
Few examples for each operation, so it stays quick in the normal test run."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from coplan.api.services import access_token_create
from coplan.projects.roles import Role
from tests.api.helpers import tokens_for
from tests.feedback.factories import YouSaidWeDidFactory
from tests.projects.test_access import project_data_build

# For all the operations together: a few each.
EXAMPLES = 30

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(db, settings):
    """The document as the app serves it, and the app called in this process (in the
    test's transaction: Django's test client also keeps the connection open between
    requests)."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    settings.API_RATE_LIMIT_PER_MINUTE = 10_000
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def role_tokens(api_schema):
    """A project with one of everything, a read token for each of its roles, and a read
    and change one for finance (who may mark claims paid, one or a batch)."""
    project, memberships, _ = project_data_build()
    YouSaidWeDidFactory(project=project)  # not published
    finance = memberships[Role.FINANCE].user
    changes = access_token_create(user=finance, name="T", scope="read_write", days=30).token
    return project, {**tokens_for(memberships), "finance, read and change": changes}


def _check_every_role(case, project, tokens, checks) -> None:
    asked = case.path_parameters or {}
    # Half the time, the project of the test data (each role's own), else whatever was made.
    if isinstance(asked.get("project_id"), int) and asked["project_id"] % 2 == 0:
        case.path_parameters = {**asked, "project_id": project.pk}
    # And the same for its organisation (finance's queue).
    if isinstance(asked.get("organisation_id"), int) and asked["organisation_id"] % 2 == 0:
        case.path_parameters = {**asked, "organisation_id": project.organisation_id}
    for token in tokens.values():
        case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=checks)
    case.call_and_validate(checks=checks)  # and with no token


# schemathesis's own pytest plugin does not work with our pytest (it reads a node id
# pytest 9 no longer has), so its strategies are run with hypothesis directly: the same
# cases and checks.
@pytest.mark.parametrize(
    ("mode", "checks"),
    [
        (GenerationMode.POSITIVE, CHECKS),
        # Wrong input: never a server error, and refused with a documented status.
        (GenerationMode.NEGATIVE, [not_a_server_error, status_code_conformance]),
    ],
    ids=["right input", "wrong input"],
)
def test_api_answers_match_its_document_for_every_role(api_schema, role_tokens, mode, checks):
    project, tokens = role_tokens

    @given(case=api_schema.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case):
        _check_every_role(case, project, tokens, checks)

    check()


# Finance's downloads and queue (files, an organisation's ids, a batch), with finance's own
# tokens: enough examples of these alone that each is answered, files included.
FINANCE_OPERATIONS = r"/claims/export$|/claims-waiting"


@pytest.mark.parametrize(
    ("mode", "checks"),
    [
        (GenerationMode.POSITIVE, CHECKS),
        (GenerationMode.NEGATIVE, [not_a_server_error, status_code_conformance]),
    ],
    ids=["right input", "wrong input"],
)
def test_finance_operations_match_the_document(api_schema, role_tokens, mode, checks):
    project, tokens = role_tokens
    finance = {name: token for name, token in tokens.items() if str(name).startswith("finance")}
    answered: set[tuple[str, int]] = set()

    @given(case=api_schema.include(path_regex=FINANCE_OPERATIONS).as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same examples each run: each operation is answered
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        asked = case.path_parameters or {}
        case.path_parameters = {
            **asked,
            **({"project_id": project.pk} if "project_id" in asked else {}),
            **({"organisation_id": project.organisation_id} if "organisation_id" in asked else {}),
        }
        for token in finance.values():
            response = case.call_and_validate(
                headers={"Authorization": f"Bearer {token}"}, checks=checks
            )
            answered.add((case.operation.path, response.status_code))

    check()

    if mode == GenerationMode.POSITIVE:
        assert {path for path, status in answered if status == 200} == {
            "/api/v1/projects/{project_id}/claims/export",
            "/api/v1/organisations/{organisation_id}/claims-waiting",
            "/api/v1/organisations/{organisation_id}/claims-waiting/export",
            "/api/v1/organisations/{organisation_id}/claims-waiting/paid",
        }
