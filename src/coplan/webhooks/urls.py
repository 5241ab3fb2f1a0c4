from django.urls import path

from coplan.webhooks import views

app_name = "webhooks"

HOOK = "organisations/<int:organisation_id>/webhooks/<int:webhook_id>/"

urlpatterns = [
    path("organisations/<int:organisation_id>/webhooks/", views.webhooks, name="webhooks"),
    path("organisations/<int:organisation_id>/webhooks/add/", views.webhook_add, name="add"),
    path(HOOK, views.webhook, name="webhook"),
    path(HOOK + "change/", views.webhook_edit, name="edit"),
    path(HOOK + "remove/", views.webhook_remove, name="remove"),
    path(HOOK + "test/", views.webhook_test, name="test"),
    path(HOOK + "new-secret/", views.webhook_secret_renew, name="new_secret"),
    path(HOOK + "deliveries/<int:delivery_id>/", views.delivery, name="delivery"),
]
