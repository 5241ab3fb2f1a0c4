"""Easy Read versions are of a meeting's invitation: the meetings tests' fixtures."""

from tests.meetings.conftest import (  # noqa: F401 - fixtures
    fixed_today,
    lead,
    lead_membership,
    meeting,
)
