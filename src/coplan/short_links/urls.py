from django.urls import path

from coplan.short_links import views

app_name = "short_links"

# Typed from paper: with or without the slash at the end, in any case. The code is a
# person's own link, so it is a `token` (never stored by a browser: core.middleware).
urlpatterns = [
    path("r/<str:token>", views.follow, name="follow"),
    path("r/<str:token>/", views.follow),
]
