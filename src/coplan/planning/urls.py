from django.urls import path

from coplan.planning import views

app_name = "planning"

PROJECT = "projects/<int:project_id>/"
SIGN_OFF = PROJECT + "sign-offs/<int:sign_off_id>/"
VERSION = PROJECT + "sign-offs/versions/<int:version_id>/"
MILESTONE = PROJECT + "timeline/<int:milestone_id>/"
BUDGET_LINE = PROJECT + "budget/spending/<int:budget_line_id>/"
BARRIER = PROJECT + "barriers/<int:barrier_id>/"

urlpatterns = [
    path(PROJECT + "keeping-track/", views.tracking, name="tracking"),
    path(PROJECT + "sign-offs/", views.sign_offs, name="sign_offs"),
    path(PROJECT + "sign-offs/add/", views.sign_off_add, name="sign_off_add"),
    path(SIGN_OFF + "change/", views.sign_off_edit, name="sign_off_edit"),
    path(SIGN_OFF + "remove/", views.sign_off_remove, name="sign_off_remove"),
    path(SIGN_OFF + "signed/", views.sign_off_sign, name="sign_off_sign"),
    path(SIGN_OFF + "ask/", views.sign_off_ask, name="sign_off_ask"),
    path(VERSION, views.sign_off_version, name="sign_off_version"),
    path(VERSION + "plan.pdf", views.sign_off_version_pdf, name="sign_off_version_pdf"),
    path(VERSION + "plan.docx", views.sign_off_version_docx, name="sign_off_version_docx"),
    path(VERSION + "answer/", views.sign_off_decide, name="sign_off_decide"),
    path(VERSION + "withdraw/", views.sign_off_withdraw, name="sign_off_withdraw"),
    path(PROJECT + "timeline/", views.timeline, name="timeline"),
    path(PROJECT + "timeline/add/", views.milestone_add, name="milestone_add"),
    path(MILESTONE + "change/", views.milestone_edit, name="milestone_edit"),
    path(MILESTONE + "remove/", views.milestone_remove, name="milestone_remove"),
    path(PROJECT + "budget/", views.budget, name="budget"),
    path(PROJECT + "budget/money/", views.budget_edit, name="budget_edit"),
    path(PROJECT + "budget/spending/add/", views.budget_line_add, name="budget_line_add"),
    path(BUDGET_LINE + "change/", views.budget_line_edit, name="budget_line_edit"),
    path(BUDGET_LINE + "remove/", views.budget_line_remove, name="budget_line_remove"),
    path(PROJECT + "barriers/", views.barriers, name="barriers"),
    path(PROJECT + "barriers/add/", views.barrier_add, name="barrier_add"),
    path(BARRIER + "change/", views.barrier_edit, name="barrier_edit"),
    path(BARRIER + "remove/", views.barrier_remove, name="barrier_remove"),
]
