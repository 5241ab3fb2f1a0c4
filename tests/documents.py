"""Reading back the documents coplan makes, as a screen reader or Word would: the PDF's
tags (structure tree), title and language, its text in reading order (pdftotext), and
the Word file's heading styles and tables. Used by every test of a PDF or .docx."""

import io
import re
import shutil
import subprocess
from dataclasses import dataclass
from itertools import pairwise

from docx import Document
from pypdf import PdfReader


@dataclass
class Tag:
    role: str  # "H1", "Table", "Figure"...
    alt: str | None
    children: list["Tag"]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def _tag(node) -> Tag:
    node = node.get_object()
    kids = node.get("/K")
    if kids is None:
        kids = []
    elif not isinstance(kids, list):
        kids = [kids]
    children = []
    for kid in kids:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and "/S" in kid:
            children.append(_tag(kid))
    alt = node.get("/Alt")
    return Tag(role=str(node.get("/S", "")).lstrip("/"), alt=str(alt) if alt else None,
               children=children)  # fmt: skip


@dataclass
class PdfRead:
    title: str
    language: str
    marked: bool
    display_title: bool
    tags: Tag | None
    pdf_ua: bool
    pages: int

    def roles(self) -> list[str]:
        return [tag.role for tag in self.tags.walk()] if self.tags else []

    def headings(self) -> list[str]:
        return [role for role in self.roles() if role in {f"H{n}" for n in range(1, 7)}]

    def figures(self) -> list[Tag]:
        return [tag for tag in self.tags.walk() if tag.role == "Figure"] if self.tags else []


def read_pdf(content: bytes) -> PdfRead:
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    mark_info = root.get("/MarkInfo") or {}
    preferences = root.get("/ViewerPreferences") or {}
    tree = root.get("/StructTreeRoot")
    metadata = root.get("/Metadata")
    xmp = metadata.get_object().get_data().decode("utf-8", "replace") if metadata else ""
    return PdfRead(
        title=str((reader.metadata or {}).get("/Title", "")),
        language=str(root.get("/Lang", "")),
        marked=bool(mark_info.get("/Marked")),
        display_title=bool(preferences.get("/DisplayDocTitle")),
        tags=_tag(tree) if tree is not None else None,
        pdf_ua="pdfuaid:part" in xmp or "pdfuaid:part=" in xmp,
        pages=len(reader.pages),
    )


def pdf_text(content: bytes) -> str:
    """The PDF's words in reading order, as pdftotext (poppler-utils) gives them."""
    assert shutil.which("pdftotext"), "pdftotext missing: run `make setup` (poppler-utils)"
    done = subprocess.run(
        ["pdftotext", "-", "-"], input=content, capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def in_order(text: str, *parts: str) -> bool:
    """Whether each of `parts` is in `text`, each after the one before."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def assert_accessible_pdf(content: bytes, *, title: str) -> PdfRead:
    """Tagged PDF/UA: marked, a structure tree, headings from H1 never skipping a level,
    the title shown instead of the file name, in British English."""
    assert content.startswith(b"%PDF-")
    read = read_pdf(content)
    assert read.marked, "not marked as tagged (MarkInfo /Marked)"
    assert read.tags is not None, "no structure tree"
    assert read.pdf_ua, "does not claim PDF/UA in its metadata"
    assert read.title == title
    assert read.display_title
    assert read.language == "en-GB"
    headings = read.headings()
    assert headings, "no headings"
    assert headings[0] == "H1", headings
    levels = [int(role[1]) for role in headings]
    assert all(b <= a + 1 for a, b in pairwise(levels)), f"a heading level skipped: {headings}"
    return read


def read_docx(content: bytes):
    return Document(io.BytesIO(content))


def docx_headings(document) -> list[tuple[str, str]]:
    """(style, text) of every paragraph in a heading style, in order."""
    return [
        (paragraph.style.name, paragraph.text)
        for paragraph in document.paragraphs
        if paragraph.style.name.startswith("Heading")
    ]


WORD_BOX = re.compile(
    r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>'
)


def type_sizes(content: bytes, word: str) -> list[float]:
    """The size in points of each place `word` is printed, from the height of its box
    (pdftotext -bbox); Liberation Sans' box is about 1.12 times the type size."""
    done = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=content, capture_output=True, check=True, timeout=60
    )
    return [
        round((float(bottom) - float(top)) / 1.117, 1)
        for top, bottom, found in WORD_BOX.findall(done.stdout.decode("utf-8"))
        if found == word
    ]
