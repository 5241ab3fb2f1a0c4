"""Every form of the app, fuzzed: whatever is typed, ticked, chosen or uploaded, the person
gets a page back (saved, or the form again with a message), never a server error, and a
refused submission saves nothing at all.

The forms are found by opening every page of the app (tests/core/test_every_page.py) as
someone who may open it and reading the forms that post on it, with their actual fields,
so a new form is fuzzed as soon as its page exists. Hypothesis makes the values for each
field from its kind: odd and huge text, wild numbers, impossible dates, options that are
not offered, and files of random bytes under any name and type. Each case runs in a
savepoint that is rolled back, so every case starts from the same data.

COPLAN_FUZZ_EXAMPLES sets the cases per form (15 unless set)."""

import os
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from coplan.feedback.models import FeedbackForm
from coplan.meeting_invitations import links
from coplan.payments.models import PaymentPolicy
from coplan.projects.roles import Role
from tests.core.test_every_page import _every_url
from tests.core.wild_numbers import WILD
from tests.drills import changed_tables, database_fingerprint, figures_count
from tests.factories import InvitationFactory, StaffMembershipFactory, VenueFactory
from tests.projects.test_access import EXPECTED, project_data_build

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("COPLAN_FUZZ_EXAMPLES", "15"))
CASES = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    phases=[Phase.generate],  # every problem is collected, none shrunk: bounded in time
    suppress_health_check=list(HealthCheck),
)

# Forms that end the visit rather than take input: fuzzing them would sign the caller out.
NOT_FUZZED = {"accounts:sign_out"}

# What a refused submission may still write, and why.
REFUSED_MAY_WRITE = {
    "otp_totp_totpdevice": "a wrong code counts towards the limit on tries (django-otp)",
    "otp_static_staticdevice": "a wrong recovery code counts towards the limit on tries",
    "axes_accessattempt": "a wrong password counts towards the limit on tries (django-axes)",
    "axes_accessfailurelog": "and is logged for the organisation's security checks",
}

ODD_TEXT = [
    "",
    " ",
    "\x00",
    "\u202egnp.exe",
    "Zoë 👩🏽‍🦽 Ōtautahi مرحبا 中文",
    "line\r\nbreak\ttab",
    "<script>alert(1)</script>",
    "'; DROP TABLE projects; --",
    "{{ 7*7 }} {% if %}",
    "a" * 20_000,
    "\ud7ff\ue000\ufffd",
    "0",
    "-1",
]
TEXT = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=400),
)
NUMBERS = st.one_of(
    st.sampled_from([*WILD, "1" + "0" * 400, "0.000001", "12.345", "nan", "-Infinity"]),
    st.integers().map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
DATE_PARTS = st.one_of(
    st.sampled_from(["0", "31", "32", "13", "29", "-1", "99999", "1900", "2100", "", "x"]),
    st.integers(-100, 100_000).map(str),
)
NOT_OFFERED = ["", "not-one-of-them", "0", "-1", "9" * 25, "\x00"]
FILE_NAMES = [
    "receipt.pdf",
    "photo.jpg",
    "picture.png",
    "people.csv",
    "guide.toml",
    "program.exe",
    "no-extension",
    "../../outside.pdf",
    "a" * 300 + ".pdf",
    "zoë 👩🏽‍🦽.png",
    ".pdf",
]
FILE_STARTS = [b"", b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"PK\x03\x04"]
CONTENT_TYPES = ["application/pdf", "image/png", "text/csv", "application/octet-stream", ""]
FILES = st.builds(
    lambda name, start, rest, content_type: SimpleUploadedFile(
        name, start + rest, content_type=content_type
    ),
    st.sampled_from(FILE_NAMES),
    st.sampled_from(FILE_STARTS),
    st.binary(max_size=3000),
    st.sampled_from(CONTENT_TYPES),
)
ABSENT = object()


@dataclass(frozen=True)
class Form:
    page: str  # the URL name of the page it is on
    caller: str
    action: str
    fields: tuple[tuple[str, str, tuple[str, ...]], ...]  # (name, kind, values on the page)

    def strategy(self) -> st.SearchStrategy:
        return st.fixed_dictionaries(
            {name: _field_strategy(name, kind, values) for name, kind, values in self.fields}
        )


def _field_strategy(name: str, kind: str, values: tuple[str, ...]) -> st.SearchStrategy:
    on_page = st.sampled_from(values) if values else st.just("")
    if kind == "file":
        field = FILES
    elif kind in {"select", "radio", "submit"}:
        field = st.one_of(on_page, st.sampled_from(NOT_OFFERED))
    elif kind == "checkbox":
        field = st.lists(st.one_of(on_page, st.sampled_from(NOT_OFFERED)), max_size=3)
    elif kind == "hidden":
        field = st.one_of(on_page, on_page, TEXT, NUMBERS)
    elif re.search(r"-(day|month|year)$", name):
        field = st.one_of(DATE_PARTS, on_page)
    else:
        field = st.one_of(TEXT, NUMBERS, DATE_PARTS, on_page)
    return st.one_of(field, st.just(ABSENT)) if kind != "hidden" else field


def _fields(form: lxml.html.FormElement) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    found: dict[str, tuple[str, list[str]]] = {}
    for element in form.xpath(".//input|.//select|.//textarea|.//button"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.tag == "select":
            kind = "select"
            options = element.xpath(".//option")
            values = [option.get("value", option.text_content()) for option in options]
        elif element.tag == "textarea":
            kind, values = "textarea", [element.text or ""]
        elif element.tag == "button":
            kind, values = "submit", [element.get("value", "")]
        else:
            kind = (element.get("type") or "text").lower()
            kind = "submit" if kind == "image" else kind
            values = [element.get("value", "on" if kind in {"checkbox", "radio"} else "")]
        known_kind, known_values = found.get(name, (kind, []))
        found[name] = (known_kind, known_values + values)
    return tuple((name, kind, tuple(values)) for name, (kind, values) in sorted(found.items()))


def _post_forms(page: str, url: str, caller: str, content: bytes) -> list[Form]:
    document = lxml.html.fromstring(content)
    forms = []
    for form in document.forms:
        if (form.get("method") or "get").lower() != "post":
            continue
        action = urljoin(url, form.get("action") or url)
        if urlsplit(action).netloc:
            continue
        fields = _fields(form)
        if not any(kind not in {"hidden", "submit"} for _, kind, _ in fields):
            continue  # a button: nothing typed, nothing to fuzz
        try:
            if resolve(urlsplit(action).path).view_name in NOT_FUZZED:
                continue
        except Resolver404:
            pass
        forms.append(Form(page=page, caller=caller, action=action, fields=fields))
    return forms


@pytest.fixture
def site():
    project, memberships, values = project_data_build()
    organisation = project.organisation
    admin = StaffMembershipFactory(organisation=organisation, is_admin=True)
    # the lead is on the organisation's staff, so can start projects too
    StaffMembershipFactory(organisation=organisation, user=memberships[Role.LEAD].user)
    urls = _every_url(
        {
            **values,
            "organisation_id": organisation.pk,
            "staff_membership_id": StaffMembershipFactory(organisation=organisation).pk,
            "venue_id": VenueFactory(organisation=organisation).pk,
            "policy_id": PaymentPolicy.objects.get(organisation=organisation).pk,
            "token": "a-made-up-token",
            "uidb64": "MQ",
        }
    )
    # Pages reached by a link that is its own key, with a real one: the feedback form's
    # link, a meeting invitation's reply link and an invitation to join the project.
    feedback_token = FeedbackForm.objects.get(pk=values["form_id"]).token
    for name in ("answer_start", "answer_standard", "answer_easy_read"):
        urls[f"feedback:{name}"] = reverse(f"feedback:{name}", args=[feedback_token])
    reply = links.reply_token(invited_id=values["invited_id"])
    urls["meeting_invitations:reply"] = reverse("meeting_invitations:reply", args=[reply])
    InvitationFactory(project=project, token="an-invitation-to-fuzz")
    urls["projects:invitation"] = reverse("projects:invitation", args=["an-invitation-to-fuzz"])
    callers = {role.value: membership.user for role, membership in memberships.items()}
    callers["organisation admin"] = admin.user
    return urls, callers


VISITOR = "visitor who is not signed in"


def _callers_for(page: str) -> list[str]:
    if page in EXPECTED:
        roles, _ = EXPECTED[page]
        order = [Role.LEAD, Role.CO_PRODUCER, Role.FINANCE, Role.MANAGER, Role.FACILITATOR]
        return [role.value for role in order if role in roles]
    return [Role.LEAD.value, "organisation admin", Role.CO_PRODUCER.value, VISITOR]


def _every_form(urls: dict[str, str], clients: dict[str, Client]) -> list[Form]:
    forms: dict[tuple, Form] = {}
    for page, url in sorted(urls.items()):
        if url.startswith("/admin/"):
            continue
        callers = _callers_for(page)
        for caller in callers[:2] if page in EXPECTED else callers:
            response = clients[caller].get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            for form in _post_forms(page, url, caller, response.content):
                key = (form.action, tuple(name for name, _, _ in form.fields))
                forms.setdefault(key, form)
    return list(forms.values())


def _refused(response) -> bool:
    """The form again with a message: 400 (core.http.page_status) with the error summary."""
    return response.status_code in {200, 400} and b"govuk-error-summary" in response.content


def _shown(data: dict) -> dict:
    def short(value):
        if isinstance(value, SimpleUploadedFile):
            return f"<file {value.name[:40]!r} {value.size} bytes>"
        return repr(value)[:80]

    return {name: short(value) for name, value in data.items()}


answers: list[bool] = []  # for each case: refused with a message?


def _fuzz(form: Form, client: Client, problems: list[tuple]) -> None:
    """Post the form's cases; add each server error or refused save to problems."""
    before = database_fingerprint()

    @CASES
    @given(data=form.strategy())
    def submit(data):
        data = {name: value for name, value in data.items() if value is not ABSENT}
        with transaction.atomic():
            response = client.post(form.action, data)
            answers.append(_refused(response))
            if response.status_code >= 500:
                problems.append((form.page, form.action, response.status_code, _shown(data)))
            elif _refused(response):
                changed = set(changed_tables(before, database_fingerprint()))
                if changed - REFUSED_MAY_WRITE.keys():
                    problems.append((form.page, form.action, "saved", changed, _shown(data)))
            transaction.set_rollback(True)

    submit()


def test_every_form_gives_a_page_back_and_saves_nothing_when_it_refuses(site):
    urls, callers = site
    clients = {}
    for caller, user in callers.items():
        clients[caller] = Client(raise_request_exception=False)
        clients[caller].force_login(user)
    clients[VISITOR] = Client(raise_request_exception=False)
    forms = _every_form(urls, clients)
    problems: list[tuple] = []

    for form in forms:
        _fuzz(form, clients[form.caller], problems)

    figures_count(
        fuzz_forms=len(forms),
        fuzz_cases=len(answers),
        fuzz_refused=sum(answers),
        fuzz_server_errors=sum(1 for problem in problems if problem[2] != "saved"),
        fuzz_saved_when_refused=sum(1 for problem in problems if problem[2] == "saved"),
    )
    assert len(forms) > 50, "The walk found too few forms: is the page data right?"
    assert problems == []
