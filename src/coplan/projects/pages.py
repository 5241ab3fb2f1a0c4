"""The one way to draw a project's pages.

Every page of a project is reached through `access.project_view(permission)`,
which hands the view the person's `Membership`. Each app declares its `Section`
once, at the top of its views.py:

    SECTION = Section(
        "tracking",                 # the project menu item marked as current
        namespace="planning",       # the app's URL namespace
        label="Keeping track",      # the name of the area's own menu, if it has one
        sub_pages=(                 # that menu; a link shows only to roles with its permission
            SubPage("tracking", "At a glance"),
            SubPage("sign_offs", "Sign-offs", permission=rules.VIEW_SIGN_OFFS),
            SubPage("timeline", "Timeline", also=("milestone_add",)),  # marked there too
        ),
        context=lambda membership: {"can_edit": membership.may(rules.EDIT_TIMELINE)},
    )                               # `context`: shown on every page of the area (optional)

and draws every page with it:

- `SECTION.page(request, membership, "planning/budget.html", summary=...)`: a page.
  Its template extends `projects/layout-project.html`, sets `heading` (the h1) and
  fills `{% block page_content %}`. The layout adds the caption (the project's
  name unless the page sets `caption`), the title (`title` if set, else the
  heading, then " – " and the project's name), the project's menu and the area's
  own menu. Optional: `back` (a URL: a back link) and `back_text` (if not "Back"),
  `intro` (a list of paragraphs under the heading), `narrow` (all in two thirds
  of the width), `{% block navigation %}{% endblock %}` (no menus). A page that
  shows a form sent with mistakes answers 400, others 200 (or `status=`).
- `SECTION.form_page(request, membership, form, heading=..., button=..., back=...,
  intro=[...])`: a form on a page of its own (`projects/form.html`): every field
  in order, the button's words as given, "Cancel" back to `back`. `caption`
  replaces the project's name; `live={"field": "plain"}` adds the live wording
  check under those fields (a form's own `plain_words`, the same mapping on its
  class, is always added: every box whose words reach participants declares it);
  `template=` a template of the page's own that extends
  `projects/layout-form.html` and fills `{% block fields %}`, `{% block buttons %}`
  (other buttons than the one), or `{% block page_content %}` with `{{ super() }}`
  where the form goes.
- `SECTION.form_flow(request, membership, form, save=lambda: services.x(...),
  saved="... has been saved.", back=..., heading=..., button=...)`: the whole of
  a form: shown until it is sent valid; then `save()`, the message (`saved` may
  be a function of what `save()` returned), and on to `done` (`back` if not
  given). A `RuleError` from `save()` shows on the form and nothing is saved.
  Once saved, the words in the live-checked fields are checked again
  (`say_wording`): any findings are said on the next page as a warning to
  "Check the wording", never a refusal. A view that saves its own way calls
  `say_wording(request, form)` after saving.
- `SECTION.remove_page(...)` asks "Remove this?" (`projects/remove.html`): `heading`,
  `thing` (what goes), `back` (where "No, keep it" goes), `button`, `cannot_undo`,
  `intro`, `problem` (why it could not be removed: 400), `caption` (as for a form).
  `SECTION.remove_flow(request, membership, remove=lambda: ..., removed="...",
  heading=..., thing=..., back=...)` does the whole of it, as `form_flow` does.
- `SECTION.action(request, membership, do=lambda: services.x(...), message="...",
  back=...)`: a button that does one thing at once (a POST-only view, under
  `@require_POST`): `do()`, `message` is said (a function of what `do()` returned,
  if callable) and the person goes to `done` (`back` if not given). A `RuleError`
  from `do()` is said as an error instead and the person goes `back`.
- `SECTION.url("barriers", membership, **kwargs)`: the address of a page of the
  app; `project_url("guides:plan", anything)` of any project page, from the
  project or anything that belongs to one (a membership, a sign-off...).

Who may do what: `membership.may(rules.EDIT_BUDGET)`. A service's refusal is a
`coplan.core.errors.RuleError` (each app's own error subclasses it);
`error.add_to(form)` puts it beside the field it names, or above the form when
the form has no such field. Pages outside a project use the same layouts from
core (`core/layout-page.html`, `core/layout-form.html`, `core.http.save_form`);
an organisation's pages are drawn by `coplan.organisations.pages.organisation_page`
with templates that extend `organisations/layout-organisation.html` or
`organisations/layout-form.html` (a form on its own needs no template of its own).
Small shared pieces: `core/macros.html` (`tag`, `text_lines`) with
`core.presenters.Tag`.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse

from coplan import language
from coplan.core.errors import RuleError
from coplan.core.http import page_status, save_form
from coplan.language.findings import CHANGE
from coplan.projects.models import Membership
from coplan.projects.registries import allowed_words
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
        return render(request, template, shown, status=status or page_status(shown))

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
            live=checked_fields(form, live),
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
            say_wording(request, form, page.get("live"), project=membership.project)
            return redirect(done or back)
        return self.form_page(request, membership, form, back=back, **page)

    def action(
        self,
        request: HttpRequest,
        membership: Membership,
        *,
        do: Callable[[], Any],
        message: str | Callable[[Any], str],
        back: str,
        done: str | None = None,
    ) -> HttpResponse:
        """A button that does one thing at once, sent by POST: `do()`, then
        `message` is said (a callable gets what `do()` returned) and the person
        goes to `done` (`back` if not given). A `RuleError` from `do()` is said as
        an error instead, nothing is done and the person goes `back`."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            did = do()
        except RuleError as error:
            messages.error(request, error.message)
            return redirect(back)
        messages.success(request, message(did) if callable(message) else message)
        return redirect(done or back)

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
        caption: str | None = None,
    ) -> HttpResponse:
        """ "Remove this?": `thing` says what goes; "No, keep it" goes `back`;
        `caption` replaces the project's name (as on `form_page`)."""
        context = {} if caption is None else {"caption": caption}
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
            **context,
        )


def checked_fields(form: forms.BaseForm, live: Mapping[str, str] | None = None) -> dict:
    """The fields with the wording check (name: mode): the form's own `plain_words`
    (the boxes whose words reach participants) and any `live` the page adds."""
    return {**getattr(form, "plain_words", {}), **(live or {})}


def say_wording(
    request: HttpRequest,
    form: forms.BaseForm,
    live: Mapping[str, str] | None = None,
    *,
    project=None,
) -> None:
    """After saving a valid form: the wording check again, on the server, over the
    saved words of its checked fields. Findings are said on the next page as a
    warning the person can act on; nothing is refused (plain words are advice).
    In a `project`, its shared definitions are never flagged (as in the live check)."""
    allowed = allowed_words(project) if project is not None else []
    said = []
    for name, mode in checked_fields(form, live).items():
        text = form.cleaned_data.get(name)
        if name not in form.fields or not isinstance(text, str) or not text.strip():
            continue
        findings = [
            f for f in language.check(text, mode, allowed=allowed).findings if f.severity == CHANGE
        ]
        if findings:
            label = str(form.fields[name].label).removesuffix(" (optional)").rstrip("?:")
            words = ", ".join(f"‘{finding.text}’ ({finding.label})" for finding in findings)
            said.append(f"{label}: {words}.")
    if said:
        messages.warning(
            request,
            "Check the wording: it was saved, but some words may be hard for people to read. "
            + " ".join(said),
        )


def _paragraphs(intro: Sequence[str]) -> tuple[str, ...]:
    if isinstance(intro, str):
        raise TypeError("intro is a list of paragraphs, not one string")
    return tuple(intro)
