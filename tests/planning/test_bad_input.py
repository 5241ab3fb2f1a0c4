"""Whatever is typed into the planning forms, the person gets a page back (saved, or
with a message beside the field), never a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coplan.planning.models import Barrier, BudgetLine, Milestone, SignOff
from coplan.projects.roles import Role
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            " ",
            "<script>alert(1)</script>",
            "\u202egnp.exe",
            "Zoë 👩🏽‍🦽 Ōtautahi مرحبا",
            "a" * 5000,
            "\x00",
            "line\r\nbreak",
            "-12.50",
            "1e308",
            "NaN",
            "١٢٣",
            "outside",
        ]
    ),
)
DATE_PART = st.one_of(st.text(max_size=6), st.integers(-10, 10000).map(str))
HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def lead_membership(db):
    return MembershipFactory(role=Role.LEAD)


def _date(prefix, parts):
    return {f"{prefix}-day": parts[0], f"{prefix}-month": parts[1], f"{prefix}-year": parts[2]}


def _answered(response) -> None:
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        page = response.content.decode()
        assert "There is a problem" in page
        assert "<script>alert(1)</script>" not in page


@HYPOTHESIS
@given(
    what=NASTY,
    signer=NASTY,
    outside=NASTY,
    note=NASTY,
    parts=st.lists(DATE_PART, min_size=3, max_size=3),
)
def test_sign_off_form_never_fails(client_for, lead_membership, what, signer, outside, note, parts):
    project = lead_membership.project
    response = client_for(lead_membership.user).post(
        f"/projects/{project.pk}/sign-offs/add/",
        {
            "what": what,
            "signer": signer,
            "signer_outside": outside,
            "note": note,
            **_date("due_on", parts),
        },
    )

    _answered(response)
    assert SignOff.objects.filter(project=project).count() == (response.status_code == 302)


@HYPOTHESIS
@given(
    title=NASTY,
    details=NASTY,
    meeting=NASTY,
    due=st.lists(DATE_PART, min_size=3, max_size=3),
    invitations=st.lists(DATE_PART, min_size=3, max_size=3),
)
def test_milestone_form_never_fails(
    client_for, lead_membership, title, details, meeting, due, invitations
):
    project = lead_membership.project
    before = Milestone.objects.filter(project=project).count()
    response = client_for(lead_membership.user).post(
        f"/projects/{project.pk}/timeline/add/",
        {
            "title": title,
            "details": details,
            "is_meeting": meeting,
            **_date("due_on", due),
            **_date("invitations_on", invitations),
        },
    )

    _answered(response)
    assert Milestone.objects.filter(project=project).count() == before + (
        response.status_code == 302
    )


@HYPOTHESIS
@given(held=NASTY, source=NASTY, category=NASTY, description=NASTY, planned=NASTY)
def test_budget_forms_never_fail(
    client_for, lead_membership, held, source, category, description, planned
):
    project = lead_membership.project
    client = client_for(lead_membership.user)
    before = BudgetLine.objects.filter(project=project).count()

    _answered(
        client.post(f"/projects/{project.pk}/budget/money/", {"held": held, "money_source": source})
    )
    response = client.post(
        f"/projects/{project.pk}/budget/spending/add/",
        {"category": category, "description": description, "planned": planned},
    )

    _answered(response)
    assert BudgetLine.objects.filter(project=project).count() == before + (
        response.status_code == 302
    )


@HYPOTHESIS
@given(what=NASTY, how=NASTY, owner=NASTY, status=NASTY)
def test_barrier_form_never_fails(client_for, lead_membership, what, how, owner, status):
    project = lead_membership.project
    before = Barrier.objects.filter(project=project).count()
    response = client_for(lead_membership.user).post(
        f"/projects/{project.pk}/barriers/add/",
        {"what": what, "how_lifted": how, "owner": owner, "status": status},
    )

    _answered(response)
    assert Barrier.objects.filter(project=project).count() == before + (response.status_code == 302)


def test_valid_odd_unicode_is_kept_as_typed(client_for, lead_membership):
    project = lead_membership.project
    client_for(lead_membership.user).post(
        f"/projects/{project.pk}/barriers/add/",
        {
            "what": "Zoë 👩🏽‍🦽 needs step-free access <b>now</b>",
            "how_lifted": "Ground-floor room",
            "owner": str(lead_membership.pk),
            "status": "not_started",
        },
    )

    assert Barrier.objects.get().what == "Zoë 👩🏽‍🦽 needs step-free access <b>now</b>"


def test_hidden_characters_are_refused_beside_the_field(client_for, lead_membership):
    project = lead_membership.project
    response = client_for(lead_membership.user).post(
        f"/projects/{project.pk}/timeline/add/",
        {
            "title": "Workshop\x07",
            "due_on-day": "1",
            "due_on-month": "3",
            "due_on-year": "2027",
            "is_meeting": "no",
        },
    )

    assert "What happens must not contain hidden or control characters" in response.content.decode()
