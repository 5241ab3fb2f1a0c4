"""Pages for feedback, by area: forms (making them, printing them, typing in
paper ones), answering by a form's link (standard, or one question a screen in
Easy Read), results, you said we did, and self-reflection and lessons.

Project pages are reached only through `project_view(permission)`, find objects
only within `membership.project` and are drawn by `common.SECTION`. The pages
people fill a form in on are reached by the form's link and show nothing but
the form.
"""
