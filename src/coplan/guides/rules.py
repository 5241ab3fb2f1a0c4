"""Who may do what with a project's plan (its guides)."""

from coplan.projects.roles import Role
from coplan.projects.rules import ALL_ROLES, STAFF_ROLES, Permission

VIEW_PLAN = Permission("read the plan", ALL_ROLES)
COMMENT_ON_PLAN = Permission("comment on the plan's answers", ALL_ROLES)
# Leads plan; facilitators plan the sessions they run and confirm the key essentials.
EDIT_PLAN = Permission("answer the plan's questions", frozenset({Role.LEAD, Role.FACILITATOR}))
# The lead chooses the way forward when the plan says stop; a manager of the project
# agrees it (never the lead who chose it: a lead is not a manager).
CHOOSE_WAY_FORWARD = Permission(
    "choose a way forward when the plan says stop", frozenset({Role.LEAD})
)
AGREE_WAY_FORWARD = Permission(
    "agree the way forward chosen when the plan says stop", frozenset({Role.MANAGER})
)
# Who meets a stop when they save answers: those who answer the plan's questions.
MEET_STOP = Permission("read a stop the plan has met", frozenset({Role.LEAD, Role.FACILITATOR}))
# The whole plan as one document (page, PDF, Word): what staff read, and the manager
# signs off.
VIEW_PLAN_DOCUMENT = Permission("read the whole plan as one document", STAFF_ROLES)
# Its versions for everyone taking part and in Easy Read (no personal data, nothing only
# staff see, in plain words): for every member.
VIEW_PLAN_FOR_PARTICIPANTS = Permission(
    "read the plan for everyone taking part and in Easy Read", ALL_ROLES
)
