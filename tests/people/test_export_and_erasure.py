"""Right of access (everything held, for a person and a machine) and erasure that keeps counts."""

import contextlib
import datetime
import json

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from django.utils import timezone

from coplan.accounts.models import User
from coplan.people import crypto, services
from coplan.people.models import AuditEntry, Involvement, ParticipantImport, Person
from coplan.people.needs import AccessNeeds
from coplan.projects.models import Membership
from coplan.projects.roles import Role
from tests.factories import (
    PASSWORD,
    ConsentRecordFactory,
    InvitationFactory,
    InvitedPersonFactory,
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    ProjectFactory,
    StakeholderGroupFactory,
)
from tests.people.conftest import give_needs

pytestmark = pytest.mark.django_db

NAME = "Philippa Quartermaine"
EMAIL = "philippa.q@example.org"
NEED_WORDS = ["Zebra-striped ramp", "hearing_loop", "A hearing loop", "vegan"]


@pytest.fixture
def philippa(project, lead):
    """A co-producer with an account, told us everything, in two projects."""
    group = StakeholderGroupFactory(project=project, name="Day centre users", representation_aim=2)
    user = MembershipFactory(
        project=project, role=Role.CO_PRODUCER, user__full_name=NAME, user__email=EMAIL
    ).user
    person = InvolvementFactory(
        project=project,
        group=group,
        person__full_name=NAME,
        person__email=EMAIL,
        person__phone="07700 900555",
        person__address="12 Quartermaine Row",
        person__user=user,
        role_description=f"{NAME} sits on the panel",
        training_needed="Interview training for Philippa",
    ).person
    InvolvementFactory(project=ProjectFactory(organisation=project.organisation), person=person)
    give_needs(person, actor=user)
    ConsentRecordFactory(person=person, purpose="media", told=f"Photos of {NAME} at meetings")
    InvitationFactory(project=project, email=EMAIL, full_name=NAME)
    AccessAttempt.objects.create(
        username=EMAIL, ip_address="192.0.2.7", user_agent="Firefox", failures_since_start=2
    )
    services.participant_import_upload(
        project=project, uploaded_by=lead, file_name="p.csv", content=f"Name\n{NAME}\n".encode()
    )
    return person


def _every_stored_value() -> str:
    """Every row of every table, with any encrypted value decrypted where we can."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    text = (
                        value.decode("utf-8", "replace")
                        if isinstance(value, bytes | memoryview)
                        else str(value)
                    )
                    values.append(text)
                    if text.startswith("gAAAA"):
                        with contextlib.suppress(crypto.UnreadableDataError):
                            values.append(crypto.decrypt_bytes(text).decode("utf-8", "replace"))
    return "\n".join(values)


def test_export_holds_everything_about_the_person(client_for, project, lead, philippa):
    client = client_for(lead)

    html = client.get(f"/projects/{project.pk}/participants/{philippa.pk}/everything-we-hold/")
    machine = client.get(
        f"/projects/{project.pk}/participants/{philippa.pk}/everything-we-hold.json"
    )

    page = html.content.decode()
    for expected in (
        NAME,
        EMAIL,
        "07700 900555",
        "12 Quartermaine Row",
        "A hearing loop",
        "Vegan",
        "Zebra-striped ramp",
        "Photos of Philippa Quartermaine at meetings",
        "Interview training for Philippa",
        "Day centre users",
        project.name,
    ):
        assert expected in page
    data = json.loads(machine.content)
    assert machine["Content-Disposition"] == 'attachment; filename="everything-we-hold.json"'
    assert data["details"]["email"] == EMAIL
    assert data["account"]["email"] == EMAIL
    assert sorted(data["access_needs"]["codes"]) == ["communication:hearing_loop", "dietary:vegan"]
    assert len(data["involvement"]) == 2
    assert data["consents"][0]["what_they_were_told"] == f"Photos of {NAME} at meetings"
    assert [entry["what"] for entry in data["who_saw_or_changed_access_needs"]][
        -1
    ] == "Changed access needs"
    assert AuditEntry.objects.filter(action="exported", person=philippa).count() == 2


def test_a_person_downloads_everything_held_about_themselves(client_for, project, philippa):
    client = client_for(philippa.user)

    page = client.get(f"/projects/{project.pk}/your-details/everything-we-hold/").content.decode()
    data = json.loads(
        client.get(f"/projects/{project.pk}/your-details/everything-we-hold.json").content
    )

    assert f"Everything we hold about {NAME}" in page
    assert data["details"]["name"] == NAME


def test_after_erasure_nothing_identifies_the_person_anywhere(client_for, project, lead, philippa):
    involvements_before = Involvement.objects.count()
    assert NAME in _every_stored_value()  # the scan does find them before

    response = client_for(lead).post(
        f"/projects/{project.pk}/participants/{philippa.pk}/erase/", follow=True
    )

    assert f"{NAME} has been erased" in response.content.decode()
    stored = _every_stored_value()
    for secret in [NAME, "Philippa", "Quartermaine", EMAIL, "07700 900555", *NEED_WORDS]:
        assert secret.lower() not in stored.lower(), secret
    assert Involvement.objects.count() == involvements_before
    erased = Person.objects.get(pk=philippa.pk)
    assert (erased.full_name, erased.email, erased.needs_token, erased.user) == (
        "Erased person",
        "",
        "",
        None,
    )
    account = User.objects.get(pk=philippa.user_id)
    assert not account.is_active
    assert not account.has_usable_password()
    assert not Membership.objects.filter(user=account).exists()


def test_counts_stay_right_after_erasure(client_for, project, lead, philippa):
    client = client_for(lead)
    before = client.get(f"/projects/{project.pk}/stakeholders/").content.decode()

    services.person_erase(person=philippa, actor=lead, where="test")
    after = client.get(f"/projects/{project.pk}/stakeholders/").content.decode()

    assert "1 of 2 aimed for" in before
    assert "1 of 2 aimed for" in after


def test_a_project_lead_cannot_be_erased_from_a_participant_page(client_for, project, lead):
    other_lead = MembershipFactory(project=project, role=Role.LEAD).user
    person = InvolvementFactory(
        project=project, person__user=other_lead, person__email=other_lead.email
    ).person

    response = client_for(lead).post(f"/projects/{project.pk}/participants/{person.pk}/erase/")

    assert response.status_code == 400
    assert "This person is a project lead" in response.content.decode()
    person.refresh_from_db()
    assert person.erased_at is None


def test_erasure_is_in_the_audit_log_without_a_name(project, lead, philippa):
    services.person_erase(person=philippa, actor=lead, where="test", project=project)

    entry = AuditEntry.objects.get(action="erased")
    assert (entry.person.full_name, entry.actor) == ("Erased person", lead)


def _feedback_from(philippa, project):
    from coplan.feedback.services import Given, feedback_answer_record
    from tests.feedback.factories import (
        FeedbackFormFactory,
        ReflectionFactory,
        WordsQuestionFactory,
    )

    named = WordsQuestionFactory(
        form=FeedbackFormFactory(project=project, title="Named form", closed_box=False)
    )
    feedback_answer_record(
        form=named.form,
        answers={named.pk: Given(words="Philippa wants a later start")},
        respondent=philippa.user,
    )
    closed = WordsQuestionFactory(form=FeedbackFormFactory(project=project, title="Closed box"))
    feedback_answer_record(
        form=closed.form,
        answers={closed.pk: Given(words="Secret closed-box words")},
        respondent=philippa.user,
    )
    ReflectionFactory(project=project, author=philippa.user, about="Private thoughts of mine")


def test_export_holds_named_feedback_but_never_closed_box_answers(
    client_for, project, lead, philippa
):
    _feedback_from(philippa, project)

    page = client_for(lead).get(
        f"/projects/{project.pk}/participants/{philippa.pk}/everything-we-hold/"
    )

    text = page.content.decode()
    assert "Philippa wants a later start" in text
    assert "Secret closed-box words" not in text


def test_private_self_reflections_are_in_their_own_download_only(
    client_for, project, lead, philippa
):
    _feedback_from(philippa, project)

    for_lead = json.loads(
        client_for(lead)
        .get(f"/projects/{project.pk}/participants/{philippa.pk}/everything-we-hold.json")
        .content
    )
    for_herself = json.loads(
        client_for(philippa.user)
        .get(f"/projects/{project.pk}/your-details/everything-we-hold.json")
        .content
    )

    assert for_lead["feedback"]["self_reflections"] == []
    assert [r["about"] for r in for_herself["feedback"]["self_reflections"]] == [
        "Private thoughts of mine"
    ]


def _pending_import(client, project, csv_text: str) -> str:
    """Upload a spreadsheet as the lead would, and return its preview page's address."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        f"/projects/{project.pk}/participants/import/",
        {"file": SimpleUploadedFile("people.csv", csv_text.encode(), content_type="text/csv")},
    )
    assert response.status_code == 302
    return response["Location"]


def test_erasing_someone_keeps_other_pending_imports(client_for, project, lead):
    client = client_for(lead)
    other_project = ProjectFactory(organisation=project.organisation)
    MembershipFactory(project=other_project, role=Role.LEAD, user=lead)
    previews = [
        _pending_import(client, project, "Name,Email\nZoë Adams,zoe@example.org\n"),
        _pending_import(client, project, "Name\nBilal Khan\nCarys Jones\n"),
        _pending_import(client, other_project, "Name\nDev Patel\n"),
    ]
    unrelated = InvolvementFactory(project=project, person__full_name="Erin Unrelated").person

    client.post(f"/projects/{project.pk}/participants/{unrelated.pk}/erase/")

    assert ParticipantImport.objects.count() == 3
    pages = [client.get(preview).content.decode() for preview in previews]
    assert "Zoë Adams" in pages[0]
    assert "Bilal Khan" in pages[1]
    assert "Carys Jones" in pages[1]
    assert "Dev Patel" in pages[2]


def test_erasing_someone_takes_only_their_rows_out_of_pending_imports(
    client_for, project, lead, philippa
):
    client = client_for(lead)
    ParticipantImport.objects.all().delete()
    shared = _pending_import(
        client,
        project,
        f"Name,Email,Food and drink\n{NAME},{EMAIL.upper()},Vegan\nBilal Khan,,\n",
    )
    by_name_only = _pending_import(client, project, f"Name\n{NAME}\n")
    someone_else = _pending_import(client, project, "Name,Email\nZoë Adams,zoe@example.org\n")

    client.post(f"/projects/{project.pk}/participants/{philippa.pk}/erase/")

    assert ParticipantImport.objects.count() == 2
    page = client.get(shared).content.decode()
    assert "Bilal Khan" in page
    assert "Add 1 person" in page
    assert client.get(by_name_only).status_code == 404
    assert "Zoë Adams" in client.get(someone_else).content.decode()
    stored = _every_stored_value()
    for secret in [NAME, EMAIL]:
        assert secret.lower() not in stored.lower(), secret


def _sign_in_twice(user) -> Client:
    """A wrong password from somewhere else, then the right one, through the sign-in page."""
    Client(REMOTE_ADDR="192.0.2.7").post(
        "/sign-in/", {"email": user.email, "password": "not the password"}
    )
    client = Client()
    response = client.post("/sign-in/", {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


@pytest.fixture
def staff_without_person_records(project, lead):
    """A manager and a finance officer, in the project but never a participant, who
    signed in, commented and dealt with things."""
    from coplan.guides import services as guide_services
    from coplan.guides.models import ProjectGuide
    from coplan.guides.selectors import guide_for_version
    from coplan.payments import services as payment_services
    from coplan.working_together import services as together_services
    from tests.factories import (
        CarParkItemFactory,
        PaymentChoiceFactory,
        PaymentPolicyFactory,
        SignOffFactory,
    )
    from tests.payments.conftest import PDF

    manager = MembershipFactory(project=project, role=Role.MANAGER, user__full_name="Mo Manager")
    finance = MembershipFactory(project=project, role=Role.FINANCE, user__full_name="Fin Finance")
    guide_services.project_guides_ensure(project=project)
    project_guide = ProjectGuide.objects.filter(project=project).first()
    question = guide_for_version(project_guide.guide_version).questions[0]
    guide_services.comment_add(
        project_guide=project_guide,
        question_id=question.id,
        author=manager.user,
        text="The manager asks: is the budget agreed?",
    )
    SignOffFactory(project=project, signer=manager, what="The venue hire")
    item = CarParkItemFactory(project=project, text="Who pays for taxis?")
    together_services.comment_add(
        project=project,
        author=finance.user,
        car_park_item=item,
        text="Finance says: taxis are paid with receipts",
    )
    PaymentPolicyFactory(organisation=project.organisation)
    claimant = InvolvementFactory(project=project, person__full_name="Cora Claimant").person
    PaymentChoiceFactory(person=claimant)

    def sent_claim(sender):
        claim = payment_services.claim_start(
            project=project,
            person=claimant,
            created_by=lead,
            activity="Reading the papers",
            activity_on=datetime.date(2027, 3, 1),
        )
        payment_services.expense_line_add(
            claim=claim,
            category="public_transport",
            description="Bus",
            amount_pence=450,
            receipt_content=PDF,
            added_by=lead,
        )
        return payment_services.claim_submit(claim=claim, submitted_by=sender)

    # Finance approves one claim and pays another the lead approved: nobody does both,
    # and nobody approves a claim they sent.
    payment_services.claim_approve(claim=sent_claim(lead), approved_by=finance.user)
    paid = payment_services.claim_approve(claim=sent_claim(finance.user), approved_by=lead)
    payment_services.claim_mark_paid(
        claim=paid, paid_by=finance.user, paid_on=datetime.date.today(), reference="BACS-7"
    )
    return manager.user, finance.user


@pytest.mark.parametrize(
    ("who", "what_they_did"),
    [
        ("manager", ["The manager asks: is the budget agreed?", "The venue hire"]),
        (
            "finance",
            [
                "Finance says: taxis are paid with receipts",
                "Approved someone’s claim for ‘Reading the papers’",
                "Recorded as paid someone’s claim for ‘Reading the papers’",
                "Told them: A claim is waiting for you: Reading the papers",
            ],
        ),
    ],
)
def test_a_member_with_no_participant_record_sees_everything_held_about_them(
    project, staff_without_person_records, who, what_they_did
):
    user = dict(zip(("manager", "finance"), staff_without_person_records, strict=True))[who]
    assert not Person.objects.filter(user=user).exists()
    client = _sign_in_twice(user)

    details = client.get(f"/projects/{project.pk}/your-details/")
    page = client.get(f"/projects/{project.pk}/your-details/everything-we-hold/")
    download = client.get(f"/projects/{project.pk}/your-details/everything-we-hold.json")

    assert "See everything we hold about you" in details.content.decode()
    assert (page.status_code, download.status_code) == (200, 200)
    text = page.content.decode()
    assert f"Everything we hold about {user.full_name}" in text
    assert user.email in text
    assert "Failed tries at signing in" in text
    assert "192.0.2.7" in text
    for thing in what_they_did:
        assert thing in text
    assert "Cora Claimant" not in text
    data = json.loads(download.content)
    assert data["details"] is None
    assert data["account"]["email"] == user.email
    assert [part["project"] for part in data["account"]["projects"]] == [project.name]
    assert [(tries["failed_tries"], tries["from_address"]) for tries in data["sign_ins"]] == [
        (1, "192.0.2.7")
    ]
    held = json.dumps(data, ensure_ascii=False)
    for thing in what_they_did:
        assert thing in held
    assert "Cora Claimant" not in held


def test_a_leads_copy_holds_only_their_organisations_projects(client_for, project, lead, philippa):
    from coplan.working_together import services as together_services
    from tests.factories import CarParkItemFactory

    elsewhere = ProjectFactory(name="Another council's project")
    MembershipFactory(project=elsewhere, user=philippa.user)
    together_services.comment_add(
        project=elsewhere,
        author=philippa.user,
        car_park_item=CarParkItemFactory(project=elsewhere),
        text="Said in another organisation",
    )

    for_lead = client_for(lead).get(
        f"/projects/{project.pk}/participants/{philippa.pk}/everything-we-hold/"
    )
    for_herself = client_for(philippa.user).get(
        f"/projects/{project.pk}/your-details/everything-we-hold/"
    )

    assert "Said in another organisation" not in for_lead.content.decode()
    assert "Another council" not in for_lead.content.decode()
    assert "Failed tries at signing in" not in for_lead.content.decode()
    assert "Said in another organisation" in for_herself.content.decode()
    assert "Failed tries at signing in" in for_herself.content.decode()


def test_messages_sent_to_someone_are_in_everything_held(
    client_for, project, lead, staff_without_person_records
):
    cora = Person.objects.get(full_name="Cora Claimant")

    data = json.loads(
        client_for(lead)
        .get(f"/projects/{project.pk}/participants/{cora.pk}/everything-we-hold.json")
        .content
    )

    told = [entry["what"] for entry in data["activity"]["updates"]]
    assert len(told) == 3  # two claims approved, one paid
    assert all(what.startswith("Told them: ") for what in told)
    assert all("Reading the papers" in what for what in told)


def _dietary(note: str) -> AccessNeeds:
    return AccessNeeds.from_answers(
        chosen={"dietary": ["nut_allergy"]}, notes={"dietary": note}, reminder_days_before=None
    )


def test_erasure_reaches_what_the_caterer_was_told_about_them(client_for, project, lead):
    quentin = InvolvementFactory(project=project, person__full_name="Quentin Zebedee").person
    give_needs(quentin, _dietary("Anaphylaxis: carries an adrenaline pen"))
    other = InvolvementFactory(project=project).person
    give_needs(other, _dietary("No mushrooms please"))
    meeting = MeetingFactory(
        project=project,
        food="provided",
        caterer="Kitchen Co-op",
        meets_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    for person in (quentin, other):
        InvitedPersonFactory(meeting=meeting, person=person, reply="in_person")
    today = timezone.localdate()
    client_for(lead).post(
        f"/projects/{project.pk}/meetings/{meeting.pk}/catering/",
        {"sent_on-day": today.day, "sent_on-month": today.month, "sent_on-year": today.year},
    )
    assert "Anaphylaxis" in _every_stored_value()  # the scan does find it before

    services.person_erase(person=quentin, actor=lead, where="test")

    stored = _every_stored_value()
    assert "anaphylaxis" not in stored.lower()
    assert "adrenaline" not in stored.lower()
    assert "No mushrooms please" in stored  # what the caterer knows about others stays
