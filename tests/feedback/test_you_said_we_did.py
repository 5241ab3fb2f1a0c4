"""You said, we did: published for every member, sent the way each person asked,
and the project is not closed while people are waiting to hear back."""

import pytest
from django.core import mail

from coplan.feedback import selectors, services
from coplan.feedback.models import YouSaidWeDid, YouSaidWeDidSent
from coplan.plain_words import services as easy_read_services
from coplan.projects.roles import Role
from tests.documents import assert_accessible_pdf, in_order, pdf_text, type_sizes
from tests.factories import CarParkItemFactory, InvolvementFactory, UserFactory
from tests.feedback.conftest import answer
from tests.feedback.factories import YouSaidWeDidFactory

pytestmark = pytest.mark.django_db


def _url(project, rest: str = "") -> str:
    return f"/projects/{project.pk}/you-said-we-did/{rest}"


def test_nothing_said_means_nobody_is_waiting(project):
    loop = selectors.closing_the_loop(project=project)

    assert (loop.is_closed, loop.words) == (
        True,
        "Everyone has heard back. Nobody is waiting to hear what happened.",
    )


def test_answered_form_with_nothing_said_back_keeps_people_waiting(closed_box):
    answer(closed_box)

    loop = selectors.closing_the_loop(project=closed_box.project)

    assert (loop.forms_without_answer, loop.themes_waiting, loop.is_closed) == (1, 0, False)
    assert loop.words == (
        "People are waiting to hear back: 1 feedback form has answers but nothing said back yet."
    )


def test_loop_closes_only_when_done_published_and_sent(closed_box, group):
    project = closed_box.project
    answer(closed_box)
    entry = services.you_said_we_did_add(
        project=project,
        you_said="The room was too hot.",
        we_did="",
        status="working_on_it",
        form=closed_box,
    )
    working = selectors.closing_the_loop(project=project)
    services.you_said_we_did_update(
        entry=entry,
        you_said=entry.you_said,
        we_did="We booked a cooler room.",
        status="done",
        form=closed_box,
    )
    services.you_said_we_did_publish(entry=entry)
    not_sent = selectors.closing_the_loop(project=project)
    services.you_said_we_did_send(project=project, people=[], entries=[entry], by=None)
    sent = selectors.closing_the_loop(project=project)
    services.you_said_we_did_update(
        entry=entry,
        you_said=entry.you_said,
        we_did="We booked a cooler room, with fans.",
        status="done",
        form=closed_box,
    )
    changed = selectors.closing_the_loop(project=project)

    assert [working.waiting, not_sent.waiting, sent.waiting, changed.waiting] == [1, 1, 0, 1]


def test_overview_lists_people_waiting_to_hear_back(as_role, closed_box):
    answer(closed_box)

    page = as_role(Role.LEAD).get(f"/projects/{closed_box.project_id}/").content.decode()
    home = as_role(Role.CO_PRODUCER).get(f"/projects/{closed_box.project_id}/").content.decode()

    assert "People are waiting to hear back (1 to answer or send)" in page
    assert "People are waiting to hear back" not in home  # the lead's work, not theirs


def test_members_see_only_published_entries(as_role, project):
    YouSaidWeDidFactory(project=project, you_said="Draft words")
    YouSaidWeDidFactory(
        project=project,
        you_said="Published words",
        we_did="Done it",
        status="done",
        published_at="2027-01-01T10:00Z",
    )

    co_producer = as_role(Role.CO_PRODUCER).get(_url(project)).content.decode()
    lead = as_role(Role.LEAD).get(_url(project)).content.decode()

    assert "Published words" in co_producer
    assert "Draft words" not in co_producer
    assert "Draft words" in lead
    assert "(not published yet)" in lead


def test_general_feeling_is_shared_with_members_but_not_for_too_few(as_role, closed_box):
    for _ in range(5):
        answer(closed_box, choice="good", words="Secret words")

    page = as_role(Role.CO_PRODUCER).get(_url(closed_box.project)).content.decode()

    assert "Everyone (5 of 5) said the meeting was good." in page
    assert "Secret words" not in page


def test_add_with_car_park_item_and_checks_that_done_says_what(as_role, project):
    item = CarParkItemFactory(project=project)
    client = as_role(Role.FACILITATOR)

    missing = client.post(_url(project, "add/"), {"you_said": "More breaks", "status": "done"})
    added = client.post(
        _url(project, "add/"),
        {
            "you_said": "More breaks",
            "status": "done",
            "we_did": "We added a break each hour.",
            "car_park_item": str(item.pk),
        },
    )

    assert missing.status_code == 400
    assert "Say what the project did, or what it cannot do and why" in missing.content.decode()
    assert added.status_code == 302
    assert YouSaidWeDid.objects.get().car_park_item == item


def test_car_park_item_of_another_project_is_refused(as_role, project):
    other = CarParkItemFactory()

    response = as_role(Role.LEAD).post(
        _url(project, "add/"),
        {"you_said": "More breaks", "status": "working_on_it", "car_park_item": str(other.pk)},
    )

    assert response.status_code == 400
    assert "Select a car park item from the list" in response.content.decode()


def _approve(project, entries, by=None):
    document = selectors.you_said_we_did_easy_read(project=project, entries=entries)
    return easy_read_services.easy_read_version_approve(
        project=project,
        document=document.document,
        title=document.title,
        source_text=document.source_text,
        by=by or UserFactory(),
    )


def _room_too_hot(project):
    YouSaidWeDidFactory(
        project=project,
        you_said="The room was too hot.",
        we_did="We booked a cooler room.",
        status="done",
        published_at="2027-01-01T10:00Z",
    )


def test_sending_goes_each_way_people_asked(as_role, project):
    by_email = InvolvementFactory(
        project=project,
        person__email="ema@example.org",
        person__contact_by="email",
        person__formats=["easy_read"],
    ).person
    by_post = InvolvementFactory(
        project=project,
        person__email="",
        person__address="1 High Street\nOxford",
        person__contact_by="post",
        person__formats=["large_print"],
    ).person
    by_phone = InvolvementFactory(
        project=project, person__email="", person__phone="01865 000000", person__contact_by="phone"
    ).person
    _room_too_hot(project)
    client = as_role(Role.LEAD)
    client.post(_url(project, "send/easy-read/approve/"))

    response = client.post(_url(project, "send/"))

    methods = dict(YouSaidWeDidSent.objects.values_list("person_id", "method"))
    assert response.status_code == 302
    assert methods[by_email.pk] == "email"
    assert methods[by_post.pk] == "post"
    assert methods[by_phone.pk] == "phone"
    letters = client.get(_url(project, "letters.pdf"))
    read = assert_accessible_pdf(letters.content, title=f"You said, we did: {project.name}")
    assert read.headings() == ["H1", "H2", "H2"]
    text = " ".join(pdf_text(letters.content).split())
    assert in_order(
        text,
        by_post.full_name,
        "1 High Street Oxford",
        f"You said, we did: {project.name}",
        "You said The room was too hot.",
        "Done We booked a cooler room.",
    )
    assert by_email.full_name not in text
    assert min(type_sizes(letters.content, "Thank")) >= 16, "large print, as they asked"


def test_sent_email_is_easy_read_for_people_who_asked(project, django_capture_on_commit_callbacks):
    person = InvolvementFactory(
        project=project, person__email="ema@example.org", person__formats=["easy_read"]
    ).person
    entry = YouSaidWeDidFactory(
        project=project,
        you_said="The room was too hot. We could not think.",
        we_did="We booked a cooler room.",
        status="done",
        published_at="2027-01-01T10:00Z",
    )

    _approve(project, [entry])

    with django_capture_on_commit_callbacks(execute=True):
        services.you_said_we_did_send(project=project, people=[person], entries=[entry], by=None)

    [message] = mail.outbox
    assert message.to == ["ema@example.org"]
    assert message.subject == f"You said, we did: {project.name}"
    assert "This is what we did." in message.body
    assert "We booked a cooler room." in message.body


def test_nothing_published_cannot_be_sent(as_role, project):
    response = as_role(Role.LEAD).post(_url(project, "send/"), follow=True)

    assert "There is nothing published to send yet" in response.content.decode()
    assert YouSaidWeDidSent.objects.count() == 0


def _page_queries(client, path: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_you_said_we_did_page_queries_do_not_grow_with_forms_or_entries(as_role, group):
    from tests.feedback.factories import FeedbackFormFactory, FeedbackQuestionFactory

    project = group[Role.LEAD].project
    client = as_role(Role.LEAD)
    first = FeedbackFormFactory(project=project)
    FeedbackQuestionFactory(form=first)
    answer_one = services.feedback_answer_record
    answer_one(form=first, answers={first.questions.get().pk: services.Given(choice="good")})
    YouSaidWeDidFactory(project=project)
    one = _page_queries(client, _url(project))
    for _ in range(20):
        form = FeedbackFormFactory(project=project)
        FeedbackQuestionFactory(form=form)
        answer_one(form=form, answers={form.questions.get().pk: services.Given(choice="okay")})
        YouSaidWeDidFactory(project=project, form=form)
    many = _page_queries(client, _url(project))

    print(f"you said, we did: {one} queries with 1 form, {many} with 21")
    # session, user, membership; entries with their forms and car park items; closing
    # the loop (one); forms with answer counts, their questions, totals, answer counts
    assert one == many == 9


def test_easy_read_letter_has_a_picture_beside_its_lines(as_role, project):
    by_post = InvolvementFactory(
        project=project,
        person__email="",
        person__address="2 Mill Lane\nOxford",
        person__contact_by="post",
        person__formats=["easy_read"],
    ).person
    _room_too_hot(project)
    client = as_role(Role.LEAD)
    client.post(_url(project, "send/easy-read/approve/"))
    client.post(_url(project, "send/"))

    letters = client.get(_url(project, "letters.pdf"))

    read = assert_accessible_pdf(letters.content, title=f"You said, we did: {project.name}")
    alts = [figure.alt for figure in read.figures()]
    assert alts, "the letter has pictures"
    assert all(alts), "each picture is a tagged figure with alternative text"
    assert "A speech bubble" in alts
    text = " ".join(pdf_text(letters.content).split())
    assert in_order(
        text,
        by_post.full_name,
        "2 Mill Lane Oxford",
        "Thank you for telling us what you think.",
        "You said",
        "The room was too hot.",
        "Done",
        "We booked a cooler room.",
        "Pictures: OpenMoji",
    )
    assert "Picture to choose" not in text
    assert min(type_sizes(letters.content, "room")) >= 16
