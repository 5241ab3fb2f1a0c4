"""Group agreements: written by the group, every version kept, revisited each session."""

import pytest

from coplan.projects.roles import Role
from coplan.working_together import services
from coplan.working_together.models import (
    Agreement,
    AgreementChange,
    AgreementRevisit,
    AgreementVersion,
    RevisitOutcome,
)
from coplan.working_together.prompts import AGREEMENT_PROMPTS
from tests.factories import AgreementFactory, SessionRecordFactory
from tests.working_together.pages import field_error, textarea_value, words

pytestmark = pytest.mark.django_db


def test_agreement_change_keeps_every_earlier_version_with_who_and_when(group):
    project, lead, cara = group[Role.LEAD].project, group[Role.LEAD].user, group[Role.CO_PRODUCER]
    agreement = services.agreement_write(project=project, text="We respect each other", by=lead)

    services.agreement_change(
        agreement=agreement, text="We treat each other with respect", by=cara.user
    )
    services.agreement_remove(agreement=agreement, by=lead)

    versions = list(AgreementVersion.objects.filter(agreement=agreement).order_by("number"))
    assert [(v.number, v.text, v.change, v.changed_by) for v in versions] == [
        (1, "We respect each other", AgreementChange.WRITTEN, lead),
        (2, "We treat each other with respect", AgreementChange.CHANGED, cara.user),
        (3, "We treat each other with respect", AgreementChange.REMOVED, lead),
    ]
    assert all(v.changed_at is not None for v in versions)
    assert Agreement.objects.get(pk=agreement.pk).removed_at is not None


def test_agreement_change_to_the_same_words_adds_no_version(group):
    agreement = services.agreement_write(
        project=group[Role.LEAD].project, text="We take turns", by=group[Role.LEAD].user
    )

    services.agreement_change(agreement=agreement, text="We take turns", by=group[Role.LEAD].user)

    assert agreement.versions.count() == 1


def test_agreement_taken_out_cannot_be_changed(group):
    lead = group[Role.LEAD].user
    agreement = services.agreement_write(project=group[Role.LEAD].project, text="A", by=lead)
    services.agreement_remove(agreement=agreement, by=lead)

    with pytest.raises(services.WorkingTogetherError):
        services.agreement_change(agreement=agreement, text="B", by=lead)


def test_co_producer_writes_and_changes_an_agreement_through_the_pages(as_role, base, group):
    client = as_role(Role.CO_PRODUCER)

    client.post(base + "agreements/add/", {"text": "Everyone gets a turn to speak"})
    agreement = Agreement.objects.get(project=group[Role.LEAD].project)
    client.post(
        base + f"agreements/{agreement.pk}/change/", {"text": "Everyone gets a turn, and is heard"}
    )

    page = words(client.get(base + "agreements/history/"))
    assert "Written: Everyone gets a turn to speak Cara Co-producer" in page
    assert "Changed: Everyone gets a turn, and is heard Cara Co-producer" in page
    assert "Everyone gets a turn, and is heard" in words(client.get(base + "agreements/"))


def test_agreement_changed_at_a_session_remembers_the_session(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project, title="Workshop 2")
    client = as_role(Role.FACILITATOR)

    response = client.post(
        base + f"agreements/add/?session={session.pk}", {"text": "We say how we feel"}
    )

    assert response.headers["Location"] == base + f"sessions/{session.pk}/"
    assert AgreementVersion.objects.get().session == session
    assert "at ‘Workshop 2’" in words(client.get(base + "agreements/history/"))


def test_revisit_records_that_the_group_is_still_happy(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)
    services.agreement_write(project=session.project, text="We listen", by=group[Role.LEAD].user)

    as_role(Role.FACILITATOR).post(
        base + f"sessions/{session.pk}/agreements-revisited/", {"outcome": "still_happy"}
    )

    revisit = AgreementRevisit.objects.get(session=session)
    assert (revisit.outcome, revisit.recorded_by) == (
        RevisitOutcome.STILL_HAPPY,
        group[Role.FACILITATOR].user,
    )
    page = words(as_role(Role.CO_PRODUCER).get(base + f"sessions/{session.pk}/"))
    assert "The group is still happy with the agreements." in page


def test_revisit_records_what_changed_and_needs_it(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)
    AgreementFactory(project=session.project)
    client = as_role(Role.FACILITATOR)
    url = base + f"sessions/{session.pk}/agreements-revisited/"

    missing = client.post(url, {"outcome": "changed", "what_changed": "  "})
    client.post(url, {"outcome": "changed", "what_changed": "We added: phones on silent"})

    assert missing.status_code == 400
    assert field_error(missing, "id_what_changed") == "Enter what changed"
    assert AgreementRevisit.objects.get(session=session).what_changed == (
        "We added: phones on silent"
    )
    minutes = words(client.get(base + f"sessions/{session.pk}/minutes/"))
    assert "The group changed the agreements. What changed: We added: phones on silent" in minutes


def test_co_producer_cannot_record_the_revisit(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project)

    response = as_role(Role.CO_PRODUCER).post(
        base + f"sessions/{session.pk}/agreements-revisited/", {"outcome": "still_happy"}
    )

    assert response.status_code == 403
    assert not AgreementRevisit.objects.exists()


def test_prompts_are_offered_only_when_asked_and_never_pre_filled(as_role, base):
    client = as_role(Role.FACILITATOR)

    add_page = client.get(base + "agreements/add/")
    ideas_page = words(client.get(base + "agreements/ideas/"))

    first_topic, first_question = AGREEMENT_PROMPTS[0]
    assert first_question not in words(add_page)
    assert textarea_value(add_page, "id_text") == ""
    assert "see some questions to get the group talking" in words(add_page)
    assert f"{first_topic} {first_question}" in ideas_page
    assert not Agreement.objects.exists()


def test_agreement_take_out_page_asks_to_take_it_out_not_remove_it(as_role, base, group):
    lead = group[Role.LEAD].user
    agreement = services.agreement_write(
        project=group[Role.LEAD].project, text="We listen", by=lead
    )

    page = words(as_role(Role.FACILITATOR).get(base + f"agreements/{agreement.pk}/take-out/"))

    assert "Take out this agreement? We listen Yes, take it out No, keep it" in page
    assert "Yes, remove it" not in page
