"""Self-reflection (each person's own, shared if they choose) and the lessons
for next time that the organisation's staff can read across projects."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.core.numbers import digits_read
from coplan.feedback import bank, rules, selectors, services
from coplan.feedback.forms import (
    LessonForm,
    ReflectionForm,
    ShareForm,
    reflection_field_name,
    reflection_initial,
)
from coplan.feedback.models import Reflection
from coplan.feedback.views.common import SECTION
from coplan.organisations.selectors import organisations_for_staff
from coplan.projects.access import project_view
from coplan.projects.models import Membership


def _readable(membership: Membership, reflection_id: int) -> Reflection:
    found = or_404(selectors.reflection(project=membership.project, reflection_id=reflection_id))
    if not rules.reflection_may_read(
        user_id=membership.user_id, author_id=found.author_id, is_shared=found.shared_at is not None
    ):
        raise PermissionDenied
    return found


def _own(membership: Membership, reflection_id: int) -> Reflection:
    found = or_404(selectors.reflection(project=membership.project, reflection_id=reflection_id))
    if not rules.reflection_may_change(user_id=membership.user_id, author_id=found.author_id):
        raise PermissionDenied
    return found


def _reflection_url(membership: Membership, reflection: Reflection) -> str:
    return SECTION.url("reflection", membership, reflection_id=reflection.pk)


@project_view(rules.VIEW_REFLECTIONS)
def reflections(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "feedback/reflections.html",
        reflections=selectors.reflections_visible(project=membership.project, user=request.user),
        can_write=membership.may(rules.WRITE_REFLECTION),
    )


def _reflection_form(
    request: HttpRequest,
    membership: Membership,
    form: ReflectionForm,
    *,
    heading: str,
    back: str,
    reflection: Reflection | None = None,
) -> HttpResponse:
    """The self-reflection form; once saved, on to the reflection."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.reflection_save(
                project=membership.project,
                author=request.user,
                about=form.cleaned_data["about"],
                answers=form.answers(),
                meeting=form.chosen_meeting(),
                reflection=reflection,
            )
        except services.FeedbackError as error:
            error.add_to(form)
        else:
            messages.success(
                request,
                "Your reflection has been saved."
                if reflection
                else "Your reflection has been saved. Only you can see it.",
            )
            return redirect(_reflection_url(membership, saved))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading=heading,
        button="Save",
        back=back,
        intro=[
            "Only you can see this unless you share it. Answer as many questions as you want to."
        ],
        template="feedback/reflection_form.html",
        questions=[
            form[reflection_field_name(question.key)] for question in bank.reflection_questions()
        ],
    )


@project_view(rules.WRITE_REFLECTION)
def reflection_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = ReflectionForm(
        posted(request), meetings=selectors.meetings_for_choice(project=membership.project)
    )
    return _reflection_form(
        request,
        membership,
        form,
        heading="Self-reflection",
        back=SECTION.url("reflections", membership),
    )


@project_view(rules.VIEW_REFLECTIONS)
def reflection(request: HttpRequest, membership: Membership, reflection_id: int) -> HttpResponse:
    found = _readable(membership, reflection_id)
    answers = found.answers or {}
    return SECTION.page(
        request,
        membership,
        "feedback/reflection.html",
        reflection=found,
        answers=[
            (question, answers.get(question.key, "")) for question in bank.reflection_questions()
        ],
        is_author=found.author_id == membership.user_id,
        share_form=ShareForm(initial={"shared": "yes" if found.shared_at else "no"}),
        lesson_form=LessonForm(),
        back=SECTION.url("reflections", membership),
        back_text="Back to self-reflection",
    )


@project_view(rules.WRITE_REFLECTION)
def reflection_edit(
    request: HttpRequest, membership: Membership, reflection_id: int
) -> HttpResponse:
    found = _own(membership, reflection_id)
    form = ReflectionForm(
        posted(request),
        meetings=selectors.meetings_for_choice(project=membership.project),
        initial=reflection_initial(found),
    )
    return _reflection_form(
        request,
        membership,
        form,
        heading="Change your reflection",
        back=_reflection_url(membership, found),
        reflection=found,
    )


@project_view(rules.WRITE_REFLECTION)
@require_POST
def reflection_share(
    request: HttpRequest, membership: Membership, reflection_id: int
) -> HttpResponse:
    found = _own(membership, reflection_id)
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
    return redirect(_reflection_url(membership, found))


@project_view(rules.WRITE_REFLECTION)
def reflection_remove(
    request: HttpRequest, membership: Membership, reflection_id: int
) -> HttpResponse:
    found = _own(membership, reflection_id)
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.reflection_remove(reflection=found),
        removed="Your reflection has been removed. Lessons from it are kept.",
        back=_reflection_url(membership, found),
        done=SECTION.url("reflections", membership),
        heading="Remove your reflection?",
        thing=found.about,
    )


# Lessons ----------------------------------------------------------------------


@project_view(rules.VIEW_LESSONS)
def lessons(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "feedback/lessons.html",
        lessons=selectors.lessons(project=membership.project),
        can_add=membership.may(rules.ADD_LESSONS),
        is_organisation_staff=organisations_for_staff(user=request.user).exists(),
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
        from_reflection = _own(membership, reflection_id)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.lesson_add(
            project=membership.project,
            text=form.cleaned_data["text"],
            by=request.user,
            reflection=from_reflection,
        ),
        saved="The lesson has been added to the lessons log.",
        back=SECTION.url("lessons", membership),
        heading="Add a lesson for next time",
        button="Add lesson",
    )


@project_view(rules.ADD_LESSONS)
def lesson_remove(request: HttpRequest, membership: Membership, lesson_id: int) -> HttpResponse:
    found = or_404(selectors.lesson(project=membership.project, lesson_id=lesson_id))
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.lesson_remove(lesson=found),
        removed="The lesson has been removed.",
        back=SECTION.url("lessons", membership),
        heading="Remove this lesson?",
        thing=found.text,
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
