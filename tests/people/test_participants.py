import re

import pytest

from coplan.people import selectors
from coplan.people.models import AuditEntry, ConsentRecord, Involvement, Person
from coplan.projects.roles import Role
from tests.factories import (
    ConsentRecordFactory,
    InvolvementFactory,
    MembershipFactory,
    ProjectFactory,
    StakeholderGroupFactory,
)
from tests.people.conftest import give_needs

pytestmark = pytest.mark.django_db


def test_lead_adds_a_participant_without_an_account(client_for, project, lead):
    group = StakeholderGroupFactory(project=project)

    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {
            "full_name": "Ada Jones",
            "email": "ADA@example.org ",
            "phone": "",
            "role": "carer",
            "group": str(group.pk),
        },
        follow=True,
    )

    person = Person.objects.get(full_name="Ada Jones")
    assert (person.email, person.user, person.organisation) == (
        "ada@example.org",
        None,
        project.organisation,
    )
    involvement = Involvement.objects.get(person=person)
    assert (involvement.project, involvement.role, involvement.group) == (project, "carer", group)
    assert "Ada Jones has been added." in response.content.decode()


def test_someone_known_to_the_organisation_is_told_once_not_added_twice(client_for, project, lead):
    earlier = InvolvementFactory(project=ProjectFactory(organisation=project.organisation))
    give_needs(earlier.person)

    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {"full_name": "Another Name", "email": earlier.person.email, "role": "co_producer"},
        follow=True,
    )

    assert Person.objects.count() == 1
    assert Involvement.objects.filter(person=earlier.person).count() == 2
    assert "was already known to your organisation" in response.content.decode()
    assert "A hearing loop" in response.content.decode()


def test_adding_someone_twice_to_a_project_says_so(client_for, project, lead, participant):
    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {"full_name": "Sam", "email": participant.email, "role": "co_producer"},
    )

    assert "Sam Smith is already taking part in this project" in response.content.decode()


def test_a_co_producer_member_is_linked_to_their_participant_record(
    client_for, project, lead, member_of
):
    co_producer = member_of(Role.CO_PRODUCER)

    client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {"full_name": co_producer.full_name, "email": co_producer.email, "role": "co_producer"},
    )

    assert Person.objects.get().user == co_producer


@pytest.mark.parametrize(
    ("data", "field_message"),
    [
        ({"full_name": ""}, "Enter their full name"),
        ({"email": "not-an-email"}, "Enter an email address in the correct format"),
        ({"phone": "call me maybe"}, "Enter a phone number, like 01632 960 001"),
        ({"role": "boss"}, "Select what they will do in the project"),
        ({"group": "99999"}, "Select a group from the list"),
        ({"full_name": "Sam\x00"}, "Their full name must not contain hidden characters"),
    ],
)
def test_add_participant_form_says_what_is_wrong(client_for, project, lead, data, field_message):
    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/add/",
        {"full_name": "Sam", "email": "", "role": "co_producer", **data},
    )

    assert response.status_code == 400
    assert field_message in response.content.decode()
    assert not Person.objects.exists()


def test_lead_changes_contact_details_and_preferences(client_for, project, lead, participant):
    client_for(lead).post(
        f"/projects/{project.pk}/participants/{participant.pk}/details/",
        {
            "full_name": "Sam Smith",
            "email": "",
            "phone": "07700 900123",
            "address": "1 High Street\nBanbury",
            "contact_by": "text",
            "formats": ["easy_read", "other_language"],
            "other_language": "Polish",
        },
    )

    participant.refresh_from_db()
    assert (
        participant.phone,
        participant.contact_by,
        participant.formats,
        participant.other_language,
    ) == (
        "07700 900123",
        "text",
        ["easy_read", "other_language"],
        "Polish",
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"contact_by": "email", "email": ""},
            "Enter an email address, or choose another way to make contact",
        ),
        (
            {"contact_by": "post", "address": ""},
            "Enter a postal address, or choose another way to make contact",
        ),
        ({"formats": ["other_language"]}, "Enter the language"),
    ],
)
def test_contact_details_must_hold_together(client_for, project, lead, participant, data, message):
    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/{participant.pk}/details/",
        {"full_name": "Sam Smith", **data},
    )

    assert message in response.content.decode()


def test_changing_needs_is_encrypted_and_logged(client_for, project, lead, participant):
    client_for(lead).post(
        f"/projects/{project.pk}/participants/{participant.pk}/access-needs/",
        {"mobility": ["step_free", "parking"], "reminders": ["text"], "reminder_days_before": "0"},
    )

    participant.refresh_from_db()
    needs = selectors.person_needs(person=participant)
    assert needs.codes() == {"mobility:step_free", "mobility:parking", "reminders:text"}
    assert needs.reminder_days_before == 0
    assert list(AuditEntry.objects.values_list("action", "actor", "person")) == [
        ("changed_needs", lead.pk, participant.pk)
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mobility": ["flying"]}, "Select from the list"),
        ({"reminder_days_before": "61"}, "The number of days must be 60 or fewer"),
        ({"reminder_days_before": "two"}, "The number of days must be a whole number"),
        ({"dietary_notes": "x" * 1001}, "must be 1,000 characters or fewer"),
    ],
)
def test_needs_form_says_what_is_wrong(client_for, project, lead, participant, data, message):
    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/{participant.pk}/access-needs/", data
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    participant.refresh_from_db()
    assert participant.needs_token == ""


def test_lead_records_and_withdraws_consent(client_for, project, lead, participant):
    client = client_for(lead)
    client.post(
        f"/projects/{project.pk}/participants/{participant.pk}/consents/add/",
        {
            "purpose": "media",
            "given": "yes",
            "given_on-day": "4",
            "given_on-month": "1",
            "given_on-year": "2026",
            "method": "paper",
            "told": "Photos for the newsletter",
            "review_on-day": "4",
            "review_on-month": "1",
            "review_on-year": "2027",
        },
    )
    assert selectors.person_has_consent(person=participant, purpose="media")
    consent = ConsentRecord.objects.get()

    client.post(
        f"/projects/{project.pk}/participants/{participant.pk}/consents/{consent.pk}/withdraw/"
    )

    assert not selectors.person_has_consent(person=participant, purpose="media")
    assert list(selectors.project_people_with_consent(project=project, purpose="media")) == []


def test_review_date_must_come_after_the_answer(client_for, project, lead, participant):
    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/{participant.pk}/consents/add/",
        {
            "purpose": "media",
            "given": "no",
            "given_on-day": "4",
            "given_on-month": "1",
            "given_on-year": "2026",
            "method": "spoken",
            "told": "Photos",
            "review_on-day": "1",
            "review_on-month": "1",
            "review_on-year": "2026",
        },
    )

    assert "The review date must be after the date they answered" in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_people_without_media_consent_are_marked_do_not_photograph(client_for, project, lead):
    agreed = InvolvementFactory(project=project).person
    ConsentRecordFactory(person=agreed, purpose="media", given=True)
    withdrawn = InvolvementFactory(project=project).person
    ConsentRecordFactory(
        person=withdrawn, purpose="media", given=True, withdrawn_at="2026-01-01T00:00Z"
    )
    InvolvementFactory(project=project)

    page = client_for(lead).get(f"/projects/{project.pk}/participants/").content.decode()

    assert page.count("Do not photograph") == 2
    assert len(re.findall(r">\s*Agreed\s*<", page)) == 1
    assert list(selectors.project_people_with_consent(project=project, purpose="media")) == [agreed]


def test_co_producer_tells_us_once_and_it_is_used_in_every_project(client_for, project, member_of):
    co_producer = member_of(Role.CO_PRODUCER)
    other_project = ProjectFactory(organisation=project.organisation)
    MembershipFactory(project=other_project, user=co_producer, role=Role.CO_PRODUCER)
    client = client_for(co_producer)

    client.post(
        f"/projects/{project.pk}/tell-us-once/communication/", {"communication": ["captions"]}
    )
    client.post(
        f"/projects/{project.pk}/tell-us-once/other-support/",
        {"support_notes": "I need to sit near the door"},
    )
    client.post(f"/projects/{project.pk}/tell-us-once/check-your-answers/")
    elsewhere = client.get(f"/projects/{other_project.pk}/your-details/").content.decode()

    person = Person.objects.get(user=co_producer)
    assert person.email == co_producer.email
    assert "Live captions (speech shown as text)" in elsewhere
    assert "I need to sit near the door" in elsewhere
    assert Involvement.objects.get(person=person).project == project


def test_a_members_own_details_link_to_the_record_the_lead_made(
    client_for, project, lead, member_of
):
    co_producer = member_of(Role.CO_PRODUCER)
    made_by_lead = InvolvementFactory(project=project, person__email=co_producer.email).person

    client_for(co_producer).post(
        f"/projects/{project.pk}/your-details/contact/",
        {"full_name": "Sam Smith", "email": co_producer.email, "contact_by": "email"},
    )

    made_by_lead.refresh_from_db()
    assert made_by_lead.user == co_producer
    assert made_by_lead.contact_by == "email"
    assert Person.objects.count() == 1


def test_co_producer_answers_consent_questions_themselves(client_for, project, member_of):
    co_producer = member_of(Role.CO_PRODUCER)
    client = client_for(co_producer)

    client.post(
        f"/projects/{project.pk}/your-details/consent/",
        {"data_storage": "yes", "media": "no", "future_contact": "yes"},
    )
    client.post(
        f"/projects/{project.pk}/your-details/consent/",
        {"data_storage": "yes", "media": "yes", "future_contact": "yes"},
    )

    person = Person.objects.get(user=co_producer)
    assert ConsentRecord.objects.filter(person=person).count() == 4  # only changes are recorded
    assert selectors.person_has_consent(person=person, purpose="media")
    assert ConsentRecord.objects.filter(method="online", recorded_by=co_producer).count() == 4


def test_lead_changes_role_group_and_training(client_for, project, lead, participant):
    group = StakeholderGroupFactory(project=project)

    client_for(lead).post(
        f"/projects/{project.pk}/participants/{participant.pk}/role/",
        {
            "role": "advisor",
            "group": str(group.pk),
            "role_description": "Sits on the interview panel",
            "training_needed": "Recruitment training",
            "training_done": "",
        },
    )

    involvement = Involvement.objects.get(person=participant)
    assert (involvement.role, involvement.group, involvement.training_needed) == (
        "advisor",
        group,
        "Recruitment training",
    )


def test_project_access_needs_selectors_for_venues_and_catering(project, participant):
    give_needs(participant)
    InvolvementFactory(project=project)

    totals = selectors.project_need_totals(project=project)
    needing_loop = selectors.project_people_needing(
        project=project, code="communication:hearing_loop"
    )

    assert totals == {"communication:hearing_loop": 1, "dietary:vegan": 1}
    assert needing_loop == [participant]


def test_own_details_never_clash_with_a_record_holding_the_same_email(
    client_for, project, member_of
):
    co_producer = member_of(Role.CO_PRODUCER)
    someone_else = member_of(Role.CO_PRODUCER)
    InvolvementFactory(project=project, person__email=co_producer.email, person__user=someone_else)

    client = client_for(co_producer)
    client.post(f"/projects/{project.pk}/tell-us-once/food-and-drink/", {"dietary": ["halal"]})
    response = client.post(f"/projects/{project.pk}/tell-us-once/check-your-answers/")

    assert response.status_code == 302
    own = Person.objects.get(user=co_producer)
    assert own.email == ""
    assert selectors.person_needs(person=own).has("dietary:halal")
