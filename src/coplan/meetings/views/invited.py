"""Who is invited to a meeting, and replies given by phone, by letter or in person."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from coplan.core.http import or_404, posted
from coplan.meetings import rules, selectors, services
from coplan.meetings.forms import InviteForm, ReplyForm
from coplan.meetings.views.base import SECTION, meeting_of, meeting_url
from coplan.projects.access import project_view
from coplan.projects.models import Membership


@project_view(rules.MANAGE_INVITED)
def invited(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    return SECTION.page(
        request,
        membership,
        "meetings/invited.html",
        meeting=found,
        invited=selectors.invited_people(meeting=found),
        caption=found.title,
        back=meeting_url("meeting", membership, found),
        back_text="Back to the meeting",
    )


@project_view(rules.MANAGE_INVITED)
def invite(request: HttpRequest, membership: Membership, meeting_id: int) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    participants = selectors.participants_to_invite(meeting=found)
    form = InviteForm(posted(request), participants=participants)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.invited_people_add(
            meeting=found, people=form.chosen(), added_by=request.user
        ),
        saved=lambda added: (
            f"{added} {'person has' if added == 1 else 'people have'} been added to the "
            "people invited."
        ),
        heading="Invite people",
        button="Invite",
        back=meeting_url("invited", membership, found),
        caption=found.title,
        template="meetings/invite.html",
        participants=participants,
    )


@project_view(rules.MANAGE_INVITED)
def invited_reply(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    row = or_404(selectors.invited_person(meeting=found, invited_id=invited_id))
    form = ReplyForm(
        posted(request), initial={"reply": row.reply, "needs_changed": row.needs_changed}
    )
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: services.invited_person_set_reply(invited=row, **form.cleaned_data),
        saved=f"The reply from {row.person.full_name} has been saved.",
        heading=f"Reply from {row.person.full_name}",
        button="Save reply",
        back=meeting_url("invited", membership, found),
        intro=["For a reply given by phone, by letter or in person."],
        caption=found.title,
    )


@project_view(rules.MANAGE_INVITED)
@require_POST
def invited_remove(
    request: HttpRequest, membership: Membership, meeting_id: int, invited_id: int
) -> HttpResponse:
    found = meeting_of(membership, meeting_id)
    row = or_404(selectors.invited_person(meeting=found, invited_id=invited_id))
    return SECTION.action(
        request,
        membership,
        do=lambda: services.invited_person_remove(invited=row),
        message=f"{row.person.full_name} is no longer invited.",
        back=meeting_url("invited", membership, found),
    )
