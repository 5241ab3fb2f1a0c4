from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coplan.core import documents
from coplan.core.errors import RuleError
from coplan.core.http import or_404, posted
from coplan.guides import engine, rules, selectors, services, whole_plan
from coplan.guides.forms import (
    CommentForm,
    GuideUploadForm,
    SectionForm,
    WayForwardAnswerForm,
    WayForwardForm,
)
from coplan.guides.models import PlanDownloadStatus
from coplan.guides.presenters import AnswerPresenter, guidance_blocks
from coplan.organisations.access import organisation_admin_view
from coplan.organisations.models import StaffMembership
from coplan.organisations.pages import organisation_page
from coplan.plain_words.pictures import credit
from coplan.projects import rules as project_rules
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import Section, project_url
from coplan.projects.registries import PlanVersion, answer_suggestions
from coplan.projects.roles import Role

PLAN = Section("plan", namespace="guides")


def _workbook(membership: Membership, guide_key: str) -> selectors.ProjectWorkbook:
    services.project_guides_ensure(project=membership.project)
    return or_404(selectors.project_workbook(project=membership.project, guide_key=guide_key))


def _section_url(membership: Membership, guide_key: str, section_id: str) -> str:
    return PLAN.url("section", membership, guide_key=guide_key, section_id=section_id)


@project_view(rules.VIEW_PLAN)
def plan(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    services.project_guides_ensure(project=project)
    workbooks = selectors.project_workbooks(project=project)
    return PLAN.page(
        request,
        membership,
        "guides/plan.html",
        workbooks=workbooks,
        newer=selectors.newer_guide_versions(
            project=project, project_guides=[w.project_guide for w in workbooks]
        ),
        can_edit=membership.may(rules.EDIT_PLAN),
        can_choose=membership.may(rules.CHOOSE_WAY_FORWARD),
        can_read_whole_plan=membership.may(rules.VIEW_PLAN_DOCUMENT),
    )


def _chosen_parts(
    request: HttpRequest, membership: Membership, version: whole_plan.Version
) -> tuple[list[str], bool]:
    """The names of the parts of the whole plan asked for (every part the member may
    read in this version, unless some were chosen), and whether that is all of them."""
    offered = [name for name, _ in whole_plan.offered(membership, version)]
    if "chosen" not in request.GET:
        return offered, True
    asked = set(request.GET.getlist("part"))
    chosen = [name for name in offered if name in asked]
    return chosen, len(chosen) == len(offered)


def _plan_page(request: HttpRequest, membership: Membership, key: PlanVersion) -> HttpResponse:
    """The whole plan on one page in one version, in reading order; the parts can be
    chosen, and the downloads keep the choice."""
    version = whole_plan.VERSIONS[key]
    chosen, all_chosen = _chosen_parts(request, membership, version)
    query = "?" + request.GET.urlencode() if request.GET else ""
    drawn = whole_plan.parts(membership, version, chosen)
    return PLAN.page(
        request,
        membership,
        "guides/plan_document.html",
        heading=version.heading,
        version=version,
        parts=drawn,
        picture_credit=credit() if whole_plan.uses_pictures(drawn) else None,
        choices=[
            {"value": name, "text": title, "checked": name in chosen}
            for name, title in whole_plan.offered(membership, version)
        ],
        all_chosen=all_chosen,
        other_versions=[
            (other, PLAN.url(other.url_name, membership))
            for other in whole_plan.versions_for(membership)
            if other != version
        ],
        pdf_url=PLAN.url(version.url_name + "_pdf", membership) + query,
        docx_url=PLAN.url(version.url_name + "_docx", membership) + query,
        in_background=whole_plan.in_background(membership.project),
        chosen=chosen,
    )


def _plan_file(
    request: HttpRequest, membership: Membership, key: PlanVersion, extension: str
) -> HttpResponse:
    """The whole plan in one version as a tagged PDF (PDF/UA-1) or a Word document
    with Word's heading styles and tables: the same parts as the page, made straight
    away. (The page of a large plan offers `plan_download_start` instead; this address
    still answers, for scripts and `make bench`, which times it.)"""
    version = whole_plan.VERSIONS[key]
    chosen, _ = _chosen_parts(request, membership, version)
    html = whole_plan.plan_html(membership=membership, version=key, chosen=chosen)
    respond = documents.pdf_response if extension == "pdf" else documents.docx_response
    return respond(html, filename=version.file(membership, extension))


@project_view(rules.VIEW_PLAN_DOCUMENT)
def plan_document(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_page(request, membership, PlanVersion.STAFF)


@project_view(rules.VIEW_PLAN_DOCUMENT)
def plan_document_pdf(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_file(request, membership, PlanVersion.STAFF, "pdf")


@project_view(rules.VIEW_PLAN_DOCUMENT)
def plan_document_docx(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_file(request, membership, PlanVersion.STAFF, "docx")


@project_view(rules.VIEW_PLAN_FOR_PARTICIPANTS)
def plan_for_participants(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_page(request, membership, PlanVersion.PARTICIPANTS)


@project_view(rules.VIEW_PLAN_FOR_PARTICIPANTS)
def plan_for_participants_pdf(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_file(request, membership, PlanVersion.PARTICIPANTS, "pdf")


@project_view(rules.VIEW_PLAN_FOR_PARTICIPANTS)
def plan_for_participants_docx(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_file(request, membership, PlanVersion.PARTICIPANTS, "docx")


@project_view(rules.VIEW_PLAN_FOR_PARTICIPANTS)
def plan_easy_read(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_page(request, membership, PlanVersion.EASY_READ)


@project_view(rules.VIEW_PLAN_FOR_PARTICIPANTS)
def plan_easy_read_pdf(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_file(request, membership, PlanVersion.EASY_READ, "pdf")


@project_view(rules.VIEW_PLAN_FOR_PARTICIPANTS)
def plan_easy_read_docx(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _plan_file(request, membership, PlanVersion.EASY_READ, "docx")


FILE_FORMATS = {"pdf": "PDF", "docx": "Word document"}


@project_view(rules.VIEW_PLAN)
@require_POST
def plan_download_start(request: HttpRequest, membership: Membership) -> HttpResponse:
    """ "Download" on the page of a large plan: the background worker makes the file,
    and the person waits on a page that shows how far it has got."""
    version = whole_plan.VERSIONS.get(request.POST.get("version", ""))
    file_format = request.POST.get("file_format", "")
    if version is None or file_format not in FILE_FORMATS:
        raise Http404("No such version or format of the plan")
    if not membership.may(version.permission):
        raise PermissionDenied
    offered = [name for name, _ in whole_plan.offered(membership, version)]
    asked = set(request.POST.getlist("part")) if "chosen" in request.POST else set(offered)
    download = services.plan_download_start(
        membership=membership,
        version=version.key,
        file_format=file_format,
        parts=[name for name in offered if name in asked],
    )
    return redirect(PLAN.url("plan_download", membership, download_id=download.pk))


def _download(membership: Membership, download_id: int):
    download = or_404(selectors.plan_download(project=membership.project, download_id=download_id))
    if not whole_plan.may_open(membership, download):
        raise PermissionDenied
    return download


@project_view(rules.VIEW_PLAN)
def plan_download(request: HttpRequest, membership: Membership, download_id: int) -> HttpResponse:
    """How far the file of a large plan has got, until it can be downloaded. With htmx
    the status is asked for every two seconds and said as it changes; without, "Check
    again" reloads the page."""
    download = _download(membership, download_id)
    version = whole_plan.VERSIONS[download.version]
    context = {
        "download": download,
        "version": version,
        "file_format": FILE_FORMATS[download.file_format],
        "progress": whole_plan.progress_words(download, FILE_FORMATS[download.file_format]),
        "file_url": PLAN.url("plan_download_file", membership, download_id=download.pk),
        "page_url": PLAN.url("plan_download", membership, download_id=download.pk),
    }
    if request.headers.get("HX-Request"):
        # 286 tells htmx to stop asking once the file is ready or could not be made.
        return render(
            request,
            "guides/_plan_download_status.html",
            {**context, "project": membership.project},
            status=200 if download.is_under_way else 286,
        )
    return PLAN.page(
        request,
        membership,
        "guides/plan_download.html",
        back=PLAN.url(version.url_name, membership),
        **context,
    )


@project_view(rules.VIEW_PLAN)
def plan_download_file(
    request: HttpRequest, membership: Membership, download_id: int
) -> HttpResponse:
    download = _download(membership, download_id)
    if download.status != PlanDownloadStatus.READY:
        return redirect(PLAN.url("plan_download", membership, download_id=download.pk))
    response = HttpResponse(
        selectors.plan_download_content(download=download),
        content_type=documents.PDF if download.file_format == "pdf" else documents.DOCX,
    )
    response["Content-Disposition"] = f'attachment; filename="{download.file_name}"'
    return response


@project_view(rules.VIEW_PLAN)
def section(
    request: HttpRequest, membership: Membership, guide_key: str, section_id: str
) -> HttpResponse:
    workbook = _workbook(membership, guide_key)
    guide_section = or_404(workbook.section(section_id))
    can_edit = membership.may(rules.EDIT_PLAN)
    form = SectionForm(posted(request), section=guide_section, answers=workbook.answers)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        if form.is_valid():
            changed = services.section_answers_save(
                project_guide=workbook.project_guide,
                answers=form.section_answers(),
                user=request.user,
            )
            messages.success(request, _saved_message(changed, guide_section))
            following = workbook.next_section(section_id)
            then = section_id
            if following is not None and "save_and_continue" in request.POST:
                then = following.id
            met = _stop_met(membership, guide_key, guide_section) if changed else None
            if met is not None:
                return redirect(
                    PLAN.url("stop_met", membership, guide_key=guide_key, rule_id=met)
                    + f"?then={then}"
                )
            return redirect(_section_url(membership, guide_key, then))
    return _section_page(request, membership, workbook, guide_section, form=form)


def _stop_rule(workbook: selectors.ProjectWorkbook, rule_id: str) -> engine.Rule:
    """The guide's rule with ways forward, or page not found."""
    rule = workbook.guide.rule(rule_id)
    if rule is None or not rule.ways_forward:
        raise Http404
    return rule


def _stop_met(membership: Membership, guide_key: str, guide_section: engine.Section) -> str | None:
    """The first stop, about a question of this section, that waits for a way forward."""
    workbook = _workbook(membership, guide_key)
    asked = {question.id for question in guide_section.questions}
    return next(
        (
            outcome.rule_id
            for outcome in workbook.workbook.outcomes
            if outcome.level is engine.Level.STOP
            and outcome.ways_forward
            and outcome.status is engine.OutcomeStatus.OPEN
            and outcome.about in asked
        ),
        None,
    )


@project_view(rules.MEET_STOP)
def stop_met(
    request: HttpRequest, membership: Membership, guide_key: str, rule_id: str
) -> HttpResponse:
    """The interruption after saving an answer that makes the plan say stop: the guide's
    words and its ways forward, with the way to choose one now or carry on."""
    workbook = _workbook(membership, guide_key)
    rule = _stop_rule(workbook, rule_id)
    then = workbook.section(request.GET.get("then", ""))
    return PLAN.page(
        request,
        membership,
        "guides/stop_met.html",
        rule=rule,
        can_choose=membership.may(rules.CHOOSE_WAY_FORWARD),
        choose=PLAN.url("way_forward", membership, guide_key=guide_key, rule_id=rule_id),
        carry_on=(
            _section_url(membership, guide_key, then.id) if then else PLAN.url("plan", membership)
        ),
    )


def _section_page(
    request: HttpRequest,
    membership: Membership,
    workbook: selectors.ProjectWorkbook,
    guide_section: engine.Section,
    *,
    form: SectionForm | None = None,
    comment_form: CommentForm | None = None,
) -> HttpResponse:
    can_edit = membership.may(rules.EDIT_PLAN)
    if form is None:
        form = SectionForm(section=guide_section, answers=workbook.answers)
    question_ids = [question.id for question in guide_section.questions]
    return PLAN.page(
        request,
        membership,
        "guides/section.html",
        workbook=workbook,
        section=guide_section,
        progress=workbook.progress(guide_section.id),
        next_section=workbook.next_section(guide_section.id),
        form=form,
        can_edit=can_edit,
        can_change_project=membership.may(project_rules.EDIT_PROJECT),
        suggestions=answer_suggestions(membership.project),
        answers={
            question.id: AnswerPresenter(question, workbook.answers.get(question.id))
            for question in guide_section.questions
        },
        comments=selectors.section_comments(
            project_guide=workbook.project_guide, question_ids=question_ids
        ),
        guidance={q.id: guidance_blocks(q) for q in guide_section.questions},
        section_intro=engine.text_blocks(guide_section.intro),
        comment_form=comment_form or CommentForm(section=guide_section),
        back=PLAN.url("plan", membership),
    )


def _saved_message(changed: int, guide_section: engine.Section) -> str:
    if not changed:
        return f"Nothing changed in ‘{guide_section.title}’."
    answers = "answer" if changed == 1 else "answers"
    return f"{changed} {answers} saved in ‘{guide_section.title}’."


@project_view(rules.COMMENT_ON_PLAN)
@require_POST
def comment(
    request: HttpRequest, membership: Membership, guide_key: str, section_id: str
) -> HttpResponse:
    workbook = _workbook(membership, guide_key)
    guide_section = or_404(workbook.section(section_id))
    form = CommentForm(request.POST, section=guide_section)
    target = _section_url(membership, guide_key, section_id)
    if form.is_valid():
        services.comment_add(
            project_guide=workbook.project_guide,
            question_id=form.cleaned_data["question_id"],
            author=request.user,
            text=form.cleaned_data["text"],
        )
        messages.success(request, "Your comment has been added.")
        return redirect(f"{target}#question-{form.cleaned_data['question_id']}")
    return _section_page(request, membership, workbook, guide_section, comment_form=form)


@project_view(rules.VIEW_PLAN)
def history(
    request: HttpRequest, membership: Membership, guide_key: str, question_id: str
) -> HttpResponse:
    workbook = _workbook(membership, guide_key)
    question = or_404(workbook.guide.question(question_id))
    changes = [
        (
            change,
            AnswerPresenter.for_value(
                question, change.old_value, change.old_state, change.old_note
            ),
            AnswerPresenter.for_value(
                question, change.new_value, change.new_state, change.new_note
            ),
        )
        for change in selectors.answer_history(
            project_guide=workbook.project_guide, question_id=question_id
        )
    ]
    section_id = next(s.id for s in workbook.guide.sections if question in s.questions)
    return PLAN.page(
        request,
        membership,
        "guides/history.html",
        workbook=workbook,
        question=question,
        back=_section_url(membership, guide_key, section_id),
        changes=changes,
    )


@project_view(rules.CHOOSE_WAY_FORWARD)
def way_forward(
    request: HttpRequest, membership: Membership, guide_key: str, rule_id: str
) -> HttpResponse:
    """The lead chooses a way forward; one that needs agreement goes to the managers."""
    workbook = _workbook(membership, guide_key)
    rule = _stop_rule(workbook, rule_id)
    form = WayForwardForm(posted(request), rule=rule)
    if request.method == "POST" and form.is_valid():
        try:
            choice = services.way_forward_record(
                project_guide=workbook.project_guide,
                guide=workbook.guide,
                rule_id=rule_id,
                way_forward_id=form.cleaned_data["way_forward"],
                user=request.user,
            )
        except engine.ResolutionError as error:
            form.add_error(None, str(error))
        else:
            way = rule.way_forward(choice.way_forward_id)
            messages.success(
                request,
                "The way forward has been sent to the project’s managers to agree."
                if way.needs_agreement
                else "The way forward has been recorded.",
            )
            return redirect("guides:plan", project_id=membership.project_id)
    outcome = next((o for o in workbook.workbook.outcomes if o.rule_id == rule_id), None)
    return PLAN.form_page(
        request,
        membership,
        form,
        heading="Choose a way forward",
        button="Send to a manager to agree",
        back=PLAN.url("plan", membership),
        back_text="Back to the plan",
        template="guides/way_forward.html",
        rule=rule,
        outcome=outcome,
        choice=workbook.choice(rule_id),
        has_manager=Membership.objects.filter(
            project=membership.project, role=Role.MANAGER
        ).exists(),
        invite=project_url("projects:invite", membership),
    )


@project_view(rules.AGREE_WAY_FORWARD)
def way_forward_agree(
    request: HttpRequest, membership: Membership, guide_key: str, rule_id: str
) -> HttpResponse:
    """A manager of the project agrees the way forward the lead chose, or says no and why."""
    workbook = _workbook(membership, guide_key)
    rule = _stop_rule(workbook, rule_id)
    choice = workbook.choice(rule_id)
    form = WayForwardAnswerForm(posted(request))
    if request.method == "POST" and form.is_valid():
        agree = form.cleaned_data["decision"] == "agree"
        try:
            services.way_forward_answer(
                project_guide=workbook.project_guide,
                rule_id=rule_id,
                way_forward_id=request.POST.get("way_forward_id", ""),
                manager=request.user,
                agree=agree,
                reason=form.cleaned_data["reason"],
            )
        except RuleError as error:
            error.add_to(form)
        else:
            messages.success(
                request,
                "You have agreed the way forward."
                if agree
                else "You have said no. The lead will choose again.",
            )
            return redirect("guides:plan", project_id=membership.project_id)
    waiting = choice is not None and not choice.agreed_by and not choice.is_refused
    return PLAN.form_page(
        request,
        membership,
        form,
        heading="Agree the way forward" if waiting else "The plan says stop",
        button="Send your answer",
        back=PLAN.url("plan", membership),
        back_text="Back to the plan",
        template="guides/way_forward_agree.html",
        rule=rule,
        choice=choice,
        way=rule.way_forward(choice.way_forward_id) if choice else None,
        waiting=waiting,
    )


@organisation_admin_view
def organisation_guides(request: HttpRequest, staff_membership: StaffMembership) -> HttpResponse:
    organisation = staff_membership.organisation
    form = GuideUploadForm(posted(request), request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = request.FILES["guide_file"]
        try:
            stored = services.organisation_guide_upload(
                organisation=organisation,
                file_name=upload.name,
                source=form.cleaned_data["guide_file"],
                user=request.user,
            )
        except services.GuideUploadError as error:
            problems = error.messages
            form.add_error("guide_file", "The guide file has problems: see the list below")
        else:
            messages.success(
                request, f"‘{stored.title}’ version {stored.version} is ready for new projects."
            )
            return redirect("guides:organisation_guides", organisation_id=organisation.pk)
    return organisation_page(
        request,
        staff_membership,
        "guides/organisation_guides.html",
        form=form,
        problems=problems,
        guide_versions=list(selectors.organisation_guide_versions(organisation=organisation)),
    )


@project_view(rules.EDIT_PLAN)
def upgrade(request: HttpRequest, membership: Membership, guide_key: str) -> HttpResponse:
    workbook = _workbook(membership, guide_key)
    project_guide = workbook.project_guide
    new_version = or_404(
        selectors.newer_guide_versions(
            project=membership.project, project_guides=[project_guide]
        ).get(guide_key)
    )
    migration = selectors.guide_upgrade_preview(workbook=workbook, new_version=new_version)
    if request.method == "POST":
        services.project_guide_upgrade(
            project_guide=project_guide,
            migration=migration,
            new_version=new_version,
            user=request.user,
        )
        messages.success(
            request, f"The plan now uses version {new_version.version} of ‘{new_version.title}’."
        )
        return redirect("guides:plan", project_id=membership.project_id)
    return PLAN.page(
        request,
        membership,
        "guides/upgrade.html",
        workbook=workbook,
        new_version=new_version,
        migration=migration,
        back=PLAN.url("plan", membership),
    )
