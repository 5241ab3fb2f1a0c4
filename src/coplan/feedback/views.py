"""Pages for feedback: forms, filling them in (by link, one question a screen in
Easy Read, or typed in from paper), results, you said we did, self-reflection
and lessons.

Project pages are reached only through `project_view(permission)` and find
objects only within `membership.project`. The pages people fill a form in on
are reached by the form's link and show nothing but the form.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from coplan import language
from coplan.core.http import or_404, posted
from coplan.core.numbers import digits_read
from coplan.feedback import bank, rules, selectors, services
from coplan.feedback.forms import (
    DEFAULT_INTRO,
    AnswersForm,
    FeedbackFormChangeForm,
    FeedbackFormForm,
    LessonForm,
    OneAnswerForm,
    OneTimeLinksForm,
    OwnQuestionForm,
    ReflectionForm,
    ShareForm,
    YouSaidWeDidForm,
    answer_field_name,
    form_initial,
    reflection_field_name,
    reflection_initial,
    theme_initial,
)
from coplan.feedback.models import FeedbackForm, HowAnswered
from coplan.feedback.presenters import chart_svg, picture_radios, qr_svg, results_csv
from coplan.feedback.printing import (
    easy_read_form_pdf,
    form_link_for_print,
    letters_pdf,
    one_time_slips_pdf,
    standard_form_pdf,
)
from coplan.organisations.selectors import organisations_for_staff
from coplan.plain_words.presenters import report_view
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import Section
from coplan.projects.rules import role_may
from coplan.projects.selectors import project_membership
from coplan.working_together import selectors as working_together_selectors

KEEP_WORDING = "keep_wording"
SECTION = Section("feedback", namespace="feedback")


def _may(membership: Membership, permission) -> bool:
    return role_may(membership.role, permission)


def _context(membership: Membership, **extra) -> dict:
    return {
        "project": membership.project,
        "membership": membership,
        "project_section": "feedback",
        "nav_section": "projects",
        "can_view_forms": _may(membership, rules.VIEW_FEEDBACK),
        "can_manage": _may(membership, rules.MANAGE_FEEDBACK),
        **extra,
    }


def _url(name: str, membership: Membership, **kwargs) -> str:
    return reverse(f"feedback:{name}", kwargs={"project_id": membership.project_id, **kwargs})


def _form_url(membership: Membership, form: FeedbackForm) -> str:
    return _url("form", membership, form_id=form.pk)


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def _rule_error(form, error: services.FeedbackError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _wording(
    request: HttpRequest, membership: Membership, texts: dict[str, tuple[str, str]]
) -> dict:
    """The language checker's findings on words people will read, for each field.

    A form is saved straight away when there is nothing to look at; otherwise
    it is shown again with the findings, and saved as it is if the person says so.
    """
    allowed = working_together_selectors.defined_words(project=membership.project)
    found = {}
    for name, (text, mode) in texts.items():
        checked = report_view(text, mode=mode, allowed=allowed)
        if checked.findings:
            found[name] = checked
    if KEEP_WORDING in request.POST:
        return {}
    return found


def _form_page(
    request: HttpRequest,
    membership: Membership,
    form,
    *,
    heading: str,
    button: str,
    back: str,
    intro: str = "",
    checked: dict | None = None,
    live: dict | None = None,
) -> HttpResponse:
    """A form on its own page; `live` fields (name: mode) get the live wording check."""
    return render(
        request,
        "feedback/form_page.html",
        _context(
            membership,
            form=form,
            heading=heading,
            button=button,
            back=back,
            intro=intro,
            checked=checked or {},
            live=live or {},
        ),
        status=_status(form),
    )


def _remove_page(request, membership, *, heading: str, thing: str, back: str) -> HttpResponse:
    return SECTION.remove_page(request, membership, heading=heading, thing=thing, back=back)


# Home ----------


@project_view(rules.VIEW_YOU_SAID_WE_DID)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    return render(
        request,
        "feedback/home.html",
        _context(
            membership,
            loop=selectors.closing_the_loop(project=project),
            forms=selectors.feedback_forms(project=project)
            if _may(membership, rules.VIEW_FEEDBACK)
            else [],
            can_reflect=_may(membership, rules.WRITE_REFLECTION),
        ),
    )


# Forms ----------


@project_view(rules.VIEW_FEEDBACK)
def forms(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "feedback/forms.html",
        _context(membership, forms=selectors.feedback_forms(project=membership.project)),
    )


@project_view(rules.MANAGE_FEEDBACK)
def form_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    form = FeedbackFormForm(
        posted(request),
        meetings=selectors.meetings_for_choice(project=project),
        initial={
            "intro": DEFAULT_INTRO,
            "closed_box": "yes",
            "how_answered": HowAnswered.LINK,
        },
    )
    checked = {}
    if request.method == "POST" and form.is_valid():
        checked = _wording(
            request, membership, {"intro": (form.cleaned_data["intro"], language.PLAIN)}
        )
        if not checked:
            try:
                made = services.feedback_form_create(
                    project=project, by=request.user, **form.service_arguments()
                )
            except services.FeedbackError as error:
                _rule_error(form, error)
            else:
                messages.success(request, f"‘{made.title}’ has been made.")
                return redirect(_form_url(membership, made))
    return _form_page(
        request,
        membership,
        form,
        heading="Make a feedback form",
        button="Make the form",
        back=_url("forms", membership),
        intro=(
            "People can fill it in online, by a link or a QR code, or on paper. "
            "Every form has a standard and an Easy Read version of the same questions."
        ),
        checked=checked,
        live={"intro": language.PLAIN},
    )


@project_view(rules.VIEW_FEEDBACK)
def form(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    link = services.feedback_link(found.token)
    uses_form_link = found.how_answered != HowAnswered.ONE_TIME
    return render(
        request,
        "feedback/form.html",
        _context(
            membership,
            form=found,
            questions=selectors.feedback_questions(form=found),
            link=link if uses_form_link else None,
            qr=qr_svg(link, label=f"QR code for the link to {found.title}")
            if uses_form_link
            else None,
            open_links=selectors.open_one_time_links(form=found)
            if found.how_answered == HowAnswered.ONE_TIME
            else None,
        ),
    )


@project_view(rules.MANAGE_FEEDBACK)
def form_edit(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    project = membership.project
    found = or_404(selectors.feedback_form(project=project, form_id=form_id))
    form = FeedbackFormChangeForm(
        posted(request),
        meetings=selectors.meetings_for_choice(project=project),
        initial=form_initial(found),
    )
    checked = {}
    if request.method == "POST" and form.is_valid():
        checked = _wording(
            request, membership, {"intro": (form.cleaned_data["intro"], language.PLAIN)}
        )
        if not checked:
            try:
                services.feedback_form_update(form=found, **form.service_arguments())
            except services.FeedbackError as error:
                _rule_error(form, error)
            else:
                messages.success(request, f"‘{found.title}’ has been saved.")
                return redirect(_form_url(membership, found))
    return _form_page(
        request,
        membership,
        form,
        heading="Change the feedback form",
        button="Save changes",
        back=_form_url(membership, found),
        checked=checked,
        live={"intro": language.PLAIN},
    )


@project_view(rules.MANAGE_FEEDBACK)
def form_remove(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    if request.method == "POST":
        services.feedback_form_delete(form=found)
        messages.success(request, f"‘{found.title}’ and its answers have been removed.")
        return redirect(_url("forms", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this feedback form?",
        thing=f"{found.title}. Its {found.answer_count} answers will be removed too.",
        back=_form_url(membership, found),
    )


@project_view(rules.MANAGE_FEEDBACK)
def question_add(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    form = OwnQuestionForm(posted(request))
    checked = {}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        checked = _wording(
            request,
            membership,
            {
                "standard": (data["standard"], language.PLAIN),
                "easy_read": (data["easy_read"], language.EASY_READ),
            },
        )
        if not checked:
            try:
                services.feedback_question_add(
                    form=found,
                    kind=data["kind"],
                    standard=data["standard"],
                    easy_read=data["easy_read"],
                )
            except services.FeedbackError as error:
                _rule_error(form, error)
            else:
                messages.success(request, "Your question has been added.")
                return redirect(_form_url(membership, found))
    return _form_page(
        request,
        membership,
        form,
        heading="Add a question of your own",
        button="Add question",
        back=_form_url(membership, found),
        intro="The wording check looks at your words: keep them short and everyday.",
        checked=checked,
        live={"standard": language.PLAIN, "easy_read": language.EASY_READ},
    )


@project_view(rules.MANAGE_FEEDBACK)
@require_POST
def question_remove(
    request: HttpRequest, membership: Membership, form_id: int, feedback_question_id: int
) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    question = or_404(selectors.feedback_question(form=found, question_id=feedback_question_id))
    try:
        services.feedback_question_remove(question=question)
    except services.FeedbackError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "The question has been taken off the form.")
    return redirect(_form_url(membership, found))


@project_view(rules.MANAGE_FEEDBACK)
@require_POST
def link_renew(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    services.feedback_link_renew(form=found)
    messages.success(
        request, "The form has a new link and QR code. The old link has stopped working."
    )
    return redirect(_form_url(membership, found))


@project_view(rules.MANAGE_FEEDBACK)
def one_time_links(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    if found.how_answered != HowAnswered.ONE_TIME:
        raise Http404
    people = selectors.people_involved(project=membership.project)
    form = OneTimeLinksForm(request.POST if "count" in request.POST else None)
    if request.method == "POST" and "email" in request.POST:
        sent = services.one_time_links_email(form=found, people=people)
        messages.success(
            request,
            f"{sent} {'person has' if sent == 1 else 'people have'} been emailed their own link.",
        )
        return redirect(_form_url(membership, found))
    if request.method == "POST" and form.is_valid():
        links = [
            services.feedback_link(token)
            for token in services.one_time_links_make(form=found, count=form.cleaned_data["count"])
        ]
        response = HttpResponse(
            one_time_slips_pdf(form=found, links=links), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{slugify(found.title) or "form"}-links.pdf"'
        )
        return response
    return render(
        request,
        "feedback/one_time_links.html",
        _context(
            membership,
            form=found,
            count_form=form,
            with_email=sum(1 for person in people if person.email),
            open_links=selectors.open_one_time_links(form=found),
            back=_form_url(membership, found),
        ),
        status=_status(form),
    )


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@project_view(rules.VIEW_FEEDBACK)
def form_pdf(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    link = form_link_for_print(found, services.feedback_link(found.token))
    content = standard_form_pdf(
        form=found, questions=selectors.feedback_questions(form=found), link=link
    )
    return _pdf(content, slugify(found.title) or "feedback-form")


@project_view(rules.VIEW_FEEDBACK)
def form_pdf_easy_read(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    content = easy_read_form_pdf(form=found, questions=selectors.feedback_questions(form=found))
    return _pdf(content, (slugify(found.title) or "feedback-form") + "-easy-read")


@project_view(rules.VIEW_FEEDBACK)
def form_qr(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    if found.how_answered == HowAnswered.ONE_TIME:
        raise Http404
    svg = qr_svg(services.feedback_link(found.token), label=f"QR code for {found.title}")
    svg = str(svg).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(found.title) or "form"}-qr.svg"'
    )
    return response


@project_view(rules.MANAGE_FEEDBACK)
def paper(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    """Type in a form filled in on paper. It is marked as typed in from paper."""
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    questions = selectors.feedback_questions(form=found)
    form = AnswersForm(posted(request), questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_answer_record(
                form=found, answers=form.answers(), on_paper=True, typed_in_by=request.user
            )
        except services.FeedbackError as error:
            _rule_error(form, error)
        else:
            messages.success(
                request, "The paper form has been typed in. You can type in the next one."
            )
            return redirect(_url("paper", membership, form_id=found.pk))
    return render(
        request,
        "feedback/paper.html",
        _context(membership, form=found, answers_form=form, back=_form_url(membership, found)),
        status=_status(form),
    )


# Results ----------


@project_view(rules.VIEW_FEEDBACK)
def results(request: HttpRequest, membership: Membership, form_id: int) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    shown = selectors.feedback_results(form=found)
    return render(
        request,
        "feedback/results.html",
        _context(
            membership,
            form=found,
            results=shown,
            charts={
                result.question.pk: chart_svg(result, number=number)
                for number, result in enumerate(shown.questions, start=1)
                if result.counts and result.answered
            },
            smallest=selectors.SMALLEST_GROUP,
        ),
    )


@project_view(rules.VIEW_FEEDBACK)
def results_words(
    request: HttpRequest, membership: Membership, form_id: int, feedback_question_id: int
) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    question = or_404(selectors.feedback_question(form=found, question_id=feedback_question_id))
    if question.kind != bank.WORDS:
        raise Http404
    answered = selectors.question_answer_count(question=question)
    suppressed = found.closed_box and answered < selectors.SMALLEST_GROUP
    page = None
    if not suppressed:
        page = Paginator(selectors.question_words(question=question), 50).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "feedback/results_words.html",
        _context(membership, form=found, question=question, page=page, suppressed=suppressed),
    )


@project_view(rules.VIEW_FEEDBACK)
def results_csv_download(
    request: HttpRequest, membership: Membership, form_id: int
) -> HttpResponse:
    found = or_404(selectors.feedback_form(project=membership.project, form_id=form_id))
    shown = selectors.feedback_results(form=found)
    content = results_csv(shown, selectors.all_words(form=found))
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(found.title) or "feedback"}-results.csv"'
    )
    return response


# Filling in a form by its link ----------


def _opened(request: HttpRequest, token: str):
    """The form a link opens, or "page not found"; forms that keep names need a member."""
    opened = selectors.feedback_form_for_token(token=token)
    if opened is None:
        return None, render(
            request, "feedback/answer_invalid.html", {"token_page": True}, status=404
        )
    form = opened.form
    if form.how_answered == HowAnswered.MEMBERS:
        if not request.user.is_authenticated:
            return None, redirect_to_login(request.get_full_path())
        if project_membership(user=request.user, project_id=form.project_id) is None:
            raise Http404
    return opened, None


def _answer_context(opened, **extra) -> dict:
    return {"form": opened.form, "token_page": True, "picture": bank.picture_svg, **extra}


def _closed_or_done(request: HttpRequest, opened) -> HttpResponse | None:
    form = opened.form
    if not form.is_open:
        return render(request, "feedback/answer_closed.html", _answer_context(opened))
    if selectors.has_answered(form=form, user=request.user):
        return render(request, "feedback/answer_closed.html", _answer_context(opened, done=True))
    return None


def answer_start(request: HttpRequest, token: str) -> HttpResponse:
    opened, stop = _opened(request, token)
    if stop:
        return stop
    return _closed_or_done(request, opened) or render(
        request,
        "feedback/answer_start.html",
        _answer_context(opened, token=token, questions=opened.questions),
    )


def _record(request: HttpRequest, opened, answers) -> None:
    services.feedback_answer_record(
        form=opened.form,
        answers=answers,
        respondent=request.user if request.user.is_authenticated else None,
        one_time_token=opened.one_time_token,
    )


def _thanks(opened, *, easy_read: bool) -> HttpResponse:
    url = reverse("feedback:answer_thanks")
    return redirect(url + ("?easy-read=yes" if easy_read else ""))


def answer_standard(request: HttpRequest, token: str) -> HttpResponse:
    opened, stop = _opened(request, token)
    if stop:
        return stop
    stopped = _closed_or_done(request, opened)
    if stopped:
        return stopped
    form = AnswersForm(posted(request), questions=opened.questions)
    if request.method == "POST" and form.is_valid():
        try:
            _record(request, opened, form.answers())
        except services.FeedbackError as error:
            stopped = _closed_or_done(request, opened)  # closed, or sent at the same moment
            if stopped:
                return stopped
            _rule_error(form, error)
        else:
            return _thanks(opened, easy_read=False)
    return render(
        request,
        "feedback/answer_standard.html",
        _answer_context(opened, token=token, answers_form=form),
        status=_status(form),
    )


def _carried(request: HttpRequest, questions) -> dict[str, str]:
    """Answers given on earlier screens, sent back with each screen (nothing is kept
    on our side until the whole form is sent)."""
    return {
        answer_field_name(question): request.POST.get(answer_field_name(question), "")[: 2 * 2000]
        for question in questions
    }


def answer_easy_read(request: HttpRequest, token: str) -> HttpResponse:
    """One question a screen, with pictures and big words. Earlier answers travel in
    the page (hidden), so nothing is stored until the person presses Send."""
    opened, stop = _opened(request, token)
    if stop:
        return stop
    stopped = _closed_or_done(request, opened)
    if stopped:
        return stopped
    questions = opened.questions
    carried = _carried(request, questions) if request.method == "POST" else {}
    try:
        step = int(request.POST.get("step", "0")) if request.method == "POST" else 0
    except ValueError:
        step = 0
    step = max(0, min(step, len(questions)))
    error_form = None
    if request.method == "POST":
        action = request.POST.get("go", "next")
        if step < len(questions) and action in {"next", "skip"}:
            question = questions[step]
            name = answer_field_name(question)
            if action == "skip":
                carried[name] = ""
                step += 1
            else:
                one = OneAnswerForm(request.POST, question=question)
                if one.is_valid():
                    carried[name] = one.cleaned_data.get(name) or ""
                    step += 1
                else:
                    error_form = one
        elif action == "back":
            step = max(0, step - 1)
        elif action == "send" and step == len(questions):
            everything = AnswersForm(carried, questions=questions, easy_read=True)
            if everything.is_valid():
                try:
                    _record(request, opened, everything.answers())
                except services.FeedbackError as error:
                    stopped = _closed_or_done(request, opened)
                    if stopped:
                        return stopped
                    everything.add_error(None, error.message)
                else:
                    return _thanks(opened, easy_read=True)
            return _easy_read_check(request, opened, token, carried, everything)
    if step == len(questions):
        return _easy_read_check(request, opened, token, carried, None)
    question = questions[step]
    name = answer_field_name(question)
    one = error_form or OneAnswerForm(initial={name: carried.get(name, "")}, question=question)
    bound = one[name]
    return render(
        request,
        "feedback/answer_easy_read.html",
        _answer_context(
            opened,
            token=token,
            step=step,
            number=step + 1,
            count=len(questions),
            question=question,
            one=one,
            radios=picture_radios(bound, question) if question.kind != bank.WORDS else None,
            bound=bound,
            hidden={key: value for key, value in carried.items() if key != name and value},
            has_errors=bool(error_form),
        ),
        status=400 if error_form else 200,
    )


def _easy_read_check(request, opened, token, carried, everything) -> HttpResponse:
    rows = []
    for question in opened.questions:
        value = carried.get(answer_field_name(question), "")
        if question.kind == bank.WORDS:
            shown, picture = value, None
        else:
            shown = bank.choice_label(question.kind, value) if value else ""
            picture = next(
                (c.picture for c in bank.KINDS[question.kind].choices if c.value == value), None
            )
        rows.append((question, shown, picture))
    return render(
        request,
        "feedback/answer_easy_read_check.html",
        _answer_context(
            opened,
            token=token,
            step=len(opened.questions),
            rows=rows,
            hidden={key: value for key, value in carried.items() if value},
            errors=everything.non_field_errors() if everything is not None else [],
            has_errors=bool(everything is not None and everything.errors),
            pictures={name: bank.picture_svg(name) for _, _, name in rows if name},
        ),
        status=400 if everything is not None and everything.errors else 200,
    )


def answer_thanks(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "feedback/answer_thanks.html",
        {"easy_read": request.GET.get("easy-read") == "yes", "token_page": True},
    )


# You said, we did ----------


@project_view(rules.VIEW_YOU_SAID_WE_DID)
def you_said_we_did(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    can_edit = _may(membership, rules.EDIT_YOU_SAID_WE_DID)
    entries = selectors.you_said_we_did_entries(project=project, published_only=not can_edit)
    return render(
        request,
        "feedback/you_said_we_did.html",
        _context(
            membership,
            entries=entries,
            loop=selectors.closing_the_loop(project=project),
            feelings=selectors.general_feelings(project=project),
            can_edit=can_edit,
            can_send=_may(membership, rules.SEND_YOU_SAID_WE_DID),
        ),
    )


def _theme_form(request, membership, initial=None) -> YouSaidWeDidForm:
    project = membership.project
    return YouSaidWeDidForm(
        posted(request),
        forms_=selectors.feedback_forms(project=project),
        car_park_items=selectors.car_park_items_for_choice(project=project),
        initial=initial,
    )


_THEME_LIVE = {"you_said": language.PLAIN, "we_did": language.PLAIN}


def _theme_checked(request, membership, form) -> dict:
    data = form.cleaned_data
    return _wording(
        request,
        membership,
        {
            "you_said": (data["you_said"], language.PLAIN),
            "we_did": (data["we_did"], language.PLAIN),
        },
    )


@project_view(rules.EDIT_YOU_SAID_WE_DID)
def theme_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    initial = {"status": "working_on_it"}
    raw_form = request.GET.get("form", "")
    if raw_form.isdigit():
        initial["form"] = raw_form
    form = _theme_form(request, membership, initial)
    checked = {}
    if request.method == "POST" and form.is_valid():
        checked = _theme_checked(request, membership, form)
        if not checked:
            try:
                services.you_said_we_did_add(
                    project=membership.project, by=request.user, **form.service_arguments()
                )
            except services.FeedbackError as error:
                _rule_error(form, error)
            else:
                messages.success(request, "It has been added. Publish it when it is ready.")
                return redirect(_url("you_said_we_did", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Add to you said, we did",
        button="Add",
        back=_url("you_said_we_did", membership),
        intro="One theme of what people said, and what the project did about it.",
        checked=checked,
        live=_THEME_LIVE,
    )


@project_view(rules.EDIT_YOU_SAID_WE_DID)
def theme_edit(request: HttpRequest, membership: Membership, entry_id: int) -> HttpResponse:
    found = or_404(selectors.you_said_we_did_entry(project=membership.project, entry_id=entry_id))
    form = _theme_form(request, membership, theme_initial(found))
    checked = {}
    if request.method == "POST" and form.is_valid():
        checked = _theme_checked(request, membership, form)
        if not checked:
            try:
                services.you_said_we_did_update(entry=found, **form.service_arguments())
            except services.FeedbackError as error:
                _rule_error(form, error)
            else:
                messages.success(request, "It has been saved.")
                return redirect(_url("you_said_we_did", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Change you said, we did",
        button="Save changes",
        back=_url("you_said_we_did", membership),
        checked=checked,
        live=_THEME_LIVE,
    )


@project_view(rules.EDIT_YOU_SAID_WE_DID)
@require_POST
def theme_publish(request: HttpRequest, membership: Membership, entry_id: int) -> HttpResponse:
    found = or_404(selectors.you_said_we_did_entry(project=membership.project, entry_id=entry_id))
    services.you_said_we_did_publish(entry=found)
    messages.success(request, "It is published: everyone in the project can see it.")
    return redirect(_url("you_said_we_did", membership))


@project_view(rules.EDIT_YOU_SAID_WE_DID)
def theme_remove(request: HttpRequest, membership: Membership, entry_id: int) -> HttpResponse:
    found = or_404(selectors.you_said_we_did_entry(project=membership.project, entry_id=entry_id))
    if request.method == "POST":
        services.you_said_we_did_delete(entry=found)
        messages.success(request, "It has been removed.")
        return redirect(_url("you_said_we_did", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this from you said, we did?",
        thing=found.you_said,
        back=_url("you_said_we_did", membership),
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def send(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    people = selectors.people_involved(project=project)
    to_send = selectors.themes_to_send(project=project)
    if request.method == "POST":
        entries = selectors.you_said_we_did_entries(project=project, published_only=True)
        try:
            outcome = services.you_said_we_did_send(
                project=project, people=people, entries=entries, by=request.user
            )
        except services.FeedbackError as error:
            messages.error(request, error.message)
            return redirect(_url("send", membership))
        messages.success(
            request,
            f"Sent: {len(outcome.emailed)} by email, {len(outcome.letters)} letters to print "
            f"and post, {len(outcome.phone)} to phone, {len(outcome.unreachable)} with no way "
            "to reach them.",
        )
        return redirect(_url("send", membership))
    return render(
        request,
        "feedback/send.html",
        _context(
            membership,
            people=[
                (person, services.send_method(person), services.wants_easy_read(person))
                for person in people
            ],
            to_send=to_send,
            sendings=selectors.sendings(project=project),
            letters=selectors.letters_to_post(project=project),
        ),
    )


@project_view(rules.SEND_YOU_SAID_WE_DID)
def letters(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    entries = selectors.you_said_we_did_entries(project=project, published_only=True)
    sent = selectors.letters_to_post(project=project)
    content = letters_pdf(
        project_name=project.name,
        letters=[(letter.person, entries) for letter in sent],
        today=timezone.localdate(),
    )
    return _pdf(content, "you-said-we-did-letters")


# Self-reflection ----------


def _reflection_readable(membership: Membership, reflection_id: int):
    found = or_404(selectors.reflection(project=membership.project, reflection_id=reflection_id))
    if not rules.reflection_may_read(
        user_id=membership.user_id, author_id=found.author_id, is_shared=found.shared_at is not None
    ):
        raise PermissionDenied
    return found


def _reflection_own(membership: Membership, reflection_id: int):
    found = or_404(selectors.reflection(project=membership.project, reflection_id=reflection_id))
    if not rules.reflection_may_change(user_id=membership.user_id, author_id=found.author_id):
        raise PermissionDenied
    return found


@project_view(rules.VIEW_REFLECTIONS)
def reflections(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "feedback/reflections.html",
        _context(
            membership,
            reflections=selectors.reflections_visible(
                project=membership.project, user=request.user
            ),
            can_write=_may(membership, rules.WRITE_REFLECTION),
        ),
    )


def _reflection_form_page(request, membership, form, *, heading, back) -> HttpResponse:
    return render(
        request,
        "feedback/reflection_form.html",
        _context(
            membership,
            form=form,
            heading=heading,
            back=back,
            questions=[
                (question, form[reflection_field_name(question.key)])
                for question in bank.reflection_questions()
            ],
        ),
        status=_status(form),
    )


@project_view(rules.WRITE_REFLECTION)
def reflection_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    form = ReflectionForm(posted(request), meetings=selectors.meetings_for_choice(project=project))
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.reflection_save(
                project=project,
                author=request.user,
                about=form.cleaned_data["about"],
                answers=form.answers(),
                meeting=form.chosen_meeting(),
            )
        except services.FeedbackError as error:
            _rule_error(form, error)
        else:
            messages.success(request, "Your reflection has been saved. Only you can see it.")
            return redirect(_url("reflection", membership, reflection_id=saved.pk))
    return _reflection_form_page(
        request, membership, form, heading="Self-reflection", back=_url("reflections", membership)
    )


@project_view(rules.VIEW_REFLECTIONS)
def reflection(request: HttpRequest, membership: Membership, reflection_id: int) -> HttpResponse:
    found = _reflection_readable(membership, reflection_id)
    answers = found.answers or {}
    return render(
        request,
        "feedback/reflection.html",
        _context(
            membership,
            reflection=found,
            answers=[
                (question, answers.get(question.key, ""))
                for question in bank.reflection_questions()
            ],
            is_author=found.author_id == membership.user_id,
            share_form=ShareForm(initial={"shared": "yes" if found.shared_at else "no"}),
            lesson_form=LessonForm(),
        ),
    )


@project_view(rules.WRITE_REFLECTION)
def reflection_edit(
    request: HttpRequest, membership: Membership, reflection_id: int
) -> HttpResponse:
    found = _reflection_own(membership, reflection_id)
    project = membership.project
    form = ReflectionForm(
        posted(request),
        meetings=selectors.meetings_for_choice(project=project),
        initial=reflection_initial(found),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_save(
                project=project,
                author=request.user,
                about=form.cleaned_data["about"],
                answers=form.answers(),
                meeting=form.chosen_meeting(),
                reflection=found,
            )
        except services.FeedbackError as error:
            _rule_error(form, error)
        else:
            messages.success(request, "Your reflection has been saved.")
            return redirect(_url("reflection", membership, reflection_id=found.pk))
    return _reflection_form_page(
        request,
        membership,
        form,
        heading="Change your reflection",
        back=_url("reflection", membership, reflection_id=found.pk),
    )


@project_view(rules.WRITE_REFLECTION)
@require_POST
def reflection_share(
    request: HttpRequest, membership: Membership, reflection_id: int
) -> HttpResponse:
    found = _reflection_own(membership, reflection_id)
    form = ShareForm(request.POST)
    if form.is_valid():
        shared = form.cleaned_data["shared"] == "yes"
        services.reflection_share(reflection=found, shared=shared)
        messages.success(
            request,
            "Everyone in the project can now read it." if shared else "Only you can read it now.",
        )
    else:
        messages.error(request, "Select who can read this reflection")
    return redirect(_url("reflection", membership, reflection_id=found.pk))


@project_view(rules.WRITE_REFLECTION)
def reflection_remove(
    request: HttpRequest, membership: Membership, reflection_id: int
) -> HttpResponse:
    found = _reflection_own(membership, reflection_id)
    if request.method == "POST":
        services.reflection_delete(reflection=found)
        messages.success(request, "Your reflection has been removed. Lessons from it are kept.")
        return redirect(_url("reflections", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove your reflection?",
        thing=found.about,
        back=_url("reflection", membership, reflection_id=found.pk),
    )


# Lessons ----------


@project_view(rules.VIEW_LESSONS)
def lessons(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "feedback/lessons.html",
        _context(
            membership,
            lessons=selectors.lessons(project=membership.project),
            can_add=_may(membership, rules.ADD_LESSONS),
            is_organisation_staff=organisations_for_staff(user=request.user).exists(),
        ),
    )


@project_view(rules.ADD_LESSONS)
def lesson_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = LessonForm(posted(request))
    from_reflection = None
    raw = request.GET.get("reflection", "")
    if raw:
        reflection_id = digits_read(raw)
        if reflection_id is None:
            raise Http404
        from_reflection = _reflection_own(membership, reflection_id)
    if request.method == "POST" and form.is_valid():
        services.lesson_add(
            project=membership.project,
            text=form.cleaned_data["text"],
            by=request.user,
            reflection=from_reflection,
        )
        messages.success(request, "The lesson has been added to the lessons log.")
        return redirect(_url("lessons", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Add a lesson for next time",
        button="Add lesson",
        back=_url("lessons", membership),
    )


@project_view(rules.ADD_LESSONS)
def lesson_remove(request: HttpRequest, membership: Membership, lesson_id: int) -> HttpResponse:
    found = or_404(selectors.lesson(project=membership.project, lesson_id=lesson_id))
    if request.method == "POST":
        services.lesson_delete(lesson=found)
        messages.success(request, "The lesson has been removed.")
        return redirect(_url("lessons", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this lesson?",
        thing=found.text,
        back=_url("lessons", membership),
    )


def organisation_lessons(request: HttpRequest) -> HttpResponse:
    """Lessons from every project of the organisations this person works for.

    Reached only through their staff memberships: someone who is not staff of
    any organisation is refused."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisations = list(organisations_for_staff(user=request.user))
    if not organisations:
        raise PermissionDenied
    return render(
        request,
        "feedback/organisation_lessons.html",
        {
            "nav_section": "projects",
            "organisations": [
                (organisation, selectors.organisation_lessons(organisation=organisation))
                for organisation in organisations
            ],
        },
    )
