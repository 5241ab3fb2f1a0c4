"""The sign-off register: what, by whom, by when; overdue ones stand out; a manager
marks them signed."""

import datetime

import pytest

from coplan.planning import selectors, services
from coplan.planning.models import SignOff, SignOffStatus
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, SignOffFactory
from tests.planning.pages import date_fields as _date
from tests.planning.pages import days_from_today as _days
from tests.planning.pages import tags

pytestmark = pytest.mark.django_db


def _url(project, tail=""):
    return f"/projects/{project.pk}/sign-offs/{tail}"


def test_lead_adds_a_sign_off_from_someone_outside_the_project(client_for, project, lead):
    response = client_for(lead).post(
        _url(project, "add/"),
        {
            "what": "Whether the right logos are being used",
            "signer": "outside",
            "signer_outside": "Sam Jones, communications team",
            **_date("due_on", datetime.date(2027, 3, 1)),
            "note": "Council and NHS logos",
        },
        follow=True,
    )

    sign_off = SignOff.objects.get()
    assert (sign_off.what, sign_off.signer, sign_off.signer_outside, sign_off.due_on) == (
        "Whether the right logos are being used",
        None,
        "Sam Jones, communications team",
        datetime.date(2027, 3, 1),
    )
    assert "‘Whether the right logos are being used’ has been added" in response.content.decode()


def test_lead_adds_a_sign_off_from_the_manager(client_for, project, lead, member_of):
    manager = MembershipFactory(project=project, role=Role.MANAGER)

    client_for(lead).post(
        _url(project, "add/"),
        {
            "what": "The budget",
            "signer": str(manager.pk),
            "signer_outside": "ignored when someone in the project signs",
            **_date("due_on", datetime.date(2027, 3, 1)),
        },
    )

    sign_off = SignOff.objects.get()
    assert (sign_off.signer, sign_off.signer_outside) == (manager, "")


def test_signer_choices_are_managers_of_this_project(client_for, project, lead):
    manager = MembershipFactory(project=project, role=Role.MANAGER, user__full_name="Mo Manager")
    MembershipFactory(project=project, role=Role.CO_PRODUCER, user__full_name="Cee Coproducer")
    MembershipFactory(role=Role.MANAGER, user__full_name="Elsewhere Manager")

    page = client_for(lead).get(_url(project, "add/")).content.decode()

    assert "Mo Manager (Manager)" in page
    assert f"{lead.full_name} (Lead)" not in page
    assert "Cee Coproducer" not in page
    assert "Elsewhere Manager" not in page
    assert f'value="{manager.pk}"' in page


def test_signer_from_another_project_is_refused_beside_the_field(client_for, project, lead):
    elsewhere = MembershipFactory(role=Role.MANAGER)

    response = client_for(lead).post(
        _url(project, "add/"),
        {"what": "The plan", "signer": str(elsewhere.pk), **_date("due_on", _days(3))},
    )

    assert response.status_code == 400
    assert "Select who signs it off" in response.content.decode()
    assert not SignOff.objects.exists()


def test_outside_signer_needs_a_name(client_for, project, lead):
    response = client_for(lead).post(
        _url(project, "add/"),
        {"what": "The plan", "signer": "outside", **_date("due_on", _days(3))},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter the name of the person outside the project who signs it off" in page
    assert 'href="#id_signer_outside"' in page


def test_empty_form_says_what_is_missing(client_for, project, lead):
    page = client_for(lead).post(_url(project, "add/"), {}).content.decode()

    for message in (
        "Enter what needs signing off",
        "Select who signs it off",
        "Enter the date it is needed by",
    ):
        assert message in page


def test_service_refuses_a_signer_from_another_project(project):
    with pytest.raises(services.PlanningRuleError):
        services.sign_off_create(
            project=project,
            what="The plan",
            signer=MembershipFactory(role=Role.MANAGER),
            signer_outside="",
            due_on=_days(3),
            note="",
        )


def test_register_shows_overdue_ones_first_and_says_how_many(client_for, project, lead):
    SignOffFactory(project=project, what="Later one", due_on=_days(20))
    SignOffFactory(project=project, what="Overdue one", due_on=_days(-3))
    SignOffFactory(
        project=project, what="Signed one", due_on=_days(-9), status=SignOffStatus.SIGNED
    )

    page = client_for(lead).get(_url(project)).content.decode()

    assert "1 sign-off is overdue" in page
    assert "3 days overdue" in page
    assert page.index("Overdue one") < page.index("Later one") < page.index("Signed one")
    assert tags(page) == ["Overdue", "Waiting", "Signed off"]


def test_manager_records_a_sign_off_given_outside_and_who_and_when_are_kept(client_for, project):
    manager = MembershipFactory(project=project, role=Role.MANAGER)
    sign_off = SignOffFactory(project=project)

    response = client_for(manager.user).post(
        _url(project, f"{sign_off.pk}/signed/"),
        {**_date("signed_on", _days(-1)), "note": "Agreed at team meeting"},
        follow=True,
    )

    sign_off.refresh_from_db()
    assert (sign_off.status, sign_off.signed_on, sign_off.signed_by, sign_off.note) == (
        SignOffStatus.SIGNED,
        _days(-1),
        manager.user,
        "Agreed at team meeting",
    )
    assert sign_off.signed_recorded_at is not None
    assert f"Recorded by {manager.user.full_name}" in response.content.decode()


def test_signed_date_cannot_be_in_the_future(client_for, project):
    manager = MembershipFactory(project=project, role=Role.MANAGER)
    sign_off = SignOffFactory(project=project)

    response = client_for(manager.user).post(
        _url(project, f"{sign_off.pk}/signed/"), _date("signed_on", _days(1))
    )

    assert response.status_code == 400
    assert "The date it was signed off must be today or in the past" in response.content.decode()
    sign_off.refresh_from_db()
    assert sign_off.status == SignOffStatus.WAITING


def test_lead_cannot_mark_signed_what_the_manager_signs(client_for, project, lead):
    manager = MembershipFactory(project=project, role=Role.MANAGER)
    sign_off = SignOffFactory(project=project, signer=manager, signer_outside="")

    response = client_for(lead).post(
        _url(project, f"{sign_off.pk}/signed/"), _date("signed_on", _days(0))
    )

    assert response.status_code == 403
    sign_off.refresh_from_db()
    assert sign_off.status == SignOffStatus.WAITING


def test_lead_records_a_sign_off_given_outside_the_project(client_for, project, lead):
    sign_off = SignOffFactory(project=project)

    client_for(lead).post(_url(project, f"{sign_off.pk}/signed/"), _date("signed_on", _days(0)))

    sign_off.refresh_from_db()
    assert (sign_off.status, sign_off.signed_by) == (SignOffStatus.SIGNED, lead)


def test_register_offers_the_manager_no_one_click_sign_off(client_for, project, lead):
    manager = MembershipFactory(project=project, role=Role.MANAGER)
    SignOffFactory(project=project, signer=manager, signer_outside="")

    lead_page = client_for(lead).get(_url(project)).content.decode()
    manager_page = client_for(manager.user).get(_url(project)).content.decode()

    assert "Mark as signed off" not in lead_page
    assert "Ask for sign-off" in lead_page
    assert "Mark as signed off" not in manager_page
    assert "Ask for sign-off" not in manager_page
    assert "Add a sign-off" not in manager_page


def test_lead_changes_and_removes_a_sign_off(client_for, project, lead):
    sign_off = SignOffFactory(project=project)
    client = client_for(lead)

    client.post(
        _url(project, f"{sign_off.pk}/change/"),
        {
            "what": "New words",
            "signer": "outside",
            "signer_outside": "Al",
            **_date("due_on", _days(5)),
        },
    )
    sign_off.refresh_from_db()
    changed = (sign_off.what, sign_off.signer_outside, sign_off.due_on)
    client.post(_url(project, f"{sign_off.pk}/remove/"))

    assert changed == ("New words", "Al", _days(5))
    assert not SignOff.objects.exists()


def test_overdue_sign_offs_selector_is_one_query(project, django_assert_num_queries):
    SignOffFactory(project=project, due_on=_days(-2), what="Late")
    SignOffFactory(project=project, due_on=_days(2))
    SignOffFactory(project=project, due_on=_days(-2), status=SignOffStatus.SIGNED)
    SignOffFactory(due_on=_days(-2))  # another project

    with django_assert_num_queries(1):
        overdue = selectors.overdue_sign_offs(project=project)

    assert [s.what for s in overdue] == ["Late"]


def test_a_signed_sign_off_stays_as_it_was_signed(client_for, project, lead):
    sign_off = SignOffFactory(project=project, what="The plan", status=SignOffStatus.SIGNED)
    client = client_for(lead)

    change = client.post(
        _url(project, f"{sign_off.pk}/change/"),
        {
            "what": "Other words",
            "signer": "outside",
            "signer_outside": "Al",
            **_date("due_on", _days(5)),
        },
        follow=True,
    )
    client.post(_url(project, f"{sign_off.pk}/remove/"))

    sign_off.refresh_from_db()
    assert sign_off.what == "The plan"
    assert (
        "‘The plan’ has been signed off, so it stays as it was signed." in change.content.decode()
    )
    assert "Change (The plan)" not in client.get(_url(project)).content.decode()


def test_services_refuse_to_change_a_signed_sign_off(project):
    sign_off = SignOffFactory(project=project, status=SignOffStatus.SIGNED)

    with pytest.raises(services.PlanningRuleError):
        services.sign_off_remove(sign_off=sign_off)
