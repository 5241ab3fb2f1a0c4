"""The one way to draw an organisation's pages (venues, payment rules, staff, guides,
the access-needs log...), as `coplan.projects.pages` draws a project's.

Views are reached through `access.organisation_staff_view` or
`organisation_admin_view`, which hand them the person's `StaffMembership`, and end
with `organisation_page(request, staff_membership, template, **context)`. The
template extends `organisations/layout-organisation.html` (sets `heading`, fills
`{% block page_content %}`): the title ends with the organisation's name, which is
also the caption. A form on a page of its own is
`organisation_page(request, staff_membership, "organisations/layout-form.html",
form=form, heading=..., button=..., back=...)`; with `core.http.save_form` for
saving it.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coplan.core.http import page_status
from coplan.organisations.models import StaffMembership


def organisation_page(
    request: HttpRequest,
    staff_membership: StaffMembership,
    template: str,
    *,
    status: int | None = None,
    **context,
) -> HttpResponse:
    """A page of the organisation; a form sent with mistakes answers 400."""
    shown = {
        "organisation": staff_membership.organisation,
        "staff_membership": staff_membership,
        "nav_section": "organisation",
        **context,
    }
    return render(request, template, shown, status=status or page_status(shown))
