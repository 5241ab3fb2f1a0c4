"""The HTTP API, `/api/v1/` (docs/decisions/0017; a guide in docs/api.md).

Here: the API itself (its answers, authentication, problem details). Its operations are
the apps': each app keeps its own in its `api.py` (a ninja `Router`) and names that
module in `coplan.core.api_routers.API_ROUTERS`; each is added here when a worker first
answers the API. Every project-scoped operation reaches its project through
`projects.access.member_allowed`, the path the pages take: a stranger gets 404, a
role without the page's permission 403. What each role sees inside an answer follows
the pages too.
"""

import logging
from importlib import import_module
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from coplan.api.auth import TokenAuth
from coplan.api.docs import CoplanDocs
from coplan.api.problems import PROBLEM_TYPE, ApiProblemError, plain_problem, problem_response
from coplan.core.api_parts import finish
from coplan.core.api_routers import API_ROUTERS

logger = logging.getLogger("coplan.api")

# Operation ids as first published (clients make code from them): the module the
# operations were first written in, whichever app's router holds them now.
OPERATION_ID_PREFIX = "coplan_api_endpoints_"


class CoplanAPI(NinjaAPI):
    """NinjaAPI with our answers: an ETag on every read (304 for a matching
    If-None-Match), never kept by a shared cache when a token was used, and problem
    details documented as `application/problem+json`."""

    def create_response(
        self,
        request: HttpRequest,
        data: Any,
        *,
        status: int | None = None,
        temporal_response: HttpResponse | None = None,
    ) -> HttpResponse:
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        return finish(request, response)

    def get_openapi_operation_id(self, operation) -> str:
        return OPERATION_ID_PREFIX + operation.view_func.__name__

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for code, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if int(code) >= 400 and "application/json" in content:
                        answer["content"] = {PROBLEM_TYPE: content["application/json"]}
                    if int(code) == 200 and operation.get("security"):
                        answer.setdefault("headers", {})["ETag"] = {
                            "schema": {"type": "string"},
                            "description": "Send it back as If-None-Match: 304 if unchanged.",
                        }
        return schema


api = CoplanAPI(
    title="Co-production Planner API",
    version="1",
    description=(
        "The same rules as the pages: you see through the API exactly what you see on "
        "the pages. Send a personal access token (made on Your account) as "
        "`Authorization: Bearer coplan_...`. See docs/api.md."
    ),
    urls_namespace="api-v1",
    auth=TokenAuth(),
    docs=CoplanDocs(),
)


# Problems -------------------------------------------------------------------------


@api.exception_handler(ApiProblemError)
def _problem(request: HttpRequest, error: ApiProblemError) -> HttpResponse:
    return problem_response(request, error.status, error.detail, headers=error.headers)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return problem_response(
        request, 404, "There is nothing here, or it is in a project you are not a member of."
    )


@api.exception_handler(PermissionDenied)
def _not_allowed(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return problem_response(request, 403, "Your role in this project does not allow this.")


@api.exception_handler(AuthenticationError)
def _no_token(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    return problem_response(
        request,
        401,
        "Send your API token in the Authorization header: Bearer coplan_... "
        "You make tokens on Your account.",
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    errors = [plain_problem(each) for each in error.errors]
    words = "; ".join(f"{each['where']}: {each['problem']}" for each in errors)
    return problem_response(request, 422, f"Check what you sent. {words}", errors=errors)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    if error.status_code == 400:  # ninja could not read the body
        return problem_response(
            request, 400, "We could not read what you sent. Send JSON, as the examples show."
        )
    return problem_response(request, error.status_code, str(error.message))


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, error: Exception) -> HttpResponse:
    request_id = getattr(request, "request_id", "")
    logger.exception("api error request_id=%s", request_id)
    return problem_response(
        request,
        500,
        f"Something went wrong on our side. If it happens again, tell us the request id "
        f"{request_id}.",
    )


# The apps' operations ---------------------------------------------------------------

for _module in API_ROUTERS:
    api.add_router("", import_module(_module).router)
