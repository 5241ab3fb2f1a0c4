from django.urls import path

from coplan.api import views

app_name = "api"

urlpatterns = [
    path("your-account/api-tokens/", views.tokens, name="tokens"),
    path("your-account/api-tokens/new/", views.token_add, name="token_add"),
    path("your-account/api-tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path(
        "organisations/<int:organisation_id>/api-tokens/", views.staff_tokens, name="staff_tokens"
    ),
    path(
        "organisations/<int:organisation_id>/api-tokens/<int:token_id>/revoke/",
        views.staff_token_revoke,
        name="staff_token_revoke",
    ),
]
