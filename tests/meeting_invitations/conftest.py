"""Invitations are to meetings: the meetings tests' fixtures (a project lead, a venue, a
meeting, `invite`, a fixed today) are the ones these tests start from."""

from tests.meetings.conftest import (  # noqa: F401 - fixtures
    fixed_today,
    invite,
    lead,
    lead_membership,
    meeting,
    venue,
)
