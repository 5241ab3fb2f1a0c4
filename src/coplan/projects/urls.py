from django.urls import path

from coplan.projects import views
from coplan.projects.downloads import COLUMNS, CSV, EXCEL
from coplan.projects.registries import EXPORTS

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
    path("projects/<int:project_id>/downloads/", views.downloads_page, name="downloads"),
]

# Each app's downloads (registered from its contributions.py before URLs are read).
_ENDINGS = {CSV: ".csv", EXCEL: ".xlsx", COLUMNS: "-columns.csv"}
urlpatterns += [
    path(
        f"projects/<int:project_id>/downloads/{name}{ending}",
        views.download_view(name, export, file_format),
        name=f"download_{name}_{file_format}",
    )
    for name, export in EXPORTS.items()
    for file_format, ending in _ENDINGS.items()
]
