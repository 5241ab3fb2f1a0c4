"""Sessions: the record of each meeting or workshop, its minutes, the revisit of
the agreements, the key essentials and comments."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.core.numbers import digits_read
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.projects.pages import say_wording
from coplan.working_together import rules, selectors, services
from coplan.working_together.forms import (
    CommentForm,
    EssentialsForm,
    RevisitForm,
    SessionForm,
    session_initial,
)
from coplan.working_together.models import SessionRecord
from coplan.working_together.presenters import ActionPresenter, CarParkItemPresenter
from coplan.working_together.views.common import SECTION, comment_flow, session_url


@project_view(rules.VIEW_WORKING_TOGETHER)
def sessions(request: HttpRequest, membership: Membership) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "working_together/sessions.html",
        sessions=selectors.session_records(project=membership.project),
        can_run=membership.may(rules.RUN_SESSIONS),
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
                project=project, by=request.user, **form.service_arguments()
            )
        except services.WorkingTogetherError as error:
            error.add_to(form)
        else:
            messages.success(request, f"‘{added.title}’ has been added.")
            say_wording(request, form, project=membership.project)
            return redirect(session_url(membership, added))
    return SECTION.form_page(
        request,
        membership,
        form,
        heading="Add a session",
        button="Add session",
        back=SECTION.url("sessions", membership),
        intro=["A record of one meeting or workshop: who came, and what was agreed and decided."],
    )


def _session_page(
    request: HttpRequest,
    membership: Membership,
    session: SessionRecord,
    template: str,
    **context,
) -> HttpResponse:
    """A session's page or its minutes: everything recorded at the session."""
    project = membership.project
    today = timezone.localdate()
    can_run = membership.may(rules.RUN_SESSIONS)
    essentials = selectors.key_essentials(project=project) if can_run else ()
    return SECTION.page(
        request,
        membership,
        template,
        session=session,
        came=selectors.session_came(session=session),
        revisit=getattr(session, "revisit", None),
        agreements=selectors.agreements_current(project=project),
        definitions=selectors.shared_definitions(project=project),
        carried=[
            CarParkItemPresenter(item, today=today)
            for item in selectors.car_park_carried_to(session=session)
        ],
        parked=[
            CarParkItemPresenter(item, today=today)
            for item in selectors.car_park_raised_at(session=session)
        ],
        actions=[
            ActionPresenter(action, today=today)
            for action in selectors.session_actions(session=session)
        ],
        comments=selectors.session_comments(session=session),
        essentials=essentials,
        essentials_done=[item for item in essentials if item.id in session.essentials_checked],
        can_run=can_run,
        can_edit_agreements=membership.may(rules.RECORD_AGREEMENTS),
        can_manage_actions=membership.may(rules.MANAGE_ACTIONS),
        **context,
    )


def _found(membership: Membership, session_id: int) -> SessionRecord:
    return or_404(selectors.session_record(project=membership.project, session_id=session_id))


@project_view(rules.VIEW_WORKING_TOGETHER)
def session(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = _found(membership, session_id)
    return _session_page(
        request, membership, found, "working_together/session.html", comment_form=CommentForm()
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def meeting_session(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    """From a planned meeting's page to its session record (or to starting one)."""
    meeting = or_404(selectors.meeting_for_start(project=membership.project, meeting_id=meeting_id))
    found = selectors.session_for_meeting(meeting=meeting)
    if found is not None:
        return redirect(session_url(membership, found))
    return SECTION.page(
        request,
        membership,
        "working_together/no_session.html",
        meeting=meeting,
        can_run=membership.may(rules.RUN_SESSIONS),
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def session_minutes(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = _found(membership, session_id)
    return _session_page(request, membership, found, "working_together/minutes.html")


@project_view(rules.RUN_SESSIONS)
def session_edit(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = _found(membership, session_id)
    project = membership.project
    form = SessionForm(
        posted(request),
        members=selectors.members_for_choice(project=project),
        meetings=selectors.meetings_for_choice(project=project, session=found),
        initial=session_initial(found, selectors.session_came(session=found)),
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.session_record_update(session=found, **form.service_arguments()),
        saved=lambda _: f"‘{found.title}’ has been saved.",
        back=session_url(membership, found),
        heading="Change the session record",
        button="Save changes",
    )


@project_view(rules.RUN_SESSIONS)
def session_remove(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = _found(membership, session_id)
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.session_record_remove(session=found),
        removed=f"‘{found.title}’ has been removed.",
        back=session_url(membership, found),
        done=SECTION.url("sessions", membership),
        heading="Remove this session record?",
        thing=f"{found.title}. Its car park items and actions stay, not tied to a session.",
    )


@project_view(rules.RUN_SESSIONS)
def session_revisit(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = _found(membership, session_id)
    existing = getattr(found, "revisit", None)
    initial = (
        {"outcome": existing.outcome, "what_changed": existing.what_changed} if existing else {}
    )
    form = RevisitForm(posted(request), initial=initial)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.agreement_revisit(
            session=found, by=request.user, **form.cleaned_data
        ),
        saved="The revisit of the agreements has been recorded.",
        back=session_url(membership, found),
        heading="Revisit the agreements",
        button="Save",
        caption=found.title,
        intro=[
            "At the start of the session, read the agreements together. Check people are "
            "still happy with them, and make any changes."
        ],
        template="working_together/revisit.html",
        session=found,
        agreements=selectors.agreements_current(project=membership.project),
        can_edit_agreements=membership.may(rules.RECORD_AGREEMENTS),
    )


@project_view(rules.RUN_SESSIONS)
def session_essentials(
    request: HttpRequest, membership: Membership, session_id: int
) -> HttpResponse:
    found = _found(membership, session_id)
    essentials = selectors.key_essentials(project=membership.project)
    form = EssentialsForm(
        posted(request), essentials=essentials, initial={"checked": found.essentials_checked}
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.session_essentials_record(
            session=found,
            checked=form.cleaned_data["checked"],
            known=tuple(item.id for item in essentials),
        ),
        saved="The key essentials for this session have been saved.",
        back=session_url(membership, found),
        heading="Key essentials for this session",
        button="Save",
        intro=[
            "Managing meetings and workshops: getting it right from the start. "
            "From Co-production Oxfordshire’s Working Together Handbook."
        ],
    )


@project_view(rules.COMMENT)
@require_POST
def session_comment(request: HttpRequest, membership: Membership, session_id: int) -> HttpResponse:
    found = _found(membership, session_id)
    return comment_flow(
        request,
        membership,
        session=found,
        back=session_url(membership, found),
        page=lambda form: _session_page(
            request, membership, found, "working_together/session.html", comment_form=form
        ),
    )
