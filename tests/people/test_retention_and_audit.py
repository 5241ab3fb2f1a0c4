import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import get_resolver

from coplan.people import presenters, selectors, services
from coplan.people.models import PeoplePolicy, Person
from coplan.people.tasks import people_retention_task
from tests.factories import (
    InvolvementFactory,
    PersonFactory,
    ProjectFactory,
    StaffMembershipFactory,
)
from tests.people.conftest import give_needs

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def _ended(days_ago: int, organisation=None):
    kwargs = {"organisation": organisation} if organisation else {}
    return ProjectFactory(
        start_date=TODAY - datetime.timedelta(days=days_ago + 400),
        end_date=TODAY - datetime.timedelta(days=days_ago),
        **kwargs,
    )


def test_months_before_handles_short_months():
    assert selectors.months_before(datetime.date(2027, 3, 31), 1) == datetime.date(2027, 2, 28)
    assert selectors.months_before(datetime.date(2027, 1, 15), 24) == datetime.date(2025, 1, 15)


def test_people_past_retention_are_listed_then_anonymised():
    old_project = _ended(days_ago=900)
    organisation = old_project.organisation
    PeoplePolicy.objects.create(organisation=organisation, retention_months=24)
    gone = InvolvementFactory(project=old_project, person__full_name="Long Gone").person
    recent = InvolvementFactory(project=_ended(days_ago=30, organisation=organisation)).person
    still_active = InvolvementFactory(project=old_project).person
    InvolvementFactory(project=ProjectFactory(organisation=organisation), person=still_active)

    listed = io.StringIO()
    call_command("people_retention", stdout=listed)
    assert Person.objects.get(pk=gone.pk).full_name == "Long Gone"
    call_command("people_retention", "--anonymise", stdout=io.StringIO())

    assert f"person {gone.pk}, last involved" in listed.getvalue()
    assert "Nothing changed" in listed.getvalue()
    assert Person.objects.get(pk=gone.pk).full_name == "Erased person"
    assert Person.objects.get(pk=recent.pk).erased_at is None
    assert Person.objects.get(pk=still_active.pk).erased_at is None


def test_someone_never_in_a_project_counts_from_when_they_were_recorded():
    person = PersonFactory(created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))

    due = selectors.people_past_retention(organisation=person.organisation)

    assert due == [person]


def test_the_scheduled_task_anonymises_across_organisations():
    gone = InvolvementFactory(project=_ended(days_ago=2000)).person

    result = people_retention_task.call()

    assert result == {"anonymised": 1, "kept": 0}
    assert Person.objects.get(pk=gone.pk).erased_at is not None


def test_admin_sets_retention_and_anonymises_now(client_for):
    project = _ended(days_ago=200)
    admin = StaffMembershipFactory(organisation=project.organisation, is_admin=True).user
    gone = InvolvementFactory(project=project, person__full_name="Past Person").person
    client = client_for(admin)
    url = f"/organisations/{project.organisation_id}/keeping-details/"

    bad = client.post(url, {"action": "policy", "retention_months": "forever"})
    client.post(url, {"action": "policy", "retention_months": "6"})
    listed = client.get(url).content.decode()
    client.post(url, {"action": "anonymise"})

    assert "The number of months must be a whole number" in bad.content.decode()
    assert selectors.people_policy(organisation=project.organisation).retention_months == 6
    assert "Past Person" in listed
    assert Person.objects.get(pk=gone.pk).full_name == "Erased person"


def test_admin_reads_the_log_of_who_saw_and_changed_needs(client_for, project, lead, participant):
    admin = StaffMembershipFactory(organisation=project.organisation, is_admin=True).user
    give_needs(participant, actor=lead)
    client_for(lead).get(f"/projects/{project.pk}/participants/{participant.pk}/")
    client_for(lead).get(f"/projects/{project.pk}/access-needs/")

    page = client_for(admin).get(f"/organisations/{project.organisation_id}/access-needs-log/")

    text = page.content.decode()
    assert "3 entries" in text
    assert text.count("Saw access needs") == 2
    assert "Changed access needs" in text
    assert "Sam Smith" in text
    assert lead.full_name in text
    assert "Participants: their page" in text
    assert "Access needs of everyone in the project" in text
    assert f"/participants/{participant.pk}/" not in text
    assert f"/projects/{project.pk}/access-needs/" not in text
    assert "Zebra-striped" not in text
    assert "vegan" not in text.lower()


def test_the_log_says_in_words_where_even_for_entries_written_before(client_for, project):
    admin = StaffMembershipFactory(organisation=project.organisation, is_admin=True).user
    ada = InvolvementFactory(project=project, person__full_name="Ada Jones").person
    base = f"/projects/{project.pk}"
    for where in [
        f"{base}/participants/{ada.pk}/access-needs/",
        f"{base}/downloads/participants.xlsx",
        f"{base}/payments/people/{ada.pk}/bank-details/",
        "meeting page: needs not met",
        "Import: people.csv",
        "/a-page-that-is-gone/",
    ]:
        services.needs_view_record(people=[ada], actor=admin, where=where, project=project)

    page = client_for(admin).get(f"/organisations/{project.organisation_id}/access-needs-log/")

    text = page.content.decode()
    assert "Participants: their access needs" in text
    assert "Download of participants (Excel)" in text
    assert "Payments: their bank details" in text
    assert "Meeting: whose needs are not met" in text
    assert "Import: people.csv" in text
    assert "/a-page-that-is-gone/" in text
    assert f"{base}/participants/" not in text


def test_every_page_named_in_the_log_is_a_page_of_coplan():
    resolver = get_resolver()

    named = [name for pages in presenters.AUDIT_PAGES for name in pages]

    missing = [
        name
        for name in named
        if name.split(":")[1] not in resolver.namespace_dict[name.split(":")[0]][1].reverse_dict
    ]

    assert "payments:person_bank_details" in named  # payments adds its pages
    assert missing == []


def test_audit_log_shows_only_the_admins_organisation(client_for, participant):
    other_admin = StaffMembershipFactory(is_admin=True)
    give_needs(participant)
    services.needs_view_record(people=[participant], actor=None, where="test")

    page = client_for(other_admin.user).get(
        f"/organisations/{other_admin.organisation_id}/access-needs-log/"
    )

    assert "Nobody has seen or changed anybody’s access needs yet" in page.content.decode()
