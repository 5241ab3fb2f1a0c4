import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.utils import timezone

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_in(client, email, password, **extra):
    return client.post("/sign-in/", {"email": email, "password": password, **extra})


def test_sign_in_with_email_and_password_shows_your_projects(client):
    user = UserFactory(email="sam@example.org")

    response = _sign_in(client, "Sam@Example.org ", PASSWORD, follow=False)

    assert response.status_code == 302
    assert response.headers["Location"] == "/projects/"
    page = client.get("/projects/").content.decode()
    assert "Your projects" in page
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_says_so_beside_the_form_without_saying_which(client):
    UserFactory(email="sam@example.org")

    response = _sign_in(client, "sam@example.org", "not-the-password")

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "The email address or password is not right" in page
    assert "<title>Error: Sign in" in page


def test_empty_sign_in_form_asks_for_both_fields(client):
    response = _sign_in(client, "", "")

    page = response.content.decode()
    assert "Enter your email address" in page
    assert "Enter your password" in page
    assert AccessAttempt.objects.count() == 0


def test_five_failures_lock_the_account_with_a_clear_message(client, settings):
    UserFactory(email="sam@example.org")
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        _sign_in(client, "sam@example.org", "wrong-password")

    response = _sign_in(client, "sam@example.org", PASSWORD)

    page = response.content.decode()
    assert response.status_code == 429
    assert "You have tried to sign in too many times" in page
    assert "reset your password" in page
    assert "_auth_user_id" not in client.session


def test_lock_out_ends_after_the_lock_out_time(client, settings):
    UserFactory(email="sam@example.org")
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        _sign_in(client, "sam@example.org", "wrong-password")
    AccessAttempt.objects.update(
        attempt_time=timezone.now()
        - datetime.timedelta(minutes=settings.SIGN_IN_LOCKOUT_MINUTES + 1)
    )

    response = _sign_in(client, "sam@example.org", PASSWORD)

    assert response.status_code == 302


def test_a_successful_sign_in_resets_the_count(client, settings):
    UserFactory(email="sam@example.org")
    for _ in range(settings.SIGN_IN_MAX_FAILURES - 1):
        _sign_in(client, "sam@example.org", "wrong-password")
    _sign_in(client, "sam@example.org", PASSWORD)
    client.post("/sign-out/")
    _sign_in(client, "sam@example.org", "wrong-password")

    response = _sign_in(client, "sam@example.org", PASSWORD)

    assert response.status_code == 302


def test_sign_out_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post("/sign-out/", follow=True)

    assert "You have signed out" in response.content.decode()
    assert client.get("/projects/").status_code == 302


def test_sign_out_needs_a_post(client):
    client.force_login(UserFactory())

    assert client.get("/sign-out/").status_code == 405


def test_next_page_is_kept_but_only_on_this_site(client):
    UserFactory(email="sam@example.org")

    response = _sign_in(client, "sam@example.org", PASSWORD, next="https://evil.example/")

    assert response.headers["Location"] == "/projects/"


def _reset_link():
    body = mail.outbox[-1].body
    return re.search(r"https?://[^/\s]+(/password-reset/\S+/)", body).group(1)


def test_password_reset_by_email_lets_you_sign_in_with_the_new_password(client):
    UserFactory(email="sam@example.org")

    client.post("/password-reset/", {"email": "sam@example.org"})
    assert mail.outbox[-1].subject == "Reset your Co-production Planner password"
    link_page = client.get(_reset_link(), follow=True)
    form_url = link_page.redirect_chain[-1][0]
    client.post(
        form_url,
        {"new_password1": "a-brand-new-password", "new_password2": "a-brand-new-password"},
    )

    assert _sign_in(client, "sam@example.org", "a-brand-new-password").status_code == 302


def test_password_reset_ends_a_lock_out(client, settings):
    UserFactory(email="sam@example.org")
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        _sign_in(client, "sam@example.org", "wrong-password")
    client.post("/password-reset/", {"email": "sam@example.org"})
    form_url = client.get(_reset_link(), follow=True).redirect_chain[-1][0]
    client.post(
        form_url,
        {"new_password1": "a-brand-new-password", "new_password2": "a-brand-new-password"},
    )

    assert _sign_in(client, "sam@example.org", "a-brand-new-password").status_code == 302


def test_password_reset_for_unknown_email_looks_the_same_and_sends_nothing(client):
    response = client.post("/password-reset/", {"email": "nobody@example.org"}, follow=True)

    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_password_reset_rejects_mismatched_and_weak_passwords(client):
    UserFactory(email="sam@example.org")
    client.post("/password-reset/", {"email": "sam@example.org"})
    form_url = client.get(_reset_link(), follow=True).redirect_chain[-1][0]

    mismatch = client.post(
        form_url, {"new_password1": "a-brand-new-password", "new_password2": "something-else-1"}
    ).content.decode()
    weak = client.post(form_url, {"new_password1": "12345", "new_password2": "12345"})

    assert "The two passwords do not match" in mismatch
    assert "This password is too short" in weak.content.decode()


def test_used_reset_link_no_longer_works(client):
    UserFactory(email="sam@example.org")
    client.post("/password-reset/", {"email": "sam@example.org"})
    link = _reset_link()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(
        form_url,
        {"new_password1": "a-brand-new-password", "new_password2": "a-brand-new-password"},
    )

    response = client.get(link, follow=True)

    assert "This link does not work" in response.content.decode()


def test_change_your_name_on_your_account_page(client):
    user = UserFactory(full_name="Sam")
    client.force_login(user)

    response = client.post("/your-account/", {"full_name": "Sam Smith"}, follow=True)

    user.refresh_from_db()
    assert user.full_name == "Sam Smith"
    assert "Your details have been saved" in response.content.decode()


def test_passwords_are_hashed_with_argon2(settings):
    from coplan import settings as coplan_settings

    settings.PASSWORD_HASHERS = coplan_settings.PASSWORD_HASHERS
    user = UserFactory()

    assert user.password.startswith("argon2$")
