"""The one way a member's or a person's name is shown, whoever's page it is on."""

import pytest

from coplan.projects.presenters import member_name, person_name
from tests.factories import MembershipFactory


@pytest.mark.django_db
def test_member_name_names_the_member():
    membership = MembershipFactory(user__full_name="Priya Shah")

    assert member_name(membership, nobody="No one yet") == "Priya Shah"


def test_member_name_without_a_member_says_what_the_page_asks():
    assert member_name(None, nobody="Not decided yet") == "Not decided yet"


def test_person_name_of_someone_who_has_left():
    assert person_name(None) == "Someone who has left"
