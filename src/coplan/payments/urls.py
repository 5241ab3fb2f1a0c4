from django.urls import path

from coplan.payments.views import approval, choices, claims, export, policy, queue

app_name = "payments"

P = "projects/<int:project_id>/payments/"
CLAIM = P + "claims/<int:claim_id>/"
ORG = "organisations/<int:organisation_id>/paying-people/"
QUEUE = "organisations/<int:organisation_id>/claims-waiting/"

urlpatterns = [
    path(P, claims.home, name="home"),
    path(P + "how-you-are-paid/", choices.choice, name="choice"),
    path(P + "bank-details/", choices.bank_details, name="bank_details"),
    path(P + "claims/", claims.claims, name="claims"),
    path(P + "claims/new/", claims.claim_start, name="claim_start"),
    path(P + "claims/new-for-someone/", claims.claim_start_for, name="claim_start_for"),
    path(CLAIM, claims.claim, name="claim"),
    path(CLAIM + "expenses/add/", claims.expense_add, name="expense_add"),
    path(CLAIM + "time/add/", claims.time_add, name="time_add"),
    path(CLAIM + "lines/<int:line_id>/remove/", claims.line_remove, name="line_remove"),
    path(CLAIM + "lines/<int:line_id>/receipt/", claims.receipt, name="receipt"),
    path(CLAIM + "send/", claims.claim_submit, name="claim_submit"),
    path(CLAIM + "remove/", claims.claim_remove, name="claim_remove"),
    path(CLAIM + "approve/", approval.claim_approve, name="claim_approve"),
    path(CLAIM + "send-back/", approval.claim_return, name="claim_return"),
    path(CLAIM + "paid/", approval.claim_pay, name="claim_pay"),
    path(CLAIM + "told/<int:notice_id>/", approval.notice_done, name="notice_done"),
    path(P + "people/<int:person_id>/", choices.person_payment, name="person_payment"),
    path(P + "people/<int:person_id>/how-paid/", choices.person_choice, name="person_choice"),
    path(
        P + "people/<int:person_id>/bank-details/",
        choices.person_bank_details,
        name="person_bank_details",
    ),
    path(
        P + "people/<int:person_id>/bank-details/confirm/",
        choices.person_bank_details_confirm,
        name="person_bank_details_confirm",
    ),
    path(P + "cost-code/", export.cost_code, name="cost_code"),
    path(P + "export/", export.export, name="export"),
    path(ORG, policy.policies, name="policies"),
    path(ORG + "new/", policy.policy_add, name="policy_add"),
    path(ORG + "<int:policy_id>/", policy.policy_edit, name="policy_edit"),
    path(QUEUE, queue.queue, name="queue"),
    path(QUEUE + "download/", queue.queue_export, name="queue_export"),
]
