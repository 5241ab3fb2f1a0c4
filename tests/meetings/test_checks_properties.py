"""Property-based tests of the pure checks: they never raise, and what they say holds."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from coplan.meetings import checks
from coplan.people.needs import CATEGORIES

LONDON = "Europe/London"
ALL_CODES = [f"{c.code}:{option}" for c in CATEGORIES for option, _ in c.options]
DATES = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 12, 31))
ANSWERS = st.sampled_from([checks.YES, checks.NO, checks.NOT_CHECKED, "nonsense"])
REPLIES = st.sampled_from(
    [checks.NO_REPLY, checks.REPLY_IN_PERSON, checks.REPLY_ONLINE, checks.NOT_COMING]
)
FORMATS = st.sampled_from([*list(checks.FORMAT_WORDS), "made_up"])

venues = st.one_of(
    st.none(),
    st.builds(
        checks.VenueAudit,
        name=st.text(min_size=1, max_size=30),
        answers=st.dictionaries(st.sampled_from(list(checks.VENUE_FEATURES)), ANSWERS),
        checked_on=st.one_of(st.none(), DATES),
    ),
)
invitees = st.lists(
    st.builds(
        checks.Invitee,
        key=st.integers(min_value=1, max_value=10_000),
        reply=REPLIES,
        needs=st.frozensets(st.sampled_from([*ALL_CODES, "made:up"])),
        dietary_notes=st.text(max_size=40),
        wants_reminders=st.booleans(),
        formats=st.frozensets(FORMATS),
        needs_changed=st.booleans(),
    ),
    max_size=12,
    unique_by=lambda invitee: invitee.key,
)
papers = st.lists(
    st.builds(
        checks.PaperPlan,
        key=st.integers(min_value=1, max_value=1000),
        title=st.text(max_size=20),
        send_by=DATES,
        formats=st.frozensets(FORMATS),
        sent_on=st.one_of(st.none(), DATES),
    ),
    max_size=4,
)
plans = st.builds(
    checks.MeetingPlan,
    format=st.sampled_from([checks.IN_PERSON, checks.ONLINE, checks.BOTH]),
    meets_on=DATES,
    venue=venues,
    invitations_on=st.one_of(st.none(), DATES),
    notice_days=st.integers(min_value=0, max_value=400),
    has_joining_details=st.booleans(),
    has_remote_support=st.booleans(),
    arrangements=st.frozensets(st.sampled_from(list(checks.ARRANGEMENTS))),
    food=st.sampled_from(
        [checks.FOOD_NOT_DECIDED, checks.FOOD_PROVIDED, checks.DRINKS_ONLY, checks.NO_FOOD]
    ),
    has_caterer=st.booleans(),
    catering_sent=st.one_of(
        st.none(),
        st.fixed_dictionaries(
            {"counts": st.dictionaries(st.sampled_from(ALL_CODES), st.integers(0, 5))}
        ),
    ),
    risk_assessment=st.sampled_from([checks.RISK_TO_DO, checks.RISK_DONE, checks.RISK_NOT_NEEDED]),
    has_facilitator=st.booleans(),
    has_payment_plan=st.booleans(),
    paperwork=st.lists(
        st.tuples(
            st.just("agenda"),
            st.just("Copies of the agenda"),
            st.sampled_from(
                [checks.PAPERWORK_TO_DO, checks.PAPERWORK_READY, checks.PAPERWORK_NOT_NEEDED]
            ),
        ),
        max_size=3,
    ).map(tuple),
    papers=papers.map(tuple),
)


@settings(max_examples=300, deadline=None)
@given(plan=plans, people=invitees, today=DATES)
def test_readiness_never_raises_and_ready_means_every_check_ready(plan, people, today):
    readiness = checks.meeting_readiness(plan=plan, invitees=people, today=today)

    assert readiness.ready == all(check.ready for check in readiness.checks)
    assert all(check.summary for check in readiness.checks)
    assert all(check.next_step for check in readiness.not_ready)
    assert len({check.key for check in readiness.checks}) == len(readiness.checks)


@settings(max_examples=300, deadline=None)
@given(plan=plans, people=invitees)
def test_unmet_needs_are_only_for_people_who_may_come_and_have_that_need(plan, people):
    result = checks.needs_check(plan=plan, invitees=people)
    by_key = {invitee.key: invitee for invitee in people}

    for need in result.unmet:
        for key in need.who:
            invitee = by_key[key]
            assert invitee.reply != checks.NOT_COMING
            assert need.code in checks.need_codes(invitee)
        assert need.why
        assert need.how
    assert result.people_checked == sum(1 for i in people if i.reply != checks.NOT_COMING)


@settings(max_examples=300, deadline=None)
@given(plan=plans, people=invitees)
def test_catering_counts_never_exceed_the_people_expected(plan, people):
    summary = checks.catering_summary(plan=plan, invitees=people)

    assert all(0 < count <= summary.people for _, _, count in summary.counts)
    assert summary.people <= sum(1 for i in people if i.reply != checks.NOT_COMING)
    assert checks.catering_is_current(
        plan=checks.MeetingPlan(
            format=plan.format, meets_on=plan.meets_on, catering_sent=summary.snapshot()
        ),
        summary=summary,
    )


@given(meets_on=DATES, invitations_on=DATES, today=DATES, minimum=st.integers(0, 400))
def test_notice_enough_exactly_when_days_given_reach_the_minimum(
    meets_on, invitations_on, today, minimum
):
    notice = checks.notice_check(
        meets_on=meets_on, invitations_on=invitations_on, today=today, minimum_days=minimum
    )

    days = (meets_on - invitations_on).days
    assert notice.is_enough == (days >= max(minimum, checks.NOTICE_DAYS))
    assert notice.is_problem == (not notice.is_enough)


@given(
    day=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2099, 12, 30)),
    starts_at=st.times(),
    length=st.integers(min_value=1, max_value=24 * 60),
)
def test_meeting_times_end_is_always_the_length_after_the_start(day, starts_at, length):
    times = checks.meeting_times(
        meets_on=day, starts_at=starts_at.replace(microsecond=0), length_minutes=length, zone=LONDON
    )

    elapsed = times.ends.astimezone(datetime.UTC) - times.starts.astimezone(datetime.UTC)
    assert elapsed == datetime.timedelta(minutes=length)
