"""Whether a meeting or workshop is ready, worked out from its plan: never ticked.

Pure Python with no Django import (like the guide engine and `people.needs`):
dataclasses in, dataclasses out, so every rule can be tested alone. The
selectors build a `MeetingPlan` and one `Invitee` per invited person from the
database and call `meeting_readiness`.

The checks, in the seed's words where it has them:
- notice: invitations go out at least 4 weeks (28 days, or the organisation's
  longer minimum) before the meeting; exactly 28 days is enough;
- venue: a meeting in a room has a venue, and the venue's accessibility has been
  checked;
- needs met: every need of every invited person who has not said they are not
  coming is met by the venue's audit or by what has been arranged (see
  `NEED_RULES`), for the way they take part (in the room, or online);
- food: whether food is provided is decided, someone provides it, and the
  caterer has the current catering summary (counts per dietary need, no names);
- joining online: if the meeting is online or both, or anyone said they are
  coming online, there are joining details and help for people joining;
- papers: each is sent by its send-by date, in every format someone invited asked for;
- paperwork, the activity risk assessment, a facilitator, and how expenses and
  payment for time work on the day.
"""

import datetime
import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from coplan.people.needs import DIETARY, need_label

# The seed: "Have I given people enough notice to be able to attend? (minimum of 4 weeks
# recommended)".
NOTICE_DAYS = 28
# "Papers well before the meeting": at least this many days before.
PAPERS_EARLY_DAYS = 7
# A venue checked longer ago than this should be checked again.
VENUE_CHECK_LASTS_DAYS = 365

# Values shared with models.py (the models' TextChoices use the same strings).
IN_PERSON, ONLINE, BOTH = "in_person", "online", "both"
NO_REPLY, REPLY_IN_PERSON, REPLY_ONLINE = "no_reply", "in_person", "online"
NOT_COMING = "not_coming"
YES, NO, NOT_CHECKED = "yes", "no", "not_checked"
FOOD_NOT_DECIDED, FOOD_PROVIDED, DRINKS_ONLY, NO_FOOD = (
    "not_decided",
    "provided",
    "drinks_only",
    "none",
)
RISK_TO_DO, RISK_DONE, RISK_NOT_NEEDED = "to_do", "done", "not_needed"
PAPERWORK_TO_DO, PAPERWORK_READY, PAPERWORK_NOT_NEEDED = "to_do", "ready", "not_needed"

# What the venue's audit covers, in the words used when something is missing.
VENUE_FEATURES: dict[str, str] = {
    "step_free": "step-free access",
    "wheelchair_access": "wheelchair access",
    "accessible_toilet": "an accessible toilet",
    "parking": "parking",
    "blue_badge_parking": "blue badge spaces",
    "good_lighting": "good lighting",
    "good_acoustics": "good acoustics",
    "hearing_loop": "a hearing loop",
    "public_transport": "public transport links",
    "quiet_space": "a quiet space",
}

# What can be booked or set up for a meeting to meet people's needs: (when it is done,
# what to do).
ARRANGEMENTS: dict[str, tuple[str, str]] = {
    "bsl_interpreter": (
        "A British Sign Language interpreter is booked",
        "Book a British Sign Language interpreter",
    ),
    "captions": ("Live captions are arranged", "Arrange live captions"),
    "language_interpreter": (
        "An interpreter for another spoken language is booked",
        "Book an interpreter for the language they speak",
    ),
    "portable_hearing_loop": ("A portable hearing loop is booked", "book a portable hearing loop"),
    "plain_words": ("Papers and talks are in plain words", "Write papers and talks in plain words"),
    "extra_time": (
        "The agenda leaves extra time to read, think and answer",
        "Leave extra time in the agenda to read, think and answer",
    ),
    "turn_taking": (
        "Turn-taking cards, or another clear way to get a turn, are ready",
        "Get turn-taking cards, or another clear way to get a turn, ready",
    ),
    "short_distances": (
        "Seats are kept near the door, with short distances to walk",
        "Keep seats near the door, with short distances to walk",
    ),
    "assistance_dog": (
        "The venue knows an assistance dog is coming; water and space are ready",
        "Tell the venue an assistance dog is coming, and have water and space ready",
    ),
    "quiet_room": ("A quiet room is booked for breaks", "book a quiet room for breaks"),
    "support_workers": (
        "Places are kept for support workers, carers and personal assistants",
        "Keep places for support workers, carers and personal assistants",
    ),
    "regular_breaks": ("Regular breaks are in the agenda", "Put regular breaks in the agenda"),
    "reminders": (
        "Reminders are set up the way each person asked",
        "Set up reminders the way each person asked",
    ),
}

FORMAT_WORDS: dict[str, str] = {
    "standard": "standard print",
    "large_print": "large print",
    "easy_read": "Easy Read",
    "audio": "audio",
    "bsl": "British Sign Language",
    "braille": "Braille",
    "other_language": "another language",
}

# A need that reminders meet when someone gave only how long before they want one.
REMINDER_WANTED = "reminders:wanted"
# Dietary notes ("anything else the caterer must know") as one need.
DIETARY_NOTES = "dietary:notes"
DIETARY_CODES = tuple(f"{DIETARY.code}:{option}" for option, _ in DIETARY.options)


# Times -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingTimes:
    starts: datetime.datetime
    ends: datetime.datetime
    clocks_change: bool


def meeting_times(
    *, meets_on: datetime.date, starts_at: datetime.time, length_minutes: int, zone: str
) -> MeetingTimes:
    """When a meeting starts and ends, as wall-clock times in `zone`.

    The length is time that passes, so across a clock change the end is worked
    out in UTC: a 3-hour meeting from 00:30 on the night the clocks go back ends
    at 02:30 on the clock, not 03:30. A start time that happens twice (clocks
    going back) is the first one.
    """
    tz = ZoneInfo(zone)
    starts = datetime.datetime.combine(meets_on, starts_at, tzinfo=tz)
    # A wall-clock time that does not exist (clocks going forward) moves on by the gap.
    starts = starts.astimezone(datetime.UTC).astimezone(tz)
    elapsed = datetime.timedelta(minutes=length_minutes)
    ends = (starts.astimezone(datetime.UTC) + elapsed).astimezone(tz)
    return MeetingTimes(starts, ends, starts.utcoffset() != ends.utcoffset())


class ClockProblem(enum.Enum):
    MISSING = "missing"  # the clocks go forward past it
    TWICE = "twice"  # the clocks go back over it


def clock_problem(*, day: datetime.date, at: datetime.time, zone: str) -> ClockProblem | None:
    """Whether a wall-clock time does not exist on that day, or happens twice."""
    tz = ZoneInfo(zone)
    naive = datetime.datetime.combine(day, at)
    first = naive.replace(tzinfo=tz, fold=0)
    if first.astimezone(datetime.UTC).astimezone(tz).replace(tzinfo=None) != naive:
        return ClockProblem.MISSING
    if first.utcoffset() != naive.replace(tzinfo=tz, fold=1).utcoffset():
        return ClockProblem.TWICE
    return None


def minutes_between(
    *, day: datetime.date, starts_at: datetime.time, ends_at: datetime.time, zone: str
) -> int:
    """Minutes that pass between two wall-clock times on one day (clock changes counted).

    A time that happens twice is the first one, as in `meeting_times`, so the two agree.
    """
    tz = ZoneInfo(zone)
    starts = datetime.datetime.combine(day, starts_at, tzinfo=tz)
    ends = datetime.datetime.combine(day, ends_at, tzinfo=tz)
    elapsed = ends.astimezone(datetime.UTC) - starts.astimezone(datetime.UTC)
    return int(elapsed.total_seconds() // 60)


# What goes in -----------------------------------------------------------------------


@dataclass(frozen=True)
class VenueAudit:
    """A venue's answers (feature -> "yes", "no" or "not_checked") and when it was checked."""

    name: str
    answers: Mapping[str, str] = field(default_factory=dict)
    checked_on: datetime.date | None = None

    def answer(self, feature: str) -> str:
        value = self.answers.get(feature, NOT_CHECKED)
        return value if value in (YES, NO) else NOT_CHECKED

    @property
    def is_audited(self) -> bool:
        return self.checked_on is not None


@dataclass(frozen=True)
class PaperPlan:
    key: int
    title: str
    send_by: datetime.date
    formats: frozenset[str] = frozenset()
    sent_on: datetime.date | None = None


@dataclass(frozen=True)
class MeetingPlan:
    format: str
    meets_on: datetime.date
    venue: VenueAudit | None = None
    invitations_on: datetime.date | None = None
    notice_days: int = NOTICE_DAYS
    has_joining_details: bool = False
    has_remote_support: bool = False
    arrangements: frozenset[str] = frozenset()
    food: str = FOOD_NOT_DECIDED
    has_caterer: bool = False
    catering_sent: Mapping | None = None
    catering_sent_on: datetime.date | None = None
    risk_assessment: str = RISK_TO_DO
    has_facilitator: bool = False
    has_payment_plan: bool = False
    paperwork: tuple[tuple[str, str, str], ...] = ()  # (kind, words, status)
    papers: tuple[PaperPlan, ...] = ()

    @property
    def has_room(self) -> bool:
        return self.format in (IN_PERSON, BOTH)

    @property
    def has_online(self) -> bool:
        return self.format in (ONLINE, BOTH)


@dataclass(frozen=True)
class Invitee:
    """One invited person: a key (their person id), their reply and what they told us."""

    key: int
    reply: str = NO_REPLY
    needs: frozenset[str] = frozenset()
    dietary_notes: str = ""
    wants_reminders: bool = False
    formats: frozenset[str] = frozenset()
    needs_changed: bool = False

    @property
    def is_coming_or_may(self) -> bool:
        return self.reply != NOT_COMING


def taking_part(invitee: Invitee, plan: MeetingPlan) -> str | None:
    """How someone takes part, for checking their needs: IN_PERSON, ONLINE, or None
    (not coming). Without a reply: in the room if there is one.

    Someone coming online to a meeting in person only is still "online" here, so
    the joining-online check points out that there is no way to join."""
    if invitee.reply == NOT_COMING:
        return None
    if not plan.has_room:
        return ONLINE  # an online meeting has no room, whatever they replied
    if invitee.reply == REPLY_ONLINE:
        return ONLINE
    return IN_PERSON


def need_codes(invitee: Invitee) -> frozenset[str]:
    """Every need of one person to check, including reminders and notes for the caterer."""
    codes = set(invitee.needs)
    if invitee.wants_reminders and not any(code.startswith("reminders:") for code in codes):
        codes.add(REMINDER_WANTED)
    if invitee.dietary_notes.strip():
        codes.add(DIETARY_NOTES)
    return frozenset(codes)


def need_words(code: str) -> str:
    if code == REMINDER_WANTED:
        return "A reminder before the meeting"
    if code == DIETARY_NOTES:
        return "Something else the caterer must know"
    category, _, _ = code.partition(":")
    label = need_label(code)
    if category == "reminders":
        return f"A reminder: {label[0].lower()}{label[1:]}"
    if category == "dietary":
        return f"Food: {label[0].lower()}{label[1:]}"
    return label


# Notice ---------------------------------------------------------------------------------


class NoticeState(enum.Enum):
    ENOUGH = "enough"
    TOO_SHORT = "too short"
    NOT_SET = "not set"
    TOO_LATE = "too late"


@dataclass(frozen=True)
class NoticeResult:
    state: NoticeState
    minimum_days: int
    invite_by: datetime.date
    days_given: int | None

    @property
    def is_enough(self) -> bool:
        return self.state is NoticeState.ENOUGH

    @property
    def is_problem(self) -> bool:
        return self.state in (NoticeState.TOO_SHORT, NoticeState.TOO_LATE)


def notice_check(
    *,
    meets_on: datetime.date,
    invitations_on: datetime.date | None,
    today: datetime.date,
    minimum_days: int = NOTICE_DAYS,
) -> NoticeResult:
    """Invitations on or before `meets_on - minimum_days` give enough notice.

    `minimum_days` below the seed's 28 is raised to 28. Without a date for the
    invitations it is still possible while today is on or before the last day.
    """
    minimum = max(minimum_days, NOTICE_DAYS)
    invite_by = meets_on - datetime.timedelta(days=minimum)
    if invitations_on is not None:
        days = (meets_on - invitations_on).days
        state = NoticeState.ENOUGH if days >= minimum else NoticeState.TOO_SHORT
        return NoticeResult(state, minimum, invite_by, days)
    state = NoticeState.NOT_SET if today <= invite_by else NoticeState.TOO_LATE
    return NoticeResult(state, minimum, invite_by, None)


# Needs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedOutcome:
    met: bool
    why: str = ""  # why it is not met
    how: str = ""  # what would meet it


_MET = NeedOutcome(True)


@dataclass(frozen=True)
class _VenueRule:
    features: tuple[str, ...]  # any one of these at the venue meets it
    arrangement: str | None = None  # or this arrangement


@dataclass(frozen=True)
class _ArrangementRule:
    arrangement: str
    in_person_only: bool = False


# Which need is met by what. Needs not listed (and no longer offered) are met by talking
# to the person: they appear as "ask them what would help".
NEED_RULES: dict[str, _VenueRule | _ArrangementRule | str] = {
    "mobility:wheelchair": _VenueRule(("wheelchair_access",)),
    "mobility:step_free": _VenueRule(("step_free",)),
    "mobility:accessible_toilet": _VenueRule(("accessible_toilet",)),
    "mobility:parking": _VenueRule(("blue_badge_parking", "parking")),
    "mobility:short_distances": _ArrangementRule("short_distances", in_person_only=True),
    "mobility:assistance_dog": _ArrangementRule("assistance_dog", in_person_only=True),
    "communication:hearing_loop": _VenueRule(("hearing_loop",), "portable_hearing_loop"),
    "communication:bsl_interpreter": _ArrangementRule("bsl_interpreter"),
    "communication:captions": _ArrangementRule("captions"),
    "communication:language_interpreter": _ArrangementRule("language_interpreter"),
    "communication:plain_words": _ArrangementRule("plain_words"),
    "communication:extra_time": _ArrangementRule("extra_time"),
    "communication:turn_taking": _ArrangementRule("turn_taking"),
    "communication:good_lighting": _VenueRule(("good_lighting",)),
    "support:support_worker": _ArrangementRule("support_workers"),
    "support:quiet_space": _VenueRule(("quiet_space",), "quiet_room"),
    "support:regular_breaks": _ArrangementRule("regular_breaks"),
    "support:join_remotely": "join_remotely",
    "support:papers_early": "papers_early",
    "reminders:text": _ArrangementRule("reminders"),
    "reminders:phone_call": _ArrangementRule("reminders"),
    "reminders:email": _ArrangementRule("reminders"),
    "reminders:letter": _ArrangementRule("reminders"),
    REMINDER_WANTED: _ArrangementRule("reminders"),
}


def _venue_outcome(rule: _VenueRule, plan: MeetingPlan) -> NeedOutcome:
    if rule.arrangement and rule.arrangement in plan.arrangements:
        return _MET
    wanted = VENUE_FEATURES[rule.features[0]]
    extra = f", or {ARRANGEMENTS[rule.arrangement][1]}" if rule.arrangement else ""
    venue = plan.venue
    if venue is None:
        return NeedOutcome(False, "No venue has been chosen yet", f"Choose a venue with {wanted}")
    answers = [venue.answer(feature) for feature in rule.features]
    if YES in answers:
        return _MET
    if NOT_CHECKED in answers:
        return NeedOutcome(
            False,
            f"Nobody has checked whether {venue.name} has {wanted}",
            f"Check whether {venue.name} has {wanted}{extra}",
        )
    return NeedOutcome(
        False, f"{venue.name} does not have {wanted}", f"Choose another venue{extra}"
    )


def _food_outcome(code: str, plan: MeetingPlan, current: "CateringCounts") -> NeedOutcome:
    if plan.food == NO_FOOD:
        return _MET
    if plan.food == FOOD_NOT_DECIDED:
        return NeedOutcome(
            False,
            "Nobody has decided about food yet",
            "Decide whether food is provided, then send the catering summary to the caterer",
        )
    if not plan.has_caterer:
        return NeedOutcome(
            False,
            "Nobody has been named to provide the food",
            "Say who provides the food, then send them the catering summary",
        )
    sent = plan.catering_sent or {}
    if code == DIETARY_NOTES:
        if set(current.notes) <= set(sent.get("notes") or ()):
            return _MET
    elif _count(sent, code) >= current.counts.get(code, 0):
        return _MET
    if plan.catering_sent is None:
        return NeedOutcome(
            False, "The caterer has not been sent the catering summary", "Send the catering summary"
        )
    return NeedOutcome(
        False,
        "The numbers have changed since the caterer was told",
        "Send the new catering summary to the caterer",
    )


def _count(sent: Mapping, code: str) -> int:
    counts = sent.get("counts")
    value = counts.get(code, 0) if isinstance(counts, Mapping) else 0
    return value if isinstance(value, int) else 0


def need_outcome(
    code: str, *, way: str, plan: MeetingPlan, catering: "CateringCounts | None" = None
) -> NeedOutcome:
    """Whether one need is met for someone taking part `way` (IN_PERSON or ONLINE)."""
    if code.startswith("dietary:"):
        if way != IN_PERSON:
            return _MET
        return _food_outcome(code, plan, catering or CateringCounts(Counter(), ()))
    rule = NEED_RULES.get(code)
    if rule is None:
        return NeedOutcome(
            False, "Nothing in the plan says how this is met", "Ask them what would help"
        )
    if rule == "join_remotely":
        if plan.has_online:
            return _MET
        return NeedOutcome(
            False,
            "The meeting is in person only",
            "Offer a way to join online or by phone (make the meeting 'both')",
        )
    if rule == "papers_early":
        early = plan.meets_on - datetime.timedelta(days=PAPERS_EARLY_DAYS)
        late = [p for p in plan.papers if p.send_by > early or (p.sent_on and p.sent_on > early)]
        if not late:
            return _MET
        return NeedOutcome(
            False,
            f"Not every paper goes out at least {PAPERS_EARLY_DAYS} days before",
            f"Send every paper by {early.day} {early:%B %Y}",
        )
    if isinstance(rule, _VenueRule):
        if way != IN_PERSON:
            return _MET
        return _venue_outcome(rule, plan)
    if rule.in_person_only and way != IN_PERSON:
        return _MET
    if rule.arrangement in plan.arrangements:
        return _MET
    return NeedOutcome(False, "Not arranged yet", ARRANGEMENTS[rule.arrangement][1])


@dataclass(frozen=True)
class UnmetNeed:
    """One need not met for one or more people, why, and what would meet it."""

    code: str
    words: str
    why: str
    how: str
    who: tuple[int, ...]


@dataclass(frozen=True)
class NeedsResult:
    unmet: tuple[UnmetNeed, ...]
    people_checked: int
    people_with_needs: int
    needs_changed: tuple[int, ...]

    @property
    def all_met(self) -> bool:
        return not self.unmet and not self.needs_changed

    @property
    def people_with_unmet(self) -> int:
        return len({key for need in self.unmet for key in need.who})


def needs_check(*, plan: MeetingPlan, invitees: Iterable[Invitee]) -> NeedsResult:
    """Every need of everyone invited who has not said they are not coming."""
    people = [invitee for invitee in invitees if taking_part(invitee, plan) is not None]
    catering = catering_counts(plan=plan, invitees=people)
    grouped: dict[tuple[str, str, str], list[int]] = {}
    with_needs = 0
    for invitee in people:
        way = taking_part(invitee, plan)
        codes = need_codes(invitee)
        with_needs += bool(codes)
        for code in sorted(codes):
            outcome = need_outcome(code, way=way, plan=plan, catering=catering)
            if not outcome.met:
                grouped.setdefault((code, outcome.why, outcome.how), []).append(invitee.key)
    unmet = tuple(
        UnmetNeed(code, need_words(code), why, how, tuple(who))
        for (code, why, how), who in sorted(grouped.items(), key=lambda item: item[0])
    )
    changed = tuple(invitee.key for invitee in people if invitee.needs_changed)
    return NeedsResult(unmet, len(people), with_needs, changed)


# Food -----------------------------------------------------------------------------------------


def _eating_in_person(invitee: Invitee, plan: MeetingPlan) -> bool:
    return taking_part(invitee, plan) == IN_PERSON


@dataclass(frozen=True)
class CateringCounts:
    counts: Counter  # dietary code -> how many people in the room need it
    notes: tuple[str, ...]  # what else the caterer must know, sorted, without names


def catering_counts(*, plan: MeetingPlan, invitees: Iterable[Invitee]) -> CateringCounts:
    """Dietary needs of everyone who may be in the room (not online, not "not coming")."""
    counts: Counter = Counter()
    notes: set[str] = set()
    for invitee in invitees:
        if not _eating_in_person(invitee, plan):
            continue
        counts.update(code for code in invitee.needs if code in DIETARY_CODES)
        if invitee.dietary_notes.strip():
            notes.add(invitee.dietary_notes.strip())
    return CateringCounts(counts, tuple(sorted(notes)))


@dataclass(frozen=True)
class CateringSummary:
    """What the caterer needs: how many people, and counts per dietary need. No names.

    `notes_from` says whose each note is (by invitee key), so that what the caterer was
    told about a person can be kept with them, and erased with them; it is never shown.
    """

    coming: int  # said they are coming in person
    not_replied: int  # no reply yet, and the meeting has a room
    support_workers: int  # at most this many support workers or carers come too
    counts: tuple[tuple[str, str, int], ...]  # (code, words, count), most first
    notes: tuple[str, ...]  # what else the caterer must know, without names
    notes_from: tuple[tuple[int, str], ...] = field(default=(), repr=False)

    @property
    def people(self) -> int:
        return self.coming + self.not_replied

    def counts_snapshot(self) -> dict:
        """The numbers as sent, kept to notice a change later (the notes are kept apart)."""
        return {
            "people": self.people,
            "support_workers": self.support_workers,
            "counts": {code: count for code, _, count in self.counts},
        }

    def snapshot(self) -> dict:
        """Everything the caterer was sent: the numbers and the notes."""
        return {**self.counts_snapshot(), "notes": list(self.notes)}

    def as_text(self, *, heading: str) -> str:
        lines = [heading, ""]
        lines.append(f"People expected: up to {self.people}")
        lines.append(f"  said they are coming: {self.coming}")
        lines.append(f"  not replied yet: {self.not_replied}")
        if self.support_workers:
            lines.append(
                f"Support workers or carers who may come with them: up to {self.support_workers}"
            )
        lines.append("")
        if self.counts:
            lines.append("Dietary needs (number of people):")
            lines.extend(f"  {words}: {count}" for _, words, count in self.counts)
        else:
            lines.append("Nobody has told us a dietary need.")
        if self.notes:
            lines.append("")
            lines.append("Other things you must know (allergies and more):")
            lines.extend(f"  - {note}" for note in self.notes)
        return "\n".join(lines) + "\n"


def catering_summary(*, plan: MeetingPlan, invitees: Iterable[Invitee]) -> CateringSummary:
    eating = [invitee for invitee in invitees if _eating_in_person(invitee, plan)]
    found = catering_counts(plan=plan, invitees=eating)
    words = {f"{DIETARY.code}:{option}": label for option, label in DIETARY.options}
    ordered = sorted(
        found.counts.items(), key=lambda item: (-item[1], DIETARY_CODES.index(item[0]))
    )
    return CateringSummary(
        coming=sum(1 for invitee in eating if invitee.reply == REPLY_IN_PERSON),
        not_replied=sum(1 for invitee in eating if invitee.reply == NO_REPLY),
        support_workers=sum(1 for i in eating if "support:support_worker" in i.needs),
        counts=tuple((code, words[code], count) for code, count in ordered),
        notes=found.notes,
        notes_from=tuple(
            (invitee.key, invitee.dietary_notes.strip())
            for invitee in eating
            if invitee.dietary_notes.strip()
        ),
    )


def catering_is_current(*, plan: MeetingPlan, summary: CateringSummary) -> bool:
    return plan.catering_sent is not None and dict(plan.catering_sent) == summary.snapshot()


# Papers -------------------------------------------------------------------------------------


class PaperState(enum.Enum):
    SENT = "sent"
    SENT_LATE = "sent late"
    TO_SEND = "to send"
    LATE = "late"


@dataclass(frozen=True)
class PaperCheck:
    key: int
    title: str
    send_by: datetime.date
    state: PaperState
    missing_formats: tuple[tuple[str, int], ...]  # (format, how many people asked)

    @property
    def is_ready(self) -> bool:
        return self.state in (PaperState.SENT, PaperState.SENT_LATE) and not self.missing_formats


def formats_asked(*, invitees: Iterable[Invitee]) -> Counter:
    """Format -> how many people invited (and not saying no) asked for it."""
    asked: Counter = Counter()
    for invitee in invitees:
        if invitee.reply != NOT_COMING:
            asked.update(invitee.formats)
    return asked


def paper_check(paper: PaperPlan, *, asked: Mapping[str, int], today: datetime.date) -> PaperCheck:
    if paper.sent_on is not None:
        state = PaperState.SENT if paper.sent_on <= paper.send_by else PaperState.SENT_LATE
    else:
        state = PaperState.LATE if today > paper.send_by else PaperState.TO_SEND
    missing = tuple(
        (code, count)
        for code, count in sorted(asked.items())
        if count and code not in paper.formats and code != "standard"
    )
    return PaperCheck(paper.key, paper.title, paper.send_by, state, missing)


def format_words(code: str) -> str:
    return FORMAT_WORDS.get(code, code.replace("_", " "))


# The ready / not ready list -----------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One line of the ready / not ready list: what, where it stands, what to do next."""

    key: str
    title: str
    ready: bool
    summary: str
    next_step: str = ""


@dataclass(frozen=True)
class Readiness:
    checks: tuple[Check, ...]
    notice: NoticeResult
    needs: NeedsResult
    catering: CateringSummary
    papers: tuple[PaperCheck, ...]

    @property
    def ready(self) -> bool:
        return all(check.ready for check in self.checks)

    @property
    def not_ready(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.ready)


def _date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _notice_line(notice: NoticeResult, plan: MeetingPlan, today: datetime.date) -> Check:
    weeks = (
        f"{notice.minimum_days // 7} weeks'"
        if notice.minimum_days % 7 == 0
        else f"{notice.minimum_days} days'"
    )
    title = "Notice"
    if notice.state is NoticeState.ENOUGH:
        return Check(
            "notice",
            title,
            True,
            f"Invitations go out on {_date(plan.invitations_on)}: "
            f"{_plural(notice.days_given, 'day')}' notice.",
        )
    if notice.state is NoticeState.NOT_SET:
        return Check(
            "notice",
            title,
            False,
            "There is no date for the invitations yet.",
            f"Send the invitations by {_date(notice.invite_by)} to give people {weeks} notice.",
        )
    earliest = max(today, plan.invitations_on or today) + datetime.timedelta(
        days=notice.minimum_days
    )
    if notice.state is NoticeState.TOO_SHORT:
        return Check(
            "notice",
            title,
            False,
            f"Invitations on {_date(plan.invitations_on)} give only "
            f"{_plural(notice.days_given, 'day')}' notice. People need at least {weeks} notice.",
            f"Send the invitations by {_date(notice.invite_by)}, or move the meeting to "
            f"{_date(earliest)} or later.",
        )
    return Check(
        "notice",
        title,
        False,
        f"It is too late to give people {weeks} notice of this date.",
        f"Move the meeting to {_date(earliest)} or later, and send the invitations straight away.",
    )


def _venue_line(plan: MeetingPlan, today: datetime.date) -> Check | None:
    if not plan.has_room:
        return None
    venue = plan.venue
    if venue is None:
        return Check(
            "venue", "Venue", False, "No venue has been chosen.", "Choose a venue from the library."
        )
    if not venue.is_audited:
        return Check(
            "venue",
            "Venue",
            False,
            f"Nobody has checked how accessible {venue.name} is.",
            f"Check {venue.name}: step-free access, parking, lighting, acoustics, hearing loop "
            "and public transport.",
        )
    if (today - venue.checked_on).days > VENUE_CHECK_LASTS_DAYS:
        return Check(
            "venue",
            "Venue",
            False,
            f"{venue.name} was last checked on {_date(venue.checked_on)}, over a year ago.",
            f"Check {venue.name} again: things change.",
        )
    unchecked = [VENUE_FEATURES[f] for f in VENUE_FEATURES if venue.answer(f) == NOT_CHECKED]
    extra = f" Not checked yet: {', '.join(unchecked)}." if unchecked else ""
    return Check(
        "venue", "Venue", True, f"{venue.name}, checked on {_date(venue.checked_on)}.{extra}"
    )


def _invited_line(invitees: list[Invitee]) -> Check:
    if not invitees:
        return Check("invited", "People invited", False, "Nobody is invited yet.", "Invite people.")
    replies = Counter(invitee.reply for invitee in invitees)
    parts = [_plural(len(invitees), "person", "people") + " invited"]
    words = {
        REPLY_IN_PERSON: "coming in person",
        REPLY_ONLINE: "coming online",
        NOT_COMING: "not coming",
        NO_REPLY: "not replied yet",
    }
    parts.extend(f"{replies[reply]} {word}" for reply, word in words.items() if replies[reply])
    return Check("invited", "People invited", True, ", ".join(parts) + ".")


def _needs_line(needs: NeedsResult) -> Check:
    title = "Everyone's needs met"
    if needs.all_met:
        if not needs.people_with_needs:
            return Check("needs", title, True, "Nobody invited has told us a need.")
        return Check(
            "needs",
            title,
            True,
            f"Every need is met, for {_plural(needs.people_with_needs, 'person', 'people')} "
            "who told us what they need.",
        )
    parts = []
    if needs.unmet:
        parts.append(
            f"{_plural(len(needs.unmet), 'need')} not met yet, for "
            f"{_plural(needs.people_with_unmet, 'person', 'people')}."
        )
    if needs.needs_changed:
        parts.append(
            f"{_plural(len(needs.needs_changed), 'person', 'people')} said their needs have "
            "changed."
        )
    steps = []
    if needs.unmet:
        steps.append("See the needs not met below, and what would meet each one.")
    if needs.needs_changed:
        steps.append("Look at their needs again.")
    return Check("needs", title, False, " ".join(parts), " ".join(steps))


def _food_line(plan: MeetingPlan, summary: CateringSummary) -> Check | None:
    if not plan.has_room:
        return None
    title = "Food and drink"
    if plan.food == FOOD_NOT_DECIDED:
        return Check(
            "food",
            title,
            False,
            "Nobody has decided whether lunch or refreshments are provided.",
            "Decide about food. The guide says: always provide food for people if you can.",
        )
    if plan.food == NO_FOOD:
        return Check(
            "food",
            title,
            True,
            "No food or drink is provided. The guide says: always provide food for people if "
            "you can. It makes all the difference!",
        )
    if not plan.has_caterer:
        return Check(
            "food", title, False, "Nobody has been named to provide the food.", "Say who by."
        )
    if plan.catering_sent is None:
        return Check(
            "food",
            title,
            False,
            "The caterer has not been sent the numbers and dietary needs.",
            "Send the catering summary to the caterer, then record that it was sent.",
        )
    if not catering_is_current(plan=plan, summary=summary):
        return Check(
            "food",
            title,
            False,
            "The numbers or dietary needs have changed since the caterer was told"
            + (f" on {_date(plan.catering_sent_on)}." if plan.catering_sent_on else "."),
            "Send the new catering summary to the caterer.",
        )
    return Check(
        "food",
        title,
        True,
        "The caterer has the current numbers and dietary needs"
        + (f" (sent on {_date(plan.catering_sent_on)})." if plan.catering_sent_on else "."),
    )


def _remote_line(plan: MeetingPlan, invitees: list[Invitee]) -> Check | None:
    online_replies = sum(1 for invitee in invitees if invitee.reply == REPLY_ONLINE)
    if not plan.has_online and not online_replies:
        return None
    title = "Joining online"
    when = (
        f" before the invitations go out on {_date(plan.invitations_on)}"
        if (plan.invitations_on)
        else " before the invitations go out"
    )
    if not plan.has_online:
        return Check(
            "remote",
            title,
            False,
            f"{_plural(online_replies, 'person', 'people')} said they are coming online, but "
            "the meeting is in person only.",
            "Make the meeting 'both' and add joining details, or talk to them.",
        )
    missing = []
    if not plan.has_joining_details:
        missing.append("how to join (a link or phone number)")
    if not plan.has_remote_support:
        missing.append("help for people joining online")
    if missing:
        return Check(
            "remote",
            title,
            False,
            "There is nothing yet about " + " or ".join(missing) + ".",
            f"Add {' and '.join(missing)}{when}.",
        )
    return Check("remote", title, True, "Joining details and help for people joining are ready.")


def _papers_line(papers: tuple[PaperCheck, ...], meets_on: datetime.date) -> Check:
    title = "Papers sent in advance"
    if not papers:
        return Check("papers", title, True, "There are no papers to send in advance.")
    after = [p for p in papers if p.send_by > meets_on and p.state is not PaperState.SENT]
    if after:
        return Check(
            "papers",
            title,
            False,
            f"{_plural(len(after), 'paper')} can be sent after the meeting: the meeting has moved.",
            "Change the send-by date of " + ", ".join(f"‘{p.title}’" for p in after) + ".",
        )
    late = [p for p in papers if p.state is PaperState.LATE]
    to_send = [p for p in papers if p.state is PaperState.TO_SEND]
    formats = [p for p in papers if p.missing_formats]
    if not late and not to_send and not formats:
        sent_late = sum(1 for p in papers if p.state is PaperState.SENT_LATE)
        extra = f" ({sent_late} after the send-by date)" if sent_late else ""
        return Check(
            "papers",
            title,
            True,
            f"All {_plural(len(papers), 'paper')} sent{extra}, in every format people asked for.",
        )
    parts, steps = [], []
    if late:
        parts.append(f"{_plural(len(late), 'paper')} not sent by the send-by date.")
        steps.append("Send " + ", ".join(f"‘{p.title}’" for p in late) + " now.")
    if to_send:
        first = min(p.send_by for p in to_send)
        parts.append(f"{_plural(len(to_send), 'paper')} still to send.")
        steps.append(f"Send the next by {_date(first)}.")
    if formats:
        needed = sorted({format_words(code) for p in formats for code, _ in p.missing_formats})
        parts.append(f"{_plural(len(formats), 'paper')} not in every format people asked for.")
        steps.append("Produce them in " + ", ".join(needed) + ".")
    return Check("papers", title, False, " ".join(parts), " ".join(steps))


def _paperwork_line(plan: MeetingPlan) -> Check:
    title = "Forms and paperwork"
    to_do = [words for _, words, status in plan.paperwork if status == PAPERWORK_TO_DO]
    if not to_do:
        return Check("paperwork", title, True, "Every form and paper is ready or not needed.")
    return Check(
        "paperwork",
        title,
        False,
        f"{_plural(len(to_do), 'thing')} still to do: " + ", ".join(w.lower() for w in to_do) + ".",
        "Get them ready, or mark them not needed.",
    )


def _simple_lines(plan: MeetingPlan) -> list[Check]:
    lines = []
    if plan.risk_assessment == RISK_TO_DO:
        lines.append(
            Check(
                "risk",
                "Activity risk assessment",
                False,
                "Nobody has done the activity risk assessment yet.",
                "Do the risk assessment, or record that you do not need one.",
            )
        )
    else:
        done = "done" if plan.risk_assessment == RISK_DONE else "not needed"
        lines.append(
            Check("risk", "Activity risk assessment", True, f"The risk assessment is {done}.")
        )
    lines.append(
        Check("staffing", "Facilitator", True, "There is a facilitator.")
        if plan.has_facilitator
        else Check(
            "staffing",
            "Facilitator",
            False,
            "Nobody is named to run the session.",
            "Choose a facilitator, or find an experienced facilitator to support you.",
        )
    )
    lines.append(
        Check(
            "payment",
            "Expenses and payment for time",
            True,
            "The plan says how expenses and payment for time work on the day.",
        )
        if plan.has_payment_plan
        else Check(
            "payment",
            "Expenses and payment for time",
            False,
            "Nothing says how we pay people's expenses and for their time.",
            "Say how it works on the day, and who deals with payment and claim forms.",
        )
    )
    return lines


def plan_not_ready(*, plan: MeetingPlan, today: datetime.date) -> bool:
    """Whether the meeting's own plan already makes it not ready (notice, venue,
    paperwork, risk assessment, facilitator, payment on the day): the checks that do not
    depend on who is invited, their needs or the papers. True means
    `meeting_readiness(...).ready` is False whoever is invited; False means it takes
    every check to know."""
    notice = notice_check(
        meets_on=plan.meets_on,
        invitations_on=plan.invitations_on,
        today=today,
        minimum_days=plan.notice_days,
    )
    lines = [
        _notice_line(notice, plan, today),
        _venue_line(plan, today),
        _paperwork_line(plan),
        *_simple_lines(plan),
    ]
    return any(line is not None and not line.ready for line in lines)


def meeting_readiness(
    *, plan: MeetingPlan, invitees: Iterable[Invitee], today: datetime.date
) -> Readiness:
    """Every check, in the order people plan a meeting."""
    people = list(invitees)
    notice = notice_check(
        meets_on=plan.meets_on,
        invitations_on=plan.invitations_on,
        today=today,
        minimum_days=plan.notice_days,
    )
    needs = needs_check(plan=plan, invitees=people)
    summary = catering_summary(plan=plan, invitees=people)
    asked = formats_asked(invitees=people)
    papers = tuple(paper_check(paper, asked=asked, today=today) for paper in plan.papers)
    lines = [
        _notice_line(notice, plan, today),
        _venue_line(plan, today),
        _invited_line(people),
        _needs_line(needs),
        _food_line(plan, summary),
        _remote_line(plan, people),
        _papers_line(papers, plan.meets_on),
        _paperwork_line(plan),
        *_simple_lines(plan),
    ]
    return Readiness(
        checks=tuple(line for line in lines if line is not None),
        notice=notice,
        needs=needs,
        catering=summary,
        papers=papers,
    )
