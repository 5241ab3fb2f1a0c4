import re

from django.core import mail


def test_health_check_reports_database_and_pages_ok(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "pages": "ok"}


def test_health_check_fails_when_pages_cannot_be_shown(client, db, settings, tmp_path):
    # Production's static files, before collectstatic has written their manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = tmp_path

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "pages": "failing"}


def test_content_security_policy_allows_no_inline_script(client, db):
    response = client.get("/sign-in/")

    policy = response.headers["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert script_src.split() == ["'self'"]
    assert "unsafe-inline" not in policy


def test_pages_contain_no_inline_script_or_style(client, db):
    html = client.get("/sign-in/").content.decode()

    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert " style=" not in html
    assert "<style" not in html


def test_footer_credits_the_guide_authors(client, db):
    html = client.get("/").content.decode()

    assert "Co-production Oxfordshire, funded by Oxfordshire County Council" in html
    assert "Creative Commons" in html


def test_no_govuk_crown_or_restricted_typeface(client, db):
    html = client.get("/").content.decode()

    assert "govuk-logo" not in html
    assert "crown" not in html.lower()
    assert "GDS Transport" not in html


def test_unknown_page_is_a_plain_page_not_found(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_local_mail_goes_to_console_and_folder(settings, tmp_path, capsys):
    settings.EMAIL_BACKEND = "coplan.core.mail.ConsoleAndFolderBackend"
    settings.EMAIL_FILE_PATH = tmp_path

    mail.send_mail("Hello", "The body of the message", None, ["someone@example.org"])

    written = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "The body of the message" in written
    assert "The body of the message" in capsys.readouterr().out
