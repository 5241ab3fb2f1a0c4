"""Personal access tokens: made on Your account, shown once, kept hashed, listed with
when they were last used, stopped by their owner or their organisation's admin."""

import datetime
import hashlib

import pytest
from django.utils import timezone

from coplan.api import services
from coplan.api.models import AccessToken, Scope
from coplan.people.services import person_erase
from coplan.projects.roles import Role
from tests.factories import (
    InvolvementFactory,
    MembershipFactory,
    StaffMembershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _make(client, name="Our CRM", days="90", scope="read"):
    return client.post(
        "/your-account/api-tokens/new/", {"name": name, "days": days, "scope": scope}
    )


def _api(client, token, path="/api/v1/projects"):
    return client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")


def test_your_account_links_to_api_tokens(client_for):
    page = client_for(UserFactory()).get("/your-account/")

    assert 'href="/your-account/api-tokens/"' in page.content.decode()


def test_token_made_is_shown_once_and_kept_only_as_its_hash(client_for):
    user = UserFactory()
    client = client_for(user)

    response = _make(client)
    first = client.get(response["Location"]).content.decode()
    second = client.get("/your-account/api-tokens/").content.decode()

    access_token = AccessToken.objects.get(user=user)
    token = first.split('id="new-token">')[1].split("<")[0]
    assert response.status_code == 302
    assert token.startswith(f"coplan_{access_token.prefix}_")
    assert "Copy it now" in first
    assert token not in second
    assert access_token.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(AccessToken.objects.values_list()))
    assert "Our CRM" in second
    assert "Read only" in second
    assert "Not yet" in second


def test_token_form_says_what_is_missing_beside_each_field(client_for):
    response = _make(client_for(UserFactory()), name="", days="", scope="")

    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a name for the token" in page
    assert "Choose how long the token lasts" in page
    assert "Choose what the token may do" in page
    assert AccessToken.objects.count() == 0


def test_token_lets_its_owner_in_and_notes_when_it_was_used(client):
    user = UserFactory()
    made = services.access_token_create(user=user, name="CRM", scope=Scope.READ, days=30)

    response = _api(client, made.token)

    made.access_token.refresh_from_db()
    assert response.status_code == 200
    assert made.access_token.last_used_at is not None


def test_expired_token_is_refused(client):
    user = UserFactory()
    long_ago = timezone.now() - datetime.timedelta(days=31)
    made = services.access_token_create(
        user=user, name="CRM", scope=Scope.READ, days=30, now=long_ago
    )

    response = _api(client, made.token)

    assert response.status_code == 401
    assert response.json()["detail"] == "This token has expired. Make a new one on Your account."


def test_wrong_or_missing_token_is_refused_in_plain_words(client):
    user = UserFactory()
    made = services.access_token_create(user=user, name="CRM", scope=Scope.READ, days=30)

    wrong = _api(client, made.token[:-2] + "xx")
    missing = client.get("/api/v1/projects")

    assert wrong.status_code == 401
    assert wrong["Content-Type"] == "application/problem+json"
    assert wrong.json()["detail"] == "We do not know this token. Check you copied all of it."
    assert missing.status_code == 401
    assert missing["WWW-Authenticate"] == "Bearer"


def test_owner_stops_their_token_and_it_no_longer_works(client_for, client):
    user = UserFactory()
    made = services.access_token_create(user=user, name="CRM", scope=Scope.READ, days=30)
    owner = client_for(user)

    confirm = owner.get(f"/your-account/api-tokens/{made.access_token.pk}/revoke/")
    owner.post(f"/your-account/api-tokens/{made.access_token.pk}/revoke/")
    response = _api(client, made.token)

    assert "Stop this token working?" in confirm.content.decode()
    assert response.status_code == 401
    assert "has been stopped" in response.json()["detail"]
    assert "Stopped" in owner.get("/your-account/api-tokens/").content.decode()


def test_nobody_else_can_stop_your_token(client_for):
    made = services.access_token_create(user=UserFactory(), name="CRM", scope="read", days=30)

    response = client_for(UserFactory()).post(
        f"/your-account/api-tokens/{made.access_token.pk}/revoke/"
    )

    made.access_token.refresh_from_db()
    assert response.status_code == 404
    assert made.access_token.revoked_at is None


def test_scope_is_kept_and_shown(client_for):
    user = UserFactory()
    client = client_for(user)

    _make(client, name="Dashboard", scope="read_write")

    assert AccessToken.objects.get(user=user).scope == Scope.READ_WRITE
    assert "Read and change" in client.get("/your-account/api-tokens/").content.decode()


def test_organisation_admin_sees_and_stops_staff_tokens(client_for, client):
    admin = StaffMembershipFactory(is_admin=True)
    staff = StaffMembershipFactory(organisation=admin.organisation)
    elsewhere = services.access_token_create(
        user=UserFactory(), name="Theirs", scope="read", days=30
    )
    made = services.access_token_create(user=staff.user, name="CRM", scope="read", days=30)
    admin_client = client_for(admin.user)
    here = f"/organisations/{admin.organisation_id}/api-tokens/"

    listed = admin_client.get(here).content.decode()
    admin_client.post(f"{here}{made.access_token.pk}/revoke/")
    other = admin_client.post(f"{here}{elsewhere.access_token.pk}/revoke/")

    assert "CRM" in listed
    assert staff.user.email in listed
    assert "Theirs" not in listed
    assert _api(client, made.token).status_code == 401
    assert other.status_code == 404
    assert _api(client, elsewhere.token).status_code == 200


def test_staff_who_are_not_admins_cannot_see_staff_tokens(client_for):
    staff = StaffMembershipFactory()

    response = client_for(staff.user).get(f"/organisations/{staff.organisation_id}/api-tokens/")

    assert response.status_code == 403


def test_token_of_a_closed_account_is_refused(client):
    member = MembershipFactory(role=Role.LEAD)
    made = services.access_token_create(user=member.user, name="CRM", scope="read", days=30)
    member.user.is_active = False
    member.user.save()

    assert _api(client, made.token).status_code == 401


def test_too_many_requests_in_a_minute_are_refused_with_when_to_try_again(client, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 3
    made = services.access_token_create(user=UserFactory(), name="CRM", scope="read", days=30)

    statuses = [_api(client, made.token).status_code for _ in range(4)]
    refused = _api(client, made.token)

    assert statuses == [200, 200, 200, 429]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "too many requests this minute" in refused.json()["detail"]


def test_requests_are_counted_again_each_minute():
    made = services.access_token_create(user=UserFactory(), name="CRM", scope="read", days=30)
    minute = timezone.now().replace(second=5, microsecond=0)

    counted = [services.access_token_use(access_token=made.access_token, now=minute)]
    made.access_token.refresh_from_db()
    AccessToken.objects.filter(pk=made.access_token.pk).update(minute_requests=10_000)
    counted.append(services.access_token_use(access_token=made.access_token, now=minute))
    later = minute + datetime.timedelta(minutes=1)
    counted.append(services.access_token_use(access_token=made.access_token, now=later))

    assert counted == [True, False, True]


def test_erasing_a_person_removes_their_tokens(client):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(project=member.project, person__user=member.user).person
    lead = MembershipFactory(project=member.project, role=Role.LEAD).user
    made = services.access_token_create(user=member.user, name="Sam's CRM", scope="read", days=30)

    person_erase(person=person, actor=lead, where="test")

    assert AccessToken.objects.filter(user=member.user).count() == 0
    assert _api(client, made.token).status_code == 401
