"""Two-step sign-in: a password, then a code from an app (or a recovery code). Required
for organisation admins, finance, the admin's staff, and the staff of an organisation
that asks for it."""

import re
import time

import pytest
from django.test import Client

from coplan.organisations.models import StaffMembership
from coplan.projects.roles import Role
from tests.accounts.authenticator import code_from
from tests.factories import PASSWORD, MembershipFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _two_step_required(settings):
    settings.TWO_STEP_REQUIRED = True


def _password(client, user, next_page=""):
    return client.post(
        "/sign-in/" + (f"?next={next_page}" if next_page else ""),
        {"email": user.email, "password": PASSWORD, "next": next_page},
    )


def _set_up(client) -> tuple[str, list[str]]:
    page = client.get("/sign-in/set-up-two-step/").content.decode()
    key = re.search(r"coplan-key['\"]>([A-Z2-7 ]+)<", page).group(1)
    done = client.post("/sign-in/set-up-two-step/", {"code": code_from(key)}, follow=True)
    codes = re.findall(r'font-weight-bold">([a-z2-7]{4} [a-z2-7]{4})<', done.content.decode())
    return key, [code.replace(" ", "") for code in codes]


def test_finance_is_asked_to_set_it_up_and_is_signed_in_only_after(client):
    finance = MembershipFactory(role=Role.FINANCE).user

    response = _password(client, finance)

    assert response.headers["Location"] == "/sign-in/set-up-two-step/"
    assert "_auth_user_id" not in client.session
    page = client.get("/sign-in/set-up-two-step/").content.decode()
    assert "You see bank details and pay claims in" in page
    assert 'aria-label="QR code of the key for your app"' in page
    _key, codes = _set_up(client)
    assert len(codes) == 10
    assert client.session["_auth_user_id"] == str(finance.pk)


def test_the_next_time_a_code_from_the_app_is_asked_for(client):
    finance = MembershipFactory(role=Role.FINANCE).user
    key, _ = _set_up_for(finance)

    response = _password(client, finance)
    wrong = client.post("/sign-in/code/", {"code": "000000"})
    assert response.headers["Location"] == "/sign-in/code/"
    assert "The code is not right" in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    time.sleep(1.1)  # django-otp slows the next try after a wrong code by a second
    right = client.post("/sign-in/code/", {"code": code_from(key)})

    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(finance.pk)


def _set_up_for(user) -> tuple[str, list[str]]:
    return _signed_in_with_two_steps(user)[1:]


def _signed_in_with_two_steps(user) -> tuple[Client, str, list[str]]:
    client = Client()
    _password(client, user)
    key, codes = _set_up(client)
    return client, key, codes


def test_a_recovery_code_works_once(client):
    admin = UserFactory()
    StaffMembership.objects.create(
        organisation=ProjectFactory().organisation, user=admin, is_admin=True
    )
    _key, codes = _set_up_for(admin)

    _password(client, admin)
    first = client.post("/sign-in/code/", {"code": codes[0][:4] + " " + codes[0][4:]})
    again = Client()
    _password(again, admin)
    reused = again.post("/sign-in/code/", {"code": codes[0]})

    assert first.status_code == 302
    assert "The code is not right" in reused.content.decode()


def test_a_code_from_the_app_is_not_used_twice(client):
    finance = MembershipFactory(role=Role.FINANCE).user
    key, _ = _set_up_for(finance)
    code = code_from(key)

    _password(client, finance)
    first = client.post("/sign-in/code/", {"code": code})
    other = Client()
    _password(other, finance)
    second = other.post("/sign-in/code/", {"code": code})

    assert first.status_code == 302
    assert "The code is not right" in second.content.decode()


def test_a_co_producer_is_not_asked_but_may_turn_it_on(client):
    co_producer = MembershipFactory(role=Role.CO_PRODUCER).user

    response = _password(client, co_producer)
    settings_page = client.get("/your-account/two-step/").content.decode()

    assert response.headers["Location"] == "/projects/"
    assert "Set up two-step sign-in" in settings_page


def test_an_organisation_admin_asks_all_staff_and_resets_a_lost_phone():
    project = ProjectFactory()
    organisation = project.organisation
    admin = UserFactory()
    StaffMembership.objects.create(organisation=organisation, user=admin, is_admin=True)
    lead = MembershipFactory(project=project, role=Role.LEAD).user
    staff = StaffMembership.objects.create(organisation=organisation, user=lead)
    admin_client = _signed_in_with_two_steps(admin)[0]

    before = _password(Client(), lead)
    admin_client.post(
        f"/organisations/{organisation.pk}/staff/two-step/", {"staff_two_step": "yes"}
    )
    after = _password(Client(), lead)
    _set_up_for(lead)
    admin_client.post(f"/organisations/{organisation.pk}/staff/{staff.pk}/reset-two-step/")
    reset = _password(Client(), lead)

    assert before.headers["Location"] == "/projects/"
    assert after.headers["Location"] == "/sign-in/set-up-two-step/"
    assert reset.headers["Location"] == "/sign-in/set-up-two-step/"


def test_the_django_admin_goes_through_the_same_two_steps(client):
    root = UserFactory(is_staff=True, is_superuser=True)

    response = _password(client, root, next_page="/admin/")
    _set_up(client)

    assert response.headers["Location"] == "/sign-in/set-up-two-step/"
    assert client.get("/admin/").status_code == 200


def test_someone_who_need_not_may_turn_it_off_but_finance_may_not(client_for):
    co_producer = MembershipFactory(role=Role.CO_PRODUCER).user
    finance = MembershipFactory(role=Role.FINANCE).user
    _set_up_for(co_producer)
    finance_client = _signed_in_with_two_steps(finance)[0]

    off = client_for(co_producer).post("/your-account/two-step/turn-off/", follow=True)
    refused = finance_client.post("/your-account/two-step/turn-off/", follow=True)

    assert "Two-step sign-in is off" in off.content.decode()
    assert "You cannot turn off two-step sign-in" in refused.content.decode()
    assert _password(Client(), finance).headers["Location"] == "/sign-in/code/"


def test_someone_made_finance_while_signed_in_is_asked_for_the_second_step_next(client):
    membership = MembershipFactory(role=Role.CO_PRODUCER)
    project = membership.project
    _password(client, membership.user)
    assert client.get("/projects/").status_code == 200

    membership.role = Role.FINANCE
    membership.save()
    asked = client.get(f"/projects/{project.pk}/")
    also_asked = client.get("/your-account/")
    set_up_page = client.get("/sign-in/set-up-two-step/").content.decode()
    _set_up(client)
    after = client.get(f"/projects/{project.pk}/")

    assert asked.status_code == 302
    assert asked.headers["Location"] == "/sign-in/set-up-two-step/"
    assert also_asked.headers["Location"] == "/sign-in/set-up-two-step/"
    assert "You see bank details and pay claims in" in set_up_page
    assert after.status_code == 200


def test_an_admin_with_an_app_gives_a_code_then_goes_on_to_the_page_they_asked_for(client):
    project = ProjectFactory()
    lead = MembershipFactory(project=project, role=Role.LEAD).user
    key, _ = _set_up_for(lead)
    client.force_login(lead)  # a session from before, signed in with the password only
    assert client.get("/projects/").status_code == 200

    StaffMembership.objects.create(organisation=project.organisation, user=lead, is_admin=True)
    posted_anyway = client.post("/your-account/", {"full_name": "Changed"})
    asked = client.get(f"/projects/{project.pk}/?tab=all")
    right = client.post("/sign-in/code/", {"code": code_from(key)})

    assert asked.headers["Location"] == "/sign-in/code/"
    assert posted_anyway.headers["Location"] == "/sign-in/code/"
    assert right.headers["Location"] == f"/projects/{project.pk}/?tab=all"
    assert client.get(f"/projects/{project.pk}/").status_code == 200
    lead.refresh_from_db()
    assert lead.full_name != "Changed"


def test_signing_out_is_still_possible_without_the_second_step(client):
    membership = MembershipFactory(role=Role.CO_PRODUCER)
    _password(client, membership.user)
    membership.role = Role.FINANCE
    membership.save()

    signed_out = client.post("/sign-out/")

    assert signed_out.headers["Location"] == "/sign-in/"
    assert "_auth_user_id" not in client.session
