"""Equality monitoring: apart from identity, reported only as totals with small numbers hidden."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coplan.people import monitoring, services
from coplan.people.models import MonitoringAim, MonitoringResponse
from coplan.projects.roles import Role

pytestmark = pytest.mark.django_db


@given(st.dictionaries(st.sampled_from("abcdef"), st.integers(0, 40)))
def test_suppression_never_leaves_one_small_number_to_be_worked_out(counts):
    hidden = monitoring.suppress(counts)

    shown_small = [
        a for a, n in counts.items() if 0 < n < monitoring.SMALL_NUMBER and not hidden[a]
    ]
    assert shown_small == []
    assert sum(hidden.values()) != 1 or all(n == 0 for a, n in counts.items() if not hidden[a])


def test_suppression_examples():
    assert monitoring.suppress({"yes": 12, "no": 3, "prefer_not": 0}) == {
        "yes": True,
        "no": True,
        "prefer_not": False,
    }
    assert monitoring.suppress({"yes": 12, "no": 30}) == {"yes": False, "no": False}
    assert monitoring.suppress({"a": 2, "b": 1, "c": 9}) == {"a": True, "b": True, "c": False}


def test_a_response_holds_no_link_to_a_person_and_no_date():
    fields = {field.name for field in MonitoringResponse._meta.get_fields()}

    assert fields == {"id", "project", "answers_token"}


def test_anyone_in_the_project_fills_in_the_form_anonymously(client_for, project, member_of):
    co_producer = member_of(Role.CO_PRODUCER)

    response = client_for(co_producer).post(
        f"/projects/{project.pk}/equality-monitoring/",
        {"age": "25_34", "disability": "yes", "carer": "prefer_not"},
        follow=True,
    )

    assert "saved, without your name" in response.content.decode()
    response_row = MonitoringResponse.objects.get()
    assert "yes" not in response_row.answers_token


def test_an_unknown_answer_is_refused_beside_the_question(client_for, project, lead):
    response = client_for(lead).post(
        f"/projects/{project.pk}/equality-monitoring/", {"age": "ancient"}
    )

    assert "Select an answer from the list" in response.content.decode()
    assert not MonitoringResponse.objects.exists()


def test_totals_are_hidden_until_enough_people_answer(client_for, project, lead):
    for _ in range(4):
        services.monitoring_response_add(project=project, answers={"disability": "yes"})

    page = (
        client_for(lead).get(f"/projects/{project.pk}/equality-monitoring/totals/").content.decode()
    )

    assert "4 people have filled in the form" in page
    assert "Totals are shown when at least 5 people" in page
    assert "Do you consider yourself to be disabled?" not in page


def test_totals_hide_small_numbers_and_compare_with_aims(client_for, project, lead):
    for answer in ["yes"] * 7 + ["no"] * 2 + ["prefer_not"] * 6:
        services.monitoring_response_add(project=project, answers={"carer": answer})
    MonitoringAim.objects.create(project=project, question="carer", answer="yes", aim=10)

    page = (
        client_for(lead).get(f"/projects/{project.pk}/equality-monitoring/totals/").content.decode()
    )

    assert "15 people have filled in the form" in page
    # "no" (2) is hidden, and so is "prefer not" (6), so the 2 cannot be worked out
    assert page.count("Fewer than 5") == 2
    assert 'numeric">7</td>' in page
    assert "3 short" in page


def test_lead_sets_and_removes_an_aim(client_for, project, lead):
    client = client_for(lead)

    bad = client.post(
        f"/projects/{project.pk}/equality-monitoring/aims/", {"answer": "carer=yes", "aim": "0"}
    )
    client.post(
        f"/projects/{project.pk}/equality-monitoring/aims/", {"answer": "carer=yes", "aim": "8"}
    )
    client.post(
        f"/projects/{project.pk}/equality-monitoring/aims/", {"answer": "carer=yes", "aim": "9"}
    )
    aim = MonitoringAim.objects.get()
    client.post(f"/projects/{project.pk}/equality-monitoring/aims/{aim.pk}/remove/")

    assert "How many people must be 1 or more" in bad.content.decode()
    assert aim.aim == 9
    assert not MonitoringAim.objects.exists()


def test_manager_sees_totals_but_facilitator_does_not(client_for, project, member_of):
    manager = client_for(member_of(Role.MANAGER))
    facilitator = client_for(member_of(Role.FACILITATOR))

    assert manager.get(f"/projects/{project.pk}/equality-monitoring/totals/").status_code == 200
    assert facilitator.get(f"/projects/{project.pk}/equality-monitoring/totals/").status_code == 403
