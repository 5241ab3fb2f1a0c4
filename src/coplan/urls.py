from django.contrib import admin
from django.urls import include, path

from coplan.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.health, name="health"),
    path(
        "security-and-data-protection/",
        core_views.security_and_data_protection,
        name="security_and_data_protection",
    ),
    path("", include("coplan.accounts.urls")),
    path("", include("coplan.projects.urls")),
    path("", include("coplan.organisations.urls")),
    path("", include("coplan.people.urls")),
    path("", include("coplan.notifications.urls")),
    path("", include("coplan.guides.urls")),
    path("", include("coplan.plain_words.urls")),
    path("", include("coplan.planning.urls")),
    path("", include("coplan.meetings.urls")),
    path("", include("coplan.meeting_invitations.urls")),
    path("", include("coplan.working_together.urls")),
    path("", include("coplan.feedback.urls")),
    path("", include("coplan.payments.urls")),
    path("", include("coplan.short_links.urls")),
    path("", include("coplan.api.urls")),
    path("", include("coplan.webhooks.urls")),
    path("admin/", admin.site.urls),
]
