from tests.meetings.conftest import (  # noqa: F401 - fixtures
    fixed_today,
    invite,
    lead,
    lead_membership,
    meeting,
    venue,
)
