"""Pages for keeping track: sign-offs, the timeline, the budget and barriers, by area.

Each view is reached only through `project_view(permission)`, gets the member's
membership, and finds objects only within `membership.project`.
"""

from coplan.planning.views.barriers import barrier_add, barrier_edit, barrier_remove, barriers
from coplan.planning.views.budget import (
    budget,
    budget_edit,
    budget_line_add,
    budget_line_edit,
    budget_line_remove,
)
from coplan.planning.views.common import SECTION
from coplan.planning.views.sign_offs import (
    sign_off_add,
    sign_off_ask,
    sign_off_decide,
    sign_off_edit,
    sign_off_remove,
    sign_off_sign,
    sign_off_version,
    sign_off_version_docx,
    sign_off_version_pdf,
    sign_off_withdraw,
    sign_offs,
)
from coplan.planning.views.timeline import milestone_add, milestone_edit, milestone_remove, timeline
from coplan.planning.views.tracking import tracking

__all__ = [
    "SECTION",
    "barrier_add",
    "barrier_edit",
    "barrier_remove",
    "barriers",
    "budget",
    "budget_edit",
    "budget_line_add",
    "budget_line_edit",
    "budget_line_remove",
    "milestone_add",
    "milestone_edit",
    "milestone_remove",
    "sign_off_add",
    "sign_off_ask",
    "sign_off_decide",
    "sign_off_edit",
    "sign_off_remove",
    "sign_off_sign",
    "sign_off_version",
    "sign_off_version_docx",
    "sign_off_version_pdf",
    "sign_off_withdraw",
    "sign_offs",
    "timeline",
    "tracking",
]
