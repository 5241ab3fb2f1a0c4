from django.urls import path

from coplan.guides import views

app_name = "guides"

PLAN = "projects/<int:project_id>/plan/"
WHOLE = PLAN + "whole/"

urlpatterns = [
    path(PLAN, views.plan, name="plan"),
    path(PLAN + "whole/", views.plan_document, name="plan_document"),
    path(PLAN + "whole/plan.pdf", views.plan_document_pdf, name="plan_document_pdf"),
    path(PLAN + "whole/plan.docx", views.plan_document_docx, name="plan_document_docx"),
    path(WHOLE + "for-everyone/", views.plan_for_participants, name="plan_for_participants"),
    path(
        WHOLE + "for-everyone/plan.pdf",
        views.plan_for_participants_pdf,
        name="plan_for_participants_pdf",
    ),
    path(
        WHOLE + "for-everyone/plan.docx",
        views.plan_for_participants_docx,
        name="plan_for_participants_docx",
    ),
    path(WHOLE + "easy-read/", views.plan_easy_read, name="plan_easy_read"),
    path(WHOLE + "easy-read/plan.pdf", views.plan_easy_read_pdf, name="plan_easy_read_pdf"),
    path(WHOLE + "easy-read/plan.docx", views.plan_easy_read_docx, name="plan_easy_read_docx"),
    path(WHOLE + "downloads/", views.plan_download_start, name="plan_download_start"),
    path(WHOLE + "downloads/<int:download_id>/", views.plan_download, name="plan_download"),
    path(
        WHOLE + "downloads/<int:download_id>/file",
        views.plan_download_file,
        name="plan_download_file",
    ),
    path(PLAN + "<slug:guide_key>/newer-version/", views.upgrade, name="upgrade"),
    path(PLAN + "<slug:guide_key>/<slug:section_id>/", views.section, name="section"),
    path(PLAN + "<slug:guide_key>/<slug:section_id>/comments/", views.comment, name="comment"),
    path(
        PLAN + "<slug:guide_key>/questions/<slug:question_id>/history/",
        views.history,
        name="history",
    ),
    path(PLAN + "<slug:guide_key>/stops/<slug:rule_id>/", views.way_forward, name="way_forward"),
    path(PLAN + "<slug:guide_key>/stops/<slug:rule_id>/met/", views.stop_met, name="stop_met"),
    path(
        PLAN + "<slug:guide_key>/stops/<slug:rule_id>/agree/",
        views.way_forward_agree,
        name="way_forward_agree",
    ),
    path(
        "organisations/<int:organisation_id>/guides/",
        views.organisation_guides,
        name="organisation_guides",
    ),
]
