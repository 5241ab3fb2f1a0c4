from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from coplan import language
from coplan.core import documents
from coplan.core.http import posted, save_form
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page
from coplan.plain_words import selectors, services
from coplan.plain_words.easy_read import easy_read_lines, uses_bank_pictures
from coplan.plain_words.forms import (
    CheckForm,
    EasyReadForm,
    OrganisationPictureForm,
    allowed_words,
)
from coplan.plain_words.pictures import credit
from coplan.plain_words.presenters import picture_src, report_view
from coplan.plain_words.printing import easy_read_html


@login_required
def check_page(request: HttpRequest) -> HttpResponse:
    """Check any text, with or without JavaScript."""
    form = CheckForm(posted(request))
    checked = None
    if request.method == "POST" and form.is_valid():
        checked = report_view(form.cleaned_data["text"], mode=form.cleaned_data["mode"])
    return render(
        request,
        "plain_words/check.html",
        {"form": form, "checked": checked, "nav_section": "plain_words"},
    )


@login_required
@require_POST
def check_live(request: HttpRequest) -> HttpResponse:
    """The findings for one text box, as it is typed (htmx swaps them in)."""
    field_name = request.POST.get("field_name", "")
    text = request.POST.get(field_name, "") if field_name else ""
    mode = request.POST.get("mode", language.PLAIN)
    if mode not in (language.PLAIN, language.EASY_READ):
        mode = language.PLAIN
    allowed = allowed_words(request.POST.get(request.POST.get("allowed_field", ""), ""))
    checked = report_view(text, mode=mode, allowed=allowed)
    return render(
        request,
        "plain_words/_findings.html",
        {"checked": checked, "field_id": request.POST.get("field_id", "")},
    )


@login_required
def easy_read(request: HttpRequest) -> HttpResponse:
    """An Easy Read version of a text: one sentence a line, with a picture column."""
    form = EasyReadForm(posted(request))
    lines = None
    if request.method == "POST" and form.is_valid():
        lines = easy_read_lines(form.cleaned_data["text"])
        if "pdf" in request.POST:
            title = form.cleaned_data["title"] or "Easy Read version"
            return documents.pdf_response(
                easy_read_html(title=title, lines=lines),
                filename=f"{slugify(title) or 'easy-read'}.pdf",
            )
    return render(
        request,
        "plain_words/easy_read.html",
        {
            "form": form,
            "lines": lines,
            "nav_section": "plain_words",
            "uses_bank_pictures": uses_bank_pictures,
            "picture_credit": credit,
        },
    )


@organisation_admin_view
def organisation_pictures(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    """The organisation's own pictures for Easy Read, which its projects may choose."""
    organisation = staff_membership.organisation
    return organisation_page(
        request,
        staff_membership,
        "plain_words/organisation_pictures.html",
        pictures=selectors.own_pictures(organisation_id=organisation.pk),
        picture_src=picture_src,
        back=reverse("projects:list"),
    )


@organisation_admin_view
def organisation_picture_add(
    request: HttpRequest, staff_membership: StaffMembership
) -> HttpResponse:
    organisation = staff_membership.organisation
    form = OrganisationPictureForm(posted(request), request.FILES or None, topics=services.TOPICS)
    back = reverse("plain_words:organisation_pictures", kwargs={"organisation_id": organisation.pk})

    def add():
        return services.organisation_picture_add(
            organisation=organisation,
            # One byte more than allowed is enough to say it is too big.
            content=form.cleaned_data["picture"].read(settings.EASY_READ_PICTURE_MAX_BYTES + 1),
            alt=form.cleaned_data["alt"],
            topics=form.cleaned_data["topics"],
            by=request.user,
        )

    if save_form(request, form, add, lambda added: f"‘{added.alt}’ has been added."):
        return redirect(back)
    return organisation_page(
        request,
        staff_membership,
        "organisations/layout-form.html",
        form=form,
        heading="Add a picture for Easy Read",
        button="Add the picture",
        back=back,
    )
