"""The Updates page, the page to choose what we send you, and an organisation's page for
GOV.UK Notify."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coplan.notifications.kinds import kinds_all
from coplan.notifications.models import NotifyAccount, Update, UpdateChoice
from coplan.notifications.services import tell
from coplan.people import crypto
from coplan.people.services import person_erase
from coplan.projects.roles import Role
from coplan.working_together import services as working_together
from tests.factories import (
    InvolvementFactory,
    MembershipFactory,
    StaffMembershipFactory,
    UserFactory,
)
from tests.notifications.conftest import LETTER_TEMPLATE, NOTIFY_KEY, TEXT_TEMPLATE

pytestmark = pytest.mark.django_db


def _action_for(member, *, by, what="Book the room"):
    return working_together.action_add(
        project=member.project,
        what=what,
        owner=member,
        due_on=datetime.date(2027, 3, 1),
        by=by,
    )


def _updates_for(count: int):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    lead = MembershipFactory(project=member.project, role=Role.LEAD).user
    for number in range(count):
        _action_for(member, by=lead, what=f"Action {number}")
    return member


def test_updates_page_lists_the_persons_updates_with_links_straight_to_them(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    lead = MembershipFactory(project=member.project, role=Role.LEAD).user
    _action_for(member, by=lead)

    page = client_for(member.user).get("/updates/").content.decode()

    assert "An action for you: Book the room" in page
    assert f'href="/projects/{member.project_id}/working-together/actions/"' in page
    assert "New" in page
    assert "New" not in client_for(member.user).get("/updates/").content.decode()


def test_updates_page_shows_nobody_elses_updates(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    lead = MembershipFactory(project=member.project, role=Role.LEAD).user
    _action_for(member, by=lead)

    page = client_for(lead).get("/updates/").content.decode()

    assert "Book the room" not in page
    assert "You have no updates yet" in page


def test_updates_page_is_reached_from_the_header_of_every_page(client_for):
    page = client_for(UserFactory()).get("/projects/").content.decode()

    assert 'href="/updates/"' in page


def test_updates_page_shows_twenty_at_a_time_newest_first(client_for):
    member = _updates_for(25)
    client = client_for(member.user)

    first = client.get("/updates/").content.decode()
    second = client.get("/updates/?page=2").content.decode()

    assert "Action 24" in first
    assert "Action 4<" not in first
    assert "Action 4<" in second
    assert "Action 24" not in second
    assert client.get("/updates/?page=99").status_code == 200


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


def test_updates_page_queries_do_not_grow_with_updates(client_for):
    few = _queries(client_for(_updates_for(2).user), "/updates/")
    many = _queries(client_for(_updates_for(60).user), "/updates/")

    print(f"Updates: {few} queries with 2 updates, {many} with 60")
    assert few == many


def test_choices_page_saves_when_to_send_each_kind(client_for):
    user = UserFactory()
    client = client_for(user)
    deliveries = ("daily", "never", "at_once")
    chosen = {
        kind.code: deliveries[n % 3]
        for n, kind in enumerate(kind for kind in kinds_all() if not kind.always)
    }

    page = client.get("/your-account/what-we-send-you/").content.decode()
    response = client.post(
        "/your-account/what-we-send-you/",
        {**chosen, "payments.claim_paid": "never"},  # not theirs to choose: ignored
        follow=True,
    )

    assert "Someone gives you an action" in page
    assert "We have saved what we send you." in response.content.decode()
    assert len(chosen) >= 10
    assert dict(UpdateChoice.objects.filter(user=user).values_list("kind", "delivery")) == chosen


def test_choices_page_says_money_and_security_always_go(client_for):
    page = client_for(UserFactory()).get("/your-account/what-we-send-you/").content.decode()

    always = page.split("Always sent straight away")[1].split("You choose")[0]
    assert "We pay your claim" in always
    assert "Someone changes your bank details" in always
    assert 'name="payments.claim_paid"' not in page


def test_choices_page_refuses_a_made_up_choice_beside_the_question(client_for):
    response = client_for(UserFactory()).post(
        "/your-account/what-we-send-you/", {"working_together.action_given": "hourly"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Select when to tell you: someone gives you an action" in page
    assert UpdateChoice.objects.count() == 0


def test_your_account_links_to_the_choices(client_for):
    page = client_for(UserFactory()).get("/your-account/").content.decode()

    assert 'href="/your-account/what-we-send-you/"' in page


def test_choices_page_shows_how_each_organisation_contacts_them(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(project=member.project, person__user=member.user).person
    person.contact_by = "text"
    person.save()

    page = client_for(member.user).get("/your-account/what-we-send-you/").content.decode()

    assert f"{member.project.organisation.name}: you asked for text message." in page


# GOV.UK Notify, for an organisation -------------------------------------------------


def _admin():
    return StaffMembershipFactory(is_admin=True)


def _notify_url(organisation) -> str:
    return f"/organisations/{organisation.pk}/texts-and-letters/"


def test_an_admin_sets_the_notify_key_and_it_is_kept_encrypted(client_for):
    admin = _admin()
    organisation = admin.organisation

    response = client_for(admin.user).post(
        _notify_url(organisation),
        {
            "api_key": NOTIFY_KEY,
            "text_template_id": TEXT_TEMPLATE,
            "letter_template_id": LETTER_TEMPLATE.upper(),
        },
        follow=True,
    )

    account = NotifyAccount.objects.get(organisation=organisation)
    assert "GOV.UK Notify is set up" in response.content.decode()
    assert NOTIFY_KEY[-36:] not in account.api_key_token
    assert crypto.decrypt_json(account.api_key_token) == NOTIFY_KEY
    assert (account.key_name, account.letter_template_id) == ("coplan_test", LETTER_TEMPLATE)
    assert NOTIFY_KEY[-36:] not in response.content.decode()


def test_changing_the_templates_keeps_the_key(client_for):
    admin = _admin()
    client = client_for(admin.user)
    url = _notify_url(admin.organisation)
    client.post(url, {"api_key": NOTIFY_KEY, "text_template_id": TEXT_TEMPLATE})

    client.post(url, {"api_key": "", "text_template_id": "", "letter_template_id": LETTER_TEMPLATE})

    account = NotifyAccount.objects.get()
    assert crypto.decrypt_json(account.api_key_token) == NOTIFY_KEY
    assert (account.text_template_id, account.letter_template_id) == ("", LETTER_TEMPLATE)


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"api_key": "", "text_template_id": TEXT_TEMPLATE}, "Enter the API key"),
        (
            {"api_key": "not-a-key", "text_template_id": TEXT_TEMPLATE},
            "Enter the API key as GOV.UK Notify shows it",
        ),
        (
            {"api_key": NOTIFY_KEY, "text_template_id": "template 4"},
            "Enter the text template ID as GOV.UK Notify shows it",
        ),
        ({"api_key": NOTIFY_KEY}, "Enter a template ID for texts, for letters, or both"),
    ],
)
def test_a_wrong_key_or_template_is_refused_beside_the_field(client_for, posted, message):
    admin = _admin()

    response = client_for(admin.user).post(_notify_url(admin.organisation), posted)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert NotifyAccount.objects.count() == 0


def test_an_admin_removes_the_notify_key(client_for):
    admin = _admin()
    client = client_for(admin.user)
    url = _notify_url(admin.organisation)
    client.post(url, {"api_key": NOTIFY_KEY, "text_template_id": TEXT_TEMPLATE})

    client.post(url, {"remove": "yes"})

    assert NotifyAccount.objects.count() == 0


def test_only_the_organisations_admins_reach_its_notify_page(client_for):
    admin = _admin()
    staff = StaffMembershipFactory(organisation=admin.organisation)
    url = _notify_url(admin.organisation)

    assert client_for(admin.user).get(url).status_code == 200
    assert client_for(staff.user).get(url).status_code == 403
    assert client_for(UserFactory()).get(url).status_code == 404


def test_your_projects_links_admins_to_the_notify_page(client_for):
    admin = _admin()

    page = client_for(admin.user).get("/projects/").content.decode()

    assert f'href="{_notify_url(admin.organisation)}"' in page


def test_rotating_keys_re_encrypts_the_notify_key(client_for, settings):
    import io

    from django.core.management import call_command

    old, new = crypto.new_key(), crypto.new_key()
    settings.PEOPLE_DATA_KEYS = [old]
    admin = _admin()
    client_for(admin.user).post(
        _notify_url(admin.organisation), {"api_key": NOTIFY_KEY, "text_template_id": TEXT_TEMPLATE}
    )
    settings.PEOPLE_DATA_KEYS = [new, old]

    out = io.StringIO()
    call_command("people_rotate_keys", stdout=out)
    settings.PEOPLE_DATA_KEYS = [new]

    assert crypto.decrypt_json(NotifyAccount.objects.get().api_key_token) == NOTIFY_KEY
    assert "1 GOV.UK Notify keys" in out.getvalue()


# Erasure ----------------------------------------------------------------------------


def test_erasing_a_person_erases_the_messages_we_sent_them():
    member = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(project=member.project, person__user=member.user).person
    lead = MembershipFactory(project=member.project, role=Role.LEAD).user
    _action_for(member, by=lead)
    tell(
        kind="payments.bank_details_changed",
        event="a-change",
        project=member.project,
        people=[person],
        link="/",
        words={
            "who": "You",
            "change": "changed",
            "organisation": "Us",
            "when": "today",
            "changed_when": "today",
        },
    )
    assert Update.objects.count() == 2

    person_erase(person=person, actor=lead, where="test")

    assert Update.objects.count() == 0


def _person_with_records(count: int):
    user = UserFactory()
    for _ in range(count):
        member = MembershipFactory(user=user, role=Role.CO_PRODUCER)
        record = InvolvementFactory(project=member.project, person__user=user).person
        record.contact_by = "post"
        record.save()
    return user


def test_choices_page_queries_do_not_grow_with_organisations(client_for):
    one = _person_with_records(1)
    twenty = _person_with_records(20)
    for user in (one, twenty):
        UpdateChoice.objects.create(
            user=user, kind="working_together.action_given", delivery="daily"
        )

    few = _queries(client_for(one), "/your-account/what-we-send-you/")
    many = _queries(client_for(twenty), "/your-account/what-we-send-you/")

    print(f"What we send you: {few} queries with 1 organisation, {many} with 20")
    assert few == many
