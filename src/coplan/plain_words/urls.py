from django.urls import path

from coplan.plain_words import views

app_name = "plain_words"

urlpatterns = [
    path("check-wording/", views.check_page, name="check"),
    path("check-wording/live/", views.check_live, name="live"),
    path("check-wording/easy-read/", views.easy_read, name="easy_read"),
    path(
        "organisations/<int:organisation_id>/easy-read-pictures/",
        views.organisation_pictures,
        name="organisation_pictures",
    ),
    path(
        "organisations/<int:organisation_id>/easy-read-pictures/add/",
        views.organisation_picture_add,
        name="organisation_picture_add",
    ),
]
