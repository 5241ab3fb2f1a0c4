from django.urls import path

from coplan.people.views import (
    consent,
    easy_read,
    export,
    imports,
    monitoring,
    needs,
    organisation,
    participants,
    stakeholders,
    tell_us_once,
)

app_name = "people"

P = "projects/<int:project_id>/"
PERSON = P + "participants/<int:person_id>/"

urlpatterns = [
    path("easy-read/", easy_read.easy_read_switch, name="easy_read_switch"),
    path(P + "involving-people/", stakeholders.home, name="home"),
    # Stakeholders
    path(P + "stakeholders/", stakeholders.stakeholders, name="stakeholders"),
    path(
        P + "stakeholders/grid.svg", stakeholders.stakeholder_grid_svg, name="stakeholder_grid_svg"
    ),
    path(P + "stakeholders/add/", stakeholders.stakeholder_add, name="stakeholder_add"),
    path(
        P + "stakeholders/<int:group_id>/", stakeholders.stakeholder_edit, name="stakeholder_edit"
    ),
    path(
        P + "stakeholders/<int:group_id>/remove/",
        stakeholders.stakeholder_remove,
        name="stakeholder_remove",
    ),
    # Participants
    path(P + "participants/", participants.participants, name="participants"),
    path(P + "participants/add/", participants.participant_add, name="participant_add"),
    path(P + "participants/import/", imports.participant_import, name="participant_import"),
    path(
        P + "participants/import/template.csv",
        imports.participant_import_template,
        name="participant_import_template",
    ),
    path(
        P + "participants/import/<int:import_id>/",
        imports.participant_import_preview,
        name="participant_import_preview",
    ),
    path(
        P + "participants/import/<int:import_id>/cancel/",
        imports.participant_import_cancel,
        name="participant_import_cancel",
    ),
    path(PERSON, participants.participant, name="participant"),
    path(PERSON + "details/", participants.participant_details, name="participant_details"),
    path(PERSON + "access-needs/", needs.participant_needs, name="participant_needs"),
    path(PERSON + "role/", participants.participant_involvement, name="participant_involvement"),
    path(PERSON + "consents/add/", consent.participant_consent_add, name="participant_consent_add"),
    path(
        PERSON + "consents/<int:consent_id>/withdraw/",
        consent.participant_consent_withdraw,
        name="participant_consent_withdraw",
    ),
    path(PERSON + "everything-we-hold/", export.participant_export, name="participant_export"),
    path(
        PERSON + "everything-we-hold.json",
        export.participant_export_json,
        name="participant_export_json",
    ),
    path(PERSON + "erase/", export.participant_erase, name="participant_erase"),
    path(P + "access-needs/", needs.access_needs, name="access_needs"),
    # Your own details
    path(P + "your-details/", participants.your_details, name="your_details"),
    path(P + "your-details/contact/", participants.your_details_edit, name="your_details_edit"),
    path(P + "your-details/access-needs/", needs.your_needs_edit, name="your_needs_edit"),
    path(P + "tell-us-once/", tell_us_once.tell_us_once, name="tell_us_once"),
    path(
        P + "tell-us-once/check-your-answers/",
        tell_us_once.tell_us_once_check,
        name="tell_us_once_check",
    ),
    path(
        P + "tell-us-once/<slug:question>/",
        tell_us_once.tell_us_once_question,
        name="tell_us_once_question",
    ),
    path(P + "your-details/consent/", consent.your_consents, name="your_consents"),
    path(P + "your-details/everything-we-hold/", export.your_export, name="your_export"),
    path(
        P + "your-details/everything-we-hold.json",
        export.your_export_json,
        name="your_export_json",
    ),
    # Equality monitoring
    path(P + "equality-monitoring/", monitoring.monitoring_form, name="monitoring_form"),
    path(P + "equality-monitoring/totals/", monitoring.monitoring_report, name="monitoring_report"),
    path(P + "equality-monitoring/aims/", monitoring.monitoring_aims, name="monitoring_aims"),
    path(
        P + "equality-monitoring/aims/<int:aim_id>/remove/",
        monitoring.monitoring_aim_remove,
        name="monitoring_aim_remove",
    ),
    # Organisation admins
    path(
        "organisations/<int:organisation_id>/access-needs-log/",
        organisation.audit_log,
        name="audit_log",
    ),
    path(
        "organisations/<int:organisation_id>/keeping-details/",
        organisation.retention,
        name="retention",
    ),
]
