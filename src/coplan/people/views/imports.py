"""Participants from a spreadsheet: upload, check every row before anything is saved,
then add them or cancel."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.people import importing, rules, selectors, services
from coplan.people.forms import ImportForm
from coplan.people.views import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_import(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ImportForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        upload = services.participant_import_upload(
            project=membership.project,
            uploaded_by=request.user,
            file_name=uploaded.name or "participants.csv",
            content=uploaded.read(),
        )
        return redirect(SECTION.url("participant_import_preview", membership, import_id=upload.pk))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading="Import participants from a spreadsheet",
        button="Upload and check",
        back=SECTION.url("participants", membership),
        template="people/import.html",
        headings=importing.TEMPLATE_HEADINGS,
        max_rows=importing.MAX_ROWS,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_import_template(request: HttpRequest, membership: Membership) -> HttpResponse:
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="participants-template.csv"'
    return response


def _added(added: int) -> str:
    return f"{added} {'person has' if added == 1 else 'people have'} been added."


@project_view(rules.MANAGE_PARTICIPANTS)
def participant_import_preview(
    request: HttpRequest, membership: Membership, import_id: int
) -> HttpResponse:
    upload = or_404(selectors.participant_import(project=membership.project, import_id=import_id))
    problem = None
    if request.method == "POST":
        try:
            added = services.participant_import_confirm(upload=upload, actor=request.user)
        except services.PeopleRuleError as error:
            problem = error.message
        else:
            messages.success(request, _added(added))
            return redirect(SECTION.url("participants", membership))
    preview = services.participant_import_preview(upload=upload)
    return SECTION.page(
        request,
        membership,
        "people/import_preview.html",
        upload=upload,
        preview=preview,
        sample=preview.check.rows[:20],
        problem=problem,
        status=400 if problem else 200,
    )


@project_view(rules.MANAGE_PARTICIPANTS)
@require_POST
def participant_import_cancel(
    request: HttpRequest, membership: Membership, import_id: int
) -> HttpResponse:
    upload = or_404(selectors.participant_import(project=membership.project, import_id=import_id))
    services.participant_import_cancel(upload=upload)
    messages.success(request, "The import has been cancelled. Nothing was saved.")
    return redirect(SECTION.url("participants", membership))
