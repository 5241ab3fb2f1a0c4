"""An organisation's own Easy Read pictures: what an upload really is, read from its
content, as receipts are (`payments.receipts`).

A picture must be a PNG or an SVG, no bigger than settings.EASY_READ_PICTURE_MAX_BYTES.
The file's name and the browser's content type are never trusted: a PNG must start with
the PNG signature and open and verify with Pillow; an SVG must be XML whose root is an
SVG drawing, with nothing in it that runs or fetches anything: no scripts, no event
handlers (onload=...), no foreign objects or embedded pages, no links or styles that
point outside the picture, no DOCTYPE (entities). A picture that breaks a rule is
refused with the reason in plain words, never cleaned up quietly.
"""

import hashlib
import io
import re
from dataclasses import dataclass

from lxml import etree
from PIL import Image

from coplan.plain_words.pictures import PNG, SVG

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
# Elements that run something, hold another kind of document, or fetch something.
_NOT_ALLOWED = {
    "script": "a script",
    "foreignobject": "a foreign object",
    "iframe": "an embedded page",
    "embed": "an embedded object",
    "object": "an embedded object",
    "image": "a picture from another file",
    "feimage": "a picture from another file",
    "animate": "an animation",
    "set": "an animation",
    "animatemotion": "an animation",
    "animatetransform": "an animation",
    "handler": "a script",
    "listener": "a script",
}
_OUTSIDE = re.compile(r"url\(\s*['\"]?(?!#)|@import|expression\(|javascript:", re.IGNORECASE)
MAX_PIXELS = 25_000_000


class PictureError(ValueError):
    """Why an upload cannot be an Easy Read picture, in plain words."""


@dataclass(frozen=True)
class CheckedPicture:
    content: bytes
    media_type: str
    sha256: str


def picture_check(*, content: bytes, limit: int) -> CheckedPicture:
    """The upload as an Easy Read picture, or PictureError saying what is wrong."""
    if not content:
        raise PictureError("The selected file is empty")
    if len(content) > limit:
        raise PictureError(f"The selected file must be smaller than {_size_words(limit)}")
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        _png_check(content)
        kind = PNG
    elif _looks_like_svg(content):
        _svg_check(content)
        kind = SVG
    else:
        raise PictureError("The selected file must be a picture: an SVG or a PNG")
    return CheckedPicture(content, kind, hashlib.sha256(content).hexdigest())


def _size_words(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)}MB"
    return f"{limit // 1024}KB"


def _png_check(content: bytes) -> None:
    # Pillow raises many kinds of error on a damaged file, more once WeasyPrint has been
    # imported (it lets Pillow read truncated images, for every caller): any is a refusal.
    try:
        with Image.open(io.BytesIO(content)) as image:
            image_format, pixels = image.format, image.width * image.height
            image.verify()
    except Exception as err:
        raise PictureError(
            "The selected PNG cannot be opened. Save it again, or choose another file"
        ) from err
    if image_format != "PNG":
        raise PictureError("The selected file must be a picture: an SVG or a PNG")
    if pixels > MAX_PIXELS:
        raise PictureError("The selected picture is too big. Make it smaller")


def _looks_like_svg(content: bytes) -> bool:
    start = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype"))


def _svg_check(content: bytes) -> None:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(content, parser)  # no entities, no network
    except etree.XMLSyntaxError as err:
        raise PictureError(
            "The selected SVG cannot be read. Save it again, or choose another file"
        ) from err
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise PictureError("The selected SVG must not have a DOCTYPE. Save it again without one")
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise PictureError("The selected file must be a picture: an SVG or a PNG")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or a processing instruction
        namespace, _, name = element.tag.rpartition("}")
        if namespace.lstrip("{") != SVG_NAMESPACE:
            raise PictureError("The selected SVG must not have a foreign object in it")
        what = _NOT_ALLOWED.get(name.lower())
        if what:
            raise PictureError(f"The selected SVG must not have {what} in it")
        if name == "style" and _OUTSIDE.search(element.text or ""):
            raise PictureError("The selected SVG must not use anything from outside the picture")
        for attribute, value in element.attrib.items():
            local = attribute.rpartition("}")[2].lower()
            if local.startswith("on"):
                raise PictureError("The selected SVG must not have a script in it")
            if local == "href" and not value.strip().startswith("#"):
                raise PictureError("The selected SVG must not link to anything outside the picture")
            if _OUTSIDE.search(value):
                raise PictureError(
                    "The selected SVG must not use anything from outside the picture"
                )
