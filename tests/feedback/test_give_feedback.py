"""A member gives feedback from inside coplan: the forms open for them (about meetings they
were invited to and did not miss, or about the whole project) are on the co-producer's
home, first on the Feedback section's start page and on their own "Give feedback" page,
each linking to the form itself. "You said, we did" on the co-producer's home puts first
what came from a meeting they came to, their own feedback or what they raised."""

import datetime
import re

import pytest
from django.utils import timezone

from coplan.feedback.models import FeedbackForm, HowAnswered, YouSaidWeDid
from coplan.projects.roles import Role
from tests.factories import (
    CarParkItemFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
)
from tests.feedback.conftest import answer
from tests.feedback.factories import (
    FeedbackFormFactory,
    FeedbackQuestionFactory,
    WordsQuestionFactory,
    YouSaidWeDidFactory,
)
from tests.homes import home_page, page_queries

pytestmark = pytest.mark.django_db

OPEN_FOR_YOU = "Feedback forms open for you"


@pytest.fixture
def me(group):
    """The co-producer, with their own record in the project."""
    member = group[Role.CO_PRODUCER]
    InvolvementFactory(project=member.project, person__user=member.user)
    return member


def _invited(member, *, title, **invited):
    meeting = MeetingFactory(project=member.project, title=title)
    InvitedPersonFactory(meeting=meeting, person=member.user.people_records.get(), **invited)
    return meeting


def _give_page(client, project) -> str:
    response = client.get(f"/projects/{project.pk}/feedback/give/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_form_for_a_meeting_they_came_to_is_on_their_home_with_its_link(me, as_role):
    meeting = _invited(me, title="March workshop", attendance="came")
    form = FeedbackFormFactory(project=me.project, meeting=meeting, title="How was March?")

    page = home_page(as_role(Role.CO_PRODUCER), me.project_id)

    assert OPEN_FOR_YOU in page
    assert "How was March?" in page
    assert f'href="/feedback/{form.token}/"' in page
    assert "Give feedback" in page


def test_only_forms_they_can_fill_in_here_are_offered(me, project, as_role):
    came = _invited(me, title="Came", attendance="came")
    missed = _invited(me, title="Missed", attendance="did_not_come")
    not_coming = _invited(me, title="Said no", reply="not_coming")
    other_meeting = MeetingFactory(project=project, title="Not invited")
    FeedbackFormFactory(project=project, meeting=came, title="Form about the whole day")
    FeedbackFormFactory(project=project, meeting=None, title="Form about the project")
    FeedbackFormFactory(project=project, meeting=missed, title="Form of a meeting missed")
    FeedbackFormFactory(project=project, meeting=not_coming, title="Form of a meeting declined")
    FeedbackFormFactory(project=project, meeting=other_meeting, title="Form of another meeting")
    FeedbackFormFactory(project=project, meeting=came, title="Form closed", is_open=False)
    FeedbackFormFactory(
        project=project,
        meeting=came,
        title="Form by own links",
        how_answered=HowAnswered.ONE_TIME,
    )
    answered = FeedbackFormFactory(
        project=project,
        meeting=came,
        title="Form already answered",
        closed_box=False,
        how_answered=HowAnswered.MEMBERS,
    )
    FeedbackQuestionFactory(form=answered, position=1)
    WordsQuestionFactory(form=answered, position=2)
    answer(answered, respondent=me.user)
    elsewhere = FeedbackFormFactory(title="Form of another project")

    page = _give_page(as_role(Role.CO_PRODUCER), project)

    assert "Form about the whole day" in page
    assert "Form about the project" in page
    for title in (
        "Form of a meeting missed",
        "Form of a meeting declined",
        "Form of another meeting",
        "Form closed",
        "Form by own links",
        "Form already answered",
        elsewhere.title,
    ):
        assert title not in page


def test_the_feedback_start_page_offers_a_co_producer_give_feedback_first(me, as_role):
    meeting = _invited(me, title="March workshop", attendance="came")
    form = FeedbackFormFactory(project=me.project, meeting=meeting, title="How was March?")

    page = as_role(Role.CO_PRODUCER).get(f"/projects/{me.project_id}/feedback/").content.decode()

    assert page.index("Give feedback") < page.index("Closing the loop")
    assert f'href="/feedback/{form.token}/"' in page
    assert f'href="/projects/{me.project_id}/feedback/give/"' in page


def test_a_co_producer_with_no_forms_open_is_told_so(me, as_role):
    client = as_role(Role.CO_PRODUCER)

    assert "No feedback forms are open for you at the moment." in _give_page(client, me.project)
    assert OPEN_FOR_YOU not in home_page(client, me.project_id)


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.MANAGER, Role.FINANCE, Role.LEAD])
def test_other_roles_do_not_get_the_feedback_parts_on_their_first_page(as_role, project, role):
    FeedbackFormFactory(project=project, title="About the project")
    YouSaidWeDidFactory(project=project, published_at=timezone.now())

    page = home_page(as_role(role), project.pk)

    assert OPEN_FOR_YOU not in page
    assert "You said, we did" not in page


def test_you_said_we_did_shows_what_concerns_them_first_and_only_what_is_published(
    me, project, as_role
):
    came = _invited(me, title="March workshop", attendance="came")
    their_form = FeedbackFormFactory(project=project, meeting=came)
    raised = CarParkItemFactory(project=project, raised_by=me.user)
    now = timezone.now()
    for n in range(4):
        YouSaidWeDidFactory(
            project=project,
            you_said=f"Something someone else said {n}",
            published_at=now,
        )
    YouSaidWeDidFactory(
        project=project,
        form=their_form,
        you_said="The room was too hot.",
        we_did="We booked a cooler room.",
        status="done",
        published_at=now - datetime.timedelta(days=30),
    )
    YouSaidWeDidFactory(
        project=project,
        car_park_item=raised,
        you_said="Can we meet in the evenings?",
        published_at=now - datetime.timedelta(days=40),
    )
    YouSaidWeDidFactory(project=project, you_said="Not published yet", published_at=None)

    page = home_page(as_role(Role.CO_PRODUCER), project.pk)

    assert "You said, we did" in page
    assert "The room was too hot." in page
    assert "We booked a cooler room." in page
    # Each card is named by what was said, and says where it is up to in a row of its own.
    assert re.search(r"<h3[^>]*>\s*You said: The room was too hot.\s*</h3>", page)
    assert re.search(r"Where it is up to\s*</dt>\s*<dd[^>]*>\s*Done", page)
    assert "From a meeting you came to: March workshop" in page
    assert "Can we meet in the evenings?" in page
    assert "From something you raised in the car park" in page
    assert "Not published yet" not in page
    assert page.count("Something someone else said") == 1
    assert f'href="/projects/{project.pk}/you-said-we-did/"' in page


def _forms_and_themes(member, count):
    person = member.user.people_records.get()
    for n in range(count):
        meeting = MeetingFactory(project=member.project, title=f"Meeting {n}")
        InvitedPersonFactory(meeting=meeting, person=person, attendance="came")
    meetings = list(member.project.meetings.all())
    forms = FeedbackForm.objects.bulk_create(
        FeedbackForm(
            project=member.project,
            meeting=meeting,
            title=f"Form {n}",
            intro="Tell us.",
            token=f"token-{member.pk}-{n:05d}-abcdefghijklmnopqrstuvwxyz",
        )
        for n, meeting in enumerate(meetings)
    )
    YouSaidWeDid.objects.bulk_create(
        YouSaidWeDid(
            project=member.project, form=form, you_said=f"Said {n}", published_at=timezone.now()
        )
        for n, form in enumerate(forms)
    )


@pytest.mark.parametrize("page", ["", "feedback/", "feedback/give/"])
def test_pages_ask_the_same_number_of_queries_however_many_forms_and_themes(client_for, page):
    sizes = {}
    for count in (1, 40):
        member = MembershipFactory(role=Role.CO_PRODUCER)
        InvolvementFactory(project=member.project, person__user=member.user)
        _forms_and_themes(member, count)
        sizes[count] = page_queries(
            client_for(member.user), f"/projects/{member.project_id}/{page}"
        )

    print(f"{page or 'home'}: {sizes[1]} queries with 1 form and theme, {sizes[40]} with 40")
    assert sizes[1] == sizes[40]


def test_the_give_feedback_page_shows_a_page_of_forms_at_a_time(me, as_role):
    meeting = _invited(me, title="Long project", attendance="came")
    for n in range(25):
        FeedbackFormFactory(project=me.project, meeting=meeting, title=f"Numbered form {n:02d}")
    client = as_role(Role.CO_PRODUCER)

    first = _give_page(client, me.project)
    second = client.get(f"/projects/{me.project_id}/feedback/give/?page=2").content.decode()

    assert first.count('href="/feedback/form-link-token-') == 20
    assert second.count('href="/feedback/form-link-token-') == 5


def test_what_someone_else_said_is_not_marked_as_theirs(me, group, project, as_role):
    named = FeedbackFormFactory(
        project=project, closed_box=False, how_answered=HowAnswered.MEMBERS, title="Named form"
    )
    FeedbackQuestionFactory(form=named, position=1)
    WordsQuestionFactory(form=named, position=2)
    answer(named, respondent=group[Role.FACILITATOR].user)
    YouSaidWeDidFactory(
        project=project, form=named, you_said="Start on time.", published_at=timezone.now()
    )
    CarParkItemFactory(project=project, raised_by=group[Role.FACILITATOR].user)

    mine = home_page(as_role(Role.CO_PRODUCER), project.pk)
    theirs_form = _give_page(as_role(Role.FACILITATOR), project)

    assert "Start on time." in mine
    assert "From feedback you gave" not in mine
    assert "Named form" in _give_page(as_role(Role.CO_PRODUCER), project)
    assert "Named form" not in theirs_form  # answered by the facilitator, so done for them


def test_a_closed_box_says_it_stays_open_after_they_fill_it_in(me, as_role):
    meeting = _invited(me, title="March workshop", attendance="came")
    FeedbackFormFactory(project=me.project, meeting=meeting, title="How was March?")

    page = home_page(as_role(Role.CO_PRODUCER), me.project_id)

    assert "We do not keep who fills in this form, so it stays here after you do." in page
