"""The car park: anyone adds, every item is followed up to an answer shared with everyone,
and open items are carried to the next session's agenda."""

import datetime

import pytest

from coplan.projects.roles import Role
from coplan.working_together import selectors, services
from coplan.working_together.models import CarParkItem, CarParkStatus, Comment
from tests.factories import CarParkItemFactory, MembershipFactory, SessionRecordFactory
from tests.working_together.pages import date_fields, words

pytestmark = pytest.mark.django_db


def test_car_park_item_goes_from_added_to_answered_and_everyone_sees_the_answer(
    as_role, base, group
):
    cara = as_role(Role.CO_PRODUCER)
    cara.post(base + "car-park/add/", {"text": "Can we meet somewhere with a bus stop?"})
    item = CarParkItem.objects.get()
    assert (item.status, item.raised_by) == (CarParkStatus.ADDED, group[Role.CO_PRODUCER].user)

    lead = as_role(Role.LEAD)
    lead.post(
        base + f"car-park/{item.pk}/follow-up/",
        {
            "owner": str(group[Role.LEAD].pk),
            "next_step": "Ask the venues team",
            **date_fields("due_on", datetime.date(2027, 3, 1)),
        },
    )
    item.refresh_from_db()
    assert (item.status, item.owner, item.next_step) == (
        CarParkStatus.FOLLOWING_UP,
        group[Role.LEAD],
        "Ask the venues team",
    )

    lead.post(base + f"car-park/{item.pk}/answer/", {"answer": "Yes: the library, on the 5 bus."})
    item.refresh_from_db()
    assert (item.status, item.answered_by) == (CarParkStatus.ANSWERED, group[Role.LEAD].user)

    finance = as_role(Role.FINANCE)
    page = words(finance.get(base + "car-park/"))
    assert "Waiting for an answer (0)" in page
    assert "See the answered items (1)" in page
    answered = words(finance.get(base + "car-park/?show=answered"))
    assert "Answered (1)" in answered
    assert "The answer Yes: the library, on the 5 bus." in answered


def test_co_producer_cannot_follow_up_but_can_answer_what_they_own(as_role, base, group):
    item = CarParkItemFactory(project=group[Role.LEAD].project)
    cara = as_role(Role.CO_PRODUCER)

    refused = cara.post(base + f"car-park/{item.pk}/answer/", {"answer": "Done"})
    follow_up = cara.get(base + f"car-park/{item.pk}/follow-up/")
    item.owner = group[Role.CO_PRODUCER]
    item.save()
    answered = cara.post(base + f"car-park/{item.pk}/answer/", {"answer": "I asked: yes"})

    assert (refused.status_code, follow_up.status_code, answered.status_code) == (403, 403, 302)
    item.refresh_from_db()
    assert item.answer == "I asked: yes"


def test_person_who_raised_an_item_may_reword_it_until_it_is_answered(as_role, base, group):
    cara_user = group[Role.CO_PRODUCER].user
    item = CarParkItemFactory(project=group[Role.LEAD].project, raised_by=cara_user)
    cara = as_role(Role.CO_PRODUCER)

    cara.post(base + f"car-park/{item.pk}/change/", {"text": "Better words"})
    services.car_park_item_answer(item=item, answer="An answer", by=group[Role.LEAD].user)
    late = cara.post(base + f"car-park/{item.pk}/change/", {"text": "Too late"})
    someone_else = as_role(Role.MANAGER).get(base + f"car-park/{item.pk}/change/")

    item.refresh_from_db()
    assert item.text == "Better words"
    assert (late.status_code, someone_else.status_code) == (403, 403)


def test_anyone_comments_on_a_car_park_item(as_role, base, group):
    item = CarParkItemFactory(project=group[Role.LEAD].project)

    as_role(Role.CO_PRODUCER).post(base + f"car-park/{item.pk}/comment/", {"text": "Me too!"})

    assert Comment.objects.get().car_park_item == item
    page = words(as_role(Role.MANAGER).get(base + f"car-park/{item.pk}/"))
    assert "Me too! Cara Co-producer" in page
    assert "View (1 comment)" in words(as_role(Role.MANAGER).get(base + "car-park/"))


def test_open_items_are_carried_to_the_next_session_until_answered(group):
    project, lead = group[Role.LEAD].project, group[Role.LEAD].user
    first = SessionRecordFactory(project=project, held_on=datetime.date(2027, 3, 1))
    second = SessionRecordFactory(project=project, held_on=datetime.date(2027, 4, 1))
    third = SessionRecordFactory(project=project, held_on=datetime.date(2027, 5, 1))
    parked = services.car_park_item_add(project=project, text="Transport", by=lead, session=first)
    between = services.car_park_item_add(
        project=project, text="Taxis", by=lead, today=datetime.date(2027, 4, 10)
    )
    services.car_park_item_answer(
        item=parked, answer="Taxis are paid for", by=lead, today=datetime.date(2027, 4, 20)
    )

    carried = {
        session.title: [item.text for item in selectors.car_park_carried_to(session=session)]
        for session in (first, second, third)
    }

    assert carried == {
        first.title: [],
        second.title: ["Transport"],  # still open when the second session was held
        third.title: ["Taxis"],  # answered before the third
    }
    assert between.session is None


def test_session_page_shows_carried_items_as_its_agenda(as_role, base, group):
    project = group[Role.LEAD].project
    session = SessionRecordFactory(project=project, held_on=datetime.date(2027, 4, 1))
    CarParkItemFactory(project=project, text="Parking at the venue")

    page = words(as_role(Role.CO_PRODUCER).get(base + f"sessions/{session.pk}/"))

    assert "From the car park Things raised before this session" in page
    assert "Parking at the venue" in page


def test_follow_up_owner_must_be_in_this_project(group):
    item = CarParkItemFactory(project=group[Role.LEAD].project)
    elsewhere = MembershipFactory(role=Role.LEAD)

    with pytest.raises(services.WorkingTogetherError) as raised:
        services.car_park_item_follow_up(item=item, owner=elsewhere, next_step="x", due_on=None)

    assert raised.value.field == "owner"


def test_car_park_item_raised_at_a_session_dates_from_it(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project, title="Workshop 1")

    response = as_role(Role.CO_PRODUCER).post(
        base + f"car-park/add/?session={session.pk}", {"text": "What about evenings?"}
    )

    item = CarParkItem.objects.get()
    assert (item.session, item.raised_on) == (session, session.held_on)
    assert response.headers["Location"] == base + f"sessions/{session.pk}/"


def test_session_of_another_project_cannot_be_used(as_role, base):
    other = SessionRecordFactory()

    response = as_role(Role.CO_PRODUCER).post(
        base + f"car-park/add/?session={other.pk}", {"text": "Sneaky"}
    )

    assert response.status_code == 404
    assert not CarParkItem.objects.exists()


def test_co_producer_sees_no_follow_up_or_removal_on_an_item(as_role, base, group):
    item = CarParkItemFactory(project=group[Role.LEAD].project)

    co_producer = words(as_role(Role.CO_PRODUCER).get(base + f"car-park/{item.pk}/"))
    facilitator = words(as_role(Role.FACILITATOR).get(base + f"car-park/{item.pk}/"))

    for staff_only in ("Follow it up", "Remove it from the car park", "Answer it"):
        assert staff_only not in co_producer
        assert staff_only in facilitator
    assert "Your comment" in co_producer


def test_carried_items_are_exactly_those_raised_before_and_open_on_the_day(group):
    """Every combination of when an item was raised and when (or whether) it was answered,
    against sessions before, on and after those days."""
    project, lead = group[Role.LEAD].project, group[Role.LEAD].user
    days = [datetime.date(2027, 3, day) for day in (1, 10, 20, 30)]
    sessions = [SessionRecordFactory(project=project, held_on=day) for day in days]
    expected = {session.pk: set() for session in sessions}
    for raised in days:
        for answered in [None, *days]:
            if answered is not None and answered < raised:
                continue
            item = services.car_park_item_add(project=project, text="x", by=lead, today=raised)
            if answered is not None:
                services.car_park_item_answer(item=item, answer="y", by=lead, today=answered)
            for session in sessions:
                if raised < session.held_on and (answered is None or answered >= session.held_on):
                    expected[session.pk].add(item.pk)

    carried = {
        session.pk: {item.pk for item in selectors.car_park_carried_to(session=session)}
        for session in sessions
    }

    assert carried == expected


def test_a_full_car_park_shows_25_waiting_a_page_and_the_answered_ones_on_pages_of_their_own(
    client_for,
):
    lead = MembershipFactory(role=Role.LEAD)
    CarParkItemFactory.create_batch(30, project=lead.project)
    CarParkItemFactory.create_batch(
        27,
        project=lead.project,
        status=CarParkStatus.ANSWERED,
        answer="Yes",
        answered_on=datetime.date(2027, 2, 20),
    )
    client = client_for(lead.user)
    base = f"/projects/{lead.project_id}/working-together/car-park/"

    first = client.get(base).content.decode()
    second = client.get(base + "?page=2").content.decode()
    answered = client.get(base + "?show=answered").content.decode()
    answered_second = client.get(base + "?show=answered&page=2").content.decode()

    assert "Waiting for an answer (30)" in first
    assert first.count('class="govuk-summary-card"') == 25
    assert second.count('class="govuk-summary-card"') == 5
    assert 'href="?page=2"' in first
    assert f'href="{base}?show=answered">See the answered items (27)</a>' in first
    assert "Answered (27)" in answered
    assert answered.count('class="govuk-summary-card"') == 25
    assert answered_second.count('class="govuk-summary-card"') == 2
    assert 'href="?show=answered&amp;page=2"' in answered
    assert f'href="{base}">See what is waiting for an answer (30)</a>' in answered
