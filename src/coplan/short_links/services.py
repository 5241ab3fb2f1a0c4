"""Short links for print: `/r/<code>`, to type from a letter or a form, or to put in a
QR code small enough to scan easily.

- The code is 10 characters from 31 that cannot be mistaken for each other when typed
  from paper (no 0, o, 1, i or l; lower case; read case-insensitively): about 49.5 bits,
  made by `secrets`, so a code cannot be guessed or counted through. A wrong code gets
  the same "not found" as any other, and too many wrong codes from one address are
  refused for a while (`views`).
- A short link leads only to a path on this site; the page it leads to still checks
  its own token (a reply link that is too old or for a meeting that is over still
  says so).
- The same target gets the same code, so printing a letter twice makes one link.
"""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from coplan.short_links.models import ShortLink

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def _path(link: str) -> str:
    """The path (and query) of a link to this site; anything else is refused."""
    parts = urlsplit(link)
    site = urlsplit(settings.SITE_URL)
    if parts.netloc and (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        raise ValueError("A short link can only lead to a page of this site")
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        raise ValueError("A short link needs a path on this site")
    return parts.path + (f"?{parts.query}" if parts.query else "")


def short_link_make(*, link: str) -> str:
    """A short link (the whole address) that leads to `link`, a page of this site."""
    target = _path(link)
    found = ShortLink.objects.filter(target=target).order_by("pk").first()
    while found is None:
        try:
            with transaction.atomic():
                found = ShortLink.objects.create(code=new_code(), target=target)
        except IntegrityError:  # the code was taken already: make another
            found = None
    return settings.SITE_URL + reverse("short_links:follow", kwargs={"token": found.code})
