"""Errors the API answers with: RFC 9457 problem details, in plain words."""

import json

from django.http import HttpRequest, HttpResponse

PROBLEM_TYPE = "application/problem+json"

TITLES = {
    400: "Bad request",
    401: "Not signed in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Not at this step",
    422: "Something you sent is not right",
    429: "Too many requests",
    500: "Something went wrong on our side",
}


class ApiProblemError(Exception):
    """Refuse a request with this status and these words."""

    def __init__(self, status: int, detail: str, *, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


def problem_response(
    request: HttpRequest,
    status: int,
    detail: str,
    *,
    errors: list[dict] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Problem"),
        "status": status,
        "detail": detail,
        "instance": request.path,
    }
    if errors is not None:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# What pydantic says of a value it could not take, in plain words (its own words are
# for programmers: "String should have at least 1 character").
_DATE = "must be a date written year-month-day, like 2027-03-31"
_WHOLE_NUMBER = "must be a whole number, like 12"
_PLAIN = {
    "missing": "is missing: send it",
    "int_parsing": _WHOLE_NUMBER,
    "int_type": _WHOLE_NUMBER,
    "int_from_float": _WHOLE_NUMBER,
    "date_parsing": _DATE,
    "date_type": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "datetime_parsing": "must be a date and time, like 2027-03-31T14:00:00Z",
    "datetime_type": "must be a date and time, like 2027-03-31T14:00:00Z",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be words, in quotes",
    "list_type": "must be a list, in [ ]",
    "dict_type": "must be an object, in { }",
    "model_attributes_type": "must be an object, in { }",
    "json_invalid": "is not JSON: check the commas, quotes and brackets",
}


def _counted(number, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


def plain_problem(error: dict) -> dict[str, str]:
    """One thing pydantic found wrong in a request, as `where` (the part of the request:
    `query.per_page`, `body.reference`, `body.claim_ids.0`) and `problem` in plain words."""
    location = [str(part) for part in error.get("loc", ())]
    if location[:2] == ["body", "body"]:  # ninja names the whole body `body` too
        location = location[1:]
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind in _PLAIN:
        problem = _PLAIN[kind]
    elif kind == "string_too_short" and context.get("min_length") == 1:
        problem = "is empty: write something"
    elif kind == "string_too_short":
        problem = f"must be at least {_counted(context['min_length'], 'character', 'characters')}"
    elif kind == "string_too_long":
        most = _counted(context["max_length"], "character", "characters")
        problem = f"must be {most} or fewer"
    elif kind == "too_short":
        problem = f"needs at least {context.get('min_length', 1):,}"
    elif kind == "too_long":
        problem = f"can have at most {context.get('max_length'):,}"
    elif kind == "greater_than_equal":
        problem = f"must be {context['ge']} or more"
    elif kind == "less_than_equal":
        problem = f"must be {context['le']} or less"
    elif kind == "greater_than":
        problem = f"must be more than {context['gt']}"
    elif kind == "less_than":
        problem = f"must be less than {context['lt']}"
    elif kind in ("enum", "literal_error"):
        problem = f"must be one of: {context.get('expected', '')}".rstrip(": ")
    else:
        problem = str(error.get("msg", "is not right")).removeprefix("Value error, ")
    return {"where": ".".join(location), "problem": problem}
