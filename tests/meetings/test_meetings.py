"""Planning a meeting, its papers, paperwork, people invited and catering, through the pages."""

import datetime

import pytest
from django.urls import reverse

from coplan.meetings.models import (
    InvitedPerson,
    Meeting,
    MeetingsPolicy,
    Paper,
    PaperworkItem,
    PaperworkStatus,
    Reply,
)
from coplan.people.models import AuditEntry
from coplan.projects.roles import Role
from tests.factories import (
    InvolvementFactory,
    MeetingFactory,
    MembershipFactory,
    PaperFactory,
    StaffMembershipFactory,
)
from tests.meetings.conftest import give_needs, needs

pytestmark = pytest.mark.django_db


def meeting_post(**fields) -> dict:
    data = {
        "title": "First workshop",
        "purpose": "What matters to you about day services",
        "format": "in_person",
        "meets_on-day": "1",
        "meets_on-month": "3",
        "meets_on-year": "2027",
        "starts_at": "10am",
        "ends_at": "1pm",
        "invitations_on-day": "20",
        "invitations_on-month": "1",
        "invitations_on-year": "2027",
        "venue": "",
        "facilitator": "",
        "food": "not_decided",
        "risk_assessment": "to_do",
    }
    data.update(fields)
    return data


def _url(meeting, page: str = "") -> str:
    return f"/projects/{meeting.project_id}/meetings/{meeting.pk}/{page}"


def test_meeting_add_saves_the_plan_and_its_paperwork_checklist(
    client_for, lead, project, venue, fixed_today
):
    response = client_for(lead).post(
        f"/projects/{project.pk}/meetings/add/",
        meeting_post(venue=str(venue.pk), arrangements=["bsl_interpreter", "captions"]),
    )

    added = Meeting.objects.get(project=project)
    assert response.status_code == 302
    assert response["Location"] == _url(added)
    assert (added.starts_at, added.length_minutes, added.venue, added.arrangements) == (
        datetime.time(10, 0),
        180,
        venue,
        ["bsl_interpreter", "captions"],
    )
    assert PaperworkItem.objects.filter(meeting=added, status="to_do").count() == 8


def test_meeting_add_across_the_clocks_going_back_stores_the_time_that_passes(
    client_for, lead, project
):
    client_for(lead).post(
        f"/projects/{project.pk}/meetings/add/",
        meeting_post(
            **{"meets_on-day": "25", "meets_on-month": "10", "meets_on-year": "2026"},
            starts_at="00:30",
            ends_at="2:30am",
            **{"invitations_on-day": "1", "invitations_on-month": "9"},
            **{"invitations_on-year": "2026"},
        ),
    )

    assert Meeting.objects.get(project=project).length_minutes == 180


def test_meeting_page_shows_the_ready_list_and_when(client_for, lead, meeting, fixed_today):
    response = client_for(lead).get(_url(meeting))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Monday 1 March 2027, 10am to 1pm (3 hours)" in page
    assert "Not ready: " in page
    assert "Choose a venue from the library." in page
    assert "Nobody is invited yet." in page


def test_meeting_page_warns_when_notice_is_short(client_for, lead, meeting, fixed_today):
    meeting.invitations_on = datetime.date(2027, 2, 20)
    meeting.save()

    page = client_for(lead).get(_url(meeting)).content.decode()

    assert "give only 9 days&#39; notice" in page


def test_organisation_notice_of_6_weeks_applies_to_its_meetings(
    client_for, lead, meeting, fixed_today
):
    MeetingsPolicy.objects.create(organisation=meeting.project.organisation, notice_days=42)
    meeting.invitations_on = datetime.date(2027, 1, 25)  # 35 days before
    meeting.save()

    page = client_for(lead).get(_url(meeting)).content.decode()

    assert "People need at least 6 weeks&#39; notice." in page


@pytest.mark.parametrize("role", [Role.LEAD, Role.FACILITATOR])
def test_needs_not_met_show_names_to_roles_who_may_see_needs(
    client_for, meeting, invite, role, fixed_today
):
    invite(meeting, needs(communication=["hearing_loop"]), full_name="Ada Jones")
    viewer = MembershipFactory(project=meeting.project, role=role).user

    page = client_for(viewer).get(_url(meeting)).content.decode()

    assert "A hearing loop" in page
    assert "Ada Jones" in page


@pytest.mark.parametrize("role", [Role.MANAGER, Role.FINANCE])
def test_needs_not_met_show_only_counts_to_other_staff(
    client_for, meeting, invite, role, fixed_today
):
    invite(meeting, needs(communication=["hearing_loop"]), full_name="Ada Jones")
    invite(meeting, needs(communication=["hearing_loop"]), full_name="Bo Smith")
    viewer = MembershipFactory(project=meeting.project, role=role).user

    page = client_for(viewer).get(_url(meeting)).content.decode()

    assert "A hearing loop" in page
    assert "2 people" in page
    assert "Ada Jones" not in page
    assert "Bo Smith" not in page
    assert not AuditEntry.objects.filter(action="viewed_needs").exists()


def test_meeting_page_names_are_written_in_the_audit_log(client_for, lead, meeting, invite):
    shown = invite(meeting, needs(mobility=["step_free"])).person
    invite(meeting, needs(mobility=["step_free"]), reply=Reply.NOT_COMING)
    invite(meeting)  # no needs

    admin = StaffMembershipFactory(organisation=meeting.project.organisation, is_admin=True).user

    client_for(lead).get(_url(meeting))
    log = client_for(admin).get(
        f"/organisations/{meeting.project.organisation_id}/access-needs-log/"
    )

    entries = list(AuditEntry.objects.filter(action="viewed_needs"))
    assert [(e.person_id, e.actor_id, e.project_id) for e in entries] == [
        (shown.pk, lead.pk, meeting.project_id)
    ]
    assert "Meeting: First workshop, whose needs are not met" in log.content.decode()


def test_meeting_edit_keeps_the_finish_time(client_for, lead, meeting):
    page = client_for(lead).get(_url(meeting, "change/")).content.decode()

    assert 'value="1pm"' in page
    assert 'value="10am"' in page


def test_paperwork_saved_as_ready_or_not_needed(client_for, lead, meeting):
    data = dict.fromkeys(
        [
            "payment_policy",
            "claim_forms",
            "media_consent",
            "data_consent",
            "feedback_forms",
            "agenda",
            "previous_minutes",
        ],
        "ready",
    )
    data["documents"] = "not_needed"
    data["claim_forms_note"] = "Jo in finance brings them"

    response = client_for(lead).post(_url(meeting, "paperwork/"), data)

    assert response.status_code == 302
    statuses = dict(PaperworkItem.objects.filter(meeting=meeting).values_list("kind", "status"))
    assert statuses["documents"] == PaperworkStatus.NOT_NEEDED
    assert set(statuses.values()) == {"ready", "not_needed"}
    assert PaperworkItem.objects.get(meeting=meeting, kind="claim_forms").note == (
        "Jo in finance brings them"
    )


def test_paper_add_and_the_formats_people_asked_for(client_for, lead, meeting, invite, fixed_today):
    invite(meeting, formats=["easy_read"])
    client = client_for(lead)

    response = client.post(
        _url(meeting, "papers/add/"),
        {
            "title": "Agenda",
            "send_by-day": "15",
            "send_by-month": "2",
            "send_by-year": "2027",
            "formats": ["standard"],
        },
    )
    page = client.get(_url(meeting)).content.decode()

    assert response.status_code == 302
    assert Paper.objects.get(meeting=meeting).formats == ["standard"]
    assert "Still needed in: Easy Read (asked for by 1)" in page


def test_paper_remove_asks_first_then_removes(client_for, lead, meeting):
    paper = PaperFactory(meeting=meeting)
    client = client_for(lead)

    asked = client.get(_url(meeting, f"papers/{paper.pk}/remove/"))
    removed = client.post(_url(meeting, f"papers/{paper.pk}/remove/"))

    assert (asked.status_code, removed.status_code) == (200, 302)
    assert not Paper.objects.filter(pk=paper.pk).exists()


def test_paper_remove_page_names_the_meeting_above_its_heading(client_for, lead, meeting):
    paper = PaperFactory(meeting=meeting, title="Agenda")

    page = client_for(lead).get(_url(meeting, f"papers/{paper.pk}/remove/")).content.decode()

    assert '<span class="govuk-caption-l">First workshop</span>' in page
    assert "Remove ‘Agenda’?" in page


def test_invite_everyone_in_the_project_not_invited_yet(client_for, lead, meeting):
    people = [InvolvementFactory(project=meeting.project).person for _ in range(3)]
    InvolvementFactory()  # someone in another project

    response = client_for(lead).post(_url(meeting, "invited/add/"), {"who": "everyone"})

    assert response.status_code == 302
    invited = set(InvitedPerson.objects.filter(meeting=meeting).values_list("person", flat=True))
    assert invited == {person.pk for person in people}


def test_invite_only_some_people(client_for, lead, meeting):
    chosen, _not_chosen = (InvolvementFactory(project=meeting.project).person for _ in range(2))

    client_for(lead).post(
        _url(meeting, "invited/add/"), {"who": "some", "people": [str(chosen.pk)]}
    )

    assert list(InvitedPerson.objects.filter(meeting=meeting).values_list("person", flat=True)) == [
        chosen.pk
    ]


def test_invite_someone_from_another_project_is_refused(client_for, lead, meeting):
    elsewhere = InvolvementFactory().person

    response = client_for(lead).post(
        _url(meeting, "invited/add/"), {"who": "some", "people": [str(elsewhere.pk)]}
    )

    assert response.status_code == 400
    assert "Choose people from the list" in response.content.decode()
    assert not InvitedPerson.objects.exists()


def test_reply_recorded_and_needs_changed(client_for, lead, meeting, invite):
    invited = invite(meeting)

    client_for(lead).post(
        _url(meeting, f"invited/{invited.pk}/reply/"),
        {"reply": "online", "needs_changed": "on"},
    )

    invited.refresh_from_db()
    assert (invited.reply, invited.needs_changed) == ("online", True)
    assert invited.replied_at is not None


def test_remove_someone_invited(client_for, lead, meeting, invite):
    invited = invite(meeting)

    response = client_for(lead).post(_url(meeting, f"invited/{invited.pk}/remove/"))

    assert response.status_code == 302
    assert not InvitedPerson.objects.filter(pk=invited.pk).exists()


def test_catering_summary_has_counts_and_no_names(client_for, lead, meeting, invite):
    invite(meeting, needs(dietary=["vegan"]), full_name="Ada Jones")
    invite(meeting, needs(dietary=["vegan", "nut_allergy"]), full_name="Bo Smith")
    invite(meeting, needs(dietary=["halal"]), full_name="Cy Khan", reply=Reply.NOT_COMING)

    page = client_for(lead).get(_url(meeting, "catering/")).content.decode()
    text = client_for(lead).get(_url(meeting, "catering.txt")).content.decode()

    assert "Vegan: 2" in text
    assert "Nut allergy: 1" in text
    assert "Halal" not in text
    for name in ("Ada Jones", "Bo Smith", "Cy Khan"):
        assert name not in page
        assert name not in text


def test_catering_recorded_as_sent_makes_food_ready_until_it_changes(
    client_for, lead, meeting, invite, fixed_today
):
    meeting.food, meeting.caterer = "provided", "Kitchen Co-op"
    meeting.save()
    invite(meeting, needs(dietary=["vegan"]))
    client = client_for(lead)

    client.post(
        _url(meeting, "catering/"),
        {"sent_on-day": "9", "sent_on-month": "1", "sent_on-year": "2027"},
    )
    ready = client.get(_url(meeting)).content.decode()
    invite(meeting, needs(dietary=["vegan"]))
    changed = client.get(_url(meeting)).content.decode()

    assert "The caterer has the current numbers and dietary needs" in ready
    assert "have changed since the caterer was told" in changed


def test_a_note_for_the_caterer_changed_since_it_was_sent_makes_food_not_ready(
    client_for, lead, meeting, invite, fixed_today
):
    meeting.food, meeting.caterer = "provided", "Kitchen Co-op"
    meeting.save()
    invited = invite(meeting, needs(notes={"dietary": "No honey"}))
    client = client_for(lead)
    client.post(
        _url(meeting, "catering/"),
        {"sent_on-day": "9", "sent_on-month": "1", "sent_on-year": "2027"},
    )
    ready = client.get(_url(meeting)).content.decode()
    give_needs(invited.person, needs(notes={"dietary": "No honey, and no nuts at all"}))
    changed = client.get(_url(meeting)).content.decode()
    catering = client.get(_url(meeting, "catering/")).content.decode()

    assert "The caterer has the current numbers and dietary needs" in ready
    assert "have changed since the caterer was told" in changed
    assert "It has changed since: send it again." in catering


def test_everything_held_about_a_person_says_what_the_caterer_was_told(
    client_for, lead, meeting, invite, fixed_today
):
    meeting.food, meeting.caterer = "provided", "Kitchen Co-op"
    meeting.save()
    invited = invite(meeting, needs(notes={"dietary": "No honey"}))
    client = client_for(lead)
    client.post(
        _url(meeting, "catering/"),
        {"sent_on-day": "9", "sent_on-month": "1", "sent_on-year": "2027"},
    )

    data = client.get(
        reverse(
            "people:participant_export_json",
            kwargs={"project_id": meeting.project_id, "person_id": invited.person_id},
        )
    ).json()

    assert [row["what_the_caterer_was_told"] for row in data["meetings"]] == ["No honey"]


def test_meeting_list_shows_upcoming_meetings_with_ready_tags(
    client_for, lead, meeting, fixed_today
):
    page = client_for(lead).get(f"/projects/{meeting.project_id}/meetings/").content.decode()

    assert "First workshop" in page
    assert "Not ready: " in page


def test_project_overview_says_meetings_need_attention(client_for, lead, meeting, fixed_today):
    meeting.invitations_on = datetime.date(2027, 2, 20)
    meeting.save()

    page = client_for(lead).get(f"/projects/{meeting.project_id}/").content.decode()

    assert "1 meeting without enough notice" in page
    assert "1 meeting is not ready yet" in page


def test_everything_held_about_a_person_lists_the_meetings_they_were_invited_to(
    client_for, lead, meeting, invite
):
    invited = invite(meeting, reply=Reply.ONLINE)

    path = reverse(
        "people:participant_export_json",
        kwargs={"project_id": meeting.project_id, "person_id": invited.person_id},
    )
    data = client_for(lead).get(path)

    assert data.status_code == 200
    assert data.json()["meetings"] == [
        {
            "meeting": "First workshop",
            "project": meeting.project.name,
            "date": "2027-03-01",
            "reply": "Coming online",
            "said_needs_changed": False,
            "what_the_caterer_was_told": "",
            "attendance": "Not recorded",
            "invitations_sent": [],
            "reminders_sent": [],
        }
    ]


def test_meeting_remove_warns_who_is_invited_then_removes(client_for, lead, meeting, invite):
    invite(meeting)
    client = client_for(lead)

    asked = client.get(_url(meeting, "remove/"))
    removed = client.post(_url(meeting, "remove/"))

    assert "1 person is invited. Tell them it is not happening." in asked.content.decode()
    assert removed.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_meeting_with_attendance_recorded_is_not_removed(client_for, lead, meeting, invite):
    invite(meeting, attendance="came")

    response = client_for(lead).post(_url(meeting, "remove/"))

    assert response.status_code == 400
    assert "payments depend on it" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_meeting_page_shows_the_venue_and_its_accessibility_to_staff(client_for, meeting, venue):
    venue.hearing_loop, venue.how_to_get_there = "no", "Side door, by the car park."
    venue.save()
    meeting.venue = venue
    meeting.save()
    manager = MembershipFactory(project=meeting.project, role=Role.MANAGER).user

    page = client_for(manager).get(_url(meeting)).content.decode()

    assert "The venue: Banbury Community Centre" in page
    assert "Side door, by the car park." in page
    assert "A hearing loop" in page


def test_meeting_list_shows_20_meetings_to_come_a_page_and_the_past_ones_apart(
    client_for, lead, project, fixed_today
):
    for day in range(25):
        MeetingFactory(project=project, title=f"Coming {day}", meets_on=datetime.date(2027, 3, 1))
    for day in range(3):
        MeetingFactory(project=project, title=f"Gone {day}", meets_on=datetime.date(2026, 12, 1))
    client = client_for(lead)
    base = f"/projects/{project.pk}/meetings/"

    first = client.get(base).content.decode()
    second = client.get(base + "?page=2").content.decode()
    past = client.get(base + "?when=past").content.decode()

    assert first.count('class="govuk-summary-card"') == 20
    assert second.count('class="govuk-summary-card"') == 5
    assert "Gone 0" not in first
    assert f'href="{base}?when=past">See the past meetings (3)' in first
    assert past.count('class="govuk-summary-card"') == 3
    assert "Coming 0" not in past
    assert f'href="{base}">See the meetings coming up (25)' in past
