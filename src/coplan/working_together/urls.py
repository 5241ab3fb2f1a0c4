from django.urls import path

from coplan.working_together.views import (
    actions,
    agreements,
    car_park,
    definitions,
    overview,
    sessions,
    what_can_change,
)

app_name = "working_together"

HOME = "projects/<int:project_id>/working-together/"
AGREEMENT = HOME + "agreements/<int:agreement_id>/"
ITEM = HOME + "car-park/<int:item_id>/"
ACTION = HOME + "actions/<int:action_id>/"
DEFINITION = HOME + "shared-definitions/<int:definition_id>/"
AREA = HOME + "what-can-change/<int:decision_area_id>/"
SESSION = HOME + "sessions/<int:session_id>/"

urlpatterns = [
    path(HOME, overview.home, name="home"),
    path(HOME + "check-wording/", overview.wording_live, name="wording_live"),
    path(
        HOME + "meetings/<int:meeting_id>/session/",
        sessions.meeting_session,
        name="meeting_session",
    ),
    # Sessions
    path(HOME + "sessions/", sessions.sessions, name="sessions"),
    path(HOME + "sessions/add/", sessions.session_add, name="session_add"),
    path(SESSION, sessions.session, name="session"),
    path(SESSION + "change/", sessions.session_edit, name="session_edit"),
    path(SESSION + "remove/", sessions.session_remove, name="session_remove"),
    path(SESSION + "agreements-revisited/", sessions.session_revisit, name="session_revisit"),
    path(SESSION + "key-essentials/", sessions.session_essentials, name="session_essentials"),
    path(SESSION + "minutes/", sessions.session_minutes, name="session_minutes"),
    path(SESSION + "comment/", sessions.session_comment, name="session_comment"),
    # Agreements
    path(HOME + "agreements/", agreements.agreements, name="agreements"),
    path(HOME + "agreements/add/", agreements.agreement_add, name="agreement_add"),
    path(HOME + "agreements/ideas/", agreements.agreement_ideas, name="agreement_ideas"),
    path(HOME + "agreements/history/", agreements.agreement_history, name="agreement_history"),
    path(AGREEMENT + "change/", agreements.agreement_edit, name="agreement_edit"),
    path(AGREEMENT + "take-out/", agreements.agreement_remove, name="agreement_remove"),
    # Car park
    path(HOME + "car-park/", car_park.car_park, name="car_park"),
    path(HOME + "car-park/add/", car_park.car_park_add, name="car_park_add"),
    path(ITEM, car_park.car_park_item, name="car_park_item"),
    path(ITEM + "comment/", car_park.car_park_comment, name="car_park_comment"),
    path(ITEM + "change/", car_park.car_park_reword, name="car_park_reword"),
    path(ITEM + "follow-up/", car_park.car_park_follow_up, name="car_park_follow_up"),
    path(ITEM + "answer/", car_park.car_park_answer, name="car_park_answer"),
    path(ITEM + "remove/", car_park.car_park_remove, name="car_park_remove"),
    # Actions
    path(HOME + "actions/", actions.actions, name="actions"),
    path(HOME + "actions/add/", actions.action_add, name="action_add"),
    path(ACTION + "change/", actions.action_edit, name="action_edit"),
    path(ACTION + "done/", actions.action_done, name="action_done"),
    path(ACTION + "remove/", actions.action_remove, name="action_remove"),
    # Shared definitions
    path(HOME + "shared-definitions/", definitions.definitions, name="definitions"),
    path(HOME + "shared-definitions/add/", definitions.definition_add, name="definition_add"),
    path(DEFINITION + "change/", definitions.definition_edit, name="definition_edit"),
    path(DEFINITION + "remove/", definitions.definition_remove, name="definition_remove"),
    # What can and cannot change
    path(HOME + "what-can-change/", what_can_change.what_can_change, name="what_can_change"),
    path(
        HOME + "what-can-change/add/", what_can_change.decision_area_add, name="decision_area_add"
    ),
    path(AREA + "change/", what_can_change.decision_area_edit, name="decision_area_edit"),
    path(AREA + "remove/", what_can_change.decision_area_remove, name="decision_area_remove"),
]
