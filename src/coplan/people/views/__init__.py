"""Stakeholders and participants pages, by area: `stakeholders` (the hub, groups and
the influence and interest grid), `participants` (the list, adding someone, their
record, contact details and role, and your own details), `needs` (access needs),
`consent`, `imports` (participants from a spreadsheet), `export` (everything we hold
about someone, and erasing them), `monitoring` (equality monitoring) and
`organisation` (the organisation admins' access-needs log and how long details are
kept).

Every project page is reached through `project_view`, drawn by `SECTION`, and finds a
person only through their involvement in that project (`involvement_for`)."""

from coplan.core.http import or_404
from coplan.people import selectors
from coplan.people.choices import ConsentPurpose, InvolvementRole
from coplan.people.models import Involvement, Person
from coplan.people.presenters import format_words
from coplan.projects.models import Membership
from coplan.projects.pages import Section

SECTION = Section(
    "involvement",
    namespace="people",
    context=lambda membership: {
        "consent_labels": dict(ConsentPurpose.choices),
        "role_labels": dict(InvolvementRole.choices),
        "format_words": format_words,
        "withdraw_url_for": None,
    },
)


def involvement_for(membership: Membership, person_id: int) -> Involvement:
    """Someone in this project; anyone else is not found."""
    return or_404(selectors.participant(project=membership.project, person_id=person_id))


def participant_url(membership: Membership, person: Person) -> str:
    return SECTION.url("participant", membership, person_id=person.pk)


def own_url(membership: Membership) -> str:
    return SECTION.url("your_details", membership)
