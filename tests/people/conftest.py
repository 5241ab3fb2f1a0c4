import pytest

from coplan.people import services
from coplan.people.needs import AccessNeeds
from tests.factories import InvolvementFactory

HEARING_LOOP_AND_VEGAN = AccessNeeds.from_answers(
    chosen={"communication": ["hearing_loop"], "dietary": ["vegan"]},
    notes={"support": "Zebra-striped ramp needed by the side door"},
    reminder_days_before=2,
)


@pytest.fixture
def participant(project):
    """Someone taking part in the project, with no account."""
    return InvolvementFactory(project=project, person__full_name="Sam Smith").person


def give_needs(person, needs=HEARING_LOOP_AND_VEGAN, actor=None):
    return services.person_set_needs(person=person, needs=needs, actor=actor, where="test")
