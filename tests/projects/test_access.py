"""Every project page, for every kind of visitor.

The URL patterns are read from the project's URL configuration, so a new
project page is covered as soon as it exists: it must appear in EXPECTED (or
the test fails), and it must give strangers "page not found".
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from coplan.api import services as api_services
from coplan.guides.models import PlanDownload
from coplan.payments import services as payments_services
from coplan.people.services import participant_import_upload
from coplan.planning import services as planning_services
from coplan.projects.roles import Role
from tests.factories import (
    ActionFactory,
    AgreementFactory,
    BarrierFactory,
    BudgetLineFactory,
    CarParkItemFactory,
    ClaimFactory,
    ConsentRecordFactory,
    DecisionAreaFactory,
    DeliveryFactory,
    InvitationFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    MilestoneFactory,
    MonitoringAimFactory,
    PaperFactory,
    PaymentChoiceFactory,
    PaymentPolicyFactory,
    ProjectFactory,
    SessionRecordFactory,
    SharedDefinitionFactory,
    SignOffFactory,
    StakeholderGroupFactory,
)
from tests.feedback.factories import (
    FeedbackFormFactory,
    LessonFactory,
    ReflectionFactory,
    WordsQuestionFactory,
    YouSaidWeDidFactory,
)

pytestmark = pytest.mark.django_db

PDF_RECEIPT = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"

ALL = frozenset(Role)
LEAD_ONLY = frozenset({Role.LEAD})
LEAD_FACILITATOR = frozenset({Role.LEAD, Role.FACILITATOR})
LEAD_MANAGER = frozenset({Role.LEAD, Role.MANAGER})
FEEDBACK_VIEWERS = frozenset({Role.LEAD, Role.FACILITATOR, Role.MANAGER})
CLAIM_STAFF = frozenset({Role.LEAD, Role.FACILITATOR, Role.FINANCE})

# url name: (roles that may open it, the status they get for a GET)
EXPECTED = {
    "projects:overview": (ALL, 200),
    "projects:edit": (LEAD_ONLY, 200),
    "projects:people": (ALL, 200),
    "projects:invite": (LEAD_ONLY, 200),
    "projects:change_role": (LEAD_ONLY, 200),
    "projects:remove_member": (LEAD_ONLY, 200),
    "projects:cancel_invitation": (LEAD_ONLY, 405),  # a button, so POST only
    # Download data: the page for staff; each file (CSV, Excel, and what its columns hold)
    # for the roles that see that data on the pages
    "projects:downloads": (frozenset(ALL - {Role.CO_PRODUCER}), 200),
    **{
        f"projects:download_{name}_{file_format}": (roles, 200)
        for name, roles in {
            "participants": LEAD_FACILITATOR,
            "attendance": LEAD_FACILITATOR,
            "claims": CLAIM_STAFF,
            "feedback-results": FEEDBACK_VIEWERS,
            "equality-monitoring": LEAD_MANAGER,
        }.items()
        for file_format in ("csv", "xlsx", "columns")
    },
    "guides:plan": (ALL, 200),
    "guides:section": (ALL, 200),
    "guides:comment": (ALL, 405),
    "guides:history": (ALL, 200),
    "guides:way_forward": (frozenset({Role.LEAD}), 200),
    "guides:stop_met": (frozenset({Role.LEAD, Role.FACILITATOR}), 200),
    "guides:way_forward_agree": (frozenset({Role.MANAGER}), 200),
    # The whole plan as one document, and its downloads: for staff; its versions for
    # everyone taking part and in Easy Read, for every member
    "guides:plan_document": (frozenset(ALL - {Role.CO_PRODUCER}), 200),
    "guides:plan_document_pdf": (frozenset(ALL - {Role.CO_PRODUCER}), 200),
    "guides:plan_document_docx": (frozenset(ALL - {Role.CO_PRODUCER}), 200),
    "guides:plan_for_participants": (ALL, 200),
    "guides:plan_for_participants_pdf": (ALL, 200),
    "guides:plan_for_participants_docx": (ALL, 200),
    "guides:plan_easy_read": (ALL, 200),
    "guides:plan_easy_read_pdf": (ALL, 200),
    "guides:plan_easy_read_docx": (ALL, 200),
    # A large plan's file made in the background: the one in the project data is of the
    # plan for everyone taking part
    "guides:plan_download_start": (ALL, 405),  # a button, so POST only
    "guides:plan_download": (ALL, 200),
    "guides:plan_download_file": (ALL, 200),
    # Only when a newer version of the guide exists; in this project there is none.
    "guides:upgrade": (frozenset({Role.LEAD, Role.FACILITATOR}), 404),
    # Sign-offs, timeline, budget and barriers (coplan.planning)
    "planning:tracking": (ALL, 200),
    "planning:sign_offs": (frozenset(ALL - {Role.CO_PRODUCER}), 200),
    "planning:sign_off_add": (LEAD_ONLY, 200),
    "planning:sign_off_edit": (LEAD_ONLY, 200),
    "planning:sign_off_remove": (LEAD_ONLY, 200),
    # the sign-off in the project data is from someone outside, so a lead may record it
    "planning:sign_off_sign": (frozenset({Role.LEAD, Role.MANAGER}), 200),
    # Asking a manager to sign off, and what they read: the staff plan with its budget,
    # so only the lead and managers (docs/decisions/0013). The version in the project data
    # waits for an answer.
    "planning:sign_off_ask": (LEAD_ONLY, 200),
    "planning:sign_off_version": (LEAD_MANAGER, 200),
    "planning:sign_off_version_pdf": (LEAD_MANAGER, 200),
    "planning:sign_off_version_docx": (LEAD_MANAGER, 200),
    "planning:sign_off_decide": (frozenset({Role.MANAGER}), 200),
    "planning:sign_off_withdraw": (LEAD_ONLY, 200),
    "planning:timeline": (ALL, 200),
    "planning:milestone_add": (frozenset({Role.LEAD, Role.FACILITATOR}), 200),
    "planning:milestone_edit": (frozenset({Role.LEAD, Role.FACILITATOR}), 200),
    "planning:milestone_remove": (frozenset({Role.LEAD, Role.FACILITATOR}), 200),
    "planning:budget": (frozenset({Role.LEAD, Role.MANAGER, Role.FINANCE}), 200),
    "planning:budget_edit": (LEAD_ONLY, 200),
    "planning:budget_line_add": (LEAD_ONLY, 200),
    "planning:budget_line_edit": (LEAD_ONLY, 200),
    "planning:budget_line_remove": (LEAD_ONLY, 200),
    "planning:barriers": (ALL, 200),
    "planning:barrier_add": (frozenset({Role.LEAD, Role.FACILITATOR}), 200),
    "planning:barrier_edit": (frozenset({Role.LEAD, Role.FACILITATOR}), 200),
    "planning:barrier_remove": (frozenset({Role.LEAD, Role.FACILITATOR}), 200),
    # People (coplan.people): access needs only for leads and facilitators
    "people:home": (ALL, 200),
    "people:stakeholders": (ALL, 200),
    "people:stakeholder_grid_svg": (ALL, 200),
    "people:stakeholder_add": (LEAD_ONLY, 200),
    "people:stakeholder_edit": (LEAD_ONLY, 200),
    "people:stakeholder_remove": (LEAD_ONLY, 200),
    "people:participants": (LEAD_FACILITATOR, 200),
    "people:participant_add": (LEAD_ONLY, 200),
    "people:participant_import": (LEAD_ONLY, 200),
    "people:participant_import_template": (LEAD_ONLY, 200),
    "people:participant_import_preview": (LEAD_ONLY, 200),
    "people:participant_import_cancel": (LEAD_ONLY, 405),
    "people:participant": (LEAD_FACILITATOR, 200),
    "people:participant_details": (LEAD_ONLY, 200),
    "people:participant_needs": (LEAD_ONLY, 200),
    "people:participant_involvement": (LEAD_ONLY, 200),
    "people:participant_consent_add": (LEAD_ONLY, 200),
    "people:participant_consent_withdraw": (LEAD_ONLY, 405),
    "people:participant_export": (LEAD_ONLY, 200),
    "people:participant_export_json": (LEAD_ONLY, 200),
    "people:participant_erase": (LEAD_ONLY, 200),
    "people:access_needs": (LEAD_FACILITATOR, 200),
    "people:your_details": (ALL, 200),
    "people:your_details_edit": (ALL, 200),
    "people:your_needs_edit": (ALL, 302),  # now asked one question a page: tell_us_once
    "people:tell_us_once": (ALL, 200),
    "people:tell_us_once_question": (ALL, 200),
    "people:tell_us_once_check": (ALL, 200),
    "people:your_consents": (ALL, 200),
    "people:your_export": (ALL, 200),
    "people:your_export_json": (ALL, 200),
    "people:monitoring_form": (ALL, 200),
    "people:monitoring_report": (LEAD_MANAGER, 200),
    "people:monitoring_aims": (LEAD_ONLY, 200),
    "people:monitoring_aim_remove": (LEAD_ONLY, 405),
    # Meetings and workshops (coplan.meetings): everyone sees the meetings and whether each
    # is ready; planning them, who is invited and the catering summary are for leads and
    # facilitators
    "meetings:meetings": (ALL, 200),
    "meetings:meeting": (ALL, 200),
    "meetings:meeting_add": (LEAD_FACILITATOR, 200),
    "meetings:meeting_edit": (LEAD_FACILITATOR, 200),
    "meetings:meeting_remove": (LEAD_FACILITATOR, 200),
    "meetings:paperwork": (LEAD_FACILITATOR, 200),
    "meetings:papers": (LEAD_FACILITATOR, 200),
    "meetings:paper_add": (LEAD_FACILITATOR, 200),
    "meetings:paper_edit": (LEAD_FACILITATOR, 200),
    "meetings:paper_remove": (LEAD_FACILITATOR, 200),
    "meetings:invited": (LEAD_FACILITATOR, 200),
    "meetings:invite": (LEAD_FACILITATOR, 200),
    "meetings:invited_reply": (LEAD_FACILITATOR, 200),
    "meetings:invited_remove": (LEAD_FACILITATOR, 405),  # a button, so POST only
    "meetings:catering": (LEAD_FACILITATOR, 200),
    "meetings:catering_text": (LEAD_FACILITATOR, 200),
    # Invitations, replies, calendars and attendance (meetings/invitation_rules.py)
    "meeting_invitations:invitation": (LEAD_FACILITATOR, 200),
    "meeting_invitations:invitation_send": (LEAD_FACILITATOR, 200),
    "meeting_invitations:invitation_send_again": (LEAD_FACILITATOR, 405),  # a button
    "meeting_invitations:invitation_easy_read": (LEAD_FACILITATOR, 200),
    "meeting_invitations:invitation_easy_read_approve": (LEAD_FACILITATOR, 405),  # a button
    "meeting_invitations:invitation_easy_read_line": (LEAD_FACILITATOR, 200),
    "meeting_invitations:invitation_easy_read_pdf": (LEAD_FACILITATOR, 200),
    "meeting_invitations:letter": (LEAD_FACILITATOR, 200),
    "meeting_invitations:attendance": (LEAD_FACILITATOR, 200),
    "meeting_invitations:meeting_calendar": (ALL, 200),
    # Every member's own meetings and their own reply (each member is invited, below)
    "meeting_invitations:your_meetings": (ALL, 200),
    "meeting_invitations:your_reply": (ALL, 200),
    # Working together (coplan.working_together): see docs/decisions/0004. The car park
    # item in the project data was raised by, and is owned by, the co-producer.
    "working_together:home": (ALL, 200),
    "working_together:wording_live": (ALL, 405),
    # the meeting in the project data has no session record yet: a page says so
    "working_together:meeting_session": (ALL, 200),
    "working_together:sessions": (ALL, 200),
    "working_together:session_add": (LEAD_FACILITATOR, 200),
    "working_together:session": (ALL, 200),
    "working_together:session_edit": (LEAD_FACILITATOR, 200),
    "working_together:session_remove": (LEAD_FACILITATOR, 200),
    "working_together:session_revisit": (LEAD_FACILITATOR, 200),
    "working_together:session_essentials": (LEAD_FACILITATOR, 200),
    "working_together:session_minutes": (ALL, 200),
    "working_together:session_comment": (ALL, 405),
    "working_together:agreements": (ALL, 200),
    "working_together:agreement_add": (ALL, 200),
    "working_together:agreement_ideas": (ALL, 200),
    "working_together:agreement_history": (ALL, 200),
    "working_together:agreement_edit": (ALL, 200),
    "working_together:agreement_remove": (ALL, 200),
    "working_together:car_park": (ALL, 200),
    "working_together:car_park_add": (ALL, 200),
    "working_together:car_park_item": (ALL, 200),
    "working_together:car_park_comment": (ALL, 405),
    "working_together:car_park_reword": (LEAD_FACILITATOR | {Role.CO_PRODUCER}, 200),
    "working_together:car_park_follow_up": (LEAD_FACILITATOR, 200),
    "working_together:car_park_answer": (LEAD_FACILITATOR | {Role.CO_PRODUCER}, 200),
    "working_together:car_park_remove": (LEAD_FACILITATOR, 200),
    "working_together:actions": (ALL, 200),
    "working_together:action_add": (LEAD_FACILITATOR, 200),
    "working_together:action_edit": (LEAD_FACILITATOR, 200),
    "working_together:action_done": (
        ALL,
        405,
    ),  # a button; only its owner or those running sessions
    "working_together:action_remove": (LEAD_FACILITATOR, 200),
    "working_together:definitions": (ALL, 200),
    "working_together:definition_add": (LEAD_FACILITATOR, 200),
    "working_together:definition_edit": (LEAD_FACILITATOR, 200),
    "working_together:definition_remove": (LEAD_FACILITATOR, 200),
    "working_together:what_can_change": (ALL, 200),
    "working_together:decision_area_add": (LEAD_MANAGER, 200),
    "working_together:decision_area_edit": (LEAD_MANAGER, 200),
    "working_together:decision_area_remove": (LEAD_MANAGER, 200),
    # Paying people (coplan.payments): see docs/decisions/0008. The claim in the project data
    # is the co-producer's own, not sent yet; a claim not sent cannot be decided or paid yet,
    # so those who may decide are sent back to it (302).
    "payments:home": (ALL, 200),
    "payments:choice": (ALL, 200),
    "payments:bank_details": (ALL, 200),
    "payments:claims": (CLAIM_STAFF, 200),
    "payments:claim_start": (ALL, 200),
    "payments:claim_start_for": (CLAIM_STAFF, 200),
    "payments:claim": (CLAIM_STAFF | {Role.CO_PRODUCER}, 200),
    "payments:expense_add": (CLAIM_STAFF | {Role.CO_PRODUCER}, 200),
    "payments:time_add": (CLAIM_STAFF | {Role.CO_PRODUCER}, 200),
    "payments:line_remove": (ALL, 405),  # a button, so POST only
    "payments:receipt": (CLAIM_STAFF | {Role.CO_PRODUCER}, 200),
    "payments:claim_submit": (ALL, 405),
    "payments:claim_remove": (ALL, 405),
    "payments:claim_approve": (frozenset({Role.LEAD, Role.FINANCE}), 405),
    "payments:claim_return": (frozenset({Role.LEAD, Role.FINANCE}), 302),
    "payments:claim_pay": (frozenset({Role.FINANCE}), 302),
    "payments:notice_done": (CLAIM_STAFF, 405),
    "payments:person_payment": (frozenset({Role.FINANCE}), 200),
    "payments:person_choice": (frozenset({Role.FINANCE}), 200),
    "payments:person_bank_details": (frozenset({Role.FINANCE}), 200),
    "payments:person_bank_details_confirm": (ALL, 405),  # a button, so POST only
    "payments:cost_code": (frozenset({Role.FINANCE}), 200),
    "payments:export": (frozenset({Role.FINANCE}), 200),
    # Feedback (coplan.feedback): see docs/decisions/0007. The form in the project data
    # is a closed box filled in by one link (so its one-time links page is not found);
    # the reflection is the lead's own and not shared.
    "feedback:home": (ALL, 200),
    "feedback:give": (ALL, 200),
    "feedback:forms": (FEEDBACK_VIEWERS, 200),
    "feedback:form_add": (LEAD_FACILITATOR, 200),
    "feedback:form": (FEEDBACK_VIEWERS, 200),
    "feedback:form_edit": (LEAD_FACILITATOR, 200),
    "feedback:form_remove": (LEAD_FACILITATOR, 200),
    "feedback:question_add": (LEAD_FACILITATOR, 200),
    "feedback:question_remove": (LEAD_FACILITATOR, 405),  # a button, so POST only
    "feedback:link_renew": (LEAD_FACILITATOR, 405),
    "feedback:one_time_links": (LEAD_FACILITATOR, 404),
    "feedback:form_pdf": (FEEDBACK_VIEWERS, 200),
    "feedback:form_pdf_easy_read": (FEEDBACK_VIEWERS, 200),
    "feedback:form_qr": (FEEDBACK_VIEWERS, 200),
    "feedback:paper": (LEAD_FACILITATOR, 200),
    "feedback:results": (FEEDBACK_VIEWERS, 200),
    "feedback:results_words": (FEEDBACK_VIEWERS, 200),
    "feedback:results_csv": (FEEDBACK_VIEWERS, 200),
    "feedback:you_said_we_did": (ALL, 200),
    "feedback:theme_add": (LEAD_FACILITATOR, 200),
    "feedback:theme_edit": (LEAD_FACILITATOR, 200),
    "feedback:theme_publish": (LEAD_FACILITATOR, 405),
    "feedback:theme_remove": (LEAD_FACILITATOR, 200),
    "feedback:send": (LEAD_ONLY, 200),
    "feedback:letters": (LEAD_ONLY, 200),
    "feedback:easy_read": (LEAD_ONLY, 200),
    "feedback:easy_read_approve": (LEAD_ONLY, 405),  # a button
    "feedback:easy_read_line": (LEAD_ONLY, 200),
    "feedback:easy_read_pdf": (LEAD_ONLY, 200),
    "feedback:reflections": (ALL, 200),
    "feedback:reflection_add": (LEAD_FACILITATOR, 200),
    "feedback:reflection": (LEAD_ONLY, 200),  # private to its author
    "feedback:reflection_edit": (LEAD_ONLY, 200),
    "feedback:reflection_share": (LEAD_FACILITATOR, 405),  # POST only; then the author only
    "feedback:reflection_remove": (LEAD_ONLY, 200),
    "feedback:lessons": (ALL, 200),
    "feedback:lesson_add": (LEAD_FACILITATOR, 200),
    "feedback:lesson_remove": (LEAD_FACILITATOR, 200),
}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner_namespace = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner_namespace)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern), pattern


def project_url_patterns() -> list[tuple[str, str]]:
    return sorted(
        (name, route)
        for name, route, _ in _walk(get_resolver().url_patterns)
        if "<int:project_id>" in route
    )


def _fill(route: str, values: dict[str, object]) -> str:
    path = "/" + route
    for name, value in values.items():
        path = path.replace(f"<int:{name}>", str(value)).replace(f"<slug:{name}>", str(value))
    assert "<" not in path, f"No test value for a part of {route}: add it to the project data"
    return path


@pytest.fixture
def project_data():
    """A project with one of each thing a project URL can point at."""
    return project_data_build()


def project_data_build(project=None):
    """A project (new, or the one given) with one of each thing a project URL can point at:
    the project, its members by role, and the value for each part of a URL."""
    project = project or ProjectFactory()
    memberships = {role: MembershipFactory(project=project, role=role) for role in Role}
    invitation = InvitationFactory(project=project)
    # People: every member has told us their details once; one more participant has no account.
    for membership in memberships.values():
        InvolvementFactory(project=project, person__user=membership.user)
    participant = InvolvementFactory(project=project).person
    upload = participant_import_upload(
        project=project,
        uploaded_by=memberships[Role.LEAD].user,
        file_name="people.csv",
        content=b"Name\nSam Smith\n",
    )
    values = {
        "project_id": project.pk,
        "membership_id": memberships[Role.CO_PRODUCER].pk,
        "invitation_id": invitation.pk,
        "group_id": StakeholderGroupFactory(project=project).pk,
        "person_id": participant.pk,
        "consent_id": ConsentRecordFactory(person=participant).pk,
        "import_id": upload.pk,
        "aim_id": MonitoringAimFactory(project=project).pk,
        "sign_off_id": SignOffFactory(project=project).pk,
        "milestone_id": MilestoneFactory(project=project).pk,
        "budget_line_id": BudgetLineFactory(project=project).pk,
        "barrier_id": BarrierFactory(project=project).pk,
        "session_id": SessionRecordFactory(project=project).pk,
        "agreement_id": AgreementFactory(project=project).pk,
        "item_id": CarParkItemFactory(
            project=project,
            raised_by=memberships[Role.CO_PRODUCER].user,
            owner=memberships[Role.CO_PRODUCER],
        ).pk,
        "action_id": ActionFactory(project=project).pk,
        "definition_id": SharedDefinitionFactory(project=project).pk,
        "decision_area_id": DecisionAreaFactory(project=project).pk,
        "guide_key": "at-the-start",
        "section_id": "getting-started",
        "question_id": "how-much-time",
        "rule_id": "time-frame-too-short",
        "question": "food-and-drink",
        "line_number": 1,  # of the meeting's Easy Read invitation
    }
    meeting = MeetingFactory(project=project)
    values["meeting_id"] = meeting.pk
    values["paper_id"] = PaperFactory(meeting=meeting).pk
    values["invited_id"] = InvitedPersonFactory(meeting=meeting, person=participant).pk
    for membership in memberships.values():  # each member replies to their own invitation
        InvitedPersonFactory(meeting=meeting, person=membership.user.people_records.get())
    # Paying people: the co-producer's own claim, with a bus fare and its receipt.
    PaymentPolicyFactory(organisation=project.organisation)
    co_producer = memberships[Role.CO_PRODUCER].user.people_records.get()
    PaymentChoiceFactory(person=co_producer)
    claim = ClaimFactory(project=project, person=co_producer)
    line = payments_services.expense_line_add(
        claim=claim,
        category="public_transport",
        description="Bus",
        amount_pence=450,
        added_by=memberships[Role.CO_PRODUCER].user,
        receipt_content=PDF_RECEIPT,
    )
    values["claim_id"] = claim.pk
    values["line_id"] = line.pk
    values["notice_id"] = claim.notices.create(event="approved", method="phone").pk
    feedback_form = FeedbackFormFactory(project=project)
    values["form_id"] = feedback_form.pk
    values["feedback_question_id"] = WordsQuestionFactory(form=feedback_form).pk
    # Published: the Easy Read letter is of what is published.
    values["entry_id"] = YouSaidWeDidFactory(project=project, published_at=timezone.now()).pk
    values["reflection_id"] = ReflectionFactory(
        project=project, author=memberships[Role.LEAD].user
    ).pk
    values["lesson_id"] = LessonFactory(project=project).pk
    values["version_id"] = planning_services.sign_off_ask(
        sign_off=SignOffFactory(
            project=project, signer=memberships[Role.MANAGER], signer_outside=""
        ),
        lead=memberships[Role.LEAD],
        manager=memberships[Role.MANAGER],
        parts=["readiness"],
        gaps_accepted=True,
    ).pk
    values["download_id"] = PlanDownload.objects.create(
        project=project, version="participants", file_format="pdf", status="ready",
        content=b"%PDF-1.7", file_name="plan.pdf", asked_by=memberships[Role.LEAD],
    ).pk  # fmt: skip
    # The organisation's own pages: a webhook and a delivery in its log.
    delivery = DeliveryFactory(webhook__organisation=project.organisation)
    values["webhook_id"] = delivery.webhook_id
    values["delivery_id"] = delivery.pk
    # An API token of the lead's (Your account, and the organisation admin's list).
    values["token_id"] = api_services.access_token_create(
        user=memberships[Role.LEAD].user, name="CRM", scope="read", days=30
    ).access_token.pk
    return project, memberships, values


def test_every_project_page_is_in_the_expected_table():
    names = {name for name, _ in project_url_patterns()}

    assert names == set(EXPECTED), "Add new project pages to EXPECTED with who may open them"


@pytest.mark.parametrize("method", ["get", "post"])
def test_member_of_another_project_gets_not_found_everywhere(client_for, project_data, method):
    _, _, values = project_data
    outsider = MembershipFactory(role=Role.LEAD).user  # the highest role, elsewhere
    client = client_for(outsider)

    statuses = {
        name: getattr(client, method)(_fill(route, values)).status_code
        for name, route in project_url_patterns()
    }

    assert statuses == dict.fromkeys(statuses, 404)


def test_objects_of_another_project_are_not_found_through_your_own(client_for, project_data):
    _, _, values = project_data
    own = MembershipFactory(role=Role.LEAD)
    through_own_project = {**values, "project_id": own.project_id}
    client = client_for(own.user)

    statuses = {
        name: client.post(_fill(route, through_own_project)).status_code
        for name, route in project_url_patterns()
        if route.count("<int:") > 1
    }

    assert statuses == dict.fromkeys(statuses, 404)


def test_signed_out_visitor_is_sent_to_sign_in_everywhere(client, project_data):
    _, _, values = project_data

    locations = {
        name: client.get(_fill(route, values)).headers.get("Location", "")
        for name, route in project_url_patterns()
    }

    assert all(location.startswith("/sign-in/?next=") for location in locations.values())


@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_exactly_what_it_should(client_for, project_data, role):
    _, memberships, values = project_data
    client = client_for(memberships[role].user)

    statuses = {
        name: client.get(_fill(route, values)).status_code for name, route in project_url_patterns()
    }

    expected = {
        name: (status if role in roles else 403) for name, (roles, status) in EXPECTED.items()
    }
    assert statuses == expected
