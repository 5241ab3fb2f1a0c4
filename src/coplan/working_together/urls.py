from django.urls import path

from coplan.working_together import views

app_name = "working_together"

HOME = "projects/<int:project_id>/working-together/"
AGREEMENT = HOME + "agreements/<int:agreement_id>/"
ITEM = HOME + "car-park/<int:item_id>/"
ACTION = HOME + "actions/<int:action_id>/"
DEFINITION = HOME + "shared-definitions/<int:definition_id>/"
AREA = HOME + "what-can-change/<int:decision_area_id>/"
SESSION = HOME + "sessions/<int:session_id>/"

urlpatterns = [
    path(HOME, views.home, name="home"),
    path(HOME + "check-wording/", views.wording_live, name="wording_live"),
    path(
        HOME + "meetings/<int:meeting_id>/session/", views.meeting_session, name="meeting_session"
    ),
    # Sessions
    path(HOME + "sessions/", views.sessions, name="sessions"),
    path(HOME + "sessions/add/", views.session_add, name="session_add"),
    path(SESSION, views.session, name="session"),
    path(SESSION + "change/", views.session_edit, name="session_edit"),
    path(SESSION + "remove/", views.session_remove, name="session_remove"),
    path(SESSION + "agreements-revisited/", views.session_revisit, name="session_revisit"),
    path(SESSION + "key-essentials/", views.session_essentials, name="session_essentials"),
    path(SESSION + "minutes/", views.session_minutes, name="session_minutes"),
    path(SESSION + "comment/", views.session_comment, name="session_comment"),
    # Agreements
    path(HOME + "agreements/", views.agreements, name="agreements"),
    path(HOME + "agreements/add/", views.agreement_add, name="agreement_add"),
    path(HOME + "agreements/ideas/", views.agreement_ideas, name="agreement_ideas"),
    path(HOME + "agreements/history/", views.agreement_history, name="agreement_history"),
    path(AGREEMENT + "change/", views.agreement_edit, name="agreement_edit"),
    path(AGREEMENT + "take-out/", views.agreement_remove, name="agreement_remove"),
    # Car park
    path(HOME + "car-park/", views.car_park, name="car_park"),
    path(HOME + "car-park/add/", views.car_park_add, name="car_park_add"),
    path(ITEM, views.car_park_item, name="car_park_item"),
    path(ITEM + "comment/", views.car_park_comment, name="car_park_comment"),
    path(ITEM + "change/", views.car_park_reword, name="car_park_reword"),
    path(ITEM + "follow-up/", views.car_park_follow_up, name="car_park_follow_up"),
    path(ITEM + "answer/", views.car_park_answer, name="car_park_answer"),
    path(ITEM + "remove/", views.car_park_remove, name="car_park_remove"),
    # Actions
    path(HOME + "actions/", views.actions, name="actions"),
    path(HOME + "actions/add/", views.action_add, name="action_add"),
    path(ACTION + "change/", views.action_edit, name="action_edit"),
    path(ACTION + "done/", views.action_done, name="action_done"),
    path(ACTION + "remove/", views.action_remove, name="action_remove"),
    # Shared definitions
    path(HOME + "shared-definitions/", views.definitions, name="definitions"),
    path(HOME + "shared-definitions/add/", views.definition_add, name="definition_add"),
    path(DEFINITION + "change/", views.definition_edit, name="definition_edit"),
    path(DEFINITION + "remove/", views.definition_remove, name="definition_remove"),
    # What can and cannot change
    path(HOME + "what-can-change/", views.what_can_change, name="what_can_change"),
    path(HOME + "what-can-change/add/", views.decision_area_add, name="decision_area_add"),
    path(AREA + "change/", views.decision_area_edit, name="decision_area_edit"),
    path(AREA + "remove/", views.decision_area_remove, name="decision_area_remove"),
]
