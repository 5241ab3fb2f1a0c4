"""Pages for working together: sessions, agreements, the car park, actions,
shared definitions and what can and cannot change.

Each view is reached only through `project_view(permission)`, gets the member's
membership, and finds objects only within `membership.project`. Rules that
depend on the row (the person who raised an item, the owner of an action) are
the predicates in rules.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan import language
from coplan.core.http import or_404, posted
from coplan.core.numbers import digits_read
from coplan.plain_words.forms import allowed_words
from coplan.plain_words.presenters import report_view
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import Section
from coplan.projects.rules import role_may
from coplan.working_together import rules, selectors, services
from coplan.working_together.forms import (
    ActionForm,
    AgreementForm,
    AnswerForm,
    CarParkItemForm,
    CommentForm,
    DecisionAreaForm,
    DefinitionForm,
    EssentialsForm,
    FollowUpForm,
    RevisitForm,
    SessionForm,
    session_initial,
)
from coplan.working_together.models import SessionRecord
from coplan.working_together.presenters import ActionPresenter, CarParkItemPresenter, person_name
from coplan.working_together.prompts import AGREEMENT_PROMPTS

SESSION_PARAMETER = "session"
SECTION = Section("working_together", namespace="working_together")


def _may(membership: Membership, permission: rules.Permission) -> bool:
    return role_may(membership.role, permission)


def _context(membership: Membership, **extra) -> dict:
    return {
        "project": membership.project,
        "membership": membership,
        "project_section": "working_together",
        "nav_section": "projects",
        "person_name": person_name,
        **extra,
    }


def _url(name: str, membership: Membership, **kwargs) -> str:
    return reverse(
        f"working_together:{name}", kwargs={"project_id": membership.project_id, **kwargs}
    )


def _session_url(membership: Membership, session: SessionRecord) -> str:
    return _url("session", membership, session_id=session.pk)


def _from_session(request: HttpRequest, membership: Membership) -> SessionRecord | None:
    """The session a page was opened from (?session=), only within this project."""
    raw = request.GET.get(SESSION_PARAMETER, "")
    if not raw:
        return None
    session_id = digits_read(raw)
    if session_id is None:
        return or_404(None)
    return or_404(selectors.session_record(project=membership.project, session_id=session_id))


def _back(membership: Membership, session: SessionRecord | None, fallback: str) -> str:
    return _session_url(membership, session) if session is not None else _url(fallback, membership)


def _form_page(
    request: HttpRequest,
    membership: Membership,
    form,
    *,
    heading: str,
    button: str,
    back: str,
    intro: str = "",
    checked: tuple[str, ...] = (),
    above: str = "",
) -> HttpResponse:
    """A form on its own page; `checked` fields get the live wording check."""
    return render(
        request,
        "working_together/form.html",
        _context(
            membership,
            form=form,
            heading=heading,
            button=button,
            back=back,
            intro=intro,
            checked=checked,
            above=above,
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


def _remove_page(
    request: HttpRequest, membership: Membership, *, heading: str, thing: str, back: str
) -> HttpResponse:
    button = "Yes, take it out" if "agreement" in heading else "Yes, remove it"
    return SECTION.remove_page(
        request, membership, heading=heading, thing=thing, back=back, button=button
    )


def _rule_error(form, error: services.WorkingTogetherError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


# Home and the live wording check ----------------------------------------------


@project_view(rules.VIEW_WORKING_TOGETHER)
def home(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    return render(
        request,
        "working_together/home.html",
        _context(
            membership,
            counts=selectors.overview(project=project),
            sessions=selectors.session_records(project=project)[:3],
            definitions=selectors.shared_definitions(project=project),
        ),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
@require_POST
def wording_live(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The live wording check for this project: its shared definitions are never flagged."""
    field_name = request.POST.get("field_name", "")
    text = request.POST.get(field_name, "") if field_name else ""
    mode = request.POST.get("mode", language.PLAIN)
    if mode not in (language.PLAIN, language.EASY_READ):
        mode = language.PLAIN
    allowed = allowed_words(request.POST.get(request.POST.get("allowed_field", ""), ""))
    allowed += selectors.defined_words(project=membership.project)
    return render(
        request,
        "plain_words/_findings.html",
        {
            "checked": report_view(text, mode=mode, allowed=allowed),
            "field_id": request.POST.get("field_id", ""),
        },
    )


# Sessions -------------------------------------------------------------------


@project_view(rules.VIEW_WORKING_TOGETHER)
def sessions(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "working_together/sessions.html",
        _context(
            membership,
            sessions=selectors.session_records(project=membership.project),
            can_run=_may(membership, rules.RUN_SESSIONS),
        ),
    )


@project_view(rules.RUN_SESSIONS)
def session_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    project = membership.project
    initial = {"held_on": timezone.localdate()}
    raw_meeting = request.GET.get("meeting", "")
    if raw_meeting:
        meeting_id = digits_read(raw_meeting)
        meeting = or_404(
            selectors.meeting_for_start(project=project, meeting_id=meeting_id)
            if meeting_id is not None
            else None
        )
        initial = {"meeting": str(meeting.pk), "title": meeting.title, "held_on": meeting.meets_on}
    form = SessionForm(
        posted(request),
        members=selectors.members_for_choice(project=project),
        meetings=selectors.meetings_for_choice(project=project),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            added = services.session_record_create(
                project=membership.project, by=request.user, **form.service_arguments()
            )
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, f"‘{added.title}’ has been added.")
            return redirect(_session_url(membership, added))
    return _form_page(
        request,
        membership,
        form,
        heading="Add a session",
        button="Add session",
        back=_url("sessions", membership),
        intro="A record of one meeting or workshop: who came, and what was agreed and decided.",
        checked=("agreed", "decided"),
    )


def _session_page_context(membership: Membership, session: SessionRecord) -> dict:
    project = membership.project
    today = timezone.localdate()
    can_run = _may(membership, rules.RUN_SESSIONS)
    essentials = selectors.key_essentials(project=project) if can_run else ()
    return {
        "session": session,
        "came": selectors.session_came(session=session),
        "revisit": getattr(session, "revisit", None),
        "agreements": selectors.agreements_current(project=project),
        "definitions": selectors.shared_definitions(project=project),
        "carried": [
            CarParkItemPresenter(item, today=today)
            for item in selectors.car_park_carried_to(session=session)
        ],
        "parked": [
            CarParkItemPresenter(item, today=today)
            for item in selectors.car_park_raised_at(session=session)
        ],
        "actions": [
            ActionPresenter(action, today=today)
            for action in selectors.session_actions(session=session)
        ],
        "comments": selectors.session_comments(session=session),
        "essentials": essentials,
        "essentials_done": [item for item in essentials if item.id in session.essentials_checked],
        "can_run": can_run,
        "can_edit_agreements": _may(membership, rules.RECORD_AGREEMENTS),
        "can_manage_actions": _may(membership, rules.MANAGE_ACTIONS),
    }


@project_view(rules.VIEW_WORKING_TOGETHER)
def session(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = or_404(selectors.session_record(project=membership.project, session_id=session_id))
    return render(
        request,
        "working_together/session.html",
        _context(
            membership, comment_form=CommentForm(), **_session_page_context(membership, found)
        ),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def meeting_session(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """From a planned meeting's page to its session record (or to starting one)."""
    meeting = or_404(selectors.meeting_for_start(project=membership.project, meeting_id=meeting_id))
    found = selectors.session_for_meeting(meeting=meeting)
    if found is not None:
        return redirect(_session_url(membership, found))
    return render(
        request,
        "working_together/no_session.html",
        _context(membership, meeting=meeting, can_run=_may(membership, rules.RUN_SESSIONS)),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def session_minutes(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = or_404(selectors.session_record(project=membership.project, session_id=session_id))
    return render(
        request,
        "working_together/minutes.html",
        _context(membership, **_session_page_context(membership, found)),
    )


@project_view(rules.RUN_SESSIONS)
def session_edit(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = or_404(selectors.session_record(project=membership.project, session_id=session_id))
    project = membership.project
    form = SessionForm(
        posted(request),
        members=selectors.members_for_choice(project=project),
        meetings=selectors.meetings_for_choice(project=project, session=found),
        initial=session_initial(found, selectors.session_came(session=found)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.session_record_update(session=found, **form.service_arguments())
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, f"‘{found.title}’ has been saved.")
            return redirect(_session_url(membership, found))
    return _form_page(
        request,
        membership,
        form,
        heading="Change the session record",
        button="Save changes",
        back=_session_url(membership, found),
        checked=("agreed", "decided"),
    )


@project_view(rules.RUN_SESSIONS)
def session_remove(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = or_404(selectors.session_record(project=membership.project, session_id=session_id))
    if request.method == "POST":
        services.session_record_delete(session=found)
        messages.success(request, f"‘{found.title}’ has been removed.")
        return redirect(_url("sessions", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this session record?",
        thing=f"{found.title}. Its car park items and actions stay, not tied to a session.",
        back=_session_url(membership, found),
    )


@project_view(rules.RUN_SESSIONS)
def session_revisit(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = or_404(selectors.session_record(project=membership.project, session_id=session_id))
    existing = getattr(found, "revisit", None)
    initial = (
        {"outcome": existing.outcome, "what_changed": existing.what_changed} if existing else {}
    )
    form = RevisitForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_revisit(session=found, by=request.user, **form.cleaned_data)
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, "The revisit of the agreements has been recorded.")
            return redirect(_session_url(membership, found))
    return render(
        request,
        "working_together/revisit.html",
        _context(
            membership,
            form=form,
            session=found,
            agreements=selectors.agreements_current(project=membership.project),
            can_edit_agreements=_may(membership, rules.RECORD_AGREEMENTS),
            back=_session_url(membership, found),
        ),
        status=400 if form.is_bound and form.errors else 200,
    )


@project_view(rules.RUN_SESSIONS)
def session_essentials(
    request: HttpRequest, membership: Membership, session_id: int
) -> HttpResponse:
    found = or_404(selectors.session_record(project=membership.project, session_id=session_id))
    essentials = selectors.key_essentials(project=membership.project)
    form = EssentialsForm(
        posted(request), essentials=essentials, initial={"checked": found.essentials_checked}
    )
    if request.method == "POST" and form.is_valid():
        services.session_essentials_record(
            session=found,
            checked=form.cleaned_data["checked"],
            known=tuple(item.id for item in essentials),
        )
        messages.success(request, "The key essentials for this session have been saved.")
        return redirect(_session_url(membership, found))
    return _form_page(
        request,
        membership,
        form,
        heading="Key essentials for this session",
        button="Save",
        back=_session_url(membership, found),
        intro=(
            "Managing meetings and workshops: getting it right from the start. "
            "From Co-production Oxfordshire’s Working Together Handbook."
        ),
    )


@project_view(rules.COMMENT)
@require_POST
def session_comment(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = or_404(selectors.session_record(project=membership.project, session_id=session_id))
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(
            project=membership.project,
            author=request.user,
            text=form.cleaned_data["text"],
            session=found,
        )
        messages.success(request, "Your comment has been added.")
        return redirect(_session_url(membership, found) + "#comments")
    return render(
        request,
        "working_together/session.html",
        _context(membership, comment_form=form, **_session_page_context(membership, found)),
        status=400,
    )


# Agreements -----------------------------------------------------------------


@project_view(rules.VIEW_WORKING_TOGETHER)
def agreements(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "working_together/agreements.html",
        _context(
            membership,
            agreements=selectors.agreements_current(project=membership.project),
            can_edit=_may(membership, rules.RECORD_AGREEMENTS),
        ),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def agreement_ideas(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "working_together/agreement_ideas.html",
        _context(
            membership,
            prompts=AGREEMENT_PROMPTS,
            can_edit=_may(membership, rules.RECORD_AGREEMENTS),
        ),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def agreement_history(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "working_together/agreement_history.html",
        _context(membership, agreements=selectors.agreement_history(project=membership.project)),
    )


_AGREEMENT_INTRO = (
    "Agreements are the group’s own ways of working together, written by the group. "
    "Everyone in the project will see them."
)


@project_view(rules.RECORD_AGREEMENTS)
def agreement_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    at_session = _from_session(request, membership)
    form = AgreementForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.agreement_write(
            project=membership.project,
            text=form.cleaned_data["text"],
            by=request.user,
            session=at_session,
        )
        messages.success(request, "The agreement has been added.")
        return redirect(_back(membership, at_session, "agreements"))
    return _form_page(
        request,
        membership,
        form,
        heading="Add an agreement",
        button="Add agreement",
        back=_back(membership, at_session, "agreements"),
        intro=_AGREEMENT_INTRO,
        checked=("text",),
        above="ideas",
    )


@project_view(rules.RECORD_AGREEMENTS)
def agreement_edit(request: HttpRequest, membership: Membership, agreement_id: int) -> HttpResponse:
    found = or_404(selectors.agreement(project=membership.project, agreement_id=agreement_id))
    at_session = _from_session(request, membership)
    form = AgreementForm(posted(request), initial={"text": found.text})
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_change(
                agreement=found,
                text=form.cleaned_data["text"],
                by=request.user,
                session=at_session,
            )
        except services.WorkingTogetherError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "The agreement has been changed. The old words are kept.")
        return redirect(_back(membership, at_session, "agreements"))
    return _form_page(
        request,
        membership,
        form,
        heading="Change an agreement",
        button="Save changes",
        back=_back(membership, at_session, "agreements"),
        intro="The words it had before are kept, with who changed them and when.",
        checked=("text",),
    )


@project_view(rules.RECORD_AGREEMENTS)
def agreement_remove(
    request: HttpRequest, membership: Membership, agreement_id: int
) -> HttpResponse:
    found = or_404(selectors.agreement(project=membership.project, agreement_id=agreement_id))
    at_session = _from_session(request, membership)
    back = _back(membership, at_session, "agreements")
    if request.method == "POST":
        try:
            services.agreement_remove(agreement=found, by=request.user, session=at_session)
        except services.WorkingTogetherError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, "The agreement has been taken out. Its history is kept.")
        return redirect(back)
    return _remove_page(
        request,
        membership,
        heading="Take out this agreement?",
        thing=found.text,
        back=back,
    )


# Car park -------------------------------------------------------------------


def _item_may_change(membership: Membership, item) -> bool:
    return rules.car_park_may_change(
        role=membership.role,
        is_raiser=item.raised_by_id == membership.user_id,
        is_answered=item.status == "answered",
    )


def _item_may_answer(membership: Membership, item) -> bool:
    return rules.car_park_may_answer(role=membership.role, is_owner=item.owner_id == membership.pk)


@project_view(rules.VIEW_WORKING_TOGETHER)
def car_park(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    items = [
        CarParkItemPresenter(item, today=today)
        for item in selectors.car_park_items(project=membership.project)
    ]
    return render(
        request,
        "working_together/car_park.html",
        _context(
            membership,
            open_items=[item for item in items if not item.is_answered],
            answered=[item for item in items if item.is_answered],
            can_add=_may(membership, rules.ADD_TO_CAR_PARK),
        ),
    )


@project_view(rules.ADD_TO_CAR_PARK)
def car_park_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    at_session = _from_session(request, membership)
    form = CarParkItemForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.car_park_item_add(
            project=membership.project,
            text=form.cleaned_data["text"],
            by=request.user,
            session=at_session,
        )
        messages.success(request, "Your item is in the car park.")
        return redirect(_back(membership, at_session, "car_park"))
    return _form_page(
        request,
        membership,
        form,
        heading="Add to the car park",
        button="Add to the car park",
        back=_back(membership, at_session, "car_park"),
        intro=(
            f"Raised at ‘{at_session.title}’."
            if at_session
            else "Anyone in the project can add to the car park."
        ),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def car_park_item(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = or_404(selectors.car_park_item(project=membership.project, item_id=item_id))
    return _item_page(request, membership, found, CommentForm())


def _item_page(request, membership, found, comment_form, status: int = 200) -> HttpResponse:
    return render(
        request,
        "working_together/car_park_item.html",
        _context(
            membership,
            item=CarParkItemPresenter(found, today=timezone.localdate()),
            comments=selectors.car_park_comments(item=found),
            comment_form=comment_form,
            may_change=_item_may_change(membership, found),
            may_follow_up=_may(membership, rules.FOLLOW_UP_CAR_PARK),
            may_answer=_item_may_answer(membership, found),
            may_comment=_may(membership, rules.COMMENT),
        ),
        status=status,
    )


@project_view(rules.COMMENT)
@require_POST
def car_park_comment(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = or_404(selectors.car_park_item(project=membership.project, item_id=item_id))
    form = CommentForm(request.POST)
    if form.is_valid():
        services.comment_add(
            project=membership.project,
            author=request.user,
            text=form.cleaned_data["text"],
            car_park_item=found,
        )
        messages.success(request, "Your comment has been added.")
        return redirect(_url("car_park_item", membership, item_id=found.pk) + "#comments")
    return _item_page(request, membership, found, form, status=400)


@project_view(rules.CHANGE_CAR_PARK_ITEM)
def car_park_reword(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = or_404(selectors.car_park_item(project=membership.project, item_id=item_id))
    if not _item_may_change(membership, found):
        raise PermissionDenied
    form = CarParkItemForm(posted(request), initial={"text": found.text})
    back = _url("car_park_item", membership, item_id=found.pk)
    if request.method == "POST" and form.is_valid():
        services.car_park_item_reword(item=found, text=form.cleaned_data["text"])
        messages.success(request, "The car park item has been saved.")
        return redirect(back)
    return _form_page(
        request, membership, form, heading="Change a car park item", button="Save", back=back
    )


@project_view(rules.FOLLOW_UP_CAR_PARK)
def car_park_follow_up(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = or_404(selectors.car_park_item(project=membership.project, item_id=item_id))
    initial = {
        "owner": str(found.owner_id or membership.pk),
        "next_step": found.next_step,
        "due_on": found.due_on,
    }
    form = FollowUpForm(
        posted(request),
        members=selectors.members_for_choice(project=membership.project),
        initial=initial,
    )
    back = _url("car_park_item", membership, item_id=found.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.car_park_item_follow_up(item=found, **form.service_arguments())
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, "The follow-up has been saved.")
            return redirect(back)
    return _form_page(
        request,
        membership,
        form,
        heading="Follow up a car park item",
        button="Save",
        back=back,
        intro=f"‘{found.text}’",
        checked=("next_step",),
    )


@project_view(rules.ANSWER_CAR_PARK)
def car_park_answer(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = or_404(selectors.car_park_item(project=membership.project, item_id=item_id))
    if not _item_may_answer(membership, found):
        raise PermissionDenied
    form = AnswerForm(posted(request), initial={"answer": found.answer})
    back = _url("car_park_item", membership, item_id=found.pk)
    if request.method == "POST" and form.is_valid():
        services.car_park_item_answer(
            item=found, answer=form.cleaned_data["answer"], by=request.user
        )
        messages.success(request, "The answer has been shared with everyone in the project.")
        return redirect(back)
    return _form_page(
        request,
        membership,
        form,
        heading="Answer a car park item",
        button="Share the answer",
        back=back,
        intro=f"‘{found.text}’",
        checked=("answer",),
    )


@project_view(rules.FOLLOW_UP_CAR_PARK)
def car_park_remove(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = or_404(selectors.car_park_item(project=membership.project, item_id=item_id))
    if request.method == "POST":
        services.car_park_item_remove(item=found)
        messages.success(request, "The item has been removed from the car park.")
        return redirect(_url("car_park", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this from the car park?",
        thing=found.text,
        back=_url("car_park_item", membership, item_id=found.pk),
    )


# Actions --------------------------------------------------------------------


@project_view(rules.VIEW_WORKING_TOGETHER)
def actions(request: HttpRequest, membership: Membership) -> HttpResponse:
    today = timezone.localdate()
    shown = [
        ActionPresenter(action, today=today)
        for action in selectors.actions(project=membership.project)
    ]
    return render(
        request,
        "working_together/actions.html",
        _context(
            membership,
            actions=shown,
            overdue_count=sum(1 for action in shown if action.is_overdue),
            can_manage=_may(membership, rules.MANAGE_ACTIONS),
            may_mark_done=lambda action: rules.action_may_mark_done(
                role=membership.role, is_owner=action.owner_id == membership.pk
            ),
        ),
    )


def _action_form(request, membership, **kwargs) -> ActionForm:
    return ActionForm(
        posted(request),
        members=selectors.members_for_choice(project=membership.project),
        sessions=selectors.session_records_for_choice(project=membership.project),
        **kwargs,
    )


@project_view(rules.MANAGE_ACTIONS)
def action_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    at_session = _from_session(request, membership)
    form = _action_form(
        request,
        membership,
        initial={"owner": str(membership.pk), "session": str(at_session.pk) if at_session else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(
                project=membership.project, by=request.user, **form.service_arguments()
            )
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, "The action has been added.")
            return redirect(_back(membership, at_session, "actions"))
    return _form_page(
        request,
        membership,
        form,
        heading="Add an action",
        button="Add action",
        back=_back(membership, at_session, "actions"),
    )


@project_view(rules.MANAGE_ACTIONS)
def action_edit(request: HttpRequest, membership: Membership, action_id: int) -> HttpResponse:
    found = or_404(selectors.action(project=membership.project, action_id=action_id))
    initial = {
        "what": found.what,
        "owner": str(found.owner_id or ""),
        "due_on": found.due_on,
        "session": str(found.session_id or ""),
        "status": found.status,
    }
    form = _action_form(request, membership, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(action=found, **form.service_arguments())
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, "The action has been saved.")
            return redirect(_url("actions", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Change an action",
        button="Save changes",
        back=_url("actions", membership),
    )


@project_view(rules.MARK_ACTION_DONE)
@require_POST
def action_done(request: HttpRequest, membership: Membership, action_id: int) -> HttpResponse:
    found = or_404(selectors.action(project=membership.project, action_id=action_id))
    if not rules.action_may_mark_done(
        role=membership.role, is_owner=found.owner_id == membership.pk
    ):
        raise PermissionDenied
    services.action_mark_done(action=found)
    messages.success(request, f"‘{found.what}’ is marked as done.")
    return redirect(_url("actions", membership))


@project_view(rules.MANAGE_ACTIONS)
def action_remove(request: HttpRequest, membership: Membership, action_id: int) -> HttpResponse:
    found = or_404(selectors.action(project=membership.project, action_id=action_id))
    if request.method == "POST":
        services.action_remove(action=found)
        messages.success(request, "The action has been removed.")
        return redirect(_url("actions", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this action?",
        thing=found.what,
        back=_url("actions", membership),
    )


# Shared definitions ---------------------------------------------------------

STARTING_WORD = "co-production"


@project_view(rules.VIEW_WORKING_TOGETHER)
def definitions(request: HttpRequest, membership: Membership) -> HttpResponse:
    found = selectors.shared_definitions(project=membership.project)
    return render(
        request,
        "working_together/definitions.html",
        _context(
            membership,
            definitions=found,
            can_edit=_may(membership, rules.EDIT_DEFINITIONS),
            offer_start=not any(d.word.lower() == STARTING_WORD for d in found),
            starting_word=STARTING_WORD,
        ),
    )


@project_view(rules.EDIT_DEFINITIONS)
def definition_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    word = request.GET.get("word", "")
    form = DefinitionForm(
        posted(request), initial={"word": STARTING_WORD if word == STARTING_WORD else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            added = services.definition_add(
                project=membership.project, by=request.user, **form.cleaned_data
            )
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, f"‘{added.word}’ has been added to the shared definitions.")
            return redirect(_url("definitions", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Add a shared definition",
        button="Add definition",
        back=_url("definitions", membership),
        intro=(
            "Do not assume everyone has the same understanding of a word or phrase. "
            "Write down the meaning the group worked out together."
        ),
        checked=("meaning",),
    )


@project_view(rules.EDIT_DEFINITIONS)
def definition_edit(
    request: HttpRequest, membership: Membership, definition_id: int
) -> HttpResponse:
    found = or_404(
        selectors.shared_definition(project=membership.project, definition_id=definition_id)
    )
    form = DefinitionForm(posted(request), initial={"word": found.word, "meaning": found.meaning})
    if request.method == "POST" and form.is_valid():
        try:
            services.definition_update(definition=found, by=request.user, **form.cleaned_data)
        except services.WorkingTogetherError as error:
            _rule_error(form, error)
        else:
            messages.success(request, f"‘{found.word}’ has been saved.")
            return redirect(_url("definitions", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Change a shared definition",
        button="Save changes",
        back=_url("definitions", membership),
        checked=("meaning",),
    )


@project_view(rules.EDIT_DEFINITIONS)
def definition_remove(
    request: HttpRequest, membership: Membership, definition_id: int
) -> HttpResponse:
    found = or_404(
        selectors.shared_definition(project=membership.project, definition_id=definition_id)
    )
    if request.method == "POST":
        services.definition_remove(definition=found)
        messages.success(request, f"‘{found.word}’ has been removed from the shared definitions.")
        return redirect(_url("definitions", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this shared definition?",
        thing=found.word,
        back=_url("definitions", membership),
    )


# What can and cannot change ---------------------------------------------------


@project_view(rules.VIEW_WORKING_TOGETHER)
def what_can_change(request: HttpRequest, membership: Membership) -> HttpResponse:
    return render(
        request,
        "working_together/what_can_change.html",
        _context(
            membership,
            areas=selectors.decision_areas(project=membership.project),
            can_edit=_may(membership, rules.EDIT_WHAT_CAN_CHANGE),
        ),
    )


_AREA_INTRO = (
    "Be open and honest about limits, what influence people can really have, "
    "and what cannot change. Everyone in the project will see this."
)


@project_view(rules.EDIT_WHAT_CAN_CHANGE)
def decision_area_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = DecisionAreaForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.decision_area_add(project=membership.project, by=request.user, **form.cleaned_data)
        messages.success(request, "It has been added to what can and cannot change.")
        return redirect(_url("what_can_change", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Say what can and cannot change",
        button="Add",
        back=_url("what_can_change", membership),
        intro=_AREA_INTRO,
        checked=("open_to_influence", "fixed", "why_fixed"),
    )


@project_view(rules.EDIT_WHAT_CAN_CHANGE)
def decision_area_edit(
    request: HttpRequest, membership: Membership, decision_area_id: int
) -> HttpResponse:
    found = or_404(
        selectors.decision_area(project=membership.project, decision_area_id=decision_area_id)
    )
    initial = {
        "area": found.area,
        "open_to_influence": found.open_to_influence,
        "fixed": found.fixed,
        "why_fixed": found.why_fixed,
    }
    form = DecisionAreaForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.decision_area_update(decision_area=found, by=request.user, **form.cleaned_data)
        messages.success(request, f"‘{found.area}’ has been saved.")
        return redirect(_url("what_can_change", membership))
    return _form_page(
        request,
        membership,
        form,
        heading="Change what can and cannot change",
        button="Save changes",
        back=_url("what_can_change", membership),
        intro=_AREA_INTRO,
        checked=("open_to_influence", "fixed", "why_fixed"),
    )


@project_view(rules.EDIT_WHAT_CAN_CHANGE)
def decision_area_remove(
    request: HttpRequest, membership: Membership, decision_area_id: int
) -> HttpResponse:
    found = or_404(
        selectors.decision_area(project=membership.project, decision_area_id=decision_area_id)
    )
    if request.method == "POST":
        services.decision_area_remove(decision_area=found)
        messages.success(request, f"‘{found.area}’ has been removed.")
        return redirect(_url("what_can_change", membership))
    return _remove_page(
        request,
        membership,
        heading="Remove this?",
        thing=found.area,
        back=_url("what_can_change", membership),
    )
