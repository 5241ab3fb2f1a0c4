"""What every Keeping track page shares: its section of the project and its menu."""

from coplan.planning import rules
from coplan.projects.pages import Section, SubPage
from coplan.projects.rules import MANAGERS

# Sign-offs are given by a manager of the project (who reads what they sign) or someone
# outside it.
SIGNER_ROLES = MANAGERS

SECTION = Section(
    "tracking",
    namespace="planning",
    label="Keeping track",
    sub_pages=(
        SubPage("tracking", "At a glance"),
        SubPage(
            "sign_offs",
            "Sign-offs",
            permission=rules.VIEW_SIGN_OFFS,
            also=("sign_off_version", "sign_off_ask", "sign_off_decide"),
        ),
        SubPage("timeline", "Timeline"),
        SubPage("budget", "Budget", permission=rules.VIEW_BUDGET),
        SubPage("barriers", "Barriers"),
    ),
)
