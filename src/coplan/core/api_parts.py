"""What every app's API router shares (decision 0017): the problem details schema, the
answers every operation with a token may give, and paging with a fixed order.

Imported only by the apps' `api.py` modules and `coplan.api`, which a worker loads when it
first answers /api/: never from a module a started worker imports (ninja, pydantic).
"""

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.http import parse_etags, urlencode
from ninja import Path, Query, Schema

PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_PAGE = 10_000
MAX_ID = 2**31 - 1


class Problem(Schema):
    """What went wrong (RFC 9457)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[dict] | None = None


# What every operation with a token may answer besides its own success.
TOKEN_PROBLEMS = {401: Problem, 403: Problem, 404: Problem, 422: Problem, 429: Problem}


class PageLinks(Schema):
    count: int
    page: int
    per_page: int
    next: str | None
    previous: str | None


PageNumber = Query(1, ge=1, le=MAX_PAGE, description="Which page, from 1.")
PerPage = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE, description="How many on a page.")
ProjectId = Path(..., ge=1, le=MAX_ID)
OrganisationId = Path(..., ge=1, le=MAX_ID)
FromDate = Query(None, description="Only those on or after this date.")
ToDate = Query(None, description="Only those on or before this date.")


def page_links(
    request: HttpRequest, *, count: int, page: int, per_page: int
) -> dict[str, int | str | None]:
    """The count, and where the next and previous pages are (the same query)."""

    def link(to: int) -> str:
        query = {**request.GET.dict(), "page": to, "per_page": per_page}
        return request.build_absolute_uri(f"{request.path}?{urlencode(query)}")

    last = max(1, -(-count // per_page))
    return {
        "count": count,
        "page": page,
        "per_page": per_page,
        "next": link(page + 1) if page < last else None,
        "previous": link(min(page - 1, last)) if page > 1 else None,
    }


def page_slice(page: int, per_page: int) -> tuple[int, int]:
    start = (page - 1) * per_page
    return start, start + per_page


def paged(
    request: HttpRequest,
    found: QuerySet | Sequence,
    *,
    page: int,
    per_page: int,
    out: Callable[[Any], dict],
) -> dict:
    """One page of `found` (already in a fixed order ending in the id), each as `out`
    gives it, with the links."""
    start, end = page_slice(page, per_page)
    count = found.count() if isinstance(found, QuerySet) else len(found)
    return {
        **page_links(request, count=count, page=page, per_page=per_page),
        "items": [out(each) for each in found[start:end]],
    }


def finish(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Every answer: never kept by a shared cache when a token was used (`private,
    no-store`), and on a read an ETag (304 for a matching If-None-Match). The API's own
    answers come here; an operation that answers a file of its own sends it here too."""
    if getattr(request, "auth", None) is not None:
        response["Cache-Control"] = "private, no-store"
    if request.method != "GET" or response.status_code != 200:
        return response
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    wanted = parse_etags(request.headers.get("If-None-Match", ""))
    if etag in wanted or "*" in wanted:
        not_modified = HttpResponse(status=304)
        for header in ("ETag", "Cache-Control"):
            if header in response:
                not_modified[header] = response[header]
        return not_modified
    return response
