"""Finance's queue: the claims waiting for finance across every project of the
organisation where they are finance, marking a batch paid, and the download from there."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from coplan.notifications.models import Update
from coplan.payments import services
from coplan.payments.models import Claim, ClaimLine
from coplan.payments.telling import CLAIM_PAID
from coplan.projects.roles import Role
from tests.factories import (
    InvolvementFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
    StaffMembershipFactory,
)
from tests.form_controls import controls, error_beside, ticked
from tests.payments.test_pages import _shown
from tests.payments.test_query_counts import _queries

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LONG_AGO = datetime.date(2020, 1, 6)
LATER = datetime.date(2099, 1, 5)


def _claim(project, status, *, name="Sam Smith", pay_by=LATER, pence=450, person=None):
    person = person or InvolvementFactory(project=project, person__full_name=name).person
    claim = Claim.objects.create(
        project=project,
        person=person,
        activity="Reading the papers",
        activity_on=datetime.date(2027, 3, 1),
        status=status,
        submitted_at=timezone.now() - datetime.timedelta(days=3),
        pay_by=pay_by,
        approved_at=timezone.now() if status in ("approved", "paid") else None,
        paid_on=TODAY if status == "paid" else None,
    )
    ClaimLine.objects.create(
        claim=claim, kind="expense", category="public_transport", amount_pence=pence
    )
    return claim


def _queue_url(organisation_id, rest=""):
    return f"/organisations/{organisation_id}/claims-waiting/{rest}"


@pytest.fixture
def desk():
    """Finance in two projects of one organisation; a third project of it where they
    are not finance; another organisation."""
    organisation = OrganisationFactory(name="Oxfordshire Council")
    first = MembershipFactory(
        project=ProjectFactory(organisation=organisation, name="Day services"), role=Role.FINANCE
    )
    user = first.user
    second = MembershipFactory(
        project=ProjectFactory(organisation=organisation, name="Young carers"),
        user=user,
        role=Role.FINANCE,
    )
    not_theirs = ProjectFactory(organisation=organisation, name="Libraries")
    MembershipFactory(project=not_theirs, user=user, role=Role.FACILITATOR)
    elsewhere = ProjectFactory(name="Elsewhere")
    return {
        "user": user,
        "organisation": organisation,
        "first": first.project,
        "second": second.project,
        "not_theirs": not_theirs,
        "elsewhere": elsewhere,
    }


# Who sees the queue ---------------------------------------------------------------------


def test_finance_sees_claims_waiting_in_every_project_they_are_finance_in(desk, client_for):
    _claim(desk["first"], "submitted", name="Ann Sent")
    _claim(desk["second"], "approved", name="Bob Approved")
    _claim(desk["first"], "draft", name="Cal Draft")
    _claim(desk["first"], "paid", name="Dee Paid")
    _claim(desk["first"], "returned", name="Eve Returned")
    _claim(desk["not_theirs"], "approved", name="Fay Libraries")
    _claim(desk["elsewhere"], "approved", name="Gus Elsewhere")
    client = client_for(desk["user"])

    to_pay = _shown(client.get(_queue_url(desk["organisation"].pk)))
    to_approve = _shown(client.get(_queue_url(desk["organisation"].pk) + "?step=approve"))

    assert "1 claim waiting for approval, 1 to pay, 0 late" in to_pay
    assert "Bob Approved" in to_pay
    assert "Young carers" in to_pay
    assert "£4.50" in to_pay
    assert "Ann Sent" in to_approve
    assert "Day services" in to_approve
    everything = to_pay + to_approve
    for unseen in ("Cal Draft", "Dee Paid", "Eve Returned", "Fay Libraries", "Gus Elsewhere"):
        assert unseen not in everything


def test_the_queue_opens_on_the_claims_to_approve_when_there_are_none_to_pay(desk, client_for):
    _claim(desk["first"], "submitted", name="Ann Sent")

    response = client_for(desk["user"]).get(_queue_url(desk["organisation"].pk))

    assert "Sent, waiting for approval Ann Sent" in _shown(response)
    assert "govuk-back-link" not in response.content.decode()  # it is where finance starts


def test_late_claims_come_first_with_how_long_they_have_waited(desk, client_for):
    _claim(desk["first"], "approved", name="On Time", pay_by=LATER)
    _claim(desk["second"], "approved", name="Very Late", pay_by=LONG_AGO)

    page = _shown(client_for(desk["user"]).get(_queue_url(desk["organisation"].pk)))

    assert page.index("Very Late") < page.index("On Time")
    assert "Late: it was due by 6 January 2020" in page
    assert "sent 3 days ago" in page
    assert "1 late" in page


def test_finance_of_another_organisation_never_sees_its_claims(desk, client_for):
    other = MembershipFactory(project=desk["elsewhere"], role=Role.FINANCE)
    _claim(desk["first"], "approved", name="Bob Approved")

    to_other_queue = client_for(other.user).get(_queue_url(desk["organisation"].pk))
    own_queue = client_for(other.user).get(_queue_url(desk["elsewhere"].organisation_id))

    assert to_other_queue.status_code == 404
    assert "Bob Approved" not in own_queue.content.decode()


@pytest.mark.parametrize(
    "role", [Role.CO_PRODUCER, Role.LEAD, Role.FACILITATOR, Role.MANAGER], ids=str
)
def test_no_other_role_sees_the_queue(desk, client_for, role):
    member = MembershipFactory(project=desk["first"], role=role)
    StaffMembershipFactory(organisation=desk["organisation"], user=member.user)

    response = client_for(member.user).get(_queue_url(desk["organisation"].pk))

    assert response.status_code == 403


def test_someone_with_nothing_to_do_with_the_organisation_gets_not_found(desk, client_for):
    stranger = MembershipFactory(role=Role.CO_PRODUCER).user

    assert client_for(stranger).get(_queue_url(desk["organisation"].pk)).status_code == 404


# Marking a batch paid -----------------------------------------------------------------


def _pay_form(claims, *, reference="BACS-0042", paid_on=TODAY, confirm=False):
    data = {
        "claims": [str(claim.pk) for claim in claims],
        "reference": reference,
        "paid_on-day": str(paid_on.day) if paid_on else "",
        "paid_on-month": str(paid_on.month) if paid_on else "",
        "paid_on-year": str(paid_on.year) if paid_on else "",
    }
    if confirm:
        data["confirm"] = "yes"
    return data


def test_finance_marks_two_claims_paid_with_one_reference_after_checking(desk, client_for):
    first = _claim(desk["first"], "approved", name="Ann Approved", pence=450)
    second = _claim(desk["second"], "approved", name="Bob Approved", pence=1200)
    left = _claim(desk["first"], "approved", name="Cal Left")
    client = client_for(desk["user"])
    url = _queue_url(desk["organisation"].pk)

    check = client.post(url, _pay_form([first, second]))
    statuses_after_check = set(Claim.objects.values_list("status", flat=True))
    done = client.post(url, _pay_form([first, second], confirm=True), follow=True)

    assert check.status_code == 200
    assert "Check before you mark 2 claims paid" in _shown(check)
    assert "£16.50" in _shown(check)
    assert statuses_after_check == {"approved"}
    assert "2 claims are marked paid with the reference BACS-0042." in _shown(done)
    paid = Claim.objects.filter(status="paid").order_by("pk")
    assert [(c.pk, c.paid_reference, c.paid_on) for c in paid] == [
        (first.pk, "BACS-0042", TODAY),
        (second.pk, "BACS-0042", TODAY),
    ]
    assert Claim.objects.get(pk=left.pk).status == "approved"
    told = Update.objects.filter(kind=CLAIM_PAID.code)
    assert sorted(update.person_id for update in told) == sorted(
        [first.person_id, second.person_id]
    )


def test_a_claim_paid_by_someone_else_meanwhile_is_said_not_paid_twice(desk, client_for):
    first = _claim(desk["first"], "approved", name="Ann Approved")
    second = _claim(desk["first"], "approved", name="Bob Approved")
    colleague = MembershipFactory(project=desk["first"], role=Role.FINANCE).user
    services.claim_mark_paid(claim=first, paid_by=colleague, paid_on=TODAY, reference="EARLIER")

    done = client_for(desk["user"]).post(
        _queue_url(desk["organisation"].pk), _pay_form([first, second], confirm=True), follow=True
    )

    page = _shown(done)
    assert "1 claim is marked paid with the reference BACS-0042." in page
    assert "Ann Approved: This claim has already been paid" in page
    assert Claim.objects.get(pk=first.pk).paid_reference == "EARLIER"
    assert Update.objects.filter(kind=CLAIM_PAID.code, person=first.person).count() == 1


def test_a_claim_sent_back_before_confirming_is_said_and_not_paid(desk, client_for):
    first = _claim(desk["first"], "approved", name="Ann Approved")
    second = _claim(desk["first"], "approved", name="Bob Approved")
    colleague = MembershipFactory(project=desk["first"], role=Role.FINANCE).user
    services.claim_return(claim=second, returned_by=colleague, reason="The bus fare is wrong")

    done = client_for(desk["user"]).post(
        _queue_url(desk["organisation"].pk), _pay_form([first, second], confirm=True), follow=True
    )

    page = _shown(done)
    assert "1 claim is marked paid with the reference BACS-0042." in page
    assert "1 claim you chose was not marked paid: no longer waiting to be paid." in page
    assert Claim.objects.get(pk=second.pk).status == "returned"


def test_a_claim_of_another_organisation_or_project_is_never_paid_from_the_queue(desk, client_for):
    elsewhere = _claim(desk["elsewhere"], "approved")
    not_theirs = _claim(desk["not_theirs"], "approved")

    response = client_for(desk["user"]).post(
        _queue_url(desk["organisation"].pk),
        _pay_form([elsewhere, not_theirs], confirm=True),
    )

    assert response.status_code == 400
    assert error_beside(response.content.decode(), "id_claims") == (
        "Select the claims to mark paid"
    )
    assert set(Claim.objects.values_list("status", flat=True)) == {"approved"}


def test_finance_cannot_mark_their_own_claim_paid_from_the_queue(desk, client_for):
    own_person = InvolvementFactory(project=desk["first"], person__user=desk["user"]).person
    own = _claim(desk["first"], "approved", person=own_person)

    page = client_for(desk["user"]).get(_queue_url(desk["organisation"].pk)).content.decode()
    done = client_for(desk["user"]).post(
        _queue_url(desk["organisation"].pk), _pay_form([own], confirm=True), follow=True
    )

    assert controls(page, "claims") == []
    assert "There are no approved claims for you to pay." in page
    assert "Someone else in finance marks these paid" in page
    assert "Your own claim." in page
    assert "You cannot mark your own claim paid" in _shown(done)
    assert Claim.objects.get(pk=own.pk).status == "approved"


def test_a_claim_finance_approved_is_not_offered_to_them_to_pay(desk, client_for):
    """Two people for money: the claim is listed for someone else in finance, not ticked
    by the one who approved it only to be told no."""
    approved = _claim(desk["first"], "approved", name="Ada Jones")
    approved.approved_by = desk["user"]
    approved.save()
    waiting = _claim(desk["first"], "approved", name="Ben Okafor")

    page = client_for(desk["user"]).get(_queue_url(desk["organisation"].pk)).content.decode()

    assert [control.value for control in controls(page, "claims")] == [str(waiting.pk)]
    assert "Someone else in finance marks these paid" in page
    assert "You approved it." in page


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"claims": []}, "id_claims", "Select the claims to mark paid"),
        ({"reference": ""}, "id_reference", "Enter the payment reference"),
        (
            {"paid_on-year": str(TODAY.year + 1)},
            "id_paid_on",
            "The date paid must be today or in the past",
        ),
        ({"paid_on-month": "13"}, "id_paid_on", "The date paid must be a real date"),
    ],
    ids=["no claims ticked", "no reference", "date in the future", "not a date"],
)
def test_bad_input_is_said_beside_the_field_and_the_ticks_stay(
    desk, client_for, change, field, message
):
    first = _claim(desk["first"], "approved")
    second = _claim(desk["second"], "approved")
    data = {**_pay_form([first, second]), **change}

    response = client_for(desk["user"]).post(_queue_url(desk["organisation"].pk), data)

    page = response.content.decode()
    assert response.status_code == 400
    assert error_beside(page, field) == message
    assert ticked(page, "claims") == set(data["claims"])
    assert set(Claim.objects.values_list("status", flat=True)) == {"approved"}


# The download -------------------------------------------------------------------------


def test_the_download_has_the_claims_to_pay_of_every_project_with_their_cost_codes(
    desk, client_for
):
    services.cost_code_set(project=desk["first"], cost_code="DS-01")
    services.cost_code_set(project=desk["second"], cost_code="YC-02")
    _claim(desk["first"], "approved", name="Ann Approved")
    _claim(desk["second"], "approved", name="Bob Approved")
    _claim(desk["second"], "submitted", name="Cal Sent")
    _claim(desk["elsewhere"], "approved", name="Gus Elsewhere")

    response = client_for(desk["user"]).get(
        _queue_url(desk["organisation"].pk, "download/") + "?step=pay&file_format=csv"
    )

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert response.status_code == 200
    assert sorted((row["Payee"], row["Project"], row["Cost code"]) for row in rows) == [
        ("Ann Approved", "Day services", "DS-01"),
        ("Bob Approved", "Young carers", "YC-02"),
    ]


# Queries --------------------------------------------------------------------------------


def _organisation_with_claims(projects: int, claims: int):
    """Finance in `projects` projects of one organisation, `claims` claims between them."""
    organisation = OrganisationFactory()
    finance = StaffMembershipFactory(organisation=organisation).user
    made = ProjectFactory.create_batch(projects, organisation=organisation)
    for project in made:
        MembershipFactory(project=project, user=finance, role=Role.FINANCE)
    people = [InvolvementFactory(project=project).person for project in made]
    statuses = ["draft", "submitted", "approved", "paid", "returned"]
    created = Claim.objects.bulk_create(
        [
            Claim(
                project=made[n % projects],
                person=people[n % projects],
                activity=f"Reading papers {n}",
                activity_on=datetime.date(2027, 1, 1) + datetime.timedelta(days=n % 300),
                status=statuses[(n // projects) % 5],
                submitted_at=timezone.now() - datetime.timedelta(days=n % 40),
                approved_at=timezone.now()
                if statuses[(n // projects) % 5] in ("approved", "paid")
                else None,
                pay_by=LONG_AGO if n % 7 == 0 else LATER,
                paid_on=datetime.date(2027, 2, 1)
                if statuses[(n // projects) % 5] == "paid"
                else None,
            )
            for n in range(claims)
        ],
        batch_size=1000,
    )
    ClaimLine.objects.bulk_create(
        [
            ClaimLine(claim=claim, kind="expense", category="public_transport", amount_pence=450)
            for claim in created
        ],
        batch_size=1000,
    )
    return organisation, finance


@pytest.mark.parametrize("query", ["", "?step=approve", "?page=2"])
def test_the_queue_does_the_same_queries_for_10_claims_and_5000_across_50_projects(
    client_for, query
):
    small_organisation, small_finance = _organisation_with_claims(2, 10)
    large_organisation, large_finance = _organisation_with_claims(50, 5000)

    small = _queries(client_for(small_finance), _queue_url(small_organisation.pk) + query)
    large = _queries(client_for(large_finance), _queue_url(large_organisation.pk) + query)

    print(f"finance queue{query}: {small} queries with 10 claims, {large} with 5,000 in 50")
    assert small == large


def test_the_downloads_do_the_same_queries_for_10_claims_and_5000(client_for):
    small_organisation, small_finance = _organisation_with_claims(2, 10)
    large_organisation, large_finance = _organisation_with_claims(50, 5000)
    small_project = small_finance.project_memberships.first().project_id
    large_project = large_finance.project_memberships.first().project_id
    period = "?start-day=1&start-month=1&start-year=2000&end-day=1&end-month=1&end-year=2099"

    counts = {
        what: (
            _queries(client_for(small_finance), small_path + query),
            _queries(client_for(large_finance), large_path + query),
        )
        for what, small_path, large_path, query in [
            (
                "queue",
                _queue_url(small_organisation.pk, "download/"),
                _queue_url(large_organisation.pk, "download/"),
                "?step=pay&file_format=csv",
            ),
            (
                "project",
                f"/projects/{small_project}/payments/export/",
                f"/projects/{large_project}/payments/export/",
                period + "&file_format=csv",
            ),
        ]
    }

    print(f"downloads (10 claims, 5,000): {counts}")
    assert all(small == large for small, large in counts.values())


def test_your_projects_and_the_finance_home_do_the_same_queries_small_and_large(client_for):
    _small_organisation, small_finance = _organisation_with_claims(2, 10)
    _large_organisation, large_finance = _organisation_with_claims(50, 5000)
    small_project = small_finance.project_memberships.first().project_id
    large_project = large_finance.project_memberships.first().project_id

    counts = {
        page: (
            _queries(client_for(small_finance), small_path),
            _queries(client_for(large_finance), large_path),
        )
        for page, small_path, large_path in [
            ("your projects", "/projects/", "/projects/"),
            ("home", f"/projects/{small_project}/", f"/projects/{large_project}/"),
            (
                "paying people",
                f"/projects/{small_project}/payments/",
                f"/projects/{large_project}/payments/",
            ),
        ]
    }

    print(f"finance pages (10 claims, 5,000): {counts}")
    assert all(small == large for small, large in counts.values())


# Ways in ----------------------------------------------------------------------------------


def test_your_projects_shows_finance_what_waits_with_a_link_to_the_queue(desk, client_for):
    _claim(desk["first"], "submitted")
    _claim(desk["second"], "submitted")
    _claim(desk["second"], "approved", pay_by=LONG_AGO)
    _claim(desk["elsewhere"], "approved")
    co_producer = MembershipFactory(project=desk["first"], role=Role.CO_PRODUCER).user

    page = client_for(desk["user"]).get("/projects/").content.decode()
    theirs = client_for(co_producer).get("/projects/").content.decode()

    assert "2 claims waiting for approval, 1 to pay, 1 late" in page
    assert f'href="{_queue_url(desk["organisation"].pk)}"' in page
    assert "claims-waiting" not in theirs


def test_finance_opens_a_project_on_its_waiting_claims(desk, client_for):
    _claim(desk["first"], "submitted", name="Ann Sent")
    _claim(desk["first"], "approved", name="Bob Approved", pay_by=LONG_AGO)
    _claim(desk["second"], "approved", name="Cal Other Project")
    project = desk["first"]

    home = _shown(client_for(desk["user"]).get(f"/projects/{project.pk}/"))
    paying = client_for(desk["user"]).get(f"/projects/{project.pk}/payments/")

    for page in (home, _shown(paying)):
        assert "1 claim waiting for approval, 1 to pay, 1 late" in page
        assert "Bob Approved" in page
        assert "Ann Sent" in page
        assert "Cal Other Project" not in page
    assert f'href="{_queue_url(desk["organisation"].pk)}"' in paying.content.decode()
    paying_text = _shown(paying)
    assert paying_text.index("Claims waiting for you") < paying_text.index("Your claims")


def test_other_roles_do_not_get_the_waiting_claims_on_their_home(desk, client_for):
    _claim(desk["first"], "submitted", name="Ann Sent")
    co_producer = MembershipFactory(project=desk["first"], role=Role.CO_PRODUCER).user

    home = _shown(client_for(co_producer).get(f"/projects/{desk['first'].pk}/"))

    assert "Ann Sent" not in home
    assert "waiting for approval" not in home
