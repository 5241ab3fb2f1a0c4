"""Finance's pages for a project: the claims approved between two dates as a
spreadsheet, and the project's cost code that goes on each row."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from coplan.core.http import posted
from coplan.payments import exports, rules, selectors, services
from coplan.payments.forms import CostCodeForm, ExportForm
from coplan.payments.models import Claim
from coplan.payments.views import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership, Project

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@project_view(rules.PAY_CLAIMS)
def cost_code(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = CostCodeForm(
        posted(request),
        initial={"cost_code": selectors.project_cost_code(project=membership.project)},
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.cost_code_set(
            project=membership.project, cost_code=form.cleaned_data["cost_code"]
        ),
        saved="The cost code has been saved.",
        heading="Cost code",
        button="Save cost code",
        back=SECTION.url("claims", membership),
    )


def download(
    claims: list[Claim],
    *,
    name: str,
    file_format: str,
    title: str,
    cost_code: str = "",
    cost_codes: dict[int, str] | None = None,
) -> HttpResponse:
    """The claims as a file to download (exports.py): the project's cost code on every
    row, or each claim's project's one from `cost_codes`."""
    rows = exports.export_rows(
        claims=claims,
        choices=selectors.payment_choices_for(people=[claim.person for claim in claims]),
        cost_code=cost_code,
        cost_codes=cost_codes,
    )
    if file_format == "csv":
        response = HttpResponse(exports.export_csv(rows), content_type="text/csv")
    else:
        response = HttpResponse(exports.export_xlsx(rows, title=title), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


def project_claims_file(
    *, project: Project, start: datetime.date, end: datetime.date, file_format: str
) -> HttpResponse:
    """The project's claims approved between two dates, as finance downloads them (the
    page below and the API)."""
    return download(
        selectors.claims_for_export(project=project, start=start, end=end),
        cost_code=selectors.project_cost_code(project=project),
        name=f"claims-{project.pk}-{start:%Y%m%d}-{end:%Y%m%d}",
        file_format="csv" if file_format == "csv" else "xlsx",
        title=f"Claims for {project.name}",
    )


@project_view(rules.PAY_CLAIMS)
def export(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    form = ExportForm(
        request.GET if "start-day" in request.GET else None,
        initial={"start": today.replace(day=1), "end": today, "file_format": "xlsx"},
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return project_claims_file(
            project=membership.project,
            start=data["start"],
            end=data["end"],
            file_format=data["file_format"],
        )
    return SECTION.form_page(
        request,
        membership,
        form,
        heading="Download claims for finance",
        intro=[
            "Claims approved between the two dates, whether paid yet or not: who to pay, "
            "the amounts by kind, the cost code and the payment reference."
        ],
        button="Download",
        method="get",
        back=SECTION.url("claims", membership),
    )
