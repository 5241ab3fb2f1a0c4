"""Meetings and venues as people read them: dates and times in words, status tags,
the ready / not ready list, and needs not met with names only for those allowed."""

import datetime
from dataclasses import dataclass

from django.conf import settings

from coplan.core import formats
from coplan.core.presenters import Tag
from coplan.meetings import checks
from coplan.meetings.models import Checked, InvitedPerson, Meeting, Paper, Venue
from coplan.meetings.selectors import VENUE_FEATURES
from coplan.projects.presenters import member_name


def clock_words(moment: datetime.datetime | datetime.time) -> str:
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    return f"{hour}:{moment.minute:02d}{suffix}" if moment.minute else f"{hour}{suffix}"


def length_words(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if rest:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " and ".join(parts) or "0 minutes"


def when_words(times: checks.MeetingTimes, length_minutes: int) -> str:
    """For example "Tuesday 4 May 2027, 10am to 1pm (3 hours)"."""
    starts, ends = times.starts, times.ends
    day = formats.day_and_date(starts.date())
    end_day = "" if ends.date() == starts.date() else f" on {formats.long_date(ends.date())}"
    words = (
        f"{day}, {clock_words(starts)} to {clock_words(ends)}{end_day} "
        f"({length_words(length_minutes)})"
    )
    if times.clocks_change:
        words += ". The clocks change during the meeting"
    return words


def answer_tag(answer: str) -> Tag:
    if answer == Checked.YES:
        return Tag("Yes", "green")
    if answer == Checked.NO:
        return Tag("No", "red")
    return Tag("Not checked yet", "grey")


def readiness_tag(readiness: checks.Readiness) -> Tag:
    if readiness.ready:
        return Tag("Ready", "green")
    count = len(readiness.not_ready)
    return Tag(f"Not ready: {count} thing{'s' if count != 1 else ''} to do", "orange")


def check_tag(check: checks.Check) -> Tag:
    return Tag("Ready", "green") if check.ready else Tag("Not ready", "orange")


class VenuePresenter:
    def __init__(self, venue: Venue) -> None:
        self.venue = venue

    def __getattr__(self, name: str):
        return getattr(self.venue, name)

    @property
    def audit_rows(self) -> list[tuple[str, Tag]]:
        return [
            (checks.VENUE_FEATURES[feature], answer_tag(getattr(self.venue, feature)))
            for feature in VENUE_FEATURES
        ]

    @property
    def checked_words(self) -> str:
        if self.venue.checked_on is None:
            return "Not checked yet"
        return formats.long_date(self.venue.checked_on)

    @property
    def summary_tag(self) -> Tag:
        if self.venue.checked_on is None:
            return Tag("No accessibility check yet", "grey")
        answers = [getattr(self.venue, feature) for feature in VENUE_FEATURES]
        missing = sum(answer == Checked.NO for answer in answers)
        unchecked = sum(answer == Checked.NOT_CHECKED for answer in answers)
        if missing:
            return Tag(f"{missing} thing{'s' if missing != 1 else ''} missing", "orange")
        if unchecked:
            return Tag(f"{unchecked} not checked yet", "yellow")
        return Tag("Checked", "green")


@dataclass(frozen=True)
class UnmetNeedRow:
    words: str
    why: str
    how: str
    count: int
    names: list[str] | None  # None when the viewer may not see who


def unmet_rows(needs: checks.NeedsResult, *, names_for, show_names: bool) -> list[UnmetNeedRow]:
    return [
        UnmetNeedRow(
            words=need.words,
            why=need.why,
            how=need.how,
            count=len(need.who),
            names=names_for(need.who) if show_names else None,
        )
        for need in needs.unmet
    ]


class MeetingPresenter:
    def __init__(self, meeting: Meeting, *, times: checks.MeetingTimes) -> None:
        self.meeting = meeting
        self.times = times

    def __getattr__(self, name: str):
        return getattr(self.meeting, name)

    @property
    def when(self) -> str:
        return when_words(self.times, self.meeting.length_minutes)

    @property
    def date(self) -> str:
        return formats.long_date(self.meeting.meets_on)

    @property
    def day_words(self) -> str:
        """The day it starts, written out: "Tuesday 4 May 2027" (Easy Read)."""
        starts = self.times.starts
        return formats.day_and_date(starts.date())

    @property
    def starts_words(self) -> str:
        return clock_words(self.times.starts)

    @property
    def ends_words(self) -> str:
        return clock_words(self.times.ends)

    @property
    def time_words(self) -> str:
        return (
            f"{clock_words(self.times.starts)} to {clock_words(self.times.ends)} "
            f"({length_words(self.meeting.length_minutes)})"
        )

    @property
    def where(self) -> str:
        parts = []
        if self.meeting.has_room:
            venue = self.meeting.venue.name if self.meeting.venue else "No venue yet"
            parts.append(f"{venue}{', ' + self.meeting.room if self.meeting.room else ''}")
        if self.meeting.has_online:
            parts.append("Online")
        return " and ".join(parts)

    @property
    def facilitator_name(self) -> str:
        return member_name(self.meeting.facilitator, nobody="Not decided yet")

    @property
    def arrangement_words(self) -> list[str]:
        return [
            checks.ARRANGEMENTS[code][0]
            for code in self.meeting.arrangements or ()
            if code in checks.ARRANGEMENTS
        ]

    def is_past(self, today: datetime.date) -> bool:
        return self.meeting.meets_on < today


def format_list(codes) -> str:
    return ", ".join(checks.format_words(code) for code in codes) or "None given"


def paper_tag(check: checks.PaperCheck) -> Tag:
    if check.state is checks.PaperState.LATE:
        return Tag("Late", "red")
    if check.state is checks.PaperState.TO_SEND:
        return Tag("To send", "blue")
    if check.missing_formats:
        return Tag("Sent, formats missing", "orange")
    if check.state is checks.PaperState.SENT_LATE:
        return Tag("Sent late", "yellow")
    return Tag("Sent", "green")


def missing_format_words(check: checks.PaperCheck) -> str:
    return ", ".join(
        f"{checks.format_words(code)} (asked for by {count})"
        for code, count in check.missing_formats
    )


# A meeting as someone taking part sees it -----------------------------------------------------


def paper_words(paper: Paper, *, wanted: tuple[str, ...]) -> list[str]:
    """Where a paper stands in each format the person asked for (standard print if they
    asked for none): for example "in Easy Read, sent on 10 February 2027"."""
    lines = []
    for code in wanted:
        words = checks.format_words(code)
        made = code == "standard" or code in (paper.formats or ())
        if made and paper.sent_on:
            lines.append(f"in {words}, sent on {formats.long_date(paper.sent_on)}")
        elif made:
            lines.append(f"in {words}, to be sent by {formats.long_date(paper.send_by)}")
        else:
            lines.append(
                f"your {words} copy is not ready yet. "
                + (
                    f"It will be sent by {formats.long_date(paper.send_by)}"
                    if paper.sent_on is None
                    else f"The standard print copy was sent on {formats.long_date(paper.sent_on)}"
                )
            )
    return lines


class YourMeeting(MeetingPresenter):
    """One meeting as a person taking part sees it: when, where and how to get there, what
    the venue offers, how to join online, their papers in the formats they asked for, and
    their invitation (`invited`, None if they are not invited)."""

    def __init__(
        self,
        meeting: Meeting,
        *,
        invited: InvitedPerson | None,
        papers: list[Paper],
        wanted_formats: list[str] | tuple[str, ...] = (),
    ) -> None:
        times = checks.meeting_times(
            meets_on=meeting.meets_on,
            starts_at=meeting.starts_at,
            length_minutes=meeting.length_minutes,
            zone=settings.TIME_ZONE,
        )
        super().__init__(meeting, times=times)
        self.invited = invited
        self.papers = papers
        self.wanted = tuple(code for code in wanted_formats if code) or ("standard",)

    @property
    def venue(self) -> Venue | None:
        return self.meeting.venue if self.meeting.has_room else None

    @property
    def place_lines(self) -> list[str]:
        """The venue's name (and room) and address, one line each."""
        venue = self.venue
        if venue is None:
            return ["The venue is not decided yet"] if self.meeting.has_room else []
        name = venue.name + (f", {self.meeting.room}" if self.meeting.room else "")
        return [name, *(line for line in venue.address.splitlines() if line.strip())]

    @property
    def how_to_get_there(self) -> str:
        venue = self.venue
        if venue is None:
            return ""
        return "\n\n".join(
            text.strip()
            for text in (venue.how_to_get_there, venue.public_transport_notes)
            if text.strip()
        )

    def _features(self, answer: str) -> list[str]:
        venue = self.venue
        if venue is None:
            return []
        return [
            words[0].upper() + words[1:]
            for feature, words in checks.VENUE_FEATURES.items()
            if getattr(venue, feature) == answer
        ]

    @property
    def venue_offers(self) -> list[str]:
        """What the venue has, as its accessibility check found."""
        return self._features(Checked.YES)

    @property
    def venue_lacks(self) -> list[str]:
        """What the check found the venue does not have (so they can tell us)."""
        return self._features(Checked.NO)

    @property
    def paper_rows(self) -> list[tuple[str, list[str]]]:
        return [(paper.title, paper_words(paper, wanted=self.wanted)) for paper in self.papers]

    @property
    def reply_words(self) -> str:
        return self.invited.get_reply_display() if self.invited else ""
