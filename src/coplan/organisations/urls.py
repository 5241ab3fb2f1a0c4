from django.urls import path

from coplan.organisations import views

app_name = "organisations"

urlpatterns = [
    path("organisations/<int:organisation_id>/staff/", views.staff, name="staff"),
    path("organisations/<int:organisation_id>/staff/add/", views.staff_add, name="staff_add"),
    path(
        "organisations/<int:organisation_id>/staff/<int:staff_membership_id>/admin/",
        views.staff_set_admin,
        name="staff_set_admin",
    ),
    path(
        "organisations/<int:organisation_id>/staff/<int:staff_membership_id>/remove/",
        views.staff_remove,
        name="staff_remove",
    ),
    path(
        "organisations/<int:organisation_id>/staff/two-step/",
        views.staff_two_step,
        name="staff_two_step",
    ),
    path(
        "organisations/<int:organisation_id>/staff/<int:staff_membership_id>/reset-two-step/",
        views.staff_two_step_reset,
        name="staff_two_step_reset",
    ),
]
