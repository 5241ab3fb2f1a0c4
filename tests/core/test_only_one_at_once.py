""" "Only one" rules hold when the same thing is sent many times at the same moment.

Each test sends the same request from several people's browsers at once (threads
released together by a barrier, each with its own test client and database
connection), then counts the rows and the answers: one request does it, and every
other one gets the rule's own message, never a server error.

They need PostgreSQL: SQLite takes one writer at a time (IMMEDIATE transactions), so
two writes can never overlap there and the race cannot even be set up.
"""

import datetime
import threading
from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import Client

from coplan.accounts.models import User
from coplan.feedback.models import FeedbackResponse, HowAnswered
from coplan.guides.models import GuideVersion, WayForwardChoice
from coplan.meetings.models import Venue
from coplan.organisations.models import StaffMembership
from coplan.payments.models import Claim, PaymentPolicy
from coplan.people.models import Involvement, ParticipantImport, Person, StakeholderGroup
from coplan.planning.models import SignOffVersion
from coplan.planning.services import sign_off_ask
from coplan.projects.models import Invitation
from coplan.projects.roles import Role
from tests.factories import (
    InvitedPersonFactory,
    InvolvementFactory,
    MembershipFactory,
    SignOffFactory,
    StaffMembershipFactory,
)
from tests.feedback.factories import FeedbackFormFactory, FeedbackQuestionFactory
from tests.guides.guide_files import guide_file
from tests.meetings.test_venues import venue_post
from tests.payments.conftest import Team
from tests.people.test_stakeholders import GROUP

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write transaction at a time, so two "
        "requests can never overlap",
    ),
]

AT_ONCE = 8


def _at_once(user, url, data, times: int = AT_ONCE) -> list:
    """POST `data` to `url` from `times` browsers signed in as `user`, all at once (any of
    them may be a function of the browser's number, for requests that differ)."""
    clients = []
    for number in range(times):
        client = Client(raise_request_exception=False)
        client.force_login(user(number) if callable(user) else user)
        clients.append(client)
    start = threading.Barrier(times)
    responses: list = [None] * times

    def post(number: int) -> None:
        try:
            address = url(number) if callable(url) else url
            body = data(number) if callable(data) else data
            start.wait()
            responses[number] = clients[number].post(address, body)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(number,)) for number in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return responses


def _answers(responses, message: str) -> Counter:
    """How many requests did it (a redirect), were told `message`, or got anything else."""
    return Counter(
        "did it"
        if response.status_code == 302
        else "told"
        if response.status_code in (200, 400) and message in response.content.decode()
        else f"something else: {response.status_code}"
        for response in responses
    )


def test_a_named_form_sent_sixteen_times_at_once_is_kept_once(project):
    member = MembershipFactory(project=project, role=Role.CO_PRODUCER).user
    form = FeedbackFormFactory(project=project, closed_box=False, how_answered=HowAnswered.MEMBERS)
    question = FeedbackQuestionFactory(form=form)

    responses = _at_once(
        member, f"/feedback/{form.token}/form/", {f"question_{question.pk}": "good"}, times=16
    )

    assert FeedbackResponse.objects.filter(form=form).count() == 1
    assert _answers(responses, "You have already filled in this form. Thank you.") == {
        "did it": 1,
        "told": 15,
    }


def test_adding_the_same_participant_at_once_adds_them_once(project, lead):
    responses = _at_once(
        lead,
        f"/projects/{project.pk}/participants/add/",
        {"full_name": "Sam Smith", "email": "sam@example.org", "role": "co_producer"},
    )

    assert (Person.objects.count(), Involvement.objects.count()) == (1, 1)
    assert _answers(responses, "Sam Smith is already taking part in this project") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_starting_the_same_claim_at_once_starts_one(db):
    team = Team()
    InvitedPersonFactory(meeting=team.meeting, person=team.person(Role.CO_PRODUCER))

    responses = _at_once(
        team.user(Role.FINANCE),
        f"/projects/{team.project.pk}/payments/claims/new-for-someone/",
        {"person": str(team.person(Role.CO_PRODUCER).pk), "meeting": str(team.meeting.pk)},
    )

    assert Claim.objects.count() == 1
    assert _answers(responses, "There is already a claim for this meeting") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_saving_your_details_for_the_first_time_at_once_makes_one_record(project):
    member = MembershipFactory(project=project, role=Role.MANAGER).user

    responses = _at_once(
        member,
        f"/projects/{project.pk}/your-details/contact/",
        {"full_name": member.full_name, "email": member.email, "phone": "07700 900123"},
    )

    assert Person.objects.filter(user=member).count() == 1
    assert Involvement.objects.filter(person__user=member).count() == 1
    assert _answers(responses, "") == {"did it": AT_ONCE}


def test_two_people_given_the_same_email_at_once_only_one_gets_it(project, lead):
    people = [InvolvementFactory(project=project).person for _ in range(AT_ONCE)]

    responses = _at_once(
        lead,
        lambda number: f"/projects/{project.pk}/participants/{people[number].pk}/details/",
        {"full_name": "Sam Smith", "email": "same@example.org"},
    )

    assert Person.objects.filter(email="same@example.org").count() == 1
    assert _answers(responses, "Someone else in the organisation already has this email") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_the_same_stakeholder_group_added_at_once_is_added_once(project, lead):
    responses = _at_once(
        lead,
        f"/projects/{project.pk}/stakeholders/add/",
        lambda number: {**GROUP, "name": "Carers" if number % 2 else "CARERS"},
    )

    assert StakeholderGroup.objects.filter(project=project).count() == 1
    assert _answers(responses, "There is already a group with this name") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_the_same_venue_added_at_once_is_added_once(project, lead):
    organisation = project.organisation
    StaffMembershipFactory(organisation=organisation, user=lead)

    responses = _at_once(
        lead,
        f"/organisations/{organisation.pk}/venues/add/",
        lambda number: venue_post(name="Town Hall" if number % 2 else "town hall"),
    )

    assert Venue.objects.filter(organisation=organisation).count() == 1
    assert _answers(responses, "There is already a venue with this name") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_the_same_person_added_to_the_staff_at_once_is_added_once(db):
    admin = StaffMembershipFactory(is_admin=True)

    responses = _at_once(
        admin.user,
        f"/organisations/{admin.organisation_id}/staff/add/",
        {"email": "new.person@example.org", "full_name": "New Person"},
    )

    assert User.objects.filter(email="new.person@example.org").count() == 1
    assert StaffMembership.objects.filter(user__email="new.person@example.org").count() == 1
    assert _answers(responses, "new.person@example.org is already on the staff") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_inviting_the_same_address_at_once_leaves_one_open_invitation(project, lead):
    responses = _at_once(
        lead,
        f"/projects/{project.pk}/people/invite/",
        {"email": "guest@example.org", "role": "co_producer"},
    )

    assert Invitation.objects.filter(email="guest@example.org").count() == 1
    assert _answers(responses, "") == {"did it": AT_ONCE}


def test_the_same_payment_rules_date_added_at_once_is_added_once(db):
    team = Team()
    organisation = team.project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True).user
    before = PaymentPolicy.objects.filter(organisation=organisation).count()

    responses = _at_once(
        admin,
        f"/organisations/{organisation.pk}/paying-people/new/",
        {
            "applies_from-day": "1",
            "applies_from-month": "4",
            "applies_from-year": "2027",
            "basis": "half_day",
            "half_day_rate_pence": "40",
            "day_rate_pence": "75",
            "half_day_up_to_hours": "3.5",
            "paid_activities": ["meetings"],
            "covered_expenses": ["public_transport", "carer", "childcare"],
            "receipt_needed": ["childcare"],
            "target_working_days": "5",
            "bank_change_days": "7",
            "information": "Tell the Jobcentre if you get benefits.",
        },
    )

    assert PaymentPolicy.objects.filter(organisation=organisation).count() == before + 1
    assert PaymentPolicy.objects.filter(applies_from=datetime.date(2027, 4, 1)).count() == 1
    assert _answers(responses, "There is already a version from that date") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_the_same_guide_version_uploaded_at_once_is_kept_once(db):
    admin = StaffMembershipFactory(is_admin=True)
    text = guide_file("our-start", questions=3)

    responses = _at_once(
        admin.user,
        f"/organisations/{admin.organisation_id}/guides/",
        lambda number: {
            "guide_file": SimpleUploadedFile("our-start.toml", text.encode(), "text/plain")
        },
    )

    assert GuideVersion.objects.filter(organisation=admin.organisation).count() == 1
    assert _answers(responses, "your organisation already has version 1 of") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }


def test_saving_the_same_spreadsheet_at_once_adds_people_once(project, lead):
    client = Client()
    client.force_login(lead)
    preview = client.post(
        f"/projects/{project.pk}/participants/import/",
        {
            "file": SimpleUploadedFile(
                "people.csv", b"Name,Email\nZoe Adams,zoe@example.org\nBilal Khan,\n", "text/csv"
            )
        },
    )["Location"]

    responses = _at_once(lead, preview, {})

    assert Person.objects.count() == 2
    assert not ParticipantImport.objects.exists()
    answers = _answers(responses, "This spreadsheet has already been saved or cancelled")
    assert answers["did it"] == 1
    assert answers["told"] + answers["something else: 404"] == AT_ONCE - 1


def test_two_managers_agreeing_a_way_forward_at_once_record_one_agreement(project, lead):
    managers = [MembershipFactory(project=project, role=Role.MANAGER).user for _ in range(4)]
    stop = f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/"
    client = Client()
    client.force_login(lead)
    client.post(stop, {"way_forward": "more-time"})

    responses = _at_once(
        lambda number: managers[number],
        stop + "agree/",
        {"way_forward_id": "more-time", "decision": "agree"},
        times=len(managers),
    )

    choice = WayForwardChoice.objects.get()
    assert choice.agreed_by_user in managers
    assert choice.agreed_by == choice.agreed_by_user.full_name
    assert _answers(responses, "already agreed by") == {"did it": 1, "told": len(managers) - 1}


def test_two_managers_answering_the_same_version_at_once_record_one_answer(project, lead):

    managers = [MembershipFactory(project=project, role=Role.MANAGER) for _ in range(4)]
    version = sign_off_ask(
        sign_off=SignOffFactory(project=project, signer=managers[0], signer_outside=""),
        lead=project.memberships.get(user=lead),
        manager=managers[0],
        parts=["readiness"],
        gaps_accepted=True,
    )

    responses = _at_once(
        lambda number: managers[number].user,
        f"/projects/{project.pk}/sign-offs/versions/{version.pk}/answer/",
        lambda number: (
            {"decision": "approve"} if number % 2 else {"decision": "changes", "reason": "Not yet"}
        ),
        times=len(managers),
    )

    version = SignOffVersion.objects.get()
    assert version.decided_by in [manager.user for manager in managers]
    assert _answers(responses, "has already been answered") == {
        "did it": 1,
        "told": len(managers) - 1,
    }


def test_asking_for_the_same_sign_off_at_once_freezes_one_version(project, lead):

    manager = MembershipFactory(project=project, role=Role.MANAGER)
    sign_off = SignOffFactory(project=project, signer=manager, signer_outside="")

    responses = _at_once(
        lead,
        f"/projects/{project.pk}/sign-offs/{sign_off.pk}/ask/",
        {"manager": str(manager.pk), "parts": ["readiness"], "gaps_accepted": "on"},
    )

    assert SignOffVersion.objects.filter(sign_off=sign_off).count() == 1
    assert _answers(responses, "has already been asked for") == {
        "did it": 1,
        "told": AT_ONCE - 1,
    }
