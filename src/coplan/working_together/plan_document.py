"""The working together app's parts of the whole plan (`projects.registries.PLAN_SECTIONS`):
the group's agreements and shared definitions, and what can and cannot change. One or
two queries each, however many."""

from coplan.core.formats import as_sentence
from coplan.projects.models import Membership
from coplan.working_together import selectors


def agreements(membership: Membership) -> dict:
    project = membership.project
    return {
        "agreements": sorted(
            selectors.agreements_current(project=project), key=lambda a: (a.created_at, a.pk)
        ),
        "definitions": sorted(
            selectors.shared_definitions(project=project), key=lambda d: d.word.lower()
        ),
    }


def what_can_change(membership: Membership) -> dict:
    return {"areas": selectors.decision_areas(project=membership.project)}


def agreements_easy_read(membership: Membership) -> str:
    found = agreements(membership)
    blocks = []
    if found["agreements"]:
        blocks.append(
            "\n".join(["We agreed:", *(as_sentence(a.text) for a in found["agreements"])])
        )
    else:
        blocks.append("The group has not written its agreements yet.")
    blocks += [
        as_sentence(f"{definition.word} means {definition.meaning}")
        for definition in found["definitions"]
    ]
    return "\n\n".join(blocks)


def what_can_change_easy_read(membership: Membership) -> str:
    blocks = []
    for area in selectors.decision_areas(project=membership.project):
        lines = [f"{area.area}: what we can change.", as_sentence(area.open_to_influence)]
        if area.fixed:
            lines += ["What we cannot change:", as_sentence(area.fixed)]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) or "We have not written down what can change yet."
