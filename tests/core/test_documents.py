"""coplan.core.documents: one HTML template, a tagged PDF and a Word file."""

import pytest
from django.template import engines

from coplan.core import documents
from tests.documents import (
    assert_accessible_pdf,
    docx_headings,
    in_order,
    pdf_text,
    read_docx,
)

GRID = (
    "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='90' "
    "height='60'><rect width='40' height='30' fill='%231d70b8'/></svg>"
)
TEMPLATE = """{% extends "core/document.html" %}{% block content %}
<h1>{{ document_title }}</h1>
<p>Written for <strong>everyone</strong> involved.</p>
<h2>Stakeholders</h2>
<img src="{{ grid }}" alt="Stakeholder groups by influence and interest: carers, high">
<h3>Groups</h3>
<table><caption>Groups and their aims</caption>
<thead><tr><th scope="col">Group</th><th scope="col">Aim</th></tr></thead>
<tbody><tr><th scope="row">Carers</th><td>5</td></tr>
<tr><th scope="row">Public</th><td>3</td></tr></tbody>
</table>
<h2>Budget</h2>
<ul><li>Room hire</li><li>Food<ul><li>Vegan</li></ul></li></ul>
<dl><div><dt>Held</dt><dd>£1,000.00</dd></div></dl>
<p class="govuk-visually-hidden">Only for screens</p>
{% endblock %}"""


def _html(title="Our plan") -> str:
    template = engines["jinja2"].from_string(TEMPLATE)
    return template.render({"document_title": title, "language": "en-GB", "grid": GRID})


def test_the_pdf_is_tagged_with_title_language_headings_and_table_headers():
    content = documents.pdf_from_html(_html())
    read = assert_accessible_pdf(content, title="Our plan")
    assert read.headings() == ["H1", "H2", "H3", "H2"]
    roles = read.roles()
    assert {"Table", "TH", "TD", "L", "LI"} <= set(roles)
    assert [figure.alt for figure in read.figures()] == [
        "Stakeholder groups by influence and interest: carers, high"
    ]


def test_the_pdf_reads_in_order():
    text = pdf_text(documents.pdf_from_html(_html()))
    assert in_order(text, "Our plan", "Stakeholders", "Groups", "Carers", "Public", "Budget")
    assert "Only for screens" not in text
    assert "carers, high" not in text, "the picture was not drawn: its words are shown instead"


def test_documents_fetch_nothing_from_elsewhere(tmp_path):
    secret = tmp_path / "secret.svg"
    secret.write_text("<svg xmlns='http://www.w3.org/2000/svg'><text>secret</text></svg>")
    html = _html().replace(GRID, secret.as_uri())
    text = pdf_text(documents.pdf_from_html(html))
    assert "secret" not in text


def test_the_word_file_has_heading_styles_a_table_title_and_language():
    document = read_docx(documents.docx_from_html(_html()))
    assert docx_headings(document) == [
        ("Heading 1", "Our plan"),
        ("Heading 2", "Stakeholders"),
        ("Heading 3", "Groups"),
        ("Heading 2", "Budget"),
    ]
    assert document.core_properties.title == "Our plan"
    assert document.core_properties.language == "en-GB"
    (table,) = document.tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Group", "Aim"],
        ["Carers", "5"],
        ["Public", "3"],
    ]
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "Written for everyone involved." in texts
    assert "Stakeholder groups by influence and interest: carers, high" in texts
    assert "Only for screens" not in texts
    styles = {paragraph.text: paragraph.style.name for paragraph in document.paragraphs}
    assert styles["Room hire"] == "List Bullet"
    assert styles["Vegan"] == "List Bullet 2"
    assert styles["Groups and their aims"] == "Caption"


@pytest.mark.parametrize("title", ["Plan: ‘quotes’ & <angles>"])
def test_titles_are_kept_as_written(title):
    assert_accessible_pdf(documents.pdf_from_html(_html(title)), title=title)
    assert read_docx(documents.docx_from_html(_html(title))).core_properties.title == title
