"""The security and data protection statement: a public page, linked from every page's
footer, with the same words as docs/security-and-data-protection.md."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from coplan.core.statement import SOURCE, render, statement
from coplan.language.checker import default_checker
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
URL = "/security-and-data-protection/"

# What the statement must cover (issue 17): each kind of data has its own part, which the
# forms that collect it link to.
PARTS = [
    "accounts",
    "your-details",
    "access-needs",
    "equality-monitoring",
    "bank-details",
    "receipts-and-claims",
    "feedback",
    "failed-sign-ins",
    "how-we-protect-it",
    "your-rights",
]


def test_a_signed_out_visitor_reads_the_statement():
    response = Client().get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Security and data protection</h1>' in html
    for part in PARTS:
        assert f'id="{part}"' in html, part
    for words in [
        "24 months",
        "special category data",
        "PEOPLE_DATA_KEYS",
        "code from an app on their phone",
        "a second person must check the change",
        "15 minutes",
        "See everything we",
        "Ask your project lead",
    ]:
        assert words in html, words


def test_the_footer_links_to_it_on_every_kind_of_page(client):
    member = MembershipFactory()
    pages = [reverse("home"), reverse("accounts:sign_in"), URL, "/no-such-page/"]
    for page in pages:
        html = Client().get(page).content.decode()
        assert f'href="{URL}"' in html, page
    client.force_login(member.user)
    for page in [reverse("projects:list"), reverse("projects:overview", args=[member.project.pk])]:
        html = client.get(page, follow=True).content.decode()
        assert 'class="govuk-footer__link" href="/security-and-data-protection/"' in html, page


def test_the_docs_hold_the_same_words():
    docs = ROOT / "docs" / "security-and-data-protection.md"
    assert docs.read_text(encoding="utf-8") == SOURCE.read_text(encoding="utf-8")


def test_it_is_in_plain_words():
    findings = default_checker().check(SOURCE.read_text(encoding="utf-8")).findings
    assert [f"{f.text}: {f.message}" for f in findings] == []


def test_its_markdown_is_escaped_and_each_heading_can_be_linked_to():
    shown = render("# T\n\n## Who <sees> it\n\nA **b** `c` <script>\n\n- one\n  more\n- two\n")
    assert shown.title == "T"
    assert shown.parts == ("who-sees-it",)
    assert '<h2 class="govuk-heading-l" id="who-sees-it">Who &lt;sees&gt; it</h2>' in shown.body
    assert "A <strong>b</strong> <code>c</code> &lt;script&gt;" in shown.body
    assert "<li>one more</li><li>two</li>" in shown.body
    assert statement().parts[0] == "what-we-keep-and-why"
