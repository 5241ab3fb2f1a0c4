"""The car park: things raised that the group could not deal with at the time,
followed up, answered and shared back."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.projects.access import project_view
from coplan.projects.models import Membership
from coplan.working_together import rules, selectors, services
from coplan.working_together.forms import (
    AnswerForm,
    CarParkItemForm,
    CommentForm,
    FollowUpForm,
)
from coplan.working_together.models import CarParkItem
from coplan.working_together.presenters import CarParkItemPresenter
from coplan.working_together.views.common import (
    SECTION,
    back_to,
    comment_flow,
    from_session,
)


def _may_change(membership: Membership, item: CarParkItem) -> bool:
    return rules.car_park_may_change(
        role=membership.role,
        is_raiser=item.raised_by_id == membership.user_id,
        is_answered=item.status == "answered",
    )


def _may_answer(membership: Membership, item: CarParkItem) -> bool:
    return rules.car_park_may_answer(role=membership.role, is_owner=item.owner_id == membership.pk)


def _found(membership: Membership, item_id: int) -> CarParkItem:
    return or_404(selectors.car_park_item(project=membership.project, item_id=item_id))


def _item_url(membership: Membership, item: CarParkItem) -> str:
    return SECTION.url("car_park_item", membership, item_id=item.pk)


@project_view(rules.VIEW_WORKING_TOGETHER)
def car_park(request: HttpRequest, membership: Membership) -> HttpResponse:
    """What is waiting for an answer, a page at a time, or (`?show=answered`) what has
    been answered, the newest answer first."""
    today = timezone.localdate()
    found = selectors.car_park_page(
        project=membership.project,
        show=request.GET.get("show", selectors.WAITING),
        page=request.GET.get("page", 1),
    )
    found.page.object_list = [CarParkItemPresenter(item, today=today) for item in found.page]
    return SECTION.page(
        request,
        membership,
        "working_together/car_park.html",
        found=found,
        page=found.page,
        can_add=membership.may(rules.ADD_TO_CAR_PARK),
    )


@project_view(rules.ADD_TO_CAR_PARK)
def car_park_add(request: HttpRequest, membership: Membership) -> HttpResponse:
    at_session = from_session(request, membership)
    form = CarParkItemForm(posted(request))
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.car_park_item_add(
            project=membership.project,
            text=form.cleaned_data["text"],
            by=request.user,
            session=at_session,
        ),
        saved="Your item is in the car park.",
        back=back_to(membership, at_session, "car_park"),
        heading="Add to the car park",
        button="Add to the car park",
        intro=[
            f"Raised at ‘{at_session.title}’."
            if at_session
            else "Anyone in the project can add to the car park."
        ],
        template="working_together/car_park_form.html",
    )


def _item_page(
    request: HttpRequest, membership: Membership, found: CarParkItem, comment_form: CommentForm
) -> HttpResponse:
    return SECTION.page(
        request,
        membership,
        "working_together/car_park_item.html",
        item=CarParkItemPresenter(found, today=timezone.localdate()),
        comments=selectors.car_park_comments(item=found),
        comment_form=comment_form,
        may_change=_may_change(membership, found),
        may_follow_up=membership.may(rules.FOLLOW_UP_CAR_PARK),
        may_answer=_may_answer(membership, found),
        may_comment=membership.may(rules.COMMENT),
        back=SECTION.url("car_park", membership),
        back_text="Back to the car park",
    )


@project_view(rules.VIEW_WORKING_TOGETHER)
def car_park_item(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    return _item_page(request, membership, _found(membership, item_id), CommentForm())


@project_view(rules.COMMENT)
@require_POST
def car_park_comment(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = _found(membership, item_id)
    return comment_flow(
        request,
        membership,
        car_park_item=found,
        back=_item_url(membership, found),
        page=lambda form: _item_page(request, membership, found, form),
    )


@project_view(rules.CHANGE_CAR_PARK_ITEM)
def car_park_reword(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = _found(membership, item_id)
    if not _may_change(membership, found):
        raise PermissionDenied
    form = CarParkItemForm(posted(request), initial={"text": found.text})
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.car_park_item_reword(item=found, text=form.cleaned_data["text"]),
        saved="The car park item has been saved.",
        back=_item_url(membership, found),
        heading="Change a car park item",
        button="Save",
        template="working_together/car_park_form.html",
    )


@project_view(rules.FOLLOW_UP_CAR_PARK)
def car_park_follow_up(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = _found(membership, item_id)
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
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.car_park_item_follow_up(item=found, **form.service_arguments()),
        saved="The follow-up has been saved.",
        back=_item_url(membership, found),
        heading="Follow up a car park item",
        button="Save",
        intro=[f"‘{found.text}’"],
    )


@project_view(rules.ANSWER_CAR_PARK)
def car_park_answer(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = _found(membership, item_id)
    if not _may_answer(membership, found):
        raise PermissionDenied
    form = AnswerForm(posted(request), initial={"answer": found.answer})
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.car_park_item_answer(
            item=found, answer=form.cleaned_data["answer"], by=request.user
        ),
        saved="The answer has been shared with everyone in the project.",
        back=_item_url(membership, found),
        heading="Answer a car park item",
        button="Share the answer",
        intro=[f"‘{found.text}’"],
        template="working_together/car_park_answer.html",
        item=found,
    )


@project_view(rules.FOLLOW_UP_CAR_PARK)
def car_park_remove(request: HttpRequest, membership: Membership, item_id: int) -> HttpResponse:
    found = _found(membership, item_id)
    return SECTION.remove_flow(
        request,
        membership,
        remove=lambda: services.car_park_item_remove(item=found),
        removed="The item has been removed from the car park.",
        back=_item_url(membership, found),
        done=SECTION.url("car_park", membership),
        heading="Remove this from the car park?",
        thing=found.text,
    )
