"""The feedback app's parts of the whole plan (`projects.registries.PLAN_SECTIONS`):
what people said in the feedback forms (counts, and the general feeling; small numbers
from a closed box are held back, as on screen), and "you said, we did". A fixed number
of queries, however many forms and answers."""

from coplan.feedback import selectors
from coplan.feedback.selectors import SMALLEST_GROUP
from coplan.projects.models import Membership


def results(membership: Membership) -> dict:
    return {
        "results": selectors.general_feelings(project=membership.project),
        "smallest_group": SMALLEST_GROUP,
    }


def you_said_we_did(membership: Membership) -> dict:
    entries = selectors.you_said_we_did_entries(project=membership.project)
    return {"entries": sorted(entries, key=lambda entry: (entry.created_at, entry.pk))}
