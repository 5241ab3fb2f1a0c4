"""The one way to draw a project's pages.

Every page of a project is reached through `access.project_view(permission)`,
which hands the view the person's `Membership`. The view then draws its page with
the `Section` its app declares once, at the top of its views.py:

    SECTION = pages.Section(
        "tracking",                     # the project menu item that is marked as current
        namespace="planning",           # the app's URL namespace
        label="Keeping track",          # the name of the area's own menu, if it has one
        sub_pages=(
            pages.SubPage("tracking", "At a glance"),
            pages.SubPage("sign_offs", "Sign-offs", permission=rules.VIEW_SIGN_OFFS),
            pages.SubPage("timeline", "Timeline", also=("milestone_add",)),
        ),
    )

and these four calls, which every app uses the same way:

- `SECTION.page(request, membership, "planning/budget.html", summary=...)` draws a
  page. The template extends `projects/layout-project.html`, sets `heading` (its
  h1) and fills `{% block page_content %}`; the layout adds the caption (the
  project's name unless the page sets `caption`), the title (the page's `title`,
  or its heading, then " – " and the project's name), the project's menu and the
  area's own menu (`sub_pages`: only the links the member's role may open, the
  current one marked). A page with a back link sets `back` (a URL) and, if not
  "Back", `back_text`; a page that shows no menus writes `{% block navigation %}{% endblock %}`.
  A page that shows a bound form with errors answers 400, others 200
  (pass `status=` to say otherwise).
- `SECTION.form_page(request, membership, form, heading=..., button=..., back=...,
  intro=[...])` draws a form on a page of its own: `projects/form.html`, every
  field in order, the button with the words given, "Cancel" back to `back`.
  `intro` is a list of paragraphs; `caption` replaces the project's name above the
  heading; `live={"field": "plain"}` adds the live wording check under those fields.
  A page that lays its fields out itself passes `template=` (one that extends
  `projects/layout-form.html` and fills `{% block fields %}`).
- `SECTION.remove_page(request, membership, heading="Remove this barrier?",
  thing=barrier.what, back=...)` asks "Remove this?" before a removal; the view
  removes on POST. `problem=` shows why it could not be removed (and answers 400).
- `SECTION.url("barriers", membership)` is the address of one of the app's pages;
  `project_url("guides:plan", anything_in_the_project)` of any project page.

Who may do what: `membership.may(rules.EDIT_BUDGET)`. A service's refusal
(a `coplan.core.errors.RuleError`) goes onto the form with `error.add_to(form)`:
beside the field it names, or above the form if the form has no such field.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from coplan.core.errors import RuleError
from coplan.core.http import save_form
from coplan.projects.models import Membership
from coplan.projects.rules import Permission

FORM_TEMPLATE = "projects/form.html"
REMOVE_TEMPLATE = "projects/remove.html"


def project_url(name: str, within, **kwargs) -> str:
    """The address of a project page: `within` is the project, or anything that
    belongs to one (a membership, a sign-off...), which gives its `project_id`."""
    project_id = within.project_id if hasattr(within, "project_id") else within.pk
    return reverse(name, kwargs={"project_id": project_id, **kwargs})


@dataclass(frozen=True)
class SubPage:
    """A link in an area's own menu: `url_name` within the app's namespace.

    `permission`: shown only to roles that have it. `also`: other pages (URL
    names) on which this link is the one marked as current.
    """

    url_name: str
    text: str
    permission: Permission | None = None
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """One item of the project's menu and the pages of an app under it."""

    name: str
    namespace: str
    label: str = ""
    sub_pages: tuple[SubPage, ...] = ()
    # What every page of the area shows besides the page's own context (for
    # example what the member may do there), worked out from the membership.
    context: Callable[[Membership], Mapping] | None = None

    def url(self, name: str, membership: Membership, **kwargs) -> str:
        return project_url(f"{self.namespace}:{name}", membership, **kwargs)

    def navigation(self, request: HttpRequest, membership: Membership) -> dict | None:
        """The area's own menu for this member, as `projects/sub-navigation.html` draws it."""
        if not self.sub_pages:
            return None
        match = getattr(request, "resolver_match", None)
        current = match.url_name if match is not None else None
        links = [
            {
                "text": sub_page.text,
                "href": self.url(sub_page.url_name, membership),
                "current": current in (sub_page.url_name, *sub_page.also),
            }
            for sub_page in self.sub_pages
            if sub_page.permission is None or membership.may(sub_page.permission)
        ]
        return {"label": self.label, "links": links}

    def page(
        self,
        request: HttpRequest,
        membership: Membership,
        template: str,
        *,
        status: int | None = None,
        **context,
    ) -> HttpResponse:
        """A page of the project; `context` is what its template shows."""
        shown = {
            "project": membership.project,
            "membership": membership,
            "project_section": self.name,
            "nav_section": "projects",
            "section_navigation": self.navigation(request, membership),
            **(self.context(membership) if self.context is not None else {}),
            **context,
        }
        return render(request, template, shown, status=status or _status(shown))

    def form_page(
        self,
        request: HttpRequest,
        membership: Membership,
        form: forms.BaseForm,
        *,
        heading: str,
        button: str,
        back: str,
        intro: Sequence[str] = (),
        caption: str | None = None,
        live: Mapping[str, str] | None = None,
        template: str = FORM_TEMPLATE,
        **context,
    ) -> HttpResponse:
        """A form on a page of its own. `intro`: paragraphs above the form;
        `live`: field name to wording-check mode, for the live wording check."""
        if caption is not None:
            context["caption"] = caption
        return self.page(
            request,
            membership,
            template,
            form=form,
            heading=heading,
            button=button,
            back=back,
            intro=_paragraphs(intro),
            live=dict(live or {}),
            **context,
        )

    def form_flow(
        self,
        request: HttpRequest,
        membership: Membership,
        form: forms.BaseForm,
        *,
        save: Callable[[], Any],
        saved: str | Callable[[Any], str],
        back: str,
        done: str | None = None,
        **page,
    ) -> HttpResponse:
        """A form from start to end: shown (`form_page`, with `page` and `back`);
        once sent and valid, `save()`; then `saved` is said (a callable gets what
        `save()` returned) and the person goes to `done` (`back` if not given). A
        `RuleError` from `save()` is shown on the form, beside the field it names."""
        if save_form(request, form, save, saved):
            return redirect(done or back)
        return self.form_page(request, membership, form, back=back, **page)

    def remove_flow(
        self,
        request: HttpRequest,
        membership: Membership,
        *,
        remove: Callable[[], Any],
        removed: str,
        back: str,
        done: str | None = None,
        **page,
    ) -> HttpResponse:
        """ "Remove this?" from start to end: asked (`remove_page`, with `page` and
        `back`); once confirmed, `remove()`, `removed` is said and the person goes
        to `done` (`back` if not given). A `RuleError` from `remove()` is shown on
        the page as the reason it could not be removed."""
        if request.method == "POST":
            try:
                remove()
            except RuleError as error:
                page["problem"] = error.message
            else:
                messages.success(request, removed)
                return redirect(done or back)
        return self.remove_page(request, membership, back=back, **page)

    def remove_page(
        self,
        request: HttpRequest,
        membership: Membership,
        *,
        heading: str,
        back: str,
        thing: str = "",
        intro: Sequence[str] = (),
        button: str = "Yes, remove it",
        cannot_undo: bool = False,
        problem: str | None = None,
    ) -> HttpResponse:
        """ "Remove this?": `thing` says what goes; "No, keep it" goes `back`."""
        return self.page(
            request,
            membership,
            REMOVE_TEMPLATE,
            status=400 if problem else 200,
            heading=heading,
            back=back,
            thing=thing,
            intro=_paragraphs(intro),
            button=button,
            cannot_undo=cannot_undo,
            problem=problem,
        )


def _paragraphs(intro: Sequence[str]) -> tuple[str, ...]:
    if isinstance(intro, str):
        raise TypeError("intro is a list of paragraphs, not one string")
    return tuple(intro)


def _status(context: Mapping) -> int:
    """400 when the page shows a form that was sent with mistakes, else 200."""
    for value in context.values():
        if isinstance(value, forms.BaseForm) and value.is_bound and value.errors:
            return 400
    return 200
