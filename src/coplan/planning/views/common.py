"""What every Keeping track page shares: its section of the project and its menu."""

from coplan.planning import rules
from coplan.projects.pages import Section, SubPage
from coplan.projects.rules import STAFF_ROLES

# Sign-offs are given by staff in the project (listed managers first) or someone outside it.
SIGNER_ROLES = STAFF_ROLES

SECTION = Section(
    "tracking",
    namespace="planning",
    label="Keeping track",
    sub_pages=(
        SubPage("tracking", "At a glance"),
        SubPage("sign_offs", "Sign-offs", permission=rules.VIEW_SIGN_OFFS),
        SubPage("timeline", "Timeline"),
        SubPage("budget", "Budget", permission=rules.VIEW_BUDGET),
        SubPage("barriers", "Barriers"),
    ),
)
