"""Whether a participant's pages are in Easy Read: the switch on every page they see.

The switch is remembered for the person: on their records (`Person.easy_read_pages`)
when they are signed in, and in a signed cookie for everyone (a person who follows a
link from a letter or an email, with no account). Until they use it, it is on for
people who asked for Easy Read papers (`Person.formats`). A signed-in person's own
choice comes first; for a visitor with a link, the choice made in this browser.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from coplan.people.choices import Format
from coplan.people.models import Person

COOKIE = "coplan_easy_read"
_SALT = "coplan.people.easy_read_pages"
ON, OFF = "on", "off"
# A year: the switch stays as they left it.
COOKIE_AGE = 365 * 24 * 60 * 60


def browser_choice(request: HttpRequest) -> bool | None:
    """What the switch was set to in this browser, or None if it was never used."""
    said = request.get_signed_cookie(COOKIE, default=None, salt=_SALT)
    return {ON: True, OFF: False}.get(said)


def browser_choice_remember(response: HttpResponse, *, on: bool) -> None:
    response.set_signed_cookie(
        COOKIE,
        ON if on else OFF,
        salt=_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _own_people(request: HttpRequest) -> list[Person]:
    """The signed-in person's records (one per organisation), once per request."""
    if not request.user.is_authenticated:
        return []
    if not hasattr(request, "_coplan_own_people"):
        request._coplan_own_people = list(
            Person.objects.filter(user=request.user, erased_at__isnull=True).only(
                "pk", "formats", "easy_read_pages"
            )
        )
    return request._coplan_own_people


def easy_read_on(request: HttpRequest, person: Person | None = None, default: bool = False) -> bool:
    """Whether this page is shown in Easy Read: for the signed-in person, or for the
    `person` a link was sent to. Until the switch is used, on for Easy Read papers, or
    when `default` (they came from the Easy Read form, say)."""
    people = _own_people(request) if person is None else [person]
    chosen = [found.easy_read_pages for found in people if found.easy_read_pages is not None]
    in_browser = browser_choice(request)
    if request.user.is_authenticated and chosen:
        return chosen[0]
    if in_browser is not None:
        return in_browser
    if chosen:
        return chosen[0]
    return default or any(Format.EASY_READ in (found.formats or []) for found in people)
