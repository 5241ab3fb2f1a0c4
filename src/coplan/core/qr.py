"""The one QR code maker (segno): a link as a QR code, inline on a page or as a picture
in a document (a `data:` address, since documents fetch nothing)."""

import io

import segno
from markupsafe import Markup, escape

from coplan.core.documents import data_src

BLACK = "#0b0c0c"


def _code(link: str) -> segno.QRCode:
    # Level M: a quarter of the code can be smudged or folded and it still scans.
    return segno.make(link, error="m")


def qr_svg(link: str, *, label: str) -> Markup:
    """The link as a QR code, as inline SVG with a text alternative, for a page."""
    svg = _code(link).svg_inline(scale=4, border=4, dark=BLACK, light="#ffffff", svgclass="app-qr")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    return Markup(svg)  # noqa: S704 - made by segno from our own link  # nosec B704


def qr_src(link: str) -> str:
    """The link as a QR code for a document's `<img src>`: a `data:` address of an SVG,
    so it prints sharp at any size."""
    svg = io.BytesIO()
    # No width or height, only a viewBox: the document's stylesheet sets its size.
    _code(link).save(svg, kind="svg", border=4, dark="#000000", light="#ffffff",
                     xmldecl=False, omitsize=True)  # fmt: skip
    return data_src(svg.getvalue())
