"""The organisation's venue library: who may see and change it, and the accessibility check."""

import datetime

import pytest

from coplan.meetings.models import MeetingsPolicy, Venue
from coplan.projects.roles import Role
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    StaffMembershipFactory,
    UserFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


def venue_post(**fields) -> dict:
    data = {
        "name": "Banbury Community Centre",
        "address": "1 High Street\nBanbury",
        "how_to_get_there": "Five minutes from the bus station.",
        "step_free": "yes",
        "wheelchair_access": "yes",
        "accessible_toilet": "yes",
        "parking": "no",
        "blue_badge_parking": "yes",
        "good_lighting": "yes",
        "good_acoustics": "not_checked",
        "hearing_loop": "no",
        "public_transport": "yes",
        "public_transport_notes": "Buses 4 and 4A",
        "quiet_space": "yes",
        "checked_on-day": "5",
        "checked_on-month": "1",
        "checked_on-year": "2026",
    }
    data.update(fields)
    return data


@pytest.fixture
def organisation():
    return OrganisationFactory()


def _staff(organisation, *, leads_a_project=False, is_admin=False):
    user = UserFactory()
    StaffMembershipFactory(organisation=organisation, user=user, is_admin=is_admin)
    if leads_a_project:
        MembershipFactory(user=user, role=Role.LEAD, project__organisation=organisation)
    return user


def test_lead_adds_a_venue_with_its_accessibility_check(client_for, organisation):
    lead = _staff(organisation, leads_a_project=True)

    response = client_for(lead).post(f"/organisations/{organisation.pk}/venues/add/", venue_post())

    venue = Venue.objects.get(organisation=organisation)
    assert response.status_code == 302
    assert (venue.step_free, venue.hearing_loop, venue.good_acoustics) == (
        "yes",
        "no",
        "not_checked",
    )
    assert (venue.checked_on, venue.checked_by, venue.created_by) == (
        datetime.date(2026, 1, 5),
        lead,
        lead,
    )


def test_venue_with_no_check_yet_says_so(client_for, organisation):
    venue = VenueFactory(organisation=organisation, name="New Hall")

    page = (
        client_for(_staff(organisation))
        .get(f"/organisations/{organisation.pk}/venues/{venue.pk}/")
        .content.decode()
    )

    assert "Nobody has checked how accessible this venue is yet." in page
    assert page.count("Not checked yet") >= 10


def test_venue_list_for_any_staff_member(client_for, organisation):
    VenueFactory(organisation=organisation, name="Town Hall")

    response = client_for(_staff(organisation)).get(f"/organisations/{organisation.pk}/venues/")

    assert response.status_code == 200
    assert "Town Hall" in response.content.decode()


def test_staff_who_lead_no_project_may_not_add_or_change_venues(client_for, organisation):
    venue = VenueFactory(organisation=organisation)
    client = client_for(_staff(organisation))

    statuses = [
        client.get(f"/organisations/{organisation.pk}/venues/add/").status_code,
        client.post(f"/organisations/{organisation.pk}/venues/add/", venue_post()).status_code,
        client.get(f"/organisations/{organisation.pk}/venues/{venue.pk}/change/").status_code,
    ]

    assert statuses == [403, 403, 403]
    assert Venue.objects.count() == 1


def test_organisation_admin_may_change_venues(client_for, organisation):
    venue = VenueFactory(organisation=organisation, name="Old name")
    admin = _staff(organisation, is_admin=True)

    client_for(admin).post(
        f"/organisations/{organisation.pk}/venues/{venue.pk}/change/", venue_post(name="New name")
    )

    venue.refresh_from_db()
    assert venue.name == "New name"


def test_lead_of_a_project_elsewhere_may_not_change_these_venues(client_for, organisation):
    user = _staff(organisation)
    MembershipFactory(user=user, role=Role.LEAD)  # a project of another organisation

    response = client_for(user).get(f"/organisations/{organisation.pk}/venues/add/")

    assert response.status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "venues/",
        "venues/add/",
        "venues/{venue}/",
        "venues/{venue}/change/",
        "meeting-notice/",
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_venue_pages_of_another_organisation_are_not_found(client_for, organisation, path, method):
    venue = VenueFactory(organisation=organisation)
    other = OrganisationFactory()
    outsider = _staff(other, leads_a_project=True, is_admin=True)
    MembershipFactory(user=outsider, role=Role.LEAD)

    response = getattr(client_for(outsider), method)(
        f"/organisations/{organisation.pk}/" + path.format(venue=venue.pk)
    )

    assert response.status_code == 404


def test_venue_of_another_organisation_is_not_found_through_your_own(client_for, organisation):
    theirs = VenueFactory()
    admin = _staff(organisation, is_admin=True)

    statuses = [
        client_for(admin).get(f"/organisations/{organisation.pk}/venues/{theirs.pk}/").status_code,
        client_for(admin)
        .post(f"/organisations/{organisation.pk}/venues/{theirs.pk}/change/", venue_post())
        .status_code,
    ]

    assert statuses == [404, 404]


def test_signed_out_visitor_is_sent_to_sign_in(client, organisation):
    response = client.get(f"/organisations/{organisation.pk}/venues/")

    assert response.headers["Location"].startswith("/sign-in/?next=")


def test_venue_name_used_twice_in_an_organisation_is_refused(client_for, organisation):
    VenueFactory(organisation=organisation, name="Town Hall")
    lead = _staff(organisation, leads_a_project=True)

    response = client_for(lead).post(
        f"/organisations/{organisation.pk}/venues/add/", venue_post(name="town hall")
    )

    assert response.status_code == 400
    assert "There is already a venue with this name" in response.content.decode()


def test_admin_sets_a_longer_least_notice(client_for, organisation):
    admin = _staff(organisation, is_admin=True)

    response = client_for(admin).post(
        f"/organisations/{organisation.pk}/meeting-notice/", {"notice_days": "42"}
    )

    assert response.status_code == 302
    assert MeetingsPolicy.objects.get(organisation=organisation).notice_days == 42


def test_least_notice_below_four_weeks_is_refused(client_for, organisation):
    admin = _staff(organisation, is_admin=True)

    response = client_for(admin).post(
        f"/organisations/{organisation.pk}/meeting-notice/", {"notice_days": "14"}
    )

    assert response.status_code == 400
    assert "The number of days must be 28 (4 weeks) or more" in response.content.decode()
    assert not MeetingsPolicy.objects.exists()


def test_least_notice_is_for_admins_only(client_for, organisation):
    lead = _staff(organisation, leads_a_project=True)

    response = client_for(lead).get(f"/organisations/{organisation.pk}/meeting-notice/")

    assert response.status_code == 403


def test_your_projects_page_links_staff_to_their_organisations_venues(client_for, organisation):
    page = client_for(_staff(organisation)).get("/projects/").content.decode()

    assert f'href="/organisations/{organisation.pk}/venues/"' in page
    assert "<title>Your projects – Co-production Planner</title>" in page
