"""Names and email addresses with characters nobody can see are refused wherever
people are entered, with a message beside the field: such characters can make a
list of people read differently from what is stored (a right-to-left override
turns "Sam Patel" round; a zero-width space makes two names that look the same differ)."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from coplan.accounts.models import User
from coplan.core.text import NoHiddenCharacters, has_hidden_characters
from coplan.organisations.models import StaffMembership
from coplan.people.models import Person
from coplan.planning.models import SignOff
from coplan.projects.models import Invitation
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    InvitationFactory,
    InvolvementFactory,
    StaffMembershipFactory,
    UserFactory,
)
from tests.form_controls import error_beside

RIGHT_TO_LEFT = "\u202eSam Patel"  # shows as "letaP maS"
ZERO_WIDTH = "Sam\u200bPatel"
HIDDEN_IN_EMAIL = "sam@exa\u200bmple.org"


@pytest.mark.parametrize(
    "name",
    [
        RIGHT_TO_LEFT,
        ZERO_WIDTH,
        "Sam\u200cPatel",  # zero-width non-joiner between Latin letters
        "Sam\u200dPatel",  # zero-width joiner between Latin letters
        "\ufeffSam",  # byte order mark
        "Sam\u00adPatel",  # soft hyphen
        "Sam \u2066Patel\u2069",  # direction isolates
        "Sam\u200ePatel",  # left-to-right mark
        "Sam\u2060Patel",  # word joiner
        "\u3164",  # Hangul filler, drawn as nothing
        "\u2800",  # blank Braille pattern
        "Sam\ufe0f",  # variation selector
        "Sam\U000e0041",  # tag letter
        "Sam\u2028Patel",  # line separator
        "Sam\x07",  # control character
        "Sam\ue000",  # private use
        "Sam \U0001f469\u200d\U0001f9bd",  # an emoji made with a zero-width joiner
    ],
)
def test_names_with_characters_nobody_can_see_are_found(name):
    assert has_hidden_characters(name)


@pytest.mark.parametrize(
    "name",
    [
        "Zoë Adams",
        "Siân O’Brien-Smith",
        "José Núñez",
        "Nguyễn Văn An",
        "李小龍",
        "Мария Иванова",
        "Ἀριστοτέλης",
        "שרה כהן",
        "محمد",
        "علی\u200cرضا",  # Persian writes some names with a zero-width non-joiner
        "क्\u200dष",  # scripts of South Asia use the joiner inside words
        "Ada\u00a0Lovelace",  # a non-breaking space is still a space people see
        "Dr Ada Lovelace, Head of Service",
    ],
)
def test_names_people_really_have_are_accepted(name):
    assert not has_hidden_characters(name)


def test_the_message_names_the_field_and_says_what_to_do():
    with pytest.raises(ValidationError) as refused:
        NoHiddenCharacters("Their full name")(RIGHT_TO_LEFT)

    assert refused.value.messages == [
        "Their full name must not contain hidden characters. Type it in instead of pasting it"
    ]


def _refused(response, field: str, label: str) -> None:
    page = response.content.decode()
    assert response.status_code in {200, 400}
    assert "There is a problem" in page
    assert error_beside(page, f"id_{field}") == (
        f"{label} must not contain hidden characters. Type it in instead of pasting it"
    )
    assert f'href="#id_{field}"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("name", [RIGHT_TO_LEFT, ZERO_WIDTH])
def test_adding_a_participant_refuses_a_hidden_character_in_the_name(
    client_for, project, lead, name
):
    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {"full_name": name, "email": "", "role": "co_producer"},
    )

    _refused(response, "full_name", "Their full name")
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_adding_a_participant_refuses_a_hidden_character_in_the_email(client_for, project, lead):
    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {"full_name": "Sam Patel", "email": HIDDEN_IN_EMAIL, "role": "co_producer"},
    )

    _refused(response, "email", "Email address")
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_changing_a_participants_details_refuses_a_hidden_character(client_for, project, lead):
    person = InvolvementFactory(project=project, person__full_name="Sam Patel").person

    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/{person.pk}/details/",
        {"full_name": RIGHT_TO_LEFT, "email": ""},
    )

    _refused(response, "full_name", "The full name")
    person.refresh_from_db()
    assert person.full_name == "Sam Patel"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "label"),
    [
        ({"full_name": ZERO_WIDTH}, "full_name", "Their name"),
        ({"email": HIDDEN_IN_EMAIL}, "email", "Email address"),
    ],
)
def test_inviting_someone_to_a_project_refuses_hidden_characters(
    client_for, project, lead, data, field, label
):
    response = client_for(lead).post(
        f"/projects/{project.pk}/people/invite/",
        {"email": "new.person@example.org", "full_name": "", "role": "co_producer", **data},
    )

    _refused(response, field, label)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_joining_from_an_invitation_refuses_a_hidden_character_in_the_name(client, project):
    InvitationFactory(project=project, email="new.person@example.org", token="t-hidden")

    response = client.post(
        "/invitations/t-hidden/", {"full_name": RIGHT_TO_LEFT, "password": PASSWORD}
    )

    _refused(response, "full_name", "Full name")
    assert not User.objects.filter(email="new.person@example.org").exists()


@pytest.mark.django_db
def test_changing_your_own_name_refuses_a_hidden_character(client_for):
    person = UserFactory(full_name="Sam Patel")

    response = client_for(person).post("/your-account/", {"full_name": ZERO_WIDTH})

    _refused(response, "full_name", "Full name")
    person.refresh_from_db()
    assert person.full_name == "Sam Patel"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "label"),
    [
        ({"full_name": RIGHT_TO_LEFT}, "full_name", "Their full name"),
        ({"email": HIDDEN_IN_EMAIL}, "email", "Email address"),
    ],
)
def test_adding_staff_refuses_hidden_characters(client_for, data, field, label):
    admin = StaffMembershipFactory(is_admin=True)

    response = client_for(admin.user).post(
        f"/organisations/{admin.organisation_id}/staff/add/",
        {"email": "new.person@example.org", "full_name": "New Person", **data},
    )

    _refused(response, field, label)
    assert StaffMembership.objects.count() == 1


@pytest.mark.django_db
def test_a_sign_off_by_someone_outside_refuses_a_hidden_character_in_their_name(
    client_for, project, lead
):
    response = client_for(lead).post(
        f"/projects/{project.pk}/sign-offs/add/",
        {
            "what": "The plan",
            "signer": "outside",
            "signer_outside": RIGHT_TO_LEFT,
            "due_on-day": "1",
            "due_on-month": "6",
            "due_on-year": "2030",
        },
    )

    _refused(response, "signer_outside", "Their name and role")
    assert not SignOff.objects.exists()


@pytest.mark.django_db
def test_why_a_manager_says_no_to_a_way_forward_refuses_a_hidden_character(
    client_for, project, lead, member_of
):
    client_for(lead).post(
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/",
        {"way_forward": "not-fully-co-produced"},
    )
    response = client_for(member_of(Role.MANAGER)).post(
        f"/projects/{project.pk}/plan/at-the-start/stops/time-frame-too-short/agree/",
        {"way_forward_id": "not-fully-co-produced", "decision": "no", "reason": ZERO_WIDTH},
    )

    _refused(response, "reason", "Why not")


@pytest.mark.django_db
def test_the_same_name_typed_plainly_is_saved(client_for, project, lead):
    client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {"full_name": "Sam Patel", "email": "sam@example.org", "role": Role.CO_PRODUCER},
    )

    assert Person.objects.get().full_name == "Sam Patel"
