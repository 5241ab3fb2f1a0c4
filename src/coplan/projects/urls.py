from django.urls import path

from coplan.projects import views

app_name = "projects"

urlpatterns = [
    path("projects/", views.project_list, name="list"),
    path("projects/new/", views.project_create, name="create"),
    path("projects/<int:project_id>/", views.project_overview, name="overview"),
    path("projects/<int:project_id>/edit/", views.project_edit, name="edit"),
    path("projects/<int:project_id>/people/", views.people, name="people"),
    path("projects/<int:project_id>/people/invite/", views.invite, name="invite"),
    path(
        "projects/<int:project_id>/people/<int:membership_id>/role/",
        views.change_role,
        name="change_role",
    ),
    path(
        "projects/<int:project_id>/people/<int:membership_id>/remove/",
        views.remove_member,
        name="remove_member",
    ),
    path(
        "projects/<int:project_id>/invitations/<int:invitation_id>/cancel/",
        views.cancel_invitation,
        name="cancel_invitation",
    ),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
]
