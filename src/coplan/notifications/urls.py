from django.urls import path

from coplan.notifications import views

app_name = "notifications"

urlpatterns = [
    path("updates/", views.updates, name="updates"),
    path("your-account/what-we-send-you/", views.choices, name="choices"),
    path(
        "organisations/<int:organisation_id>/texts-and-letters/",
        views.notify_account,
        name="notify_account",
    ),
]
