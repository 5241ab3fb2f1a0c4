"""Sign-in limits that cannot be walked around (django-axes with our three limits):
by account from one address, by account from anywhere, by address for any account;
through every way in, the admin's included."""

import pytest
from django.test import Client

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _try(email, password, address="203.0.113.5"):
    return Client(REMOTE_ADDR=address).post("/sign-in/", {"email": email, "password": password})


def _locked(response) -> bool:
    return response.status_code == 429 and "You have tried to sign in too many times" in (
        response.content.decode()
    )


def test_the_admin_has_no_sign_in_of_its_own_it_sends_you_to_ours(client):
    response = client.get("/admin/login/?next=/admin/accounts/user/")

    assert response.status_code == 302
    assert response.headers["Location"] == "/sign-in/?next=/admin/accounts/user/"


def test_twelve_wrong_passwords_through_the_admin_do_not_let_the_thirteenth_in(client):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    for _ in range(12):
        client.post("/admin/login/", {"username": "root@example.org", "password": "guess"})

    response = client.post("/admin/login/", {"username": "root@example.org", "password": PASSWORD})

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in/")
    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_account_locked_on_the_sign_in_page_cannot_reach_the_admin(settings):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        _try("root@example.org", "guess")
    client = Client(REMOTE_ADDR="203.0.113.5")

    locked = client.post(
        "/sign-in/?next=/admin/", {"email": "root@example.org", "password": PASSWORD}
    )

    assert _locked(locked)
    assert client.get("/admin/").status_code == 302


def test_your_own_mistakes_lock_you_out_only_where_you_made_them(settings):
    UserFactory(email="sam@example.org")
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        _try("sam@example.org", "wrong-password", address="198.51.100.1")

    assert _locked(_try("sam@example.org", PASSWORD, address="198.51.100.1"))
    assert _try("sam@example.org", PASSWORD, address="198.51.100.2").status_code == 302


def test_guessing_one_account_from_many_addresses_locks_the_account(settings):
    UserFactory(email="sam@example.org")
    for n in range(settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT):
        _try("sam@example.org", f"guess-{n}", address=f"198.51.100.{n + 1}")

    assert _locked(_try("sam@example.org", PASSWORD, address="192.0.2.200"))


def test_one_address_trying_many_accounts_is_stopped(settings):
    for n in range(settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS):
        _try(f"person{n}@example.org", "Summer2026!", address="192.0.2.66")
    UserFactory(email="sam@example.org")

    assert _locked(_try("sam@example.org", PASSWORD, address="192.0.2.66"))
    assert _try("sam@example.org", PASSWORD, address="192.0.2.67").status_code == 302


def test_behind_a_proxy_the_address_the_proxy_saw_is_the_one_counted(settings):
    settings.SIGN_IN_PROXY_COUNT = 1
    UserFactory(email="sam@example.org")
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="forged, 198.51.100.9").post(
            "/sign-in/", {"email": "sam@example.org", "password": "wrong-password"}
        )

    from_there = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.9")
    from_elsewhere = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.10")
    assert _locked(from_there.post("/sign-in/", {"email": "sam@example.org", "password": PASSWORD}))
    assert (
        from_elsewhere.post(
            "/sign-in/", {"email": "sam@example.org", "password": PASSWORD}
        ).status_code
        == 302
    )
