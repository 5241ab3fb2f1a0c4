from django.urls import path

from coplan.payments import views

app_name = "payments"

P = "projects/<int:project_id>/payments/"
CLAIM = P + "claims/<int:claim_id>/"
ORG = "organisations/<int:organisation_id>/paying-people/"

urlpatterns = [
    path(P, views.home, name="home"),
    path(P + "how-you-are-paid/", views.choice, name="choice"),
    path(P + "bank-details/", views.bank_details, name="bank_details"),
    path(P + "claims/", views.claims, name="claims"),
    path(P + "claims/new/", views.claim_start, name="claim_start"),
    path(P + "claims/new-for-someone/", views.claim_start_for, name="claim_start_for"),
    path(CLAIM, views.claim, name="claim"),
    path(CLAIM + "expenses/add/", views.expense_add, name="expense_add"),
    path(CLAIM + "time/add/", views.time_add, name="time_add"),
    path(CLAIM + "lines/<int:line_id>/remove/", views.line_remove, name="line_remove"),
    path(CLAIM + "lines/<int:line_id>/receipt/", views.receipt, name="receipt"),
    path(CLAIM + "send/", views.claim_submit, name="claim_submit"),
    path(CLAIM + "remove/", views.claim_remove, name="claim_remove"),
    path(CLAIM + "approve/", views.claim_approve, name="claim_approve"),
    path(CLAIM + "send-back/", views.claim_return, name="claim_return"),
    path(CLAIM + "paid/", views.claim_pay, name="claim_pay"),
    path(CLAIM + "told/<int:notice_id>/", views.notice_done, name="notice_done"),
    path(P + "people/<int:person_id>/", views.person_payment, name="person_payment"),
    path(P + "people/<int:person_id>/how-paid/", views.person_choice, name="person_choice"),
    path(
        P + "people/<int:person_id>/bank-details/",
        views.person_bank_details,
        name="person_bank_details",
    ),
    path(P + "cost-code/", views.cost_code, name="cost_code"),
    path(P + "export/", views.export, name="export"),
    path(ORG, views.policies, name="policies"),
    path(ORG + "new/", views.policy_add, name="policy_add"),
    path(ORG + "<int:policy_id>/", views.policy_edit, name="policy_edit"),
]
