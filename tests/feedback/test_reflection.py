"""Self-reflection is private to its author unless shared; lessons are read across projects."""

import pytest

from coplan.feedback.models import Lesson, Reflection
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, StaffMembershipFactory
from tests.feedback.factories import LessonFactory, ReflectionFactory

pytestmark = pytest.mark.django_db


def _url(project, rest: str = "") -> str:
    return f"/projects/{project.pk}/reflections/{rest}"


def test_lead_fills_in_the_self_reflection_form(as_role, project, group):
    response = as_role(Role.LEAD).post(
        _url(project, "add/"),
        {
            "about": "The first workshop",
            "answer_how_did_it_go": "Better than I feared.",
            "answer_everyone_took_part": "Two people said nothing; use turn-taking cards.",
        },
    )

    reflection = Reflection.objects.get()
    assert response.status_code == 302
    assert reflection.author == group[Role.LEAD].user
    assert reflection.answers == {
        "how-did-it-go": "Better than I feared.",
        "everyone-took-part": "Two people said nothing; use turn-taking cards.",
    }
    assert reflection.shared_at is None


def test_a_reflection_is_private_until_its_author_shares_it(as_role, project, group):
    reflection = ReflectionFactory(project=project, author=group[Role.FACILITATOR].user)
    url = _url(project, f"{reflection.pk}/")

    before = {role: as_role(role).get(url).status_code for role in Role}
    listed_before = as_role(Role.LEAD).get(_url(project)).content.decode()
    as_role(Role.FACILITATOR).post(url + "share/", {"shared": "yes"})
    after = {role: as_role(role).get(url).status_code for role in Role}

    assert before == {role: (200 if role == Role.FACILITATOR else 403) for role in Role}
    assert reflection.about not in listed_before
    assert after == dict.fromkeys(Role, 200)


def test_nobody_else_can_change_or_share_a_reflection(as_role, project, group):
    reflection = ReflectionFactory(project=project, author=group[Role.FACILITATOR].user)

    change = as_role(Role.LEAD).post(
        _url(project, f"{reflection.pk}/change/"), {"about": "Mine now"}
    )
    share = as_role(Role.LEAD).post(_url(project, f"{reflection.pk}/share/"), {"shared": "yes"})

    reflection.refresh_from_db()
    assert (change.status_code, share.status_code) == (403, 403)
    assert (reflection.about, reflection.shared_at) == ("The first workshop", None)


def test_reflection_with_bad_words_gets_messages(as_role, project):
    response = as_role(Role.LEAD).post(
        _url(project, "add/"), {"about": "", "answer_language": "x" * 5001}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter what you are reflecting on" in page
    assert "Your answer must be 5,000 characters or fewer" in page


def test_a_lesson_from_a_reflection_goes_in_the_log(as_role, project, group):
    reflection = ReflectionFactory(project=project, author=group[Role.LEAD].user)

    as_role(Role.LEAD).post(
        f"/projects/{project.pk}/lessons/add/?reflection={reflection.pk}",
        {"text": "Send papers 2 weeks before."},
    )

    lesson = Lesson.objects.get()
    assert (lesson.text, lesson.reflection, lesson.written_by) == (
        "Send papers 2 weeks before.",
        reflection,
        group[Role.LEAD].user,
    )


@pytest.mark.parametrize("value", ["abc", "²", "٣", "9" * 5000])
def test_an_odd_reflection_address_for_a_lesson_is_not_found(as_role, project, value):
    response = as_role(Role.LEAD).get(f"/projects/{project.pk}/lessons/add/?reflection={value}")

    assert response.status_code == 404


def test_organisation_staff_read_lessons_across_projects(client_for, project):
    other_project = MembershipFactory(project__organisation=project.organisation).project
    LessonFactory(project=project, text="Lesson one")
    LessonFactory(project=other_project, text="Lesson two")
    LessonFactory(text="Another organisation's lesson")
    staff = StaffMembershipFactory(organisation=project.organisation).user

    page = client_for(staff).get("/lessons/").content.decode()

    assert "Lesson one" in page
    assert "Lesson two" in page
    assert "Another organisation" not in page


def test_people_who_are_not_organisation_staff_cannot_read_the_lessons_log(
    client_for, group, client
):
    co_producer = group[Role.CO_PRODUCER].user

    assert client_for(co_producer).get("/lessons/").status_code == 403
    assert client.get("/lessons/")["Location"].startswith("/sign-in/?next=")
