"""A co-producer's home in Easy Read: each part as short lines, each with its picture
or none, big words, the switch to turn it off."""

import pytest
from django.utils import timezone

from coplan.projects.roles import Role
from tests.easy_read_pages import (
    assert_easy_read,
    hard_words,
    invited_co_producer,
    read,
    switch_says,
    turn,
)
from tests.factories import ClaimFactory, ClaimLineFactory, InvolvementFactory, MembershipFactory
from tests.feedback.factories import YouSaidWeDidFactory
from tests.homes import home_page

pytestmark = pytest.mark.django_db


def _co_producer_who_asked_for_easy_read():
    member, invited = invited_co_producer(member={"project__description": ""})
    project, person = member.project, invited.person
    claim = ClaimFactory(project=project, person=person, activity="Bus to the planning day")
    ClaimLineFactory(claim=claim)
    YouSaidWeDidFactory(
        project=project,
        you_said="The room was too hot.",
        we_did="We will use a cooler room.",
        published_at=timezone.now(),
    )
    return member


def test_the_home_in_easy_read_has_a_picture_beside_each_line_or_none(client_for):
    member = _co_producer_who_asked_for_easy_read()

    home = home_page(client_for(member.user), member.project_id)

    lines = assert_easy_read(home)
    words = [line.words for line in lines]
    assert "The meeting is on Tuesday 4 May 2027." in words
    assert "It starts at 10am. It ends at 1pm." in words
    assert "Where: The library 1 High Street Oxford OX1 1AA" in words
    assert "Step-free access." in words
    assert "Are you coming? Tell us." in words
    assert any("£4.50 for 1 March 2027." in line for line in words)
    assert "The room was too hot." in words
    assert "We will use a cooler room." in words
    pictures = {line.words: line.pictures[0]["alt"] for line in lines if line.pictures}
    assert pictures["The meeting is on Tuesday 4 May 2027."] == "A calendar"
    assert pictures["Step-free access."] == "The wheelchair sign"
    assert read(home).headings[:2] == ["Your meetings", "Planning day"]


def test_the_home_s_fixed_words_pass_the_easy_read_check(client_for):
    member = _co_producer_who_asked_for_easy_read()

    home = home_page(client_for(member.user), member.project_id)

    assert hard_words(assert_easy_read(home)) == []


def test_turned_off_the_home_is_the_usual_one(client_for):
    member = _co_producer_who_asked_for_easy_read()
    client = client_for(member.user)

    turn(client, on=False, back=f"/projects/{member.project_id}/")
    home = home_page(client, member.project_id)

    assert switch_says(home) == "Turn Easy Read on"
    assert read(home).lines == []
    assert "Your next meetings" in home


def test_the_lead_s_overview_has_no_switch(client_for):
    member = _co_producer_who_asked_for_easy_read()
    lead = MembershipFactory(project=member.project, role=Role.LEAD)
    InvolvementFactory(
        project=member.project, person__user=lead.user, person__formats=["easy_read"]
    )

    assert switch_says(home_page(client_for(lead.user), member.project_id)) == ""
