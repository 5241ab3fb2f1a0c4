"""Pages for working together, by area: sessions and their minutes, agreements,
the car park, actions, shared definitions and what can and cannot change.

Each view is reached only through `project_view(permission)`, gets the member's
membership, and finds objects only within `membership.project`. Rules that
depend on the row (the person who raised an item, the owner of an action) are
the predicates in rules.py. Every page is drawn by `common.SECTION`.
"""
