"""Pages for venues (the organisation's library) and each project's meetings, by area:
`venues`, `meetings`, `papers` (and paperwork), `invited`, `catering`; `base` holds
the project menu item and the addresses they share.

Project pages are reached only through `project_view(permission)`; venue pages
only through the person's staff membership (`organisations.access.organisation_staff_view`).
"""
