"""The benchmark organisation's venues, meetings (past and to come), their paperwork,
papers and the people invited. See `coplan.core.bench`."""

import datetime

from django.utils import timezone

from coplan.core.bench import Bench
from coplan.meetings.models import (
    Checked,
    InvitedPerson,
    Meeting,
    MeetingFormat,
    Paper,
    PaperworkItem,
    PaperworkKind,
    Reply,
    Venue,
)

AUDIT = (
    "step_free",
    "wheelchair_access",
    "accessible_toilet",
    "parking",
    "good_lighting",
    "hearing_loop",
    "public_transport",
)


def _meetings(bench: Bench, project_pk: int, count: int, upcoming: int, venues) -> list[Meeting]:
    today, chance = timezone.localdate(), bench.random
    past = count - upcoming
    made = []
    for number in range(count):
        if number < past:
            meets_on = today - datetime.timedelta(days=2 + (number * 400) // max(past, 1))
        else:
            meets_on = today + datetime.timedelta(days=3 + ((number - past) * 180) // upcoming)
        made.append(
            Meeting(
                project_id=project_pk,
                title=f"Workshop {number + 1}: {chance.choice(['planning', 'ideas', 'review'])}",
                purpose="To plan the service together.",
                format=(MeetingFormat.IN_PERSON, MeetingFormat.BOTH)[number % 2],
                meets_on=meets_on,
                starts_at=datetime.time(10, 0),
                length_minutes=120,
                venue=venues[number % len(venues)],
                joining_details="A video call link" if number % 2 else "",
                invitations_on=meets_on - datetime.timedelta(days=35 if number % 3 else 14),
            )
        )
    return made


def meetings_bench_seed(bench: Bench) -> None:
    size, chance = bench.size, bench.random
    venues = Venue.objects.bulk_create(
        Venue(
            organisation=bench.organisation,
            name=f"Community centre {number + 1}",
            address=f"{number + 1} High Street\nOxford",
            checked_on=timezone.localdate() - datetime.timedelta(days=60),
            **{answer: chance.choice(Checked.values) for answer in AUDIT},
        )
        for number in range(size.venues)
    )
    big = bench.big_project
    meetings = _meetings(bench, big.pk, size.big_meetings, size.big_upcoming, venues)
    others = bench.projects[1:]
    per_project = size.other_meetings // max(len(others), 1)
    for project in others:
        meetings += _meetings(bench, project.pk, per_project, per_project // 2, venues)
    meetings = Meeting.objects.bulk_create(meetings, batch_size=1000)
    PaperworkItem.objects.bulk_create(
        (
            PaperworkItem(meeting=meeting, kind=kind, status=chance.choice(["to_do", "ready"]))
            for meeting in meetings
            for kind in PaperworkKind.values
        ),
        batch_size=5000,
    )
    Paper.objects.bulk_create(
        (
            Paper(
                meeting=meeting,
                title=f"Paper {number}",
                send_by=meeting.meets_on - datetime.timedelta(days=7),
                formats=["standard", "easy_read"] if number else ["standard"],
            )
            for meeting in meetings
            for number in range(2)
        ),
        batch_size=5000,
    )
    people = bench.found["people"]
    # The meeting a page of its own is measured on: the big project's next meeting.
    one_meeting = meetings[size.big_meetings - size.big_upcoming]
    invited = []
    for meeting in meetings:
        persons = people[meeting.project_id]
        if meeting is one_meeting:  # the same people whatever the size: every fourth has needs
            chosen = persons[: size.one_meeting_invited]
        else:
            chosen = chance.sample(persons, min(size.invited_per_meeting, len(persons)))
        for person_pk in chosen:
            invited.append(
                InvitedPerson(
                    meeting=meeting, person_id=person_pk, reply=chance.choice(Reply.values)
                )
            )
    InvitedPerson.objects.bulk_create(invited, batch_size=5000)
    bench.found["meetings"] = [meeting for meeting in meetings if meeting.project_id == big.pk]
    bench.found["one_meeting"] = one_meeting
