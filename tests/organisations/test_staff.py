import re

import pytest
from django.core import mail
from django.urls import get_resolver

from coplan.accounts.models import User
from coplan.api import services as api_services
from coplan.organisations.models import StaffMembership
from tests.factories import (
    DeliveryFactory,
    PaymentPolicyFactory,
    StaffMembershipFactory,
    UserFactory,
    VenueFactory,
)
from tests.projects.test_access import _fill, _walk

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_membership(db):
    return StaffMembershipFactory(is_admin=True)


def _staff_url(membership, rest=""):
    return f"/organisations/{membership.organisation_id}/staff/{rest}"


def test_admin_adds_a_new_person_who_sets_a_password_and_can_start_projects(
    client, client_for, admin_membership, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(admin_membership.user).post(
            _staff_url(admin_membership, "add/"),
            {"email": "New.Person@example.org", "full_name": "New Person"},
            follow=True,
        )

    assert "new.person@example.org is now on the staff" in response.content.decode()
    link = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "a-long-new-password", "new_password2": "a-long-new-password"}
    )
    signed_in = client.post(
        "/sign-in/", {"email": "new.person@example.org", "password": "a-long-new-password"}
    )
    assert signed_in.status_code == 302
    assert client.get("/projects/new/").status_code == 200


def test_new_staff_whose_link_expired_can_ask_for_a_password_link(client, admin_membership):
    User.objects.create_user(email="late@example.org", password=None, full_name="Late")

    client.post("/password-reset/", {"email": "late@example.org"})

    assert mail.outbox[0].to == ["late@example.org"]


def test_adding_someone_already_on_the_staff_says_so(client_for, admin_membership):
    existing = StaffMembershipFactory(organisation=admin_membership.organisation)

    page = client_for(admin_membership.user).post(
        _staff_url(admin_membership, "add/"),
        {"email": existing.user.email, "full_name": "Anyone"},
    )

    assert "is already on the staff" in page.content.decode()


def test_adding_an_existing_account_sends_no_password_email(client_for, admin_membership):
    person = UserFactory()

    client_for(admin_membership.user).post(
        _staff_url(admin_membership, "add/"), {"email": person.email, "full_name": "Whoever"}
    )

    assert StaffMembership.objects.filter(user=person).exists()
    assert mail.outbox == []


def test_the_only_admin_cannot_be_removed_or_demoted(client_for, admin_membership):
    client = client_for(admin_membership.user)

    demoted = client.post(
        _staff_url(admin_membership, f"{admin_membership.pk}/admin/"),
        {"is_admin": "no"},
        follow=True,
    )
    removed = client.post(
        _staff_url(admin_membership, f"{admin_membership.pk}/remove/"), follow=True
    )

    admin_membership.refresh_from_db()
    assert admin_membership.is_admin
    assert "An organisation must always have an admin" in demoted.content.decode()
    assert "You cannot remove the only admin" in removed.content.decode()


def test_admin_makes_another_admin_and_removes_staff(client_for, admin_membership):
    other = StaffMembershipFactory(organisation=admin_membership.organisation)
    client = client_for(admin_membership.user)

    client.post(_staff_url(admin_membership, f"{other.pk}/admin/"), {"is_admin": "yes"})
    other.refresh_from_db()
    assert other.is_admin
    client.post(_staff_url(admin_membership, f"{other.pk}/remove/"))
    assert not StaffMembership.objects.filter(pk=other.pk).exists()


def test_admins_see_a_link_to_their_staff_page(client_for, admin_membership):
    page = client_for(admin_membership.user).get("/projects/").content.decode()

    assert f"Staff of {admin_membership.organisation.name}" in page


# Organisation pages every member of its staff may read: its venues and its rules for
# paying people. Changing them is for admins (and, for venues, staff who lead a project).
# Finance's queue (payments:queue, payments:queue_export) is for those who are finance in
# one of its projects, so staff who are not are refused too: tests/payments/test_queue.py.
FOR_ALL_STAFF = frozenset({"meetings:venues", "meetings:venue", "payments:policies"})


def _organisation_values(admin_membership, staff_membership) -> dict[str, int]:
    organisation = admin_membership.organisation
    delivery = DeliveryFactory(webhook__organisation=organisation)
    return {
        "organisation_id": organisation.pk,
        "staff_membership_id": staff_membership.pk,
        "venue_id": VenueFactory(organisation=organisation).pk,
        "policy_id": PaymentPolicyFactory(organisation=organisation).pk,
        "token_id": api_services.access_token_create(
            user=staff_membership.user, name="CRM", scope="read", days=30
        ).access_token.pk,
        "webhook_id": delivery.webhook_id,
        "delivery_id": delivery.pk,
    }


def _organisation_routes():
    return sorted(
        (name, route)
        for name, route, _ in _walk(get_resolver().url_patterns)
        if "<int:organisation_id>" in route
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_of_another_organisation_get_not_found_everywhere(
    client_for, admin_membership, method
):
    other_admin = StaffMembershipFactory(is_admin=True).user
    values = _organisation_values(admin_membership, admin_membership)

    statuses = {
        name: getattr(client_for(other_admin), method)(_fill(route, values)).status_code
        for name, route in _organisation_routes()
    }

    assert statuses == dict.fromkeys(statuses, 404)


def test_staff_who_are_not_admins_are_refused_everywhere(client_for, admin_membership):
    staff = StaffMembershipFactory(organisation=admin_membership.organisation)
    values = _organisation_values(admin_membership, staff)

    statuses = {
        name: client_for(staff.user).post(_fill(route, values)).status_code
        for name, route in _organisation_routes()
        if name not in FOR_ALL_STAFF
    }

    assert statuses == dict.fromkeys(statuses, 403)
    assert len(statuses) >= 4  # the staff pages, and any other admin pages (people)


def test_pages_for_all_staff_open_for_staff_who_are_not_admins(client_for, admin_membership):
    staff = StaffMembershipFactory(organisation=admin_membership.organisation)
    values = _organisation_values(admin_membership, staff)
    routes = dict(_organisation_routes())

    statuses = {
        name: client_for(staff.user).get(_fill(routes[name], values)).status_code
        for name in FOR_ALL_STAFF
    }

    assert statuses == dict.fromkeys(FOR_ALL_STAFF, 200)


def test_your_projects_links_to_every_organisation_page_staff_and_admins_may_open(
    client_for, admin_membership
):
    organisation_id = admin_membership.organisation_id
    staff = StaffMembershipFactory(organisation=admin_membership.organisation)

    for_admin = client_for(admin_membership.user).get("/projects/").content.decode()
    for_staff = client_for(staff.user).get("/projects/").content.decode()

    everyone = [
        f"/organisations/{organisation_id}/venues/",
        f"/organisations/{organisation_id}/paying-people/",
        "/lessons/",
    ]
    admins_only = [
        f"/organisations/{organisation_id}/staff/",
        f"/organisations/{organisation_id}/guides/",
        f"/organisations/{organisation_id}/access-needs-log/",
        f"/organisations/{organisation_id}/keeping-details/",
        f"/organisations/{organisation_id}/webhooks/",
    ]
    assert all(f'href="{link}"' in for_admin for link in everyone + admins_only)
    assert all(f'href="{link}"' in for_staff for link in everyone)
    assert not any(f'href="{link}"' in for_staff for link in admins_only)
    for link in everyone:
        assert client_for(staff.user).get(link).status_code == 200
