"""Following a short link from paper: `/r/<code>` leads to its page. No sign-in: the
page it leads to checks its own token.

Too many wrong codes from one address (`MISSES_ALLOWED` in an hour) and that address
is refused for the rest of the hour, right codes too, so codes cannot be tried in
bulk. The count is kept in Django's cache (per process unless a shared cache is set
up; with 10 characters from 31, guessing is hopeless even without it).
"""

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from coplan.short_links.selectors import short_link_target

MISSES_ALLOWED = 20
MISSES_FOR_SECONDS = 3600


def _misses_key(request: HttpRequest) -> str:
    return f"short-links:misses:{request.META.get('REMOTE_ADDR', '')}"


def follow(request: HttpRequest, token: str) -> HttpResponse:
    key = _misses_key(request)
    if cache.get(key, 0) >= MISSES_ALLOWED:
        return render(request, "short_links/too_many.html", status=429)
    target = short_link_target(code=token)
    if target is None:
        cache.add(key, 0, MISSES_FOR_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # gone from the cache just now
            cache.set(key, 1, MISSES_FOR_SECONDS)
        return render(request, "short_links/not_found.html", status=404)
    return HttpResponseRedirect(target)
