"""Who may do what beside the guide: each permission and the sign-off rule, on its own."""

import pytest

from coplan.planning import rules
from coplan.projects.roles import Role

LEAD, CO, FAC, MAN, FIN = Role.LEAD, Role.CO_PRODUCER, Role.FACILITATOR, Role.MANAGER, Role.FINANCE


@pytest.mark.parametrize(
    ("permission", "roles"),
    [
        (rules.VIEW_TRACKING, {LEAD, CO, FAC, MAN, FIN}),
        (rules.VIEW_TIMELINE, {LEAD, CO, FAC, MAN, FIN}),
        (rules.EDIT_TIMELINE, {LEAD, FAC}),
        (rules.VIEW_BARRIERS, {LEAD, CO, FAC, MAN, FIN}),
        (rules.EDIT_BARRIERS, {LEAD, FAC}),
        (rules.VIEW_SIGN_OFFS, {LEAD, FAC, MAN, FIN}),
        (rules.EDIT_SIGN_OFFS, {LEAD}),
        (rules.MARK_SIGNED, {LEAD, MAN}),
        (rules.ASK_SIGN_OFF, {LEAD}),
        (rules.READ_SIGN_OFF_VERSION, {LEAD, MAN}),
        (rules.DECIDE_SIGN_OFF, {MAN}),
        (rules.VIEW_BUDGET, {LEAD, MAN, FIN}),
        (rules.EDIT_BUDGET, {LEAD}),
    ],
    ids=lambda value: getattr(value, "name", ""),
)
def test_permission_allows_exactly_these_roles(permission, roles):
    assert {role for role in Role if permission.allows(role)} == roles


@pytest.mark.parametrize(
    ("role", "signer_is_member", "allowed"),
    [
        (MAN, True, False),  # a project member signs the version they read
        (MAN, False, True),
        (LEAD, False, True),
        (LEAD, True, False),
        (FAC, False, False),
        (FIN, False, False),
        (CO, False, False),
    ],
)
def test_sign_off_may_mark(role, signer_is_member, allowed):
    assert rules.sign_off_may_mark(role=role, signer_is_member=signer_is_member) is allowed
