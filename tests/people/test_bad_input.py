"""Whatever is typed or uploaded, the person gets a page back, never a server error."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coplan.people.importing import check_participant_file
from coplan.people.models import Person, StakeholderGroup
from tests.factories import InvolvementFactory, MembershipFactory

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "",
            " ",
            "<script>alert(1)</script>",
            "\u202egnp.exe",
            "Zoë 👩🏽‍🦽 مرحبا",
            "a" * 3000,
            "\x00",
            "1e9",
            "-1",
        ]
    ),
)
HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def lead_membership():
    return MembershipFactory(role="lead")


def _ok(response):
    assert response.status_code in {400, 302}
    if response.status_code == 400:
        assert "There is a problem" in response.content.decode()


@HYPOTHESIS
@given(name=NASTY, category=NASTY, influence=NASTY, aim=NASTY, helpers=st.lists(NASTY, max_size=3))
def test_stakeholder_form_never_fails(
    client_for, lead_membership, name, category, influence, aim, helpers
):
    project_id = lead_membership.project_id
    before = StakeholderGroup.objects.count()

    response = client_for(lead_membership.user).post(
        f"/projects/{project_id}/stakeholders/add/",
        {
            "name": name,
            "category": category,
            "influence": influence,
            "interest": "3",
            "representation_aim": aim,
            "helpers": helpers,
        },
    )

    _ok(response)
    if response.status_code == 400:
        assert StakeholderGroup.objects.count() == before


@HYPOTHESIS
@given(full_name=NASTY, email=NASTY, phone=NASTY, role=NASTY, group=NASTY)
def test_add_participant_form_never_fails(
    client_for, lead_membership, full_name, email, phone, role, group
):
    before = Person.objects.count()

    response = client_for(lead_membership.user).post(
        f"/projects/{lead_membership.project_id}/participants/add/",
        {"full_name": full_name, "email": email, "phone": phone, "role": role, "group": group},
    )

    _ok(response)
    if response.status_code == 400:
        assert Person.objects.count() == before


@HYPOTHESIS
@given(
    mobility=st.lists(NASTY, max_size=3),
    notes=NASTY,
    days=NASTY,
    contact_by=NASTY,
    formats=st.lists(NASTY, max_size=2),
    address=NASTY,
)
def test_needs_and_details_forms_never_fail(
    client_for, lead_membership, mobility, notes, days, contact_by, formats, address
):
    person = InvolvementFactory(project=lead_membership.project).person
    client = client_for(lead_membership.user)
    base = f"/projects/{lead_membership.project_id}/participants/{person.pk}"

    needs = client.post(
        f"{base}/access-needs/",
        {"mobility": mobility, "support_notes": notes, "reminder_days_before": days},
    )
    details = client.post(
        f"{base}/details/",
        {
            "full_name": notes,
            "email": notes,
            "contact_by": contact_by,
            "formats": formats,
            "address": address,
        },
    )

    _ok(needs)
    _ok(details)


@HYPOTHESIS
@given(parts=st.lists(NASTY, min_size=6, max_size=6), purpose=NASTY, told=NASTY)
def test_consent_form_never_fails(client_for, lead_membership, parts, purpose, told):
    person = InvolvementFactory(project=lead_membership.project).person
    keys = [
        "given_on-day",
        "given_on-month",
        "given_on-year",
        "review_on-day",
        "review_on-month",
        "review_on-year",
    ]

    response = client_for(lead_membership.user).post(
        f"/projects/{lead_membership.project_id}/participants/{person.pk}/consents/add/",
        {
            "purpose": purpose,
            "given": "yes",
            "method": "paper",
            "told": told,
            **dict(zip(keys, parts, strict=True)),
        },
    )

    _ok(response)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400), st.text(max_size=400).map(lambda t: ("Name,Email\n" + t).encode())
    )
)
def test_reading_any_file_never_raises(content):
    check = check_participant_file(content, group_names=["Carers"])

    assert check.ok or check.file_problem or check.problems or not check.rows


@HYPOTHESIS
@given(content=st.binary(max_size=300), name=NASTY)
def test_uploading_any_file_never_fails(client_for, lead_membership, content, name):
    client = client_for(lead_membership.user)

    response = client.post(
        f"/projects/{lead_membership.project_id}/participants/import/",
        {"file": SimpleUploadedFile((name or "x")[:100] + ".csv", content)},
    )
    if response.status_code == 302:
        preview = client.get(response["Location"])
        assert preview.status_code == 200
        confirm = client.post(response["Location"])
        assert confirm.status_code in {302, 400}
    else:
        _ok(response)


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("stakeholders/add/", {"helpers": ["nobody"], "representation_aim": "x"}),
        ("participants/add/", {"email": "bad"}),
        ("participants/{person}/details/", {"contact_by": "post", "formats": ["other_language"]}),
        (
            "participants/{person}/access-needs/",
            {"mobility": ["flying"], "reminder_days_before": "x"},
        ),
        ("participants/{person}/role/", {}),
        ("participants/{person}/consents/add/", {"review_on-day": "40"}),
        ("your-details/consent/", {}),
        ("equality-monitoring/", {"age": "old"}),
        ("equality-monitoring/aims/", {}),
    ],
)
def test_every_error_summary_link_goes_to_its_field(client_for, lead_membership, path, data):
    person = InvolvementFactory(project=lead_membership.project).person
    url = f"/projects/{lead_membership.project_id}/" + path.format(person=person.pk)

    page = client_for(lead_membership.user).post(url, data).content.decode()

    targets = [t for t in re.findall(r'href="#([^"]+)"', page) if t != "main-content"]
    assert targets
    for target in targets:
        assert f'id="{target}"' in page, target
