"""The co-producer's home in a project: what they told us about how to contact them and
whether they told us what they need, with the way to change it (coplan.people's HomePanel).

Access needs are health data: every look at them is written in the log. The home says
only whether they have told us, never what, so opening it writes nothing in the log."""

import pytest

from coplan.people.models import AuditEntry
from coplan.projects.roles import Role
from tests.easy_read_pages import easy_read_lines
from tests.factories import InvolvementFactory, MembershipFactory
from tests.homes import home_page
from tests.people.conftest import give_needs

pytestmark = pytest.mark.django_db

HEADING = "Your access needs and how we contact you"


def test_a_co_producer_who_has_not_told_us_is_asked_to(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)

    page = home_page(client_for(member.user), member.project_id)

    assert HEADING in page
    assert "You have not told us yet." in page
    assert f'href="/projects/{member.project_id}/tell-us-once/"' in page


def test_a_co_producer_sees_how_we_contact_them_and_that_they_told_us_their_needs(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(
        project=member.project,
        person__user=member.user,
        person__email="sam@example.org",
        person__contact_by="text",
        person__phone="07700 900123",
        person__formats=["large_print", "easy_read"],
        person__easy_read_pages=False,  # they turned Easy Read off: the usual words
    ).person
    give_needs(person)

    page = home_page(client_for(member.user), member.project_id)

    assert "Text message: 07700 900123" in page
    assert "Large print, Easy Read" in page
    assert "You have told us what you need to take part." in page
    assert "Change your access needs and how we contact you" in page
    assert f'href="/projects/{member.project_id}/your-details/"' in page
    assert "Tell us what you need to take part" not in page
    # what they need is shown only where the look is written in the log
    assert "Hearing loop" not in page
    assert not AuditEntry.objects.filter(person=person).exclude(action="changed_needs").exists()


def test_a_co_producer_sees_only_their_own_details(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    InvolvementFactory(project=member.project, person__user=member.user, person__phone="0111")
    other = MembershipFactory(project=member.project, role=Role.CO_PRODUCER)
    InvolvementFactory(
        project=member.project,
        person__user=other.user,
        person__email="someone.else@example.org",
        person__phone="0999 999999",
        person__contact_by="phone",
    )

    page = home_page(client_for(member.user), member.project_id)

    assert "someone.else@example.org" not in page
    assert "0999 999999" not in page


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.MANAGER, Role.FINANCE, Role.LEAD])
def test_other_roles_do_not_get_this_part_on_their_first_page(client_for, role):
    member = MembershipFactory(role=role)

    assert HEADING not in home_page(client_for(member.user), member.project_id)


def test_in_easy_read_a_co_producer_reads_the_same_one_idea_a_line(client_for):
    member = MembershipFactory(role=Role.CO_PRODUCER)
    person = InvolvementFactory(
        project=member.project,
        person__user=member.user,
        person__contact_by="text",
        person__phone="07700 900123",
        person__formats=["large_print", "easy_read"],
    ).person
    give_needs(person)

    page = home_page(client_for(member.user), member.project_id)

    words = [line.words for line in easy_read_lines(page)]
    assert "We contact you by text message: 07700 900123." in words
    assert "Your papers: Large print, Easy Read." in words
    assert "You told us what you need to take part." in words
    assert "Hearing loop" not in page
