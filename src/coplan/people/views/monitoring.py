"""Equality monitoring: the form (kept without anybody's name), the totals (small
numbers hidden) and what the project aims for."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.people import rules, selectors, services
from coplan.people.forms import MonitoringAimForm, MonitoringForm
from coplan.people.monitoring import QUESTION_BY_CODE, SMALL_NUMBER
from coplan.people.views import SECTION
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.GIVE_MONITORING)
def monitoring_form(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = MonitoringForm(posted(request))
    intro = [
        "These questions help us check we are involving a wide enough range of people. "
        "Every question is optional.",
        "Your answers are saved without your name or the date, so nobody can link them to "
        "you. We only ever show totals, and we hide any total smaller than 5.",
    ]
    if membership.may(rules.MANAGE_MONITORING):
        intro.append("If you are typing in someone’s paper form, fill this in once for each form.")
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.monitoring_response_add(
            project=membership.project, answers=form.cleaned_data
        ),
        saved="Thank you. Your answers have been saved, without your name.",
        heading="Equality monitoring",
        intro=intro,
        button="Send answers",
        back=SECTION.url("home", membership),
    )


@project_view(rules.VIEW_MONITORING)
def monitoring_report(request: HttpRequest, membership: Membership) -> HttpResponse:
    total, questions = selectors.monitoring_report(project=membership.project)
    return SECTION.page(
        request,
        membership,
        "people/monitoring_report.html",
        total=total,
        questions=questions,
        small_number=SMALL_NUMBER,
        can_manage=membership.may(rules.MANAGE_MONITORING),
    )


@project_view(rules.MANAGE_MONITORING)
def monitoring_aims(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    form = MonitoringAimForm(posted(request))
    aims = [
        (aim, QUESTION_BY_CODE[aim.question])
        for aim in selectors.monitoring_aims(project=project)
        if aim.question in QUESTION_BY_CODE
    ]

    def save():
        question, answer = form.question_and_answer()
        services.monitoring_aim_set(
            project=project, question=question, answer=answer, aim=form.cleaned_data["aim"]
        )

    return SECTION.form_flow(
        request,
        membership,
        form,
        save=save,
        saved="The aim has been saved.",
        heading="What the project aims for",
        intro=[
            "How am I going to make sure I have wide enough representation? Set how many "
            "people with each answer you aim to involve; the totals show how far you have got."
        ],
        button="Save aim",
        back=SECTION.url("monitoring_report", membership),
        back_text="Back to the totals",
        done=SECTION.url("monitoring_aims", membership),
        template="people/monitoring_aims.html",
        aims=aims,
    )


@project_view(rules.MANAGE_MONITORING)
@require_POST
def monitoring_aim_remove(
    request: HttpRequest, membership: Membership, aim_id: int
) -> HttpResponse:
    aim = or_404(selectors.monitoring_aim(project=membership.project, aim_id=aim_id))
    return SECTION.action(
        request,
        membership,
        do=lambda: services.monitoring_aim_remove(aim=aim),
        message="The aim has been removed.",
        back=SECTION.url("monitoring_aims", membership),
    )
