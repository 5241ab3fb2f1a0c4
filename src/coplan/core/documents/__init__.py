"""Documents people download, made from the same HTML templates as the pages: a tagged
PDF (PDF/UA-1, by WeasyPrint) or a Word file (.docx, by python-docx).

    html = documents.render("guides/plan_document.html", {...}, title="The plan", request=r)
    documents.pdf_response(html, filename="plan.pdf")    # or documents.docx_response(...)

A document's template extends `core/document.html`: it sets the language (en-GB) and
the title, which become the PDF's /Lang and its title (shown by readers instead of the
file name), and fills `{% block content %}` with real headings (h1, then h2, h3 in
order), tables with header cells (`<th scope>`), and pictures with alternative text.
WeasyPrint tags every one of them (a structure tree with H1..H3, Table/TH/TD, Figure
with /Alt, L/LI, in reading order); python-docx gives Word's own heading styles and
tables. One print stylesheet (`print.css` beside this file) styles every PDF. Why:
docs/decisions/0011-documents-from-html.md.
"""

import base64
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

LANGUAGE = "en-GB"
PRINT_CSS = Path(__file__).with_name("print.css")
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

__all__ = [
    "DOCX",
    "LANGUAGE",
    "PDF",
    "data_src",
    "docx_from_html",
    "docx_response",
    "pdf_from_html",
    "pdf_response",
    "render",
]


def render(template: str, context: dict, *, title: str, request: HttpRequest | None = None) -> str:
    """The HTML of a document: `template` extends `core/document.html`."""
    return render_to_string(
        template, {**context, "document_title": title, "language": LANGUAGE}, request=request
    )


def data_src(content: bytes | str, media_type: str = "image/svg+xml") -> str:
    """A picture as a `data:` address for `<img src>`: the only addresses a document
    fetches (an SVG by default; pass the media type of anything else)."""
    if isinstance(content, str):
        content = content.encode("utf-8")
    return f"data:{media_type};base64,{base64.b64encode(content).decode('ascii')}"


def pdf_from_html(html: str) -> bytes:
    """A tagged PDF (PDF/UA-1) of a document's HTML, styled by the print stylesheet."""
    # Imported here: WeasyPrint loads Pango when imported, which only documents need.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    # Documents hold their pictures (data: addresses) and fetch nothing from elsewhere,
    # so text someone typed cannot make the server read a file or a URL.
    only_pictures_given = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=only_pictures_given).write_pdf(
        stylesheets=[CSS(filename=str(PRINT_CSS))],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
    )


def docx_from_html(html: str) -> bytes:
    """A Word file of a document's HTML (`coplan.core.documents.word`)."""
    # Imported here: python-docx is only needed when a Word file is made, and a worker
    # that makes none does not hold it.
    from coplan.core.documents.word import docx_from_html as word_file

    return word_file(html)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def pdf_response(html: str, *, filename: str) -> HttpResponse:
    return _download(pdf_from_html(html), PDF, filename)


def docx_response(html: str, *, filename: str) -> HttpResponse:
    return _download(docx_from_html(html), DOCX, filename)
