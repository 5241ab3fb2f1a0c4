"""Actions to done (overdue ones on the project overview), shared definitions allowed
by the wording check in their own project only, and what can and cannot change."""

import datetime
import re

import pytest
from django.utils import timezone

from coplan.projects.roles import Role
from coplan.working_together.models import (
    Action,
    ActionStatus,
    CarParkStatus,
    DecisionArea,
    SharedDefinition,
)
from tests.factories import (
    ActionFactory,
    CarParkItemFactory,
    MembershipFactory,
    SessionRecordFactory,
    SharedDefinitionFactory,
)
from tests.working_together.pages import date_fields, field_error, words

pytestmark = pytest.mark.django_db


def _days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_overdue_actions_show_on_the_project_overview(client_for, group):
    project = group[Role.LEAD].project
    ActionFactory(project=project, due_on=_days(-1))
    ActionFactory(project=project, due_on=_days(-3))
    ActionFactory(project=project, due_on=_days(-3), status=ActionStatus.DONE)
    ActionFactory(project=project, due_on=_days(2))

    page = words(client_for(group[Role.LEAD].user).get(f"/projects/{project.pk}/"))

    assert "Needs attention 2 actions are overdue" in page


def test_car_park_items_late_to_be_followed_up_show_on_the_project_overview(client_for, group):
    project = group[Role.LEAD].project
    CarParkItemFactory(project=project, due_on=_days(-2), status=CarParkStatus.FOLLOWING_UP)
    CarParkItemFactory(project=project, due_on=_days(-5), status=CarParkStatus.ANSWERED)
    CarParkItemFactory(project=project, due_on=_days(1))
    CarParkItemFactory(project=project, due_on=None)

    response = client_for(group[Role.LEAD].user).get(f"/projects/{project.pk}/")

    assert "1 car park item is late to be followed up" in words(response)
    assert f'href="/projects/{project.pk}/working-together/car-park/"' in response.content.decode()


def test_no_overdue_actions_means_nothing_on_the_overview(client_for, group):
    project = group[Role.LEAD].project
    ActionFactory(project=project, due_on=_days(0))
    CarParkItemFactory(project=project, due_on=_days(0))

    page = words(client_for(group[Role.LEAD].user).get(f"/projects/{project.pk}/"))

    assert "overdue" not in page
    assert "late to be followed up" not in page


def test_action_from_a_session_with_owner_and_date_then_done(as_role, base, group):
    session = SessionRecordFactory(project=group[Role.LEAD].project, title="Workshop 1")
    fran = as_role(Role.FACILITATOR)

    fran.post(
        base + f"actions/add/?session={session.pk}",
        {
            "what": "Send the notes in large print",
            "owner": str(group[Role.CO_PRODUCER].pk),
            "session": str(session.pk),
            **date_fields("due_on", _days(7)),
        },
    )
    action = Action.objects.get()
    assert (action.session, action.owner, action.status) == (
        session,
        group[Role.CO_PRODUCER],
        ActionStatus.TO_DO,
    )
    someone_else = as_role(Role.MANAGER).post(base + f"actions/{action.pk}/done/")
    owner = as_role(Role.CO_PRODUCER).post(base + f"actions/{action.pk}/done/")

    action.refresh_from_db()
    assert (someone_else.status_code, owner.status_code) == (403, 302)
    assert (action.status, action.done_on) == (ActionStatus.DONE, timezone.localdate())
    assert "Send the notes in large print" in words(
        as_role(Role.CO_PRODUCER).get(base + f"sessions/{session.pk}/minutes/")
    )


def test_action_not_from_a_session(as_role, base, group):
    as_role(Role.LEAD).post(
        base + "actions/add/",
        {
            "what": "Book the room",
            "owner": str(group[Role.LEAD].pk),
            "session": "",
            **date_fields("due_on", _days(3)),
        },
    )

    assert Action.objects.get().session is None
    assert "From Not from a session" in words(as_role(Role.LEAD).get(base + "actions/"))


def test_action_owner_from_another_project_is_refused(as_role, base):
    stranger = MembershipFactory(role=Role.LEAD)

    response = as_role(Role.LEAD).post(
        base + "actions/add/",
        {"what": "X", "owner": str(stranger.pk), **date_fields("due_on", _days(3))},
    )

    assert response.status_code == 400
    assert field_error(response, "id_owner") == "Select who will do it"
    assert not Action.objects.exists()


def _live_check(client, base, text):
    return client.post(
        base + "check-wording/",
        {"field_name": "text", "field_id": "id_text", "text": text, "mode": "plain"},
    )


def test_defined_words_are_never_flagged_in_their_project_but_are_in_another(
    as_role, base, group, client_for
):
    SharedDefinitionFactory(project=group[Role.LEAD].project, word="stakeholder")
    other = MembershipFactory(role=Role.CO_PRODUCER)
    text = "Every stakeholder is welcome."

    here = words(_live_check(as_role(Role.CO_PRODUCER), base, text))
    elsewhere = words(
        _live_check(client_for(other.user), f"/projects/{other.project_id}/working-together/", text)
    )

    assert "No suggestions about the wording" in here
    assert "stakeholder" in elsewhere
    assert "1 suggestion about the wording" in elsewhere


def test_invitation_page_checks_wording_with_the_projects_definitions(as_role, base, group):
    page = as_role(Role.LEAD).get(f"/projects/{group[Role.LEAD].project_id}/people/invite/")

    assert f'hx-post="{base}check-wording/"' in page.content.decode()


def test_definitions_offer_to_start_with_co_production(as_role, base, group):
    fran = as_role(Role.FACILITATOR)

    offer = words(fran.get(base + "shared-definitions/"))
    form = fran.get(base + "shared-definitions/add/?word=co-production")
    fran.post(
        base + "shared-definitions/add/",
        {"word": "co-production", "meaning": "Working together as equals, from the start."},
    )

    assert "Start with ‘co-production’" in offer
    assert 'value="co-production"' in form.content.decode()
    assert "Start with" not in words(fran.get(base + "shared-definitions/"))
    session = SessionRecordFactory(project=group[Role.LEAD].project)
    glossary = words(as_role(Role.CO_PRODUCER).get(base + f"sessions/{session.pk}/"))
    assert "co-production Working together as equals, from the start." in glossary


def test_the_same_word_twice_is_refused_beside_the_field(as_role, base, group):
    SharedDefinitionFactory(project=group[Role.LEAD].project, word="Co-production")

    response = as_role(Role.FACILITATOR).post(
        base + "shared-definitions/add/", {"word": "co-production", "meaning": "Again"}
    )

    assert response.status_code == 400
    assert field_error(response, "id_word") == (
        "‘co-production’ already has a shared definition in this project: change that one"
    )
    assert SharedDefinition.objects.count() == 1


def test_co_producer_reads_definitions_but_does_not_change_them(as_role, base):
    response = as_role(Role.CO_PRODUCER).post(
        base + "shared-definitions/add/", {"word": "x", "meaning": "y"}
    )

    assert response.status_code == 403


def test_what_can_and_cannot_change_is_shown_to_every_member(as_role, base):
    as_role(Role.MANAGER).post(
        base + "what-can-change/add/",
        {
            "area": "The new day centre",
            "open_to_influence": "What it offers and when it opens each day.",
            "fixed": "The building.",
            "why_fixed": "The council bought it last year.",
        },
    )

    page = words(as_role(Role.CO_PRODUCER).get(base + "what-can-change/"))
    assert DecisionArea.objects.count() == 1
    assert (
        "The new day centre What the group can change What it offers and when it opens each day. "
        "What cannot change The building. Why it cannot change The council bought it last year."
    ) in page


def test_what_cannot_change_needs_a_reason(as_role, base):
    response = as_role(Role.LEAD).post(
        base + "what-can-change/add/",
        {"area": "Money", "open_to_influence": "How it is spent", "fixed": "The total"},
    )

    assert response.status_code == 400
    assert field_error(response, "id_why_fixed") == "Enter why it cannot change"


def test_mark_as_done_button_reads_as_words_with_the_action_hidden_for_screen_readers(
    as_role, base, group
):
    ActionFactory(project=group[Role.LEAD].project, what="Book the room & <café>")

    response = as_role(Role.LEAD).get(base + "actions/")

    buttons = re.findall(r"<button[^>]*>(.*?)</button>", response.content.decode(), re.S)
    done = [button for button in buttons if "Mark as done" in button]
    assert len(done) == 1
    assert re.sub(r"\s+", " ", done[0]).strip() == (
        'Mark as done<span class="govuk-visually-hidden">: Book the room &amp; &lt;café&gt;</span>'
    )
    assert "<span" not in words(response)
