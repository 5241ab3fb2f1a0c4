from django.urls import path

from coplan.people import views

app_name = "people"

P = "projects/<int:project_id>/"
PERSON = P + "participants/<int:person_id>/"

urlpatterns = [
    path(P + "involving-people/", views.home, name="home"),
    # Stakeholders
    path(P + "stakeholders/", views.stakeholders, name="stakeholders"),
    path(P + "stakeholders/grid.svg", views.stakeholder_grid_svg, name="stakeholder_grid_svg"),
    path(P + "stakeholders/add/", views.stakeholder_add, name="stakeholder_add"),
    path(P + "stakeholders/<int:group_id>/", views.stakeholder_edit, name="stakeholder_edit"),
    path(
        P + "stakeholders/<int:group_id>/remove/",
        views.stakeholder_remove,
        name="stakeholder_remove",
    ),
    # Participants
    path(P + "participants/", views.participants, name="participants"),
    path(P + "participants/add/", views.participant_add, name="participant_add"),
    path(P + "participants/import/", views.participant_import, name="participant_import"),
    path(
        P + "participants/import/template.csv",
        views.participant_import_template,
        name="participant_import_template",
    ),
    path(
        P + "participants/import/<int:import_id>/",
        views.participant_import_preview,
        name="participant_import_preview",
    ),
    path(
        P + "participants/import/<int:import_id>/cancel/",
        views.participant_import_cancel,
        name="participant_import_cancel",
    ),
    path(PERSON, views.participant, name="participant"),
    path(PERSON + "details/", views.participant_details, name="participant_details"),
    path(PERSON + "access-needs/", views.participant_needs, name="participant_needs"),
    path(PERSON + "role/", views.participant_involvement, name="participant_involvement"),
    path(PERSON + "consents/add/", views.participant_consent_add, name="participant_consent_add"),
    path(
        PERSON + "consents/<int:consent_id>/withdraw/",
        views.participant_consent_withdraw,
        name="participant_consent_withdraw",
    ),
    path(PERSON + "everything-we-hold/", views.participant_export, name="participant_export"),
    path(
        PERSON + "everything-we-hold.json",
        views.participant_export_json,
        name="participant_export_json",
    ),
    path(PERSON + "erase/", views.participant_erase, name="participant_erase"),
    path(P + "access-needs/", views.access_needs, name="access_needs"),
    # Your own details
    path(P + "your-details/", views.your_details, name="your_details"),
    path(P + "your-details/contact/", views.your_details_edit, name="your_details_edit"),
    path(P + "your-details/access-needs/", views.your_needs_edit, name="your_needs_edit"),
    path(P + "your-details/consent/", views.your_consents, name="your_consents"),
    path(P + "your-details/everything-we-hold/", views.your_export, name="your_export"),
    path(
        P + "your-details/everything-we-hold.json",
        views.your_export_json,
        name="your_export_json",
    ),
    # Equality monitoring
    path(P + "equality-monitoring/", views.monitoring_form, name="monitoring_form"),
    path(P + "equality-monitoring/totals/", views.monitoring_report, name="monitoring_report"),
    path(P + "equality-monitoring/aims/", views.monitoring_aims, name="monitoring_aims"),
    path(
        P + "equality-monitoring/aims/<int:aim_id>/remove/",
        views.monitoring_aim_remove,
        name="monitoring_aim_remove",
    ),
    # Organisation admins
    path(
        "organisations/<int:organisation_id>/access-needs-log/", views.audit_log, name="audit_log"
    ),
    path("organisations/<int:organisation_id>/keeping-details/", views.retention, name="retention"),
]
