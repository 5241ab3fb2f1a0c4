"""Sign-off that means something: the lead asks a named manager, which freezes a version
of the plan; the manager reads that version (page, PDF, Word), signs it off or asks for
changes and says why; both are kept and told; after edits, everyone sees what changed."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from coplan.notifications.models import Update
from coplan.planning import services, signing
from coplan.planning.models import SignOff, SignOffStatus, SignOffVersion
from coplan.projects.models import Membership
from coplan.projects.roles import Role
from tests.documents import assert_accessible_pdf, docx_headings, pdf_text, read_docx
from tests.factories import MembershipFactory, SignOffFactory
from tests.planning.pages import words

pytestmark = pytest.mark.django_db

SECTION = "getting-started"


@pytest.fixture
def lead_member(project, lead):
    return Membership.objects.get(project=project, user=lead)


@pytest.fixture
def manager(project):
    return MembershipFactory(project=project, role=Role.MANAGER, user__full_name="Mo Manager")


@pytest.fixture
def sign_off(project, manager):
    return SignOffFactory(
        project=project,
        what="The plan for involving people",
        signer=manager,
        signer_outside="",
        due_on=datetime.date(2027, 3, 1),
    )


def _ask_url(sign_off):
    return f"/projects/{sign_off.project_id}/sign-offs/{sign_off.pk}/ask/"


def _version_url(version, tail=""):
    return f"/projects/{version.sign_off.project_id}/sign-offs/versions/{version.pk}/{tail}"


def _answer(client, project, text):
    return client.post(
        f"/projects/{project.pk}/plan/at-the-start/{SECTION}/", {"request-to-co-produce": text}
    )


def _ask(client, sign_off, manager, **more):
    return client.post(
        _ask_url(sign_off),
        {"manager": str(manager.pk), "parts": ["readiness", "answers"], **more},
    )


def _asked(lead_member, sign_off, manager, parts=("readiness", "answers")):
    return services.sign_off_ask(
        sign_off=sign_off, lead=lead_member, manager=manager, parts=list(parts), gaps_accepted=True
    )


def test_asking_an_unfinished_plan_says_what_is_missing_and_asks_to_confirm(
    client_for, project, lead, sign_off, manager
):
    client = client_for(lead)

    page = words(client.get(_ask_url(sign_off)))
    refused = _ask(client, sign_off, manager)

    assert "The plan is not finished:" in page
    assert "questions have no answer yet" in page
    assert refused.status_code == 400
    assert "Say that you want it signed off although the plan is not finished" in words(refused)
    assert 'href="#id_gaps_accepted"' in refused.content.decode()
    assert not SignOffVersion.objects.exists()


def test_lead_asks_the_manager_and_a_version_is_frozen_and_they_are_told(
    client_for, project, lead, sign_off, manager
):
    client = client_for(lead)
    _answer(client, project, "A review of day services")

    response = _ask(client, sign_off, manager, gaps_accepted="on")

    version = SignOffVersion.objects.get()
    assert response.status_code == 302
    assert (version.number, version.asked_of, version.asked_by, version.parts) == (
        1,
        manager,
        lead,
        ["readiness", "answers"],
    )
    assert "A review of day services" in version.html
    assert "questions have no answer yet" in version.gaps[0]
    told = Update.objects.get(kind="planning.sign_off_asked")
    assert told.user == manager.user
    assert told.subject == "Please sign off: The plan for involving people"
    assert told.link == _version_url(version)
    assert "The plan is not finished" in told.body


def test_the_manager_reads_the_version_with_the_same_warning(
    client_for, project, lead_member, sign_off, manager
):
    version = _asked(lead_member, sign_off, manager)

    page = words(client_for(manager.user).get(_version_url(version)))

    assert "The plan for involving people: version 1" in page
    assert "The plan was not finished when the lead asked for sign-off:" in page
    assert "Sign it off, or ask for changes" in page
    assert "Answers to the guides" in page
    assert "Budget: planned, committed and paid" not in page  # only the parts asked


def test_the_pdf_and_word_file_are_made_from_the_version_not_the_plan_now(
    client_for, project, lead, lead_member, sign_off, manager
):
    client = client_for(lead)
    _answer(client, project, "Day services as they were")
    version = _asked(lead_member, sign_off, manager)
    _answer(client, project, "Day services changed afterwards")
    manager_client = client_for(manager.user)

    pdf = manager_client.get(_version_url(version, "plan.pdf")).content
    docx = manager_client.get(_version_url(version, "plan.docx")).content

    assert_accessible_pdf(pdf, title="The plan for involving people: version 1")
    text = pdf_text(pdf)
    assert "Day services as they were" in text
    assert "changed afterwards" not in text
    headings = docx_headings(read_docx(docx))
    assert headings[0] == ("Heading 1", "The plan for involving people: version 1")
    assert ("Heading 2", "Answers to the guides") in headings


def test_the_manager_asks_for_changes_and_must_say_why(
    client_for, project, lead, lead_member, sign_off, manager
):
    version = _asked(lead_member, sign_off, manager)
    client = client_for(manager.user)

    refused = client.post(_version_url(version, "answer/"), {"decision": "changes"})
    response = client.post(
        _version_url(version, "answer/"),
        {"decision": "changes", "reason": "Say who runs the workshops"},
    )

    assert refused.status_code == 400
    assert "Enter what needs to change" in words(refused)
    assert 'href="#id_reason"' in refused.content.decode()
    version.refresh_from_db()
    assert response.status_code == 302
    assert (version.decision, version.decided_by, version.reason) == (
        "changes",
        manager.user,
        "Say who runs the workshops",
    )
    assert SignOff.objects.get().status == SignOffStatus.WAITING
    told = Update.objects.get(kind="planning.sign_off_decided")
    assert told.user == lead
    assert told.subject == "Changes asked for: The plan for involving people"
    assert "What needs to change: Say who runs the workshops" in told.body


def test_after_changes_the_lead_asks_again_and_the_manager_sees_what_changed_and_signs(
    client_for, project, lead, lead_member, sign_off, manager
):
    lead_client = client_for(lead)
    _answer(lead_client, project, "A review")
    first = _asked(lead_member, sign_off, manager)
    services.sign_off_decide(
        version=first, manager=manager, approve=False, reason="Say what is being reviewed"
    )
    _answer(lead_client, project, "A review of the day services in the north")
    second = _asked(lead_member, sign_off, manager)
    manager_client = client_for(manager.user)

    page = words(manager_client.get(_version_url(second)))
    manager_client.post(_version_url(second, "answer/"), {"decision": "approve"})

    assert second.number == 2
    assert "What changed since version 1" in page
    assert "Mo Manager asked for changes to version 1: Say what is being reviewed" in page
    assert "A review of the day services in the north" in page.split("What changed since")[1]
    second.refresh_from_db()
    sign_off.refresh_from_db()
    assert (second.decision, sign_off.status, sign_off.signed_by) == (
        "approved",
        SignOffStatus.SIGNED,
        manager.user,
    )
    assert Update.objects.filter(kind="planning.sign_off_decided", user=lead).count() == 2


def test_after_sign_off_edits_show_as_changed_since_it_was_signed_off(
    client_for, project, lead, lead_member, sign_off, manager
):
    lead_client = client_for(lead)
    _answer(lead_client, project, "A review")
    version = _asked(lead_member, sign_off, manager)
    services.sign_off_decide(version=version, manager=manager, approve=True)
    unchanged = words(lead_client.get(f"/projects/{project.pk}/sign-offs/"))

    _answer(lead_client, project, "A review, now with carers")
    register = words(lead_client.get(f"/projects/{project.pk}/sign-offs/"))
    page = words(client_for(manager.user).get(_version_url(version)))
    whole_plan = words(lead_client.get(f"/projects/{project.pk}/plan/whole/"))

    assert "Changed since it was signed off" not in unchanged
    assert "What changed since: Answers to the guides: At the start" in whole_plan
    assert "Changed since it was signed off" in register
    assert "Answers to the guides: At the start" in register
    assert "See what changed since it was signed off" in register
    assert "The plan has changed since version 1 was signed off" in page
    changed = page.split("The plan has changed since")[1]
    assert changed.index("A review") < changed.index("A review, now with carers")


def test_one_request_waits_at_a_time(client_for, project, lead, lead_member, sign_off, manager):
    _asked(lead_member, sign_off, manager)

    response = _ask(client_for(lead), sign_off, manager, gaps_accepted="on")

    assert response.status_code == 400
    assert "has already been asked for" in words(response)
    assert SignOffVersion.objects.count() == 1


def test_a_version_is_answered_once(project, lead_member, sign_off, manager):
    version = _asked(lead_member, sign_off, manager)
    other = MembershipFactory(project=project, role=Role.MANAGER, user__full_name="Ola Other")
    services.sign_off_decide(version=version, manager=manager, approve=True)

    with pytest.raises(services.PlanningRuleError, match=r"already been answered.*Mo Manager"):
        services.sign_off_decide(version=version, manager=other, approve=False, reason="No")


def test_the_database_keeps_one_open_request_and_frozen_versions(
    project, lead_member, sign_off, manager
):
    version = _asked(lead_member, sign_off, manager)

    with pytest.raises(IntegrityError), transaction.atomic():
        SignOffVersion.objects.create(
            sign_off=sign_off, number=2, asked_of_name="x", asked_by_name="y", html=""
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        SignOffVersion.objects.filter(pk=version.pk).update(html="<p>Something else</p>")
    services.sign_off_decide(version=version, manager=manager, approve=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        SignOffVersion.objects.filter(pk=version.pk).update(decision="changes", reason="Later")
    with pytest.raises(IntegrityError), transaction.atomic():
        SignOffVersion.objects.filter(pk=version.pk).update(decision="", decided_at=None)
    # An account removed keeps the names: only the link to it empties.
    manager.user.delete()
    version.refresh_from_db()
    assert (version.decided_by, version.decided_by_name) == (None, "Mo Manager")


def test_changes_need_a_reason_in_the_database(project, lead_member, sign_off, manager):
    version = _asked(lead_member, sign_off, manager)

    with pytest.raises(IntegrityError), transaction.atomic():
        SignOffVersion.objects.filter(pk=version.pk).update(
            decision="changes", decided_by_name="Mo", decided_at=version.asked_at
        )


def test_only_managers_of_the_project_are_asked(project, lead_member, sign_off):
    facilitator = MembershipFactory(project=project, role=Role.FACILITATOR)
    elsewhere = MembershipFactory(role=Role.MANAGER)

    for someone in (facilitator, elsewhere):
        with pytest.raises(services.PlanningRuleError, match="Select a manager of this project"):
            _asked(lead_member, sign_off, someone)


def test_a_lead_cannot_sign_off_a_version(
    client_for, project, lead, lead_member, sign_off, manager
):
    version = _asked(lead_member, sign_off, manager)

    response = client_for(lead).post(_version_url(version, "answer/"), {"decision": "approve"})

    assert response.status_code == 403
    with pytest.raises(services.PlanningRuleError):
        services.sign_off_decide(version=version, manager=lead_member, approve=True)


def test_a_managers_sign_off_is_no_longer_one_click(client_for, project, sign_off, manager):
    response = client_for(manager.user).get(
        f"/projects/{project.pk}/sign-offs/{sign_off.pk}/signed/"
    )

    assert response.status_code == 403


def test_the_sign_offs_register_is_not_signed_as_part_of_the_plan(lead_member):
    offered = [name for name, _ in signing.parts_offered(lead_member)]

    assert "sign_offs" not in offered
    assert offered[:2] == ["readiness", "answers"]


def test_what_changed_is_said_heading_by_heading():
    before = [
        {
            "part": "answers",
            "title": "Answers",
            "words": [
                {"heading": "At the start › Getting started", "lines": ["Q: A", "Q2: B"]},
                {"heading": "At the start › Money", "lines": ["Budget: none"]},
            ],
        }
    ]
    after = [
        {
            "part": "answers",
            "title": "Answers",
            "words": [
                {"heading": "At the start › Getting started", "lines": ["Q: A", "Q2: C"]},
                {"heading": "At the start › Money", "lines": ["Budget: none"]},
            ],
        }
    ]

    (change,) = signing.changes(before, after)

    assert (change.where, change.removed, change.added) == (
        "Answers: At the start › Getting started",
        ["Q2: B"],
        ["Q2: C"],
    )
    assert signing.changes(after, after) == []


def test_part_words_follow_headings_and_table_rows():
    found = signing.part_words(
        "<h3>Guide</h3><p>Intro</p><h4>Section</h4><table><tr><th>Q</th><td>A</td></tr></table>"
        '<h3>Other</h3><ul><li>One <span class="govuk-visually-hidden">hidden</span></li></ul>'
    )

    assert found == [
        {"heading": "Guide", "lines": ["Intro"]},
        {"heading": "Guide › Section", "lines": ["Q: A"]},
        {"heading": "Other", "lines": ["One hidden"]},
    ]


@pytest.mark.parametrize("page", ["", "answer/"])
def test_version_pages_keep_a_fixed_number_of_queries(
    client_for, project, lead_member, sign_off, manager, page
):
    def queries() -> int:
        version = SignOffVersion.objects.filter(decision="").get()
        with CaptureQueriesContext(connection) as captured:
            response = client_for(manager.user).get(_version_url(version, page))
        assert response.status_code == 200
        return len(captured)

    first = _asked(lead_member, sign_off, manager)
    small = queries()
    services.sign_off_decide(version=first, manager=manager, approve=False, reason="More")
    for n in range(6):
        MembershipFactory(project=project, role=Role.CO_PRODUCER)
        SignOffFactory(project=project, signer=manager, signer_outside="", what=f"Other {n}")
    _asked(lead_member, sign_off, manager)
    large = queries()

    assert small == large


def test_the_register_keeps_a_fixed_number_of_queries_with_signed_versions(
    client_for, project, lead, lead_member, manager
):
    def sign(count: int) -> int:
        for n in range(count):
            found = SignOffFactory(project=project, signer=manager, signer_outside="")
            asked = _asked(lead_member, found, manager)
            services.sign_off_decide(version=asked, manager=manager, approve=n % 2 == 0, reason="x")
        _answer(client_for(lead), project, f"Changed after {count}")
        with CaptureQueriesContext(connection) as captured:
            response = client_for(lead).get(f"/projects/{project.pk}/sign-offs/")
        assert response.status_code == 200
        return len(captured)

    assert sign(1) == sign(6)


def test_the_asking_page_keeps_a_fixed_number_of_queries(client_for, project, lead, sign_off):
    client = client_for(lead)
    client.get(_ask_url(sign_off))  # the first visit sets up the project's guides

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(_ask_url(sign_off))
        assert response.status_code == 200
        return len(captured)

    small = queries()
    MembershipFactory.create_batch(8, project=project, role=Role.MANAGER)
    SignOffFactory.create_batch(8, project=project)

    assert queries() == small


def test_who_signs_stays_while_they_are_asked(project, lead_member, sign_off, manager):
    _asked(lead_member, sign_off, manager)
    other = MembershipFactory(project=project, role=Role.MANAGER)

    with pytest.raises(services.PlanningRuleError, match="Mo Manager has been asked"):
        services.sign_off_update(
            sign_off=sign_off,
            what=sign_off.what,
            signer=other,
            signer_outside="",
            due_on=sign_off.due_on,
            note="",
        )
    services.sign_off_update(
        sign_off=sign_off,
        what="The whole plan",
        signer=manager,
        signer_outside="",
        due_on=sign_off.due_on,
        note="Now by the end of March",
    )
    sign_off.refresh_from_db()
    assert (sign_off.what, sign_off.signer) == ("The whole plan", manager)


def test_the_lead_withdraws_a_waiting_request_and_can_ask_again(
    client_for, project, lead, lead_member, sign_off, manager
):
    version = _asked(lead_member, sign_off, manager)
    client = client_for(lead)

    page = client.get(_version_url(version))
    asked = words(client.get(_version_url(version, "withdraw/")))
    withdrawn = client.post(_version_url(version, "withdraw/"))

    assert "Withdraw this request" in words(page)
    assert words(page).count("Waiting for") == 1  # the tag; who was asked is said above it
    assert "Withdraw this request for sign-off?" in asked
    assert "Mo Manager will be told they do not need to answer it" in asked
    assert withdrawn.headers["Location"] == f"/projects/{project.pk}/sign-offs/"
    version.refresh_from_db()
    assert (version.decision, version.decided_by, version.decided_by_name) == (
        "withdrawn",
        lead,
        lead.full_name,
    )
    told = Update.objects.get(kind="planning.sign_off_withdrawn")
    assert told.user == manager.user
    assert told.subject == "No longer waiting for you: The plan for involving people"
    read = words(client_for(manager.user).get(_version_url(version)))
    assert f"{lead.full_name} withdrew the request on" in read
    assert "Sign it off, or ask for changes" not in read
    register = words(client.get(f"/projects/{project.pk}/sign-offs/"))
    assert "Waiting for the manager" not in register
    again = _ask(client, sign_off, manager, gaps_accepted="on")
    assert again.status_code == 302
    assert sign_off.versions.get(decision="").number == 2


def test_a_withdrawn_request_cannot_be_answered_and_an_answered_one_not_withdrawn(
    client_for, project, lead_member, sign_off, manager
):
    version = _asked(lead_member, sign_off, manager)
    services.sign_off_withdraw(version=version, lead=lead_member)

    refused = client_for(manager.user).post(
        _version_url(version, "answer/"), {"decision": "approve"}
    )
    assert "withdrew the request for version 1" in words(refused)
    version.refresh_from_db()
    assert version.decision == "withdrawn"
    sign_off.refresh_from_db()
    assert sign_off.status != SignOffStatus.SIGNED

    answered = _asked(lead_member, sign_off, manager)
    services.sign_off_decide(version=answered, manager=manager, approve=False, reason="More")
    with pytest.raises(services.PlanningRuleError, match="already been answered"):
        services.sign_off_withdraw(version=answered, lead=lead_member)


def test_only_the_lead_withdraws(client_for, project, lead_member, sign_off, manager):
    version = _asked(lead_member, sign_off, manager)

    refused = client_for(manager.user).post(_version_url(version, "withdraw/"))

    assert refused.status_code == 403
    with pytest.raises(services.PlanningRuleError, match="Only the project's lead"):
        services.sign_off_withdraw(version=version, lead=manager)
    version.refresh_from_db()
    assert version.is_waiting
