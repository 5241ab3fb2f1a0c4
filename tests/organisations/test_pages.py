"""How an organisation's pages are drawn (coplan.organisations.pages)."""

from django import forms
from django.test import RequestFactory

from coplan.organisations.pages import organisation_page
from tests.factories import OrganisationFactory, StaffMembershipFactory
from tests.projects.test_pages import Page


class VenueForm(forms.Form):
    name = forms.CharField(label="Name of the venue")


def _form_page(staff_membership, form):
    request = RequestFactory().get("/")
    request.user = staff_membership.user
    response = organisation_page(
        request,
        staff_membership,
        "organisations/layout-form.html",
        form=form,
        heading="Add a venue",
        button="Add venue",
        back="/venues/",
    )
    return response, Page(response.content.decode())


def test_organisation_page_names_the_organisation_in_title_and_caption(db):
    staff = StaffMembershipFactory(organisation=OrganisationFactory(name="Oxford Council"))

    response, page = _form_page(staff, VenueForm())

    assert response.status_code == 200
    assert page.title == "Add a venue – Oxford Council – Co-production Planner"
    assert page.caption == "Oxford Council"
    assert page.buttons == ["Add venue"]
    assert page.link("Cancel") == "/venues/"


def test_organisation_form_sent_with_mistakes_answers_400(db):
    staff = StaffMembershipFactory()

    response, page = _form_page(staff, VenueForm(data={}))

    assert response.status_code == 400
    assert page.title.startswith("Error: Add a venue")
