"""The project-page layer: how every page of a project is drawn (coplan.projects.pages)."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from django.urls import resolve

from coplan.core.errors import RuleError
from coplan.planning import rules as planning_rules
from coplan.projects.pages import Section, SubPage, project_url
from coplan.projects.roles import Role
from tests.factories import MembershipFactory, ProjectFactory, SignOffFactory

SECTION = Section(
    "tracking",
    namespace="planning",
    label="Keeping track",
    sub_pages=(
        SubPage("tracking", "At a glance"),
        SubPage("budget", "Budget", permission=planning_rules.VIEW_BUDGET),
        SubPage("barriers", "Barriers", also=("barrier_add",)),
    ),
)


class Page(HTMLParser):
    """What a person sees of a page's main part: its caption, heading, menus, links,
    buttons, paragraphs and errors; and the page's title."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.title = self.caption = self.heading = ""
        self.menus: dict[str, list[tuple[str, str, bool]]] = {}
        self.links: list[tuple[str, str]] = []
        self.buttons: list[str] = []
        self.paragraphs: list[str] = []
        self.error_summary: list[str] = []
        self.field_errors: list[str] = []
        self._open: list[tuple[str, dict]] = []
        self._text: list[list[str]] = []
        self._menu: str | None = None
        self._in_main = self._in_summary = False
        self._summary_depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = attributes.get("class") or ""
        if tag == "main":
            self._in_main = True
        if tag == "div" and "govuk-error-summary" in classes.split():
            self._in_summary = True
            self._summary_depth = 0
        elif tag == "div" and self._in_summary:
            self._summary_depth += 1
        if tag == "nav" and self._in_main:
            self._menu = attributes.get("aria-label")
            self.menus[self._menu] = []
        if tag in {"title", "h1", "span", "a", "button", "p"}:
            self._open.append((tag, attributes))
            self._text.append([])

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if tag == "div" and self._in_summary:
            self._summary_depth -= 1
            self._in_summary = self._summary_depth >= 0
        if tag == "nav":
            self._menu = None
        if not self._open or self._open[-1][0] != tag:
            return
        _, attributes = self._open.pop()
        text = " ".join("".join(self._text.pop()).split())
        if self._text:
            self._text[-1].append(text)
        if tag == "title":
            self.title = text
        if not self._in_main:
            return
        classes = attributes.get("class") or ""
        if tag == "h1":
            self.heading = text
        elif tag == "span" and "govuk-caption-l" in classes:
            self.caption = text
        elif tag == "p" and "govuk-error-message" in classes:
            self.field_errors.append(text)
        elif tag == "a" and self._in_summary:
            self.error_summary.append(text)
        elif tag == "a" and self._menu is not None:
            current = attributes.get("aria-current") == "page"
            self.menus[self._menu].append((text, attributes["href"], current))
        elif tag == "a":
            self.links.append((text, attributes.get("href", "")))
        elif tag == "button":
            self.buttons.append(text)
        elif tag == "p" and "govuk-body" in classes:
            self.paragraphs.append(text)

    def handle_data(self, data):
        if self._text:
            self._text[-1].append(data)

    def link(self, text: str) -> str:
        return next(href for words, href in self.links if words == text)


@pytest.fixture
def page_template(settings, tmp_path):
    """Write a page template that extends one of the layer's layouts."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]},
        *settings.TEMPLATES[1:],
    ]

    written = []

    def write(source: str) -> str:
        name = f"page_{len(written)}.html"
        (tmp_path / name).write_text(source)
        written.append(name)
        return name

    return write


def _request(membership, path: str):
    request = RequestFactory().get(path)
    request.user = membership.user
    request.resolver_match = resolve(path)
    return request


@pytest.fixture
def lead(db):
    return MembershipFactory(project=ProjectFactory(name="Day services review"), role=Role.LEAD)


def _draw(membership, template: str, path: str = "", **context):
    path = path or project_url("planning:barriers", membership)
    response = SECTION.page(_request(membership, path), membership, template, **context)
    return response, Page(response.content.decode())


PROJECT_PAGE = '{% extends "projects/layout-project.html" %}{% set heading = "Barriers" %}'


def test_project_page_title_ends_with_the_project_name(lead, page_template):
    _, page = _draw(lead, page_template(PROJECT_PAGE))

    assert page.title == "Barriers – Day services review – Co-production Planner"
    assert page.heading == "Barriers"


def test_project_page_title_names_the_project_once_when_it_is_the_heading(lead, page_template):
    template = page_template(
        '{% extends "projects/layout-project.html" %}{% set heading = project.name %}'
    )

    _, page = _draw(lead, template)

    assert page.title == "Day services review – Co-production Planner"


def test_project_page_title_can_differ_from_the_heading(lead, page_template):
    template = page_template(
        '{% extends "projects/layout-project.html" %}'
        '{% set heading = "People in this project" %}{% set title = "People" %}'
    )

    _, page = _draw(lead, template)

    assert page.title == "People – Day services review – Co-production Planner"
    assert page.heading == "People in this project"


def test_project_page_caption_is_the_project_name_unless_the_page_sets_one(lead, page_template):
    own = page_template(PROJECT_PAGE + '{% set caption = "Oxford Council" %}')
    _, with_own = _draw(lead, own)
    _, default = _draw(lead, page_template(PROJECT_PAGE))

    assert with_own.caption == "Oxford Council"
    assert default.caption == "Day services review"


def test_project_menu_marks_the_section_of_the_page(lead, page_template):
    _, page = _draw(lead, page_template(PROJECT_PAGE))

    menu = page.menus["Project"]
    assert [text for text, _, current in menu if current] == ["Keeping track"]
    assert ("Plan", project_url("guides:plan", lead), False) in menu


def test_area_menu_shows_only_the_pages_the_role_may_open(lead, page_template):
    co_producer = MembershipFactory(project=lead.project, role=Role.CO_PRODUCER)

    _, for_lead = _draw(lead, page_template(PROJECT_PAGE))
    _, for_co_producer = _draw(co_producer, page_template(PROJECT_PAGE))

    assert [text for text, _, _ in for_lead.menus["Keeping track"]] == [
        "At a glance",
        "Budget",
        "Barriers",
    ]
    assert [text for text, _, _ in for_co_producer.menus["Keeping track"]] == [
        "At a glance",
        "Barriers",
    ]


def test_area_menu_marks_the_page_and_the_pages_under_it(lead, page_template):
    template = page_template(PROJECT_PAGE)

    _, on_barriers = _draw(lead, template)
    _, on_adding = _draw(lead, template, path=project_url("planning:barrier_add", lead))

    barriers = ("Barriers", project_url("planning:barriers", lead), True)
    assert barriers in on_barriers.menus["Keeping track"]
    assert barriers in on_adding.menus["Keeping track"]
    assert sum(current for _, _, current in on_adding.menus["Keeping track"]) == 1


def test_project_page_without_menus_empties_the_navigation_block(lead, page_template):
    template = page_template(PROJECT_PAGE + "{% block navigation %}{% endblock %}")

    _, page = _draw(lead, template)

    assert page.menus == {}


def test_back_link_goes_where_the_page_says_in_the_words_it_gives(lead, page_template):
    plan = project_url("guides:plan", lead)

    _, plain = _draw(lead, page_template(PROJECT_PAGE), back=plan)
    _, named = _draw(lead, page_template(PROJECT_PAGE), back=plan, back_text="Back to the plan")
    _, none = _draw(lead, page_template(PROJECT_PAGE))

    assert plain.link("Back") == plan
    assert named.link("Back to the plan") == plan
    assert "Back" not in [text for text, _ in none.links]


class BarrierForm(forms.Form):
    what = forms.CharField(label="What is the barrier?")
    owner = forms.CharField(label="Who is making sure it is lifted?")


def _form_page(membership, form, **options):
    request = _request(membership, project_url("planning:barrier_add", membership))
    response = SECTION.form_page(
        request,
        membership,
        form,
        heading=options.pop("heading", "Add a barrier"),
        button=options.pop("button", "Add barrier"),
        back=project_url("planning:barriers", membership),
        **options,
    )
    return response, Page(response.content.decode())


def test_form_page_shows_heading_intro_button_and_cancel(lead):
    response, page = _form_page(
        lead,
        BarrierForm(),
        intro=["What might stop people taking part?", "Say how it will be lifted."],
    )

    assert response.status_code == 200
    assert page.title == "Add a barrier – Day services review – Co-production Planner"
    assert page.caption == "Day services review"
    assert page.heading == "Add a barrier"
    assert page.paragraphs[:2] == [
        "What might stop people taking part?",
        "Say how it will be lifted.",
    ]
    assert page.buttons == ["Add barrier"]
    assert page.link("Cancel") == project_url("planning:barriers", lead)
    assert page.link("Back") == project_url("planning:barriers", lead)
    assert page.menus == {}


def test_form_page_caption_can_be_given(lead):
    _, page = _form_page(lead, BarrierForm(), caption="Barriers")

    assert page.caption == "Barriers"


def test_form_page_intro_must_be_a_list_of_paragraphs(lead):
    with pytest.raises(TypeError):
        _form_page(lead, BarrierForm(), intro="One long string")


def test_form_page_with_mistakes_answers_400_and_says_so_in_the_title(lead):
    response, page = _form_page(lead, BarrierForm(data={}))

    assert response.status_code == 400
    assert page.title.startswith("Error: Add a barrier")


def test_rule_error_naming_a_field_shows_beside_that_field(lead):
    form = BarrierForm(data={"what": "Steps at the door", "owner": "Sam"})
    form.is_valid()

    RuleError("Choose someone in this project", field="owner").add_to(form)
    _, page = _form_page(lead, form)

    assert form.errors == {"owner": ["Choose someone in this project"]}
    assert page.error_summary == ["Choose someone in this project"]
    assert page.field_errors == ["Error: Choose someone in this project"]


def test_rule_error_naming_no_field_of_the_form_shows_above_the_form(lead):
    form = BarrierForm(data={"what": "Steps at the door", "owner": "Sam"})
    form.is_valid()

    RuleError("This barrier has been lifted", field="lifted_on").add_to(form)
    RuleError("Nothing can change after sign-off").add_to(form)
    response, page = _form_page(lead, form)

    assert form.non_field_errors() == [
        "This barrier has been lifted",
        "Nothing can change after sign-off",
    ]
    assert page.error_summary == [
        "This barrier has been lifted",
        "Nothing can change after sign-off",
    ]
    assert page.field_errors == []
    assert response.status_code == 400


def _remove_page(membership, **options):
    request = _request(membership, project_url("planning:barriers", membership))
    response = SECTION.remove_page(
        request,
        membership,
        heading="Remove this barrier?",
        back=project_url("planning:barriers", membership),
        **options,
    )
    return response, Page(response.content.decode())


def test_remove_page_asks_before_removing_and_offers_to_keep_it(lead):
    response, page = _remove_page(lead, thing="Steps at the door", cannot_undo=True)

    assert response.status_code == 200
    assert page.title == "Remove this barrier? – Day services review – Co-production Planner"
    assert page.heading == "Remove this barrier?"
    assert "Steps at the door" in page.paragraphs
    assert "You cannot undo this." in page.paragraphs
    assert page.buttons == ["Yes, remove it"]
    assert page.link("No, keep it") == project_url("planning:barriers", lead)


def test_remove_page_caption_can_be_given(lead):
    _, page = _remove_page(lead, caption="First workshop")

    assert page.caption == "First workshop"


def test_remove_page_says_why_something_could_not_be_removed(lead):
    response, page = _remove_page(
        lead,
        intro=["They will no longer see the project."],
        button="Remove Sam",
        problem="A project must keep at least one project lead",
    )

    assert response.status_code == 400
    assert page.title.startswith("Error: ")
    assert page.error_summary == ["A project must keep at least one project lead"]
    assert page.buttons == ["Remove Sam"]
    assert "You cannot undo this." not in page.paragraphs


def test_membership_may_do_what_its_role_allows(lead):
    co_producer = MembershipFactory(project=lead.project, role=Role.CO_PRODUCER)

    assert lead.may(planning_rules.VIEW_BUDGET)
    assert not co_producer.may(planning_rules.VIEW_BUDGET)


def test_project_url_from_the_project_a_membership_or_anything_in_the_project(lead):
    sign_off = SignOffFactory(project=lead.project)
    expected = f"/projects/{lead.project_id}/sign-offs/"

    assert project_url("planning:sign_offs", lead.project) == expected
    assert project_url("planning:sign_offs", lead) == expected
    assert project_url("planning:sign_offs", sign_off) == expected
    assert SECTION.url("sign_off_edit", lead, sign_off_id=sign_off.pk) == (
        f"/projects/{lead.project_id}/sign-offs/{sign_off.pk}/change/"
    )


def _sent(membership, path: str, data: dict | None = None):
    """A request as the browser sends it, with somewhere for messages to go."""
    factory = RequestFactory()
    request = factory.get(path) if data is None else factory.post(path, data)
    request.user = membership.user
    request.resolver_match = resolve(path)
    request._messages = CookieStorage(request)
    return request


def _said(request) -> list[str]:
    return [message.message for message in request._messages]


def _barrier_flow(membership, request, save):
    back = project_url("planning:barriers", membership)
    form = BarrierForm(request.POST if request.method == "POST" else None)
    return SECTION.form_flow(
        request,
        membership,
        form,
        save=lambda: save(form.cleaned_data),
        saved=lambda added: f"‘{added}’ has been added.",
        heading="Add a barrier",
        button="Add barrier",
        back=back,
    )


def test_form_flow_saves_a_valid_form_says_so_and_goes_back(lead):
    saved = []
    request = _sent(
        lead, project_url("planning:barrier_add", lead), {"what": "Steps", "owner": "Sam"}
    )

    response = _barrier_flow(lead, request, lambda data: saved.append(data) or data["what"])

    assert response.status_code == 302
    assert response["Location"] == project_url("planning:barriers", lead)
    assert saved == [{"what": "Steps", "owner": "Sam"}]
    assert _said(request) == ["‘Steps’ has been added."]


def test_form_flow_shows_the_form_until_it_is_sent(lead):
    request = _sent(lead, project_url("planning:barrier_add", lead))

    response = _barrier_flow(lead, request, lambda data: pytest.fail("nothing was sent"))

    assert response.status_code == 200
    assert Page(response.content.decode()).heading == "Add a barrier"


def test_form_flow_shows_a_refusal_beside_the_field_and_saves_nothing(lead):
    def refuse(data):
        raise RuleError("Choose someone in this project", field="owner")

    request = _sent(
        lead, project_url("planning:barrier_add", lead), {"what": "Steps", "owner": "Sam"}
    )

    response = _barrier_flow(lead, request, refuse)

    page = Page(response.content.decode())
    assert response.status_code == 400
    assert page.field_errors == ["Error: Choose someone in this project"]
    assert _said(request) == []


def _remove_flow(membership, request, remove):
    return SECTION.remove_flow(
        request,
        membership,
        remove=remove,
        removed="The barrier has been removed.",
        heading="Remove this barrier?",
        thing="Steps at the door",
        back=project_url("planning:barriers", membership),
    )


def test_remove_flow_asks_first_and_removes_nothing(lead):
    request = _sent(lead, project_url("planning:barriers", lead))

    response = _remove_flow(lead, request, lambda: pytest.fail("nothing was confirmed"))

    assert response.status_code == 200
    assert Page(response.content.decode()).heading == "Remove this barrier?"


def test_remove_flow_removes_once_confirmed_says_so_and_goes_back(lead):
    removed = []
    request = _sent(lead, project_url("planning:barriers", lead), {})

    response = _remove_flow(lead, request, lambda: removed.append("Steps at the door"))

    assert response.status_code == 302
    assert response["Location"] == project_url("planning:barriers", lead)
    assert removed == ["Steps at the door"]
    assert _said(request) == ["The barrier has been removed."]


def test_remove_flow_says_why_when_the_rules_refuse(lead):
    def refuse():
        raise RuleError("A project must keep at least one project lead")

    request = _sent(lead, project_url("planning:barriers", lead), {})

    response = _remove_flow(lead, request, refuse)

    page = Page(response.content.decode())
    assert response.status_code == 400
    assert page.error_summary == ["A project must keep at least one project lead"]
    assert _said(request) == []


def _action(membership, request, do, done=None):
    return SECTION.action(
        request,
        membership,
        do=do,
        message=lambda did: f"‘{did}’ is marked as done.",
        back=project_url("planning:barriers", membership),
        done=done,
    )


def test_action_does_it_says_so_and_goes_back(lead):
    done = []
    request = _sent(lead, project_url("planning:barriers", lead), {})

    response = _action(lead, request, lambda: done.append("Steps") or "Steps")

    assert response.status_code == 302
    assert response["Location"] == project_url("planning:barriers", lead)
    assert done == ["Steps"]
    assert _said(request) == ["‘Steps’ is marked as done."]


def test_action_goes_on_to_done_when_given(lead):
    request = _sent(lead, project_url("planning:barriers", lead), {})

    response = _action(lead, request, lambda: "Steps", done=project_url("planning:tracking", lead))

    assert response["Location"] == project_url("planning:tracking", lead)


def test_action_says_why_when_the_rules_refuse_and_goes_back(lead):
    def refuse():
        raise RuleError("This claim has already been sent")

    request = _sent(lead, project_url("planning:barriers", lead), {})

    response = _action(lead, request, refuse, done=project_url("planning:tracking", lead))

    assert response.status_code == 302
    assert response["Location"] == project_url("planning:barriers", lead)
    assert _said(request) == ["This claim has already been sent"]


def test_action_does_nothing_unless_sent_by_post(lead):
    request = _sent(lead, project_url("planning:barriers", lead))

    response = _action(lead, request, lambda: pytest.fail("a link must not do anything"))

    assert response.status_code == 405
    assert _said(request) == []
