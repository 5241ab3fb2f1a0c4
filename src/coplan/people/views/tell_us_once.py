"""Tell us once: your own access needs, papers, contact and consent, one question a page,
then "Check your answers" and Save (see `coplan.people.tell_us_once`).

What you have answered so far is kept in your session, encrypted with the people keys
(it holds health information), until you save it or sign out. Beside it is the version
of your record they started from: if someone (staff, say) changes your record before you
save, you are shown both and choose which to keep; nothing is saved over theirs until then.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.html import format_html

from coplan.core.errors import RuleError
from coplan.core.http import or_404, posted
from coplan.people import crypto, rules, selectors, services
from coplan.people.choices import ConsentPurpose
from coplan.people.tell_us_once import (
    QUESTION_BY_SLUG,
    QUESTIONS,
    Answers,
    Question,
    question_after,
    question_before,
)
from coplan.people.views import SECTION, own_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import project_url

BACK_TO_CHECK = "check"


def _session_key(membership: Membership) -> str:
    return f"tell_us_once:{membership.project_id}"


def _started_key(membership: Membership) -> str:
    return f"tell_us_once:{membership.project_id}:started_from"


def _forget(request: HttpRequest, membership: Membership) -> None:
    request.session.pop(_session_key(membership), None)
    request.session.pop(_started_key(membership), None)


def _answers(request: HttpRequest, membership: Membership) -> Answers:
    """What you have answered so far; at first, what is stored about you (a look at
    your access needs, so it is written in the log), or just your account's email."""
    kept = request.session.get(_session_key(membership))
    if kept:
        try:
            return Answers.from_json(crypto.decrypt_json(kept))
        except crypto.UnreadableDataError:
            pass  # kept with a key that has since gone: start again from what is stored
    person = selectors.person_for_member_or_waiting(membership=membership)
    request.session[_started_key(membership)] = selectors.person_version(person)
    if person is None:
        email = request.user.email
        taken = selectors.email_taken_in_organisation(
            organisation_id=membership.project.organisation_id, email=email
        )
        return Answers(details={"email": "" if taken else email})
    return _held(request, membership, person)


def _held(request: HttpRequest, membership: Membership, person) -> Answers:
    """What is stored about you (a look at your access needs, so it is logged)."""
    if person is None:
        return Answers()
    services.needs_view_record(
        people=[person], actor=request.user, where=request.path, project=membership.project
    )
    latest = selectors.current_consents(records=selectors.consent_records(person=person))
    said = latest[ConsentPurpose.DATA_STORAGE]
    keep = "" if said is None else ("yes" if selectors.consent_is_given(said) else "no")
    return Answers.stored(
        person=person, needs=selectors.person_needs(person=person), keep_details=keep
    )


def _keep(request: HttpRequest, membership: Membership, answers: Answers) -> None:
    request.session[_session_key(membership)] = crypto.encrypt_json(answers.to_json())


def _email_taken(form, membership: Membership) -> bool:
    """An email address someone else in the organisation has goes beside the box now,
    not only when the answers are saved (where the rule is kept, under races too)."""
    email = form.cleaned_data.get("email")
    if email and selectors.email_taken_in_organisation(
        organisation_id=membership.project.organisation_id,
        email=email,
        by_someone_else_than=selectors.person_for_member_or_waiting(membership=membership),
    ):
        form.add_error("email", services.EMAIL_TAKEN)
        return True
    return False


def start_url(membership: Membership) -> str:
    return SECTION.url("tell_us_once", membership)


def _question_url(membership: Membership, question: Question, *, back_to_check=False) -> str:
    url = SECTION.url("tell_us_once_question", membership, question=question.slug)
    return f"{url}?back={BACK_TO_CHECK}" if back_to_check else url


def _check_url(membership: Membership) -> str:
    return SECTION.url("tell_us_once_check", membership)


@project_view(rules.OWN_DETAILS)
def tell_us_once(request: HttpRequest, membership: Membership) -> HttpResponse:
    person = selectors.person_for_member(membership=membership)
    return SECTION.page(
        request,
        membership,
        "people/tell_us_once_start.html",
        heading="Tell us what you need to take part",
        narrow=True,
        told_before=person is not None and bool(person.needs_token or person.contact_by),
        first=_question_url(membership, QUESTIONS[0]),
        not_now=project_url("projects:overview", membership),
        count=len(QUESTIONS),
    )


@project_view(rules.OWN_DETAILS)
def tell_us_once_question(
    request: HttpRequest, membership: Membership, question: str
) -> HttpResponse:
    asked = or_404(QUESTION_BY_SLUG.get(question))
    answers = _answers(request, membership)
    form = asked.form(posted(request), answers)
    back_to_check = request.GET.get("back") == BACK_TO_CHECK
    after, before = question_after(asked), question_before(asked)
    next_url = (
        _question_url(membership, after) if after and not back_to_check else _check_url(membership)
    )
    if request.method == "POST" and form.is_valid() and not _email_taken(form, membership):
        _keep(request, membership, asked.apply(answers, form.cleaned_data))
        return redirect(next_url)
    if request.method != "POST" and not request.session.get(_session_key(membership)):
        _keep(request, membership, answers)  # read once: the next pages start from here
    if back_to_check:
        back = _check_url(membership)
    elif before:
        back = _question_url(membership, before)
    else:
        back = start_url(membership)
    return SECTION.page(
        request,
        membership,
        "people/tell_us_once_question.html",
        form=form,
        slug=asked.slug,
        heading=asked.heading,
        caption="Tell us once",
        back=back,
        skip=next_url,
        narrow=True,
    )


def _lines(text: str) -> str:
    """Text with its line breaks kept, as core/macros.html `text_lines` shows it."""
    return format_html('<span class="app-preserve-lines">{}</span>', text)


def _rows(membership: Membership, answers: Answers) -> list[dict]:
    rows = []
    for question in QUESTIONS:
        words = [line for line in question.answer(answers) if line]
        rows.append(
            {
                "key": {"text": question.short},
                "value": {"html": _lines("\n".join(words) or "Nothing told")},
                "actions": {
                    "items": [
                        {
                            "href": _question_url(membership, question, back_to_check=True),
                            "text": "Change",
                            "visuallyHiddenText": question.short.lower(),
                        }
                    ]
                },
            }
        )
    return rows


@project_view(rules.OWN_DETAILS)
def tell_us_once_check(request: HttpRequest, membership: Membership) -> HttpResponse:
    answers = _answers(request, membership)
    problem = None
    if request.method == "POST" and request.POST.get("keep") == "held":
        _forget(request, membership)
        messages.success(request, "We kept the details we hold. Your answers were not saved.")
        return redirect(own_url(membership))
    if request.method == "POST":
        try:
            services.person_tell_us_once_save(
                membership=membership,
                details=answers.details_for_saving(),
                needs=answers.needs,
                keep_details=answers.keep_details,
                actor=request.user,
                where=request.path,
                started_from=request.session.get(_started_key(membership)),
            )
        except services.ChangedMeanwhileError as changed:
            # You have now seen what is held: keeping yours saves over this version only.
            request.session[_started_key(membership)] = selectors.person_version(changed.person)
            return _changed_meanwhile(request, membership, answers, changed.person)
        except RuleError as error:
            problem = {
                "text": error.message,
                "href": _question_url(membership, QUESTION_BY_SLUG["contact"], back_to_check=True),
            }
        else:
            _forget(request, membership)
            messages.success(request, "Your answers have been saved.")
            return redirect(own_url(membership))
    elif not request.session.get(_session_key(membership)):
        _keep(request, membership, answers)
    return SECTION.page(
        request,
        membership,
        "people/tell_us_once_check.html",
        heading="Check your answers",
        caption="Tell us once",
        narrow=True,
        back=_question_url(membership, QUESTIONS[-1]),
        rows=_rows(membership, answers),
        problem=problem,
        has_errors=problem is not None,
        status=400 if problem else None,
    )


def _changed_meanwhile(
    request: HttpRequest, membership: Membership, answers: Answers, person
) -> HttpResponse:
    """Your record changed since you started: what we hold now beside what you told us
    (the questions where they differ, or all when they read the same), to keep one."""
    held = _held(request, membership, person)
    rows = [
        [
            {"text": question.short},
            {"text": "\n".join(filter(None, question.answer(held))) or "Nothing told"},
            {"text": "\n".join(filter(None, question.answer(answers))) or "Nothing told"},
        ]
        for question in QUESTIONS
    ]
    differ = [row for row in rows if row[1]["text"] != row[2]["text"]]
    for row in rows:
        for cell in row[1:]:
            cell["classes"] = "app-preserve-lines app-wrap-anywhere"
    return SECTION.page(
        request,
        membership,
        "people/tell_us_once_changed.html",
        heading="Someone changed your details while you were answering",
        caption="Tell us once",
        back=_check_url(membership),
        rows=differ or rows,
        has_errors=False,
        status=409,
    )
