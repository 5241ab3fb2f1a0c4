"""Session records: who came, agreed, decided, parked and the actions; plain minutes; the
key essentials checklist for the facilitator, read from the guide; and the planned meeting."""

import datetime

import pytest
from django.core.management import call_command

from coplan.guides import engine
from coplan.projects.roles import Role
from coplan.working_together import selectors, services
from coplan.working_together.models import (
    Action,
    Agreement,
    CarParkItem,
    SessionRecord,
    SharedDefinition,
)
from tests.factories import (
    ActionFactory,
    CarParkItemFactory,
    MeetingFactory,
    SessionRecordFactory,
)
from tests.working_together.pages import date_fields, field_error, words

pytestmark = pytest.mark.django_db


def _guide_essentials():
    guide = next(g for g in engine.default_guides() if g.id == "key-essentials")
    return guide.question("essentials").items


def test_facilitator_records_a_session_and_members_read_its_minutes(as_role, base, group):
    fran = as_role(Role.FACILITATOR)

    response = fran.post(
        base + "sessions/add/",
        {
            "title": "First workshop",
            **date_fields("held_on", datetime.date(2027, 3, 1)),
            "came": [str(group[Role.CO_PRODUCER].pk), str(group[Role.FACILITATOR].pk)],
            "others_came": "Two carers from the day centre",
            "agreed": "We meet every month.",
            "decided": "The next workshop is about transport.",
        },
    )
    session = SessionRecord.objects.get()
    CarParkItemFactory(project=session.project, session=session, text="Evening meetings?")
    ActionFactory(project=session.project, session=session, what="Book the library")

    assert response.headers["Location"] == base + f"sessions/{session.pk}/"
    minutes = words(as_role(Role.MANAGER).get(base + f"sessions/{session.pk}/minutes/"))
    assert "Minutes: First workshop 1 March 2027" in minutes
    assert "Who came Cara Co-producer Fran Facilitator Two carers from the day centre" in minutes
    assert "What was agreed We meet every month." in minutes
    assert "What was decided The next workshop is about transport." in minutes
    assert "Put in the car park Evening meetings?" in minutes
    assert "Actions Book the library: No one yet, by 1 March 2027. To do." in minutes


def test_key_essentials_come_from_the_projects_guide(group):
    essentials = selectors.key_essentials(project=group[Role.LEAD].project)

    assert essentials == _guide_essentials()
    assert len(essentials) == 14


def test_facilitator_ticks_key_essentials_for_a_session(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)
    fran = as_role(Role.FACILITATOR)

    fran.post(
        base + f"sessions/{session.pk}/key-essentials/", {"checked": ["language", "car-park"]}
    )

    session.refresh_from_db()
    assert session.essentials_checked == ["language", "car-park"]
    page = words(fran.get(base + f"sessions/{session.pk}/"))
    assert "2 of 14 key essentials are in place for this session." in page
    assert "Take turns to speak" in page  # still to do


def test_key_essentials_refuse_an_unknown_item(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)

    response = as_role(Role.FACILITATOR).post(
        base + f"sessions/{session.pk}/key-essentials/", {"checked": ["wear-a-lanyard"]}
    )

    assert response.status_code == 400
    assert field_error(response, "id_checked") == "Choose from the key essentials listed"
    with pytest.raises(services.WorkingTogetherError):
        services.session_essentials_record(session=session, checked=["x"], known=("language",))


def test_co_producer_sees_the_session_but_not_the_facilitators_checklist(as_role, base, group):
    session = SessionRecordFactory(
        project=group[Role.LEAD].project, essentials_checked=["language"]
    )

    page = words(as_role(Role.CO_PRODUCER).get(base + f"sessions/{session.pk}/"))

    assert session.title in page
    assert "Key essentials" not in page
    assert "Change the session record" not in page
    assert "Revisit the agreements" not in page


def test_co_producer_comments_on_a_session(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)
    cara = as_role(Role.CO_PRODUCER)

    empty = cara.post(base + f"sessions/{session.pk}/comment/", {"text": " "})
    cara.post(base + f"sessions/{session.pk}/comment/", {"text": "Thank you for the taxi"})

    assert empty.status_code == 400
    assert field_error(empty, "id_text") == "Enter your comment"
    assert "Thank you for the taxi Cara Co-producer" in words(
        cara.get(base + f"sessions/{session.pk}/")
    )


def test_session_starts_from_a_planned_meeting_and_the_meeting_reaches_it(as_role, base, group):
    meeting = MeetingFactory(project=group[Role.LEAD].project, title="Transport workshop")
    MeetingFactory(project=group[Role.LEAD].project, title="Another meeting")
    fran = as_role(Role.FACILITATOR)

    form = words(fran.get(base + f"sessions/add/?meeting={meeting.pk}"))
    fran.post(
        base + "sessions/add/",
        {
            "meeting": str(meeting.pk),
            "title": "Transport workshop",
            **date_fields("held_on", meeting.meets_on),
        },
    )
    second = fran.post(
        base + "sessions/add/",
        {"meeting": str(meeting.pk), "title": "Again", **date_fields("held_on", meeting.meets_on)},
    )

    assert "Transport workshop" in form
    assert selectors.session_for_meeting(meeting=meeting) == SessionRecord.objects.get()
    assert second.status_code == 400  # one session record per meeting
    assert field_error(second, "id_meeting") == "Select a meeting from the list"


def test_meeting_of_another_project_cannot_start_a_session(as_role, base):
    other = MeetingFactory()

    response = as_role(Role.FACILITATOR).get(base + f"sessions/add/?meeting={other.pk}")

    assert response.status_code == 404


def test_removing_a_session_keeps_its_car_park_items_and_actions(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)
    item = CarParkItemFactory(project=session.project, session=session)
    action = ActionFactory(project=session.project, session=session)

    as_role(Role.LEAD).post(base + f"sessions/{session.pk}/remove/")

    item.refresh_from_db()
    action.refresh_from_db()
    assert not SessionRecord.objects.exists()
    assert (item.session, action.session) == (None, None)


def test_demo_project_has_working_together_records_loaded_once():
    call_command("demo_data")
    call_command("demo_data")

    counts = [
        model.objects.count()
        for model in (SessionRecord, Agreement, CarParkItem, Action, SharedDefinition)
    ]
    assert counts == [2, 4, 2, 1, 1]


def test_meeting_page_link_reaches_its_session_record_or_says_there_is_none(as_role, base, group):
    meeting = MeetingFactory(project=group[Role.LEAD].project)
    url = base + f"meetings/{meeting.pk}/session/"

    before_co_producer = words(as_role(Role.CO_PRODUCER).get(url))
    before_facilitator = words(as_role(Role.FACILITATOR).get(url))
    session = SessionRecordFactory(project=meeting.project, meeting=meeting)
    after = as_role(Role.CO_PRODUCER).get(url)

    assert "No session record yet" in before_co_producer
    assert "Start the session record" not in before_co_producer
    assert "Start the session record" in before_facilitator
    assert after.headers["Location"] == base + f"sessions/{session.pk}/"
    other = MeetingFactory()
    assert as_role(Role.LEAD).get(base + f"meetings/{other.pk}/session/").status_code == 404
