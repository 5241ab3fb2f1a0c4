"""Who may do what in working together: each permission and predicate."""

import pytest

from coplan.projects.roles import Role
from coplan.working_together import rules, services
from tests.factories import (
    ActionFactory,
    CarParkItemFactory,
    MembershipFactory,
    SessionRecordFactory,
    SharedDefinitionFactory,
)

EVERYONE = set(Role)
RUN = {Role.LEAD, Role.FACILITATOR}


@pytest.mark.parametrize(
    ("permission", "roles"),
    [
        (rules.VIEW_WORKING_TOGETHER, EVERYONE),
        (rules.RECORD_AGREEMENTS, EVERYONE),
        (rules.ADD_TO_CAR_PARK, EVERYONE),
        (rules.COMMENT, EVERYONE),
        (rules.FOLLOW_UP_CAR_PARK, RUN),
        (rules.MANAGE_ACTIONS, RUN),
        (rules.EDIT_DEFINITIONS, RUN),
        (rules.RUN_SESSIONS, RUN),
        (rules.EDIT_WHAT_CAN_CHANGE, {Role.LEAD, Role.MANAGER}),
    ],
)
def test_permission_roles(permission, roles):
    assert {role for role in Role if permission.allows(role)} == roles


@pytest.mark.parametrize("role", list(Role))
def test_car_park_may_change_own_item_until_answered(role):
    runs = role in RUN

    assert rules.car_park_may_change(role=role, is_raiser=True, is_answered=False)
    assert rules.car_park_may_change(role=role, is_raiser=True, is_answered=True) == runs
    assert rules.car_park_may_change(role=role, is_raiser=False, is_answered=False) == runs


@pytest.mark.parametrize("role", list(Role))
def test_owner_may_answer_and_mark_done(role):
    runs = role in RUN

    assert rules.car_park_may_answer(role=role, is_owner=True)
    assert rules.car_park_may_answer(role=role, is_owner=False) == runs
    assert rules.action_may_mark_done(role=role, is_owner=True)
    assert rules.action_may_mark_done(role=role, is_owner=False) == runs


@pytest.mark.django_db
def test_services_refuse_things_from_another_project():
    here = MembershipFactory(role=Role.LEAD)
    elsewhere = MembershipFactory(role=Role.LEAD)
    their_session = SessionRecordFactory(project=elsewhere.project)
    their_item = CarParkItemFactory(project=elsewhere.project)
    project, user = here.project, here.user

    attempts = [
        lambda: services.agreement_write(project=project, text="A", by=user, session=their_session),
        lambda: services.car_park_item_add(
            project=project, text="A", by=user, session=their_session
        ),
        lambda: services.comment_add(
            project=project, author=user, text="A", car_park_item=their_item
        ),
        lambda: services.action_add(
            project=project, what="A", owner=elsewhere, due_on=their_session.held_on, by=user
        ),
        lambda: services.session_record_create(
            project=project, by=user, held_on=their_session.held_on, title="A", came=[elsewhere]
        ),
    ]

    for attempt in attempts:
        with pytest.raises(services.WorkingTogetherError):
            attempt()


@pytest.mark.django_db
def test_action_back_from_done_forgets_the_done_date():
    action = ActionFactory()
    services.action_mark_done(action=action)

    services.action_update(
        action=action,
        what=action.what,
        owner=None,
        due_on=action.due_on,
        status="doing",
        session=None,
    )

    assert (action.status, action.done_on) == ("doing", None)


@pytest.mark.django_db
def test_renaming_a_definition_to_a_word_already_defined_is_refused():
    first = SharedDefinitionFactory(word="respect")
    second = SharedDefinitionFactory(project=first.project, word="equals")

    with pytest.raises(services.WorkingTogetherError) as raised:
        services.definition_update(definition=second, word="Respect", meaning="x", by=None)

    assert raised.value.field == "word"
