"""The feedback app's parts of the whole plan (`projects.registries.PLAN_SECTIONS`):
what people said in the feedback forms (counts, and the general feeling; small numbers
from a closed box are held back, as on screen), and "you said, we did". A fixed number
of queries, however many forms and answers."""

from coplan.core.formats import as_sentence
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


def _published(membership: Membership) -> list:
    entries = selectors.you_said_we_did_entries(project=membership.project, published_only=True)
    return sorted(entries, key=lambda entry: (entry.created_at, entry.pk))


def you_said_we_did_for_participants(membership: Membership) -> dict:
    """The participants' version: only what was published to everyone involved."""
    return {"entries": _published(membership)}


def you_said_we_did_easy_read(membership: Membership) -> str:
    blocks = [
        "\n".join(
            [
                "You said:",
                as_sentence(entry.you_said),
                "We did:",
                as_sentence(entry.we_did or "We have not done this yet"),
            ]
        )
        for entry in _published(membership)
    ]
    return "\n\n".join(blocks) or "We have not written down what we did yet."
