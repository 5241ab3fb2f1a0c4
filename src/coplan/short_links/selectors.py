from coplan.short_links.models import ShortLink
from coplan.short_links.services import ALPHABET, CODE_LENGTH


def short_link_target(*, code: str) -> str | None:
    """Where a code leads, or None for a code that is not one of ours."""
    code = code.strip().lower()
    if len(code) != CODE_LENGTH or set(code) - set(ALPHABET):
        return None
    return ShortLink.objects.filter(code=code).values_list("target", flat=True).first()
