import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from coplan.accounts.models import User
from coplan.projects.models import Invitation, Membership
from coplan.projects.roles import Role
from tests.factories import PASSWORD, InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _invite(client, project, **data):
    return client.post(
        f"/projects/{project.pk}/people/invite/",
        {"email": "new.person@example.org", "full_name": "", "role": "co_producer", **data},
        follow=True,
    )


def _link_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/invitations/\S+/)", message.body).group(1)


def test_lead_invites_by_email_and_the_new_person_joins_with_a_password(
    client, client_for, project, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = _invite(client_for(lead), project, full_name="Ada", role="facilitator")

    assert "We have sent an invitation to new.person@example.org" in page.content.decode()
    assert mail.outbox[0].to == ["new.person@example.org"]
    assert mail.outbox[0].subject == f"You are invited to join {project.name}"
    assert "Hello Ada" in mail.outbox[0].body
    link = _link_path(mail.outbox[0])

    join_page = client.get(link).content.decode()
    joined = client.post(link, {"full_name": "Ada Lovelace", "password": PASSWORD}, follow=True)

    assert f"Join {project.name}" in join_page
    # No access needs told yet, so they are asked next (coplan.people: tell us once).
    assert joined.redirect_chain[-1][0] == f"/projects/{project.pk}/tell-us-once/"
    assert f"You have joined {project.name} as facilitator" in joined.content.decode()
    user = User.objects.get(email="new.person@example.org")
    assert user.full_name == "Ada Lovelace"
    assert Membership.objects.get(user=user).role == Role.FACILITATOR


def test_invitation_link_works_once(
    client, client_for, project, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for(lead), project)
    link = _link_path(mail.outbox[0])
    client.post(link, {"full_name": "Ada", "password": PASSWORD})
    client.post("/sign-out/")

    response = client.get(link)

    assert response.status_code == 404
    assert "This invitation link does not work" in response.content.decode()


def test_existing_account_signs_in_then_joins(client, project):
    person = UserFactory(email="known@example.org")
    InvitationFactory(project=project, email="known@example.org", role=Role.MANAGER, token="t-1")

    before = client.get("/invitations/t-1/").content.decode()
    client.force_login(person)
    after = client.post("/invitations/t-1/", follow=True)

    assert "Sign in to join" in before
    assert Membership.objects.get(user=person, project=project).role == Role.MANAGER
    assert f"You have joined {project.name} as manager" in after.content.decode()


def test_signed_in_as_someone_else_cannot_use_the_invitation(client_for, project):
    InvitationFactory(project=project, email="intended@example.org", token="t-2")
    other = UserFactory(email="other@example.org")
    client = client_for(other)

    page = client.get("/invitations/t-2/").content.decode()
    client.post("/invitations/t-2/")

    assert "This invitation is for intended@example.org" in page
    assert not Membership.objects.filter(user=other).exists()


def test_expired_and_cancelled_invitations_do_not_work(client, project):
    InvitationFactory(
        project=project, token="old", expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    InvitationFactory(project=project, token="gone", cancelled_at=timezone.now())

    assert client.get("/invitations/old/").status_code == 404
    assert client.get("/invitations/gone/").status_code == 404
    assert client.get("/invitations/never-issued/").status_code == 404


def test_inviting_the_same_address_again_sends_a_fresh_link(
    client, client_for, project, lead, django_capture_on_commit_callbacks
):
    lead_client = client_for(lead)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(lead_client, project)
    with django_capture_on_commit_callbacks(execute=True):
        page = _invite(lead_client, project, role="finance")

    assert "We have sent a new invitation" in page.content.decode()
    assert Invitation.objects.count() == 1
    assert client.get(_link_path(mail.outbox[0])).status_code == 404
    assert client.get(_link_path(mail.outbox[1])).status_code == 200


def test_inviting_a_member_says_they_are_already_in(client_for, project, lead):
    MembershipFactory(project=project, user__email="member@example.org")

    page = _invite(client_for(lead), project, email="Member@Example.org").content.decode()

    assert "This person is already a member of the project" in page
    assert Invitation.objects.count() == 0


def test_lead_cancels_an_invitation(client, client_for, project, lead):
    invitation = InvitationFactory(project=project, token="t-3")

    client_for(lead).post(f"/projects/{project.pk}/invitations/{invitation.pk}/cancel/")

    assert client.get("/invitations/t-3/").status_code == 404


def test_joining_form_checks_name_and_password(client, project):
    InvitationFactory(project=project, token="t-4", email="new@example.org")

    page = client.post("/invitations/t-4/", {"full_name": "", "password": "short"}).content.decode()

    assert "Enter your full name" in page
    assert "This password is too short" in page
    assert not User.objects.filter(email="new@example.org").exists()


def test_only_a_hash_of_the_link_is_stored(
    client_for, project, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for(lead), project)
    token = _link_path(mail.outbox[0]).split("/")[2]

    assert Invitation.objects.get().token_hash != token
    assert token not in Invitation.objects.get().token_hash


def test_the_leads_message_goes_in_the_email_and_on_the_join_page(
    client, client_for, project, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_for(lead), project, message="We would love your ideas & experience.")

    assert "We would love your ideas & experience." in mail.outbox[0].body
    page = client.get(_link_path(mail.outbox[0])).content.decode()
    assert "We would love your ideas &amp; experience." in page
