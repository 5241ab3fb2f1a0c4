"""The addresses of a request to the API: `/api/v1/` and every page's, for links.

Only requests under /api/ use it (`coplan.api.middleware.RequestIdMiddleware` sets
`request.urlconf`), so django-ninja and pydantic are imported by a worker when it first
answers the API, not by every worker: `coplan.urls` does not name the API.
"""

from django.urls import path

from coplan.api.endpoints import api
from coplan.urls import urlpatterns as page_patterns

urlpatterns = [path("api/v1/", api.urls), *page_patterns]
