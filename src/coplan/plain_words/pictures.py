"""The Easy Read picture bank: which picture goes beside a sentence, by its topic.

The bank is data (`data/pictures.json`): OpenMoji pictures (CC BY-SA 4.0), each
with its topic, its alternative text in plain words and the words that put a
sentence under that topic. The asset build (scripts/build-assets.mjs) copies only
these pictures into the static files, under `coplan/pictures/`.

A sentence gets the picture of the first topic whose words it uses (some words only
after a lead, "in the hall"; never in a phrase that is not about the topic, "thank you
for your time", nor in a sentence about something else: "the room was too hot in the
afternoon" is about comfort, not when); a sentence about nothing in the bank, or not
surely about it, gets no picture, never a placeholder: better none than a wrong one.
No Django here.
"""

import base64
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "pictures.json"
# Where the asset build puts the pictures: the static files' folder, and the
# same folder on disk for the PDFs (build/static, as settings.STATICFILES_DIRS).
STATIC_FOLDER = "coplan/pictures"
BUILT_FOLDER = Path(__file__).resolve().parents[3] / "build" / "static" / STATIC_FOLDER


SVG, PNG = "image/svg+xml", "image/png"
OWN_PREFIX = "own-"


@dataclass(frozen=True)
class Picture:
    """A picture for Easy Read lines: one of the bank's (OpenMoji, by `hexcode`) or one
    an organisation added (`own_id`, with its checked `content`)."""

    topic: str
    hexcode: str
    alt: str
    own_id: int | None = None
    content: bytes = b""
    media_type: str = SVG

    @property
    def key(self) -> str:
        """How a chosen picture is named in an approved Easy Read line."""
        return f"{OWN_PREFIX}{self.own_id}" if self.own_id is not None else self.hexcode

    @property
    def is_openmoji(self) -> bool:
        """From the bank (then the OpenMoji credit is due), not the organisation's own."""
        return self.own_id is None

    @property
    def static_path(self) -> str:
        """Its path among the static files, for `static()` in a template."""
        return f"{STATIC_FOLDER}/{self.hexcode}.svg"

    @property
    def built_file(self) -> Path:
        """The SVG file the asset build made, for drawing it in a PDF."""
        return BUILT_FOLDER / f"{self.hexcode}.svg"

    def file_content(self) -> bytes | None:
        """The picture's bytes (SVG or PNG, as `media_type`), or None if a bank
        picture was not built."""
        if self.own_id is not None:
            return self.content
        return self.built_file.read_bytes() if self.built_file.is_file() else None

    def data_uri(self) -> str:
        """The picture as a data: address, to put in a page or a document as it is."""
        content = self.file_content() or b""
        return f"data:{self.media_type};base64,{base64.b64encode(content).decode('ascii')}"


@dataclass(frozen=True)
class Credit:
    words: str
    link: str
    licence_link: str


@dataclass(frozen=True)
class _Topic:
    picture: Picture
    pattern: re.Pattern[str]
    # Phrases with the topic's words that are not about it ("thank you for your time").
    not_in: re.Pattern[str] | None = None
    # Words that make a whole sentence about something else: "The room was too hot in
    # the afternoon" is about how the room felt, not where or when.
    not_with: re.Pattern[str] | None = None

    def fits(self, lowered: str) -> bool:
        if self.not_with is not None and self.not_with.search(lowered):
            return False
        if self.not_in is not None:
            lowered = self.not_in.sub(lambda found: " " * len(found.group()), lowered)
        return self.pattern.search(lowered) is not None


def _word_pattern(word: str) -> str:
    if word.startswith("#"):
        return rf"(?:(?<=[0-9])|(?<=[0-9] )){re.escape(word[1:].lower())}(?![a-z])"
    return rf"(?<![a-z0-9]){re.escape(word.lower())}(?![a-z0-9])"


@cache
def _bank() -> tuple[tuple[_Topic, ...], Credit]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    topics = []
    for entry in data["pictures"]:
        words = "|".join(_word_pattern(word) for word in entry["words"])
        if entry.get("after_lead"):
            # "in the main hall", "at the library": the word after one of the topic's
            # leads, with up to three words between.
            leads = "|".join(re.escape(word.lower()) for word in entry["leads"])
            after = "|".join(re.escape(word.lower()) for word in entry["after_lead"])
            words += (
                rf"|(?<![a-z0-9])(?:{leads})\s+(?:[a-z0-9'-]+\s+){{0,3}}(?:{after})(?![a-z0-9])"
            )
        # An answer ("No.", "Yes, I will come."): the word, then a stop, a comma or nothing.
        pattern = (
            rf"^\W*(?:{words})\s*(?:[,.!;:]|$)" if entry.get("starts_line") else f"(?:{words})"
        )
        not_in = "|".join(_word_pattern(phrase) for phrase in entry.get("not_in", ()))
        not_with = "|".join(_word_pattern(word) for word in entry.get("not_with", ()))
        topics.append(
            _Topic(
                Picture(entry["topic"], entry["hexcode"], entry["alt"]),
                re.compile(pattern),
                re.compile(not_in) if not_in else None,
                re.compile(not_with) if not_with else None,
            )
        )
    return tuple(topics), Credit(**data["credit"])


def bank() -> tuple[Picture, ...]:
    """Every picture in the bank, in the order topics are tried."""
    return tuple(topic.picture for topic in _bank()[0])


def credit() -> Credit:
    """The credit OpenMoji's licence asks for, wherever its pictures are shown."""
    return _bank()[1]


def bank_picture(key: str) -> Picture | None:
    """The bank's picture with this key (its hexcode), or None."""
    return next((picture for picture in bank() if picture.key == key), None)


def picture_for(sentence: str) -> Picture | None:
    """The picture for a sentence by its topic, or None if no topic fits."""
    lowered = sentence.lower().replace("’", "'")
    for topic in _bank()[0]:
        if topic.fits(lowered):
            return topic.picture
    return None


def picture_about(topic: str) -> Picture | None:
    """The bank's picture for a topic by its name ("meeting"), or None."""
    return next((picture for picture in bank() if picture.topic == topic), None)
