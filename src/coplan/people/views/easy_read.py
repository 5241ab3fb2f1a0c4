"""The Easy Read switch on every page a participant sees (coplan.people.easy_read_pages)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from coplan.people import services
from coplan.people.easy_read_pages import browser_choice_remember


@require_POST
def easy_read_switch(request: HttpRequest) -> HttpResponse:
    """Turn Easy Read on or off, then back to the same page. It works with a link and
    no account too (remembered in this browser)."""
    on = request.POST.get("easy_read") == "on"
    if request.user.is_authenticated:
        services.person_easy_read_choose(user=request.user, on=on)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    response = redirect(back + "#easy-read-switch")
    browser_choice_remember(response, on=on)
    return response
