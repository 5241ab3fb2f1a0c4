"""The API's participants of a project (decision 0017; registered in `contributions.py`):
for the roles that see the participants page, what that page shows, nothing more. Their
access needs, address and other details are not in the API."""

from django.http import HttpRequest
from ninja import Router, Schema

from coplan.core.api_parts import TOKEN_PROBLEMS, PageLinks, PageNumber, PerPage, ProjectId, paged
from coplan.people import rules, selectors
from coplan.people.models import Involvement
from coplan.projects.access import member_allowed

router = Router(tags=["participants"])


class ParticipantOut(Schema):
    id: int
    full_name: str
    role: str
    role_words: str
    group: str | None
    contact_by: str
    contact_by_words: str
    email: str | None
    phone: str | None
    photos_and_film: bool


class ParticipantPage(PageLinks):
    items: list[ParticipantOut]


def _participant_out(involvement: Involvement) -> dict:
    person = involvement.person
    return {
        "id": person.pk,
        "full_name": person.full_name,
        "role": involvement.role,
        "role_words": involvement.get_role_display(),
        "group": involvement.group.name if involvement.group_id else None,
        "contact_by": person.contact_by,
        "contact_by_words": person.get_contact_by_display() if person.contact_by else "",
        # As on the page: the email or phone number they want to be contacted by.
        "email": person.email if person.contact_by == "email" else None,
        "phone": person.phone if person.contact_by in ("phone", "text") else None,
        "photos_and_film": bool(involvement.media_given and not involvement.media_withdrawn_at),
    }


@router.get(
    "/projects/{project_id}/participants",
    response={200: ParticipantPage, 304: None, **TOKEN_PROBLEMS},
    summary="A project's participants, as on the participants page",
)
def participants(
    request: HttpRequest,
    project_id: int = ProjectId,
    page: int = PageNumber,
    per_page: int = PerPage,
):
    """By name. For leads and facilitators, who see the participants page: each one's
    role, group, how they want to be contacted (with that email or phone number) and
    whether they agreed to photos and film. Access needs are not given."""
    membership = member_allowed(request.auth.user, project_id, rules.VIEW_PARTICIPANTS)
    found = selectors.participants_listed(project=membership.project)
    return paged(request, found, page=page, per_page=per_page, out=_participant_out)
