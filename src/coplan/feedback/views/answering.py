"""Filling in a form by its link: the standard form on one page, or the Easy
Read form one question a screen. These pages show nothing but the form."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from coplan.core.http import posted
from coplan.feedback import bank, selectors, services
from coplan.feedback.forms import AnswersForm, OneAnswerForm, answer_field_name
from coplan.feedback.models import HowAnswered
from coplan.feedback.presenters import picture_radios
from coplan.people.easy_read_pages import easy_read_on
from coplan.projects.selectors import project_membership


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
            error.add_to(form)
        else:
            return _thanks(opened, easy_read=False)
    return render(
        request,
        "feedback/answer_standard.html",
        _answer_context(opened, token=token, answers_form=form),
        status=400 if form.errors else 200,
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
    """Thank you, in Easy Read for someone who came from the Easy Read form (until they
    turn it off) or who has Easy Read on."""
    came_easy = request.GET.get("easy-read") == "yes"
    return render(
        request,
        "feedback/answer_thanks.html",
        {"easy": easy_read_on(request, default=came_easy), "token_page": True},
    )
