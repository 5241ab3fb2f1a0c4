"""Reads for venues and meetings, and the checks worked out from them.

Every meeting is found through its project, every venue through its
organisation. Access needs come decrypted only from `coplan.people.selectors`; the
catering summary as sent is decrypted here (`catering_sent`), with the same keys.
The meeting page does a fixed number of queries however many people are
invited: the meeting, the people invited (with their records), the papers and
the paperwork (`meeting_checkup`); lists of meetings do four queries for any
number of meetings (`meetings_checked`).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from coplan.meetings import checks
from coplan.meetings.models import (
    SEED_NOTICE_DAYS,
    InvitedPerson,
    Meeting,
    MeetingsPolicy,
    Paper,
    PaperworkItem,
    PaperworkKind,
    PaperworkStatus,
    Venue,
)
from coplan.organisations.models import Organisation
from coplan.people import crypto
from coplan.people import selectors as people_selectors
from coplan.people.models import Involvement, Person
from coplan.people.needs import AccessNeeds
from coplan.projects.models import Membership, Project
from coplan.projects.roles import Role

VENUE_FEATURES = tuple(checks.VENUE_FEATURES)


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


# Venues ------------------------------------------------------------------------------


def venues(*, organisation: Organisation) -> list[Venue]:
    return list(Venue.objects.filter(organisation=organisation).order_by("name", "pk"))


def venues_checked(*, organisation: Organisation) -> list[str]:
    """The names of the organisation's venues whose access has been checked."""
    return list(
        Venue.objects.filter(organisation=organisation, checked_on__isnull=False)
        .order_by("name")
        .values_list("name", flat=True)
    )


def venue(*, organisation: Organisation, venue_id: int) -> Venue | None:
    return Venue.objects.filter(organisation=organisation, pk=venue_id).first()


def venue_audit(found: Venue | None) -> checks.VenueAudit | None:
    if found is None:
        return None
    return checks.VenueAudit(
        name=found.name,
        answers={feature: getattr(found, feature) for feature in VENUE_FEATURES},
        checked_on=found.checked_on,
    )


def leads_a_project(*, user: AbstractBaseUser, organisation: Organisation) -> bool:
    return Membership.objects.filter(
        user=user, role=Role.LEAD, project__organisation=organisation
    ).exists()


# The organisation's rule for notice ---------------------------------------------------------


def meetings_policy(*, organisation: Organisation) -> MeetingsPolicy:
    found = MeetingsPolicy.objects.filter(organisation=organisation).first()
    return found or MeetingsPolicy(organisation=organisation, notice_days=SEED_NOTICE_DAYS)


def _notice_days(organisation: Organisation) -> int:
    """From a `meetings_policy` already joined with select_related (no query)."""
    try:
        return organisation.meetings_policy.notice_days
    except MeetingsPolicy.DoesNotExist:
        return SEED_NOTICE_DAYS


def notice_days(*, organisation_id: int) -> int:
    """The least notice the organisation gives of a meeting, in days. One query."""
    found = (
        MeetingsPolicy.objects.filter(organisation_id=organisation_id)
        .values_list("notice_days", flat=True)
        .first()
    )
    return SEED_NOTICE_DAYS if found is None else found


@dataclass(frozen=True)
class PlannedMeeting:
    """A meeting planned for a day, and the notice it gives by the one rule
    (`checks.notice_check`, with the organisation's least notice)."""

    pk: int
    title: str
    meets_on: datetime.date
    invitations_on: datetime.date | None
    notice: checks.NoticeResult


def meetings_on_days(
    *, project: Project, days: Iterable[datetime.date], today: datetime.date | None = None
) -> dict[datetime.date, PlannedMeeting]:
    """The first meeting planned on each of these days (by start time), with its notice.
    For the timeline, where a meeting on a day is that day's meeting. One query."""
    today = _today(today)
    found: dict[datetime.date, PlannedMeeting] = {}
    planned = (
        Meeting.objects.filter(project=project, meets_on__in=list(days))
        .select_related("project__organisation__meetings_policy")
        .order_by("meets_on", "starts_at", "pk")
    )
    for each in planned:
        if each.meets_on not in found:
            found[each.meets_on] = PlannedMeeting(
                pk=each.pk,
                title=each.title,
                meets_on=each.meets_on,
                invitations_on=each.invitations_on,
                notice=checks.notice_check(
                    meets_on=each.meets_on,
                    invitations_on=each.invitations_on,
                    today=today,
                    minimum_days=_notice_days(each.project.organisation),
                ),
            )
    return found


# Meetings -----------------------------------------------------------------------------------


def _meetings(project: Project) -> QuerySet[Meeting]:
    return Meeting.objects.filter(project=project).select_related(
        "venue", "facilitator__user", "project__organisation__meetings_policy"
    )


def meetings_in_order(*, project: Project) -> list[Meeting]:
    """The project's meetings and workshops, soonest first, with their venues (one query)."""
    return list(_meetings(project))


def meetings_size(*, project: Project) -> int:
    """How many meetings the project has and people are invited to them, together."""
    found = Meeting.objects.filter(project=project).aggregate(
        meetings=Count("pk", distinct=True), invited=Count("invited")
    )
    return found["meetings"] + found["invited"]


def meeting(*, project: Project, meeting_id: int) -> Meeting | None:
    return _meetings(project).filter(pk=meeting_id).first()


def invited_people(*, meeting: Meeting) -> list[InvitedPerson]:
    """Everyone invited, with their person record, by name. One query."""
    return list(
        InvitedPerson.objects.filter(meeting=meeting)
        .select_related("person")
        .order_by("person__full_name", "person_id")
    )


def invited_person(*, meeting: Meeting, invited_id: int) -> InvitedPerson | None:
    return (
        InvitedPerson.objects.filter(meeting=meeting, pk=invited_id)
        .select_related("person")
        .first()
    )


def _own_invitations(membership: Membership):
    """The member's own invitations to the project's meetings, through their person record
    (a person's `user` is their account). Never their access needs."""
    return (
        InvitedPerson.objects.filter(
            meeting__project_id=membership.project_id,
            person__user_id=membership.user_id,
            person__erased_at__isnull=True,
        )
        .select_related("person", "meeting__venue")
        .defer("person__needs_token", "catering_note_token")
    )


def _with_papers(invitations) -> list[InvitedPerson]:
    return list(
        invitations.prefetch_related(
            Prefetch("meeting__papers", queryset=Paper.objects.order_by("send_by", "pk"))
        )
    )


def your_invitations(
    *, membership: Membership, today: datetime.date, limit: int | None = None
) -> list[InvitedPerson]:
    """The member's own invitations to meetings from `today` on, soonest first, with each
    meeting, its venue and its papers: two queries however many (at most `limit`)."""
    found = (
        _own_invitations(membership)
        .filter(meeting__meets_on__gte=today)
        .order_by("meeting__meets_on", "meeting__starts_at", "meeting_id")
    )
    return _with_papers(found[:limit] if limit is not None else found)


def your_invitations_page(*, membership: Membership, today: datetime.date, page: int | str = 1):
    """All the member's invitations from `today` on, a page at a time (with papers)."""
    found = (
        _own_invitations(membership)
        .filter(meeting__meets_on__gte=today)
        .order_by("meeting__meets_on", "meeting__starts_at", "meeting_id")
    )
    shown = Paginator(found, YOUR_MEETINGS_PER_PAGE).get_page(page)
    shown.object_list = _with_papers(shown.object_list)
    return shown


YOUR_MEETINGS_PER_PAGE = 20


def your_next_invitations_everywhere(
    *, user: AbstractBaseUser, today: datetime.date, limit: int
) -> list[InvitedPerson]:
    """The person's own invitations from `today` on, in every project they are still a
    member of (through their memberships, never a project they have left), soonest
    first, with each meeting and its project: one query."""
    member = Membership.objects.filter(user=user, project_id=OuterRef("meeting__project_id"))
    return list(
        InvitedPerson.objects.filter(
            Exists(member),
            person__user=user,
            person__erased_at__isnull=True,
            meeting__meets_on__gte=today,
        )
        .select_related("meeting__project")
        .only(
            "reply",
            "person_id",
            "meeting__title",
            "meeting__meets_on",
            "meeting__starts_at",
            "meeting__length_minutes",
            "meeting__project__name",
        )
        .order_by("meeting__meets_on", "meeting__starts_at", "meeting_id")[:limit]
    )


def your_invitation(*, membership: Membership, meeting: Meeting) -> InvitedPerson | None:
    """The member's own invitation to this meeting, or None if they are not invited."""
    return _own_invitations(membership).filter(meeting=meeting).first()


def papers(*, meeting: Meeting) -> list[Paper]:
    return list(Paper.objects.filter(meeting=meeting).order_by("send_by", "pk"))


def paper(*, meeting: Meeting, paper_id: int) -> Paper | None:
    return Paper.objects.filter(meeting=meeting, pk=paper_id).first()


def paperwork(*, meeting: Meeting) -> list[PaperworkItem]:
    return list(PaperworkItem.objects.filter(meeting=meeting).order_by("pk"))


def participants_to_invite(*, meeting: Meeting) -> list[Involvement]:
    """The project's participants not yet invited to this meeting (and not erased)."""
    return list(
        Involvement.objects.filter(project_id=meeting.project_id, person__erased_at__isnull=True)
        .exclude(person__meeting_invitations__meeting=meeting)
        .select_related("person")
        .defer("person__needs_token", "person__address")
        .order_by("person__full_name", "person_id")
    )


def project_people(*, project: Project, person_ids: list[int]) -> list[Person]:
    """People in the project with these ids; anyone else is left out."""
    return list(
        Person.objects.filter(
            pk__in=person_ids, involvements__project=project, erased_at__isnull=True
        ).distinct()
    )


def facilitator_choices(*, project: Project) -> list[Membership]:
    return list(
        Membership.objects.filter(project=project, role__in=[Role.FACILITATOR, Role.LEAD])
        .select_related("user")
        .order_by("-role", "user__full_name")  # facilitators before leads
    )


# Checks ----------------------------------------------------------------------------------


def catering_sent(found: Meeting, note_tokens: Iterable[str]) -> dict | None:
    """The catering summary as it was sent (numbers, and the notes kept with each person
    invited, `note_tokens`), decrypted; None if it has not been sent."""
    if not found.catering_sent_token:
        return None
    notes = {crypto.decrypt_json(token) for token in note_tokens if token}
    return {**crypto.decrypt_json(found.catering_sent_token), "notes": sorted(notes)}


def paper_plans(meeting_papers: Iterable[Paper]) -> tuple[checks.PaperPlan, ...]:
    return tuple(
        checks.PaperPlan(
            key=p.pk,
            title=p.title,
            send_by=p.send_by,
            formats=frozenset(p.formats or ()),
            sent_on=p.sent_on,
        )
        for p in meeting_papers
    )


def paperwork_lines(
    meeting_paperwork: Iterable[PaperworkItem],
) -> tuple[tuple[str, str, str], ...]:
    """Each line of the paperwork as the checks read it: its kind, in words, its status."""
    return tuple((item.kind, item.get_kind_display(), item.status) for item in meeting_paperwork)


def _paperwork_line(kind: str, status: str) -> tuple[str, str, str]:
    return (kind, str(PaperworkKind(kind).label), status)


def meeting_plan(
    found: Meeting,
    *,
    papers: tuple[checks.PaperPlan, ...],
    paperwork: tuple[tuple[str, str, str], ...],
    note_tokens: Iterable[str],
    notice_days: int | None = None,
) -> checks.MeetingPlan:
    """What the checks need to know about the meeting: its papers (`paper_plans`) and
    paperwork (`paperwork_lines`). `note_tokens` are the notes the caterer was told
    about each person invited (see `catering_sent`). `notice_days`, the organisation's,
    is read from the meeting's project when not given."""
    if notice_days is None:
        notice_days = _notice_days(found.project.organisation)
    return checks.MeetingPlan(
        format=found.format,
        meets_on=found.meets_on,
        venue=venue_audit(found.venue),
        invitations_on=found.invitations_on,
        notice_days=notice_days,
        has_joining_details=bool(found.joining_details.strip()),
        has_remote_support=bool(found.remote_support.strip()),
        arrangements=frozenset(found.arrangements or ()),
        food=found.food,
        has_caterer=bool(found.caterer.strip()),
        catering_sent=catering_sent(found, note_tokens),
        catering_sent_on=found.catering_sent_on,
        risk_assessment=found.risk_assessment,
        has_facilitator=found.facilitator_id is not None,
        has_payment_plan=bool(found.payment_on_the_day.strip()),
        paperwork=paperwork,
        papers=papers,
    )


def invitees(
    invited: list[InvitedPerson], *, needs: dict[int, AccessNeeds] | None = None
) -> list[checks.Invitee]:
    """What the checks need to know about each person, with their needs decrypted (or
    taken from `needs`, decrypted once for everyone on a page)."""
    if needs is None:
        needs = _needs_of(invited)
    return [
        _invitee(row.person_id, row.reply, row.needs_changed, row.person.formats, needs)
        for row in invited
    ]


def _invitee(
    person_id: int,
    reply: str,
    needs_changed: bool,
    person_formats: list | None,
    needs: dict[int, AccessNeeds],
) -> checks.Invitee:
    found = needs[person_id]
    return checks.Invitee(
        key=person_id,
        reply=reply,
        needs=found.codes(),
        dietary_notes=found.notes.get("dietary", ""),
        wants_reminders=found.wants_reminders(),
        formats=frozenset(person_formats or ()),
        needs_changed=needs_changed,
    )


def _needs_of(invited: Iterable[InvitedPerson]) -> dict[int, AccessNeeds]:
    """Each person's needs, decrypted once however many of the meetings they are invited to."""
    people = {row.person_id: row.person for row in invited}
    return people_selectors.needs_for_people(people=list(people.values()))


@dataclass(frozen=True)
class MeetingCheckup:
    """A meeting with everything on its page: who is invited, papers, paperwork, checks."""

    meeting: Meeting
    invited: list[InvitedPerson]
    papers: list[Paper]
    paperwork: list[PaperworkItem]
    readiness: checks.Readiness
    times: checks.MeetingTimes
    plan: checks.MeetingPlan

    @property
    def catering_is_current(self) -> bool:
        """The caterer has been sent the summary as it is now."""
        return checks.catering_is_current(plan=self.plan, summary=self.readiness.catering)

    def people_named(self, keys: tuple[int, ...]) -> list[str]:
        names = {row.person_id: row.person.full_name for row in self.invited}
        return sorted(names[key] for key in keys if key in names)


def times_of(found: Meeting) -> checks.MeetingTimes:
    return checks.meeting_times(
        meets_on=found.meets_on,
        starts_at=found.starts_at,
        length_minutes=found.length_minutes,
        zone=settings.TIME_ZONE,
    )


def meeting_checkup(*, meeting: Meeting, today: datetime.date | None = None) -> MeetingCheckup:
    """Three queries: the people invited, the papers, the paperwork."""
    invited = invited_people(meeting=meeting)
    meeting_papers = papers(meeting=meeting)
    meeting_paperwork = paperwork(meeting=meeting)
    plan = meeting_plan(
        meeting,
        papers=paper_plans(meeting_papers),
        paperwork=paperwork_lines(meeting_paperwork),
        note_tokens=[row.catering_note_token for row in invited],
    )
    readiness = checks.meeting_readiness(plan=plan, invitees=invitees(invited), today=_today(today))
    return MeetingCheckup(
        meeting, invited, meeting_papers, meeting_paperwork, readiness, times_of(meeting), plan
    )


@dataclass(frozen=True)
class CheckedMeeting:
    """A meeting on a list: its checks (None for a past meeting: they are not worked out)."""

    meeting: Meeting
    readiness: checks.Readiness | None
    times: checks.MeetingTimes
    invited_count: int


# What a list of meetings reads of each: not what only the meeting's own page shows.
_LIST_DEFERS = ("purpose", "staffing", "agenda", "resources", "food_notes")


def _listed(project: Project) -> QuerySet[Meeting]:
    """The project's meetings for a list, with their venues and the organisation's
    notice rule (`policy_notice_days`, None without one) but not their project, which
    the list already has."""
    policy = MeetingsPolicy.objects.filter(organisation_id=project.organisation_id).values(
        "notice_days"
    )[:1]
    return (
        Meeting.objects.filter(project=project)
        .select_related("venue")
        .defer(*_LIST_DEFERS)
        .annotate(policy_notice_days=Subquery(policy, output_field=IntegerField()))
    )


def _notice_days_listed(found: Meeting) -> int:
    days = found.policy_notice_days
    return SEED_NOTICE_DAYS if days is None else days


def _with_checks(
    found: list[Meeting], *, today: datetime.date, invited_counts: dict[int, int] | None = None
) -> list[CheckedMeeting]:
    """These meetings (from `_listed`) with their checks: three queries (people invited,
    papers, paperwork) for any number of them, reading only what the checks need, as
    values rather than model objects; each person's needs decrypted once."""
    ids = [each.pk for each in found]
    invited: dict[int, list[tuple]] = {}
    needs_tokens: dict[int, str] = {}
    for row in InvitedPerson.objects.filter(meeting_id__in=ids).values_list(
        "meeting_id",
        "person_id",
        "reply",
        "needs_changed",
        "person__formats",
        "catering_note_token",
        "person__needs_token",
    ):
        invited.setdefault(row[0], []).append(row[1:6])
        needs_tokens[row[1]] = row[6]
    meeting_papers: dict[int, list[checks.PaperPlan]] = {}
    for meeting_id, key, title, send_by, paper_formats, sent_on in (
        Paper.objects.filter(meeting_id__in=ids)
        .order_by("send_by", "pk")
        .values_list("meeting_id", "pk", "title", "send_by", "formats", "sent_on")
    ):
        meeting_papers.setdefault(meeting_id, []).append(
            checks.PaperPlan(key, title, send_by, frozenset(paper_formats or ()), sent_on)
        )
    meeting_paperwork: dict[int, list[tuple[str, str, str]]] = {}
    for meeting_id, kind, status in (
        PaperworkItem.objects.filter(meeting_id__in=ids)
        .order_by("pk")
        .values_list("meeting_id", "kind", "status")
    ):
        meeting_paperwork.setdefault(meeting_id, []).append(_paperwork_line(kind, status))
    needs = people_selectors.needs_from_tokens(needs_tokens)
    checked = []
    for each in found:
        rows = invited.get(each.pk, [])
        plan = meeting_plan(
            each,
            papers=tuple(meeting_papers.get(each.pk, ())),
            paperwork=tuple(meeting_paperwork.get(each.pk, ())),
            note_tokens=[row[4] for row in rows],
            notice_days=_notice_days_listed(each),
        )
        people = [_invitee(*row[:4], needs) for row in rows]
        readiness = checks.meeting_readiness(plan=plan, invitees=people, today=today)
        count = len(rows) if invited_counts is None else invited_counts.get(each.pk, 0)
        checked.append(CheckedMeeting(each, readiness, times_of(each), count))
    return checked


def meetings_checked(
    *, project: Project, today: datetime.date | None = None, upcoming_only: bool = False
) -> list[CheckedMeeting]:
    """Every meeting of the project (or those from today on) with its checks: four
    queries for any number of meetings and people. For the whole plan; pages show
    `meetings_page`."""
    today = _today(today)
    found = _listed(project).select_related("facilitator__user")
    if upcoming_only:
        found = found.filter(meets_on__gte=today)
    return _with_checks(list(found.order_by("meets_on", "starts_at", "pk")), today=today)


UPCOMING, PAST = "upcoming", "past"
MEETINGS_PER_PAGE = 20


@dataclass(frozen=True)
class MeetingsPage:
    """One page of the meetings coming up (with their checks) or of the past ones
    (most recent first, without checks), and how many there are of each."""

    when: str
    page: Page
    upcoming: int
    past: int


def meetings_page(
    *,
    project: Project,
    when: str = UPCOMING,
    page: int | str = 1,
    today: datetime.date | None = None,
) -> MeetingsPage:
    """Six queries however many meetings and people: the counts, the page of meetings
    with how many are invited to each, and (for meetings to come) their checks."""
    today = _today(today)
    counts = Meeting.objects.filter(project=project).aggregate(
        upcoming=Count("pk", filter=Q(meets_on__gte=today)),
        past=Count("pk", filter=Q(meets_on__lt=today)),
    )
    invited_count = (
        InvitedPerson.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    found = _listed(project).annotate(invited_total=Subquery(invited_count))
    if when == PAST:
        found = found.filter(meets_on__lt=today).order_by("-meets_on", "-starts_at", "-pk")
    else:
        when = UPCOMING
        found = found.filter(meets_on__gte=today).order_by("meets_on", "starts_at", "pk")
    paginator = Paginator(found, MEETINGS_PER_PAGE)
    paginator.count = counts[when]  # counted above, with the other: no second COUNT
    shown = paginator.get_page(page)
    meetings = list(shown.object_list)
    totals = {each.pk: each.invited_total or 0 for each in meetings}
    if when == UPCOMING:
        shown.object_list = _with_checks(meetings, today=today, invited_counts=totals)
    else:
        shown.object_list = [
            CheckedMeeting(each, None, times_of(each), totals[each.pk]) for each in meetings
        ]
    return MeetingsPage(when, shown, counts[UPCOMING], counts[PAST])


# What "Needs attention" reads of each meeting to come: what its checks and its times
# need (`meeting_plan`, `times_of`), and no more.
_ATTENTION_READS = (
    "format",
    "meets_on",
    "starts_at",
    "length_minutes",
    "invitations_on",
    "joining_details",
    "remote_support",
    "arrangements",
    "food",
    "caterer",
    "catering_sent_token",
    "catering_sent_on",
    "risk_assessment",
    "facilitator_id",
    "payment_on_the_day",
    "venue__name",
    "venue__checked_on",
    *(f"venue__{feature}" for feature in VENUE_FEATURES),
)


@dataclass(frozen=True)
class MeetingsSlice:
    """A slice of a project's meetings in date order (for the API), how many there are in
    all, and how many people gave each reply to each meeting of the slice."""

    total: int
    meetings: list[CheckedMeeting]
    replies: dict[int, dict[str, int]]


def meetings_slice(
    *,
    project: Project,
    offset: int,
    limit: int,
    from_date: datetime.date | None = None,
    to_date: datetime.date | None = None,
    when: str | None = None,
    today: datetime.date | None = None,
) -> MeetingsSlice:
    """Meetings by date, time and id (an order that never changes between requests), from
    `offset`, at most `limit`: the meetings to come with their checks, past ones without
    (as on the pages). `when`: only those to come (UPCOMING), or only past ones (PAST),
    the most recent first as on the meetings page. Seven queries however many meetings
    and people."""
    today = _today(today)
    found = _listed(project)
    order = ("meets_on", "starts_at", "pk")
    if when == UPCOMING:
        found = found.filter(meets_on__gte=today)
    elif when == PAST:
        found = found.filter(meets_on__lt=today)
        order = ("-meets_on", "-starts_at", "-pk")
    if from_date is not None:
        found = found.filter(meets_on__gte=from_date)
    if to_date is not None:
        found = found.filter(meets_on__lte=to_date)
    total = found.count()
    invited_count = (
        InvitedPerson.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    meetings = list(
        found.annotate(invited_total=Subquery(invited_count)).order_by(*order)[
            offset : offset + limit
        ]
    )
    totals = {each.pk: each.invited_total or 0 for each in meetings}
    upcoming = [each for each in meetings if each.meets_on >= today]
    checked = {
        each.meeting.pk: each for each in _with_checks(upcoming, today=today, invited_counts=totals)
    }
    replies: dict[int, dict[str, int]] = {each.pk: {} for each in meetings}
    for meeting_id, reply, count in (
        InvitedPerson.objects.filter(meeting_id__in=list(totals))
        .order_by()
        .values("meeting_id", "reply")
        .annotate(count=Count("pk"))
        .values_list("meeting_id", "reply", "count")
    ):
        replies[meeting_id][reply] = count
    return MeetingsSlice(
        total,
        [
            checked.get(each.pk) or CheckedMeeting(each, None, times_of(each), totals[each.pk])
            for each in meetings
        ],
        replies,
    )


@dataclass(frozen=True)
class MeetingsAttention:
    short_notice: int
    not_ready: int


def meetings_attention(
    *, project: Project, today: datetime.date | None = None
) -> MeetingsAttention:
    """For the project overview: meetings to come short of notice, and not ready. At most
    four queries; the people invited, their needs and the papers are read only for the
    meetings whose own plan does not already make them not ready."""
    today = _today(today)
    to_do = PaperworkItem.objects.filter(meeting=OuterRef("pk"), status=PaperworkStatus.TO_DO)
    upcoming = list(
        _listed(project)
        .filter(meets_on__gte=today)
        .annotate(paperwork_to_do=Exists(to_do))
        .only(*_ATTENTION_READS)
        .order_by("meets_on", "starts_at", "pk")
    )
    short_notice, not_ready, to_check = 0, 0, []
    for each in upcoming:
        # Whether any paperwork is to do is all the plan's own checks need of it.
        lines = (("", "", PaperworkStatus.TO_DO),) if each.paperwork_to_do else ()
        plan = meeting_plan(
            each,
            papers=(),
            paperwork=lines,
            note_tokens=(),
            notice_days=_notice_days_listed(each),
        )
        notice = checks.notice_check(
            meets_on=plan.meets_on,
            invitations_on=plan.invitations_on,
            today=today,
            minimum_days=plan.notice_days,
        )
        short_notice += notice.is_problem
        if checks.plan_not_ready(plan=plan, today=today):
            not_ready += 1
        else:
            to_check.append(each)
    if to_check:
        not_ready += sum(
            1 for each in _with_checks(to_check, today=today) if not each.readiness.ready
        )
    return MeetingsAttention(short_notice=short_notice, not_ready=not_ready)
