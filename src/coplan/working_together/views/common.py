"""What every working together page shares: its place in the project's menu, its
own menu, and the session a page was opened from."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from coplan.core.http import or_404, save_form
from coplan.core.numbers import digits_read
from coplan.projects.models import Membership
from coplan.projects.pages import Section, SubPage
from coplan.projects.presenters import person_name
from coplan.working_together import selectors, services
from coplan.working_together.forms import CommentForm
from coplan.working_together.models import SessionRecord

SESSION_PARAMETER = "session"

SECTION = Section(
    "working_together",
    namespace="working_together",
    label="Working together",
    sub_pages=(
        SubPage("home", "At a glance"),
        SubPage("sessions", "Sessions", also=("session", "session_minutes", "session_comment")),
        SubPage("agreements", "Agreements", also=("agreement_ideas", "agreement_history")),
        SubPage("car_park", "Car park", also=("car_park_item", "car_park_comment")),
        SubPage("actions", "Actions"),
        SubPage("definitions", "Shared definitions"),
        SubPage("what_can_change", "What can and cannot change"),
    ),
    context=lambda membership: {"person_name": person_name},
)


def session_url(membership: Membership, session: SessionRecord) -> str:
    return SECTION.url("session", membership, session_id=session.pk)


def from_session(request: HttpRequest, membership: Membership) -> SessionRecord | None:
    """The session a page was opened from (?session=), only within this project."""
    raw = request.GET.get(SESSION_PARAMETER, "")
    if not raw:
        return None
    session_id = digits_read(raw)
    if session_id is None:
        return or_404(None)
    return or_404(selectors.session_record(project=membership.project, session_id=session_id))


def back_to(membership: Membership, session: SessionRecord | None, fallback: str) -> str:
    """Back to the session the page was opened from, else to the page `fallback`."""
    if session is not None:
        return session_url(membership, session)
    return SECTION.url(fallback, membership)


def comment_flow(
    request: HttpRequest,
    membership: Membership,
    *,
    back: str,
    page: Callable[[CommentForm], HttpResponse],
    **on,
) -> HttpResponse:
    """A comment sent from a page that shows comments (`on`: the session or the
    car park item it is about): added, said, and back to the comments at `back`;
    with a mistake, the `page` again with the comment form showing it."""
    form = CommentForm(request.POST)
    if save_form(
        request,
        form,
        lambda: services.comment_add(
            project=membership.project, author=request.user, text=form.cleaned_data["text"], **on
        ),
        "Your comment has been added.",
    ):
        return redirect(back + "#comments")
    return page(form)
