"""The computed checks: notice, times across clock changes, needs met, food, joining online,
papers. Pure Python: no database."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from coplan.meetings import checks
from coplan.meetings.checks import (
    Invitee,
    MeetingPlan,
    NoticeState,
    PaperPlan,
    PaperState,
    VenueAudit,
)

LONDON = "Europe/London"
TODAY = datetime.date(2027, 1, 10)
MEETS_ON = datetime.date(2027, 3, 1)
ALL_YES = dict.fromkeys(checks.VENUE_FEATURES, checks.YES)


def _plan(**fields) -> MeetingPlan:
    defaults = {
        "format": checks.IN_PERSON,
        "meets_on": MEETS_ON,
        "venue": VenueAudit("Town Hall", ALL_YES, datetime.date(2027, 1, 5)),
        "invitations_on": datetime.date(2027, 1, 20),
    }
    return MeetingPlan(**{**defaults, **fields})


def _person(key: int = 1, *needs: str, **fields) -> Invitee:
    return Invitee(key=key, needs=frozenset(needs), **fields)


def _unmet(plan: MeetingPlan, *people: Invitee) -> dict[str, tuple[int, ...]]:
    result = checks.needs_check(plan=plan, invitees=people)
    return {need.code: need.who for need in result.unmet}


def _check(readiness: checks.Readiness, key: str) -> checks.Check | None:
    return next((check for check in readiness.checks if check.key == key), None)


# Times ------------------------------------------------------------------------------------


def test_meeting_times_across_clocks_going_back_ends_by_time_passed():
    times = checks.meeting_times(
        meets_on=datetime.date(2026, 10, 25),
        starts_at=datetime.time(0, 30),
        length_minutes=180,
        zone=LONDON,
    )

    assert (times.ends.hour, times.ends.minute, times.clocks_change) == (2, 30, True)
    elapsed = times.ends.astimezone(datetime.UTC) - times.starts.astimezone(datetime.UTC)
    assert elapsed == datetime.timedelta(hours=3)


def test_meeting_times_across_clocks_going_forward_ends_an_hour_later_on_the_clock():
    times = checks.meeting_times(
        meets_on=datetime.date(2027, 3, 28),
        starts_at=datetime.time(0, 30),
        length_minutes=120,
        zone=LONDON,
    )

    assert (times.ends.hour, times.ends.minute, times.clocks_change) == (3, 30, True)


def test_meeting_times_on_an_ordinary_day_do_not_change_clocks():
    times = checks.meeting_times(
        meets_on=MEETS_ON, starts_at=datetime.time(10, 0), length_minutes=180, zone=LONDON
    )

    assert (times.starts.hour, times.ends.hour, times.clocks_change) == (10, 13, False)


def test_minutes_between_counts_the_extra_hour_when_clocks_go_back():
    minutes = checks.minutes_between(
        day=datetime.date(2026, 10, 25),
        starts_at=datetime.time(0, 30),
        ends_at=datetime.time(2, 30),
        zone=LONDON,
    )

    assert minutes == 180


def test_minutes_between_and_meeting_times_agree_across_a_clock_change():
    day, starts_at, ends_at = datetime.date(2027, 3, 28), datetime.time(0, 0), datetime.time(4, 0)
    minutes = checks.minutes_between(day=day, starts_at=starts_at, ends_at=ends_at, zone=LONDON)

    times = checks.meeting_times(
        meets_on=day, starts_at=starts_at, length_minutes=minutes, zone=LONDON
    )

    assert (minutes, times.ends.time()) == (180, ends_at)


def test_clock_problem_finds_a_time_that_does_not_exist_and_one_that_happens_twice():
    problems = [
        checks.clock_problem(day=datetime.date(2027, 3, 28), at=datetime.time(1, 30), zone=LONDON),
        checks.clock_problem(day=datetime.date(2026, 10, 25), at=datetime.time(1, 30), zone=LONDON),
        checks.clock_problem(day=MEETS_ON, at=datetime.time(1, 30), zone=LONDON),
    ]

    assert problems == [checks.ClockProblem.MISSING, checks.ClockProblem.TWICE, None]


# Notice ---------------------------------------------------------------------------------


def test_notice_invitation_exactly_28_days_before_is_enough():
    notice = checks.notice_check(
        meets_on=MEETS_ON, invitations_on=MEETS_ON - datetime.timedelta(days=28), today=TODAY
    )

    assert (notice.state, notice.days_given, notice.is_problem) == (NoticeState.ENOUGH, 28, False)


def test_notice_27_days_is_too_short():
    notice = checks.notice_check(
        meets_on=MEETS_ON, invitations_on=MEETS_ON - datetime.timedelta(days=27), today=TODAY
    )

    assert (notice.state, notice.is_problem) == (NoticeState.TOO_SHORT, True)


def test_notice_organisation_minimum_of_42_days_makes_28_too_short():
    notice = checks.notice_check(
        meets_on=MEETS_ON,
        invitations_on=MEETS_ON - datetime.timedelta(days=28),
        today=TODAY,
        minimum_days=42,
    )

    assert (notice.state, notice.minimum_days) == (NoticeState.TOO_SHORT, 42)


def test_notice_minimum_below_the_seed_is_raised_to_28():
    notice = checks.notice_check(
        meets_on=MEETS_ON,
        invitations_on=MEETS_ON - datetime.timedelta(days=20),
        today=TODAY,
        minimum_days=7,
    )

    assert (notice.state, notice.minimum_days) == (NoticeState.TOO_SHORT, 28)


def test_notice_without_a_date_is_still_possible_until_the_last_day():
    last_day = MEETS_ON - datetime.timedelta(days=28)

    states = [
        checks.notice_check(meets_on=MEETS_ON, invitations_on=None, today=day).state
        for day in (last_day, last_day + datetime.timedelta(days=1))
    ]

    assert states == [NoticeState.NOT_SET, NoticeState.TOO_LATE]


def test_notice_line_short_says_what_to_do_in_plain_words():
    plan = _plan(invitations_on=datetime.date(2027, 2, 15))

    line = _check(checks.meeting_readiness(plan=plan, invitees=[], today=TODAY), "notice")

    assert (line.ready, line.summary, line.next_step) == (
        False,
        "Invitations on 15 February 2027 give only 14 days' notice. "
        "People need at least 4 weeks' notice.",
        "Send the invitations by 1 February 2027, or move the meeting to 15 March 2027 or later.",
    )


# Needs met ---------------------------------------------------------------------------------


def test_needs_person_with_no_needs_has_nothing_unmet():
    result = checks.needs_check(plan=_plan(), invitees=[_person(1)])

    assert (result.unmet, result.people_checked, result.people_with_needs) == ((), 1, 0)


def test_needs_hearing_loop_met_by_the_venue():
    assert _unmet(_plan(), _person(1, "communication:hearing_loop")) == {}


def test_needs_hearing_loop_missing_at_the_venue_says_what_would_meet_it():
    venue = VenueAudit("Town Hall", {**ALL_YES, "hearing_loop": checks.NO}, TODAY)

    result = checks.needs_check(
        plan=_plan(venue=venue), invitees=[_person(7, "communication:hearing_loop")]
    )

    assert [(n.why, n.how, n.who) for n in result.unmet] == [
        (
            "Town Hall does not have a hearing loop",
            "Choose another venue, or book a portable hearing loop",
            (7,),
        )
    ]


def test_needs_portable_hearing_loop_meets_it_at_a_venue_without_one():
    venue = VenueAudit("Town Hall", {**ALL_YES, "hearing_loop": checks.NO}, TODAY)
    plan = _plan(venue=venue, arrangements=frozenset({"portable_hearing_loop"}))

    assert _unmet(plan, _person(1, "communication:hearing_loop")) == {}


def test_needs_venue_with_no_audit_yet_leaves_venue_needs_unmet_as_not_checked():
    venue = VenueAudit("New Hall")  # no answers, no date

    result = checks.needs_check(
        plan=_plan(venue=venue),
        invitees=[_person(1, "mobility:step_free", "mobility:accessible_toilet")],
    )

    assert [n.why for n in result.unmet] == [
        "Nobody has checked whether New Hall has an accessible toilet",
        "Nobody has checked whether New Hall has step-free access",
    ]


def test_needs_no_venue_chosen_for_a_meeting_in_person():
    assert _unmet(_plan(venue=None), _person(1, "mobility:wheelchair")) == {
        "mobility:wheelchair": (1,)
    }


def test_needs_person_not_coming_is_left_out():
    result = checks.needs_check(
        plan=_plan(venue=None),
        invitees=[_person(1, "mobility:wheelchair", reply=checks.NOT_COMING)],
    )

    assert (result.unmet, result.people_checked) == ((), 0)


def test_needs_venue_needs_do_not_apply_to_someone_coming_online():
    plan = _plan(format=checks.BOTH, venue=None)

    unmet = _unmet(
        plan, _person(1, "mobility:step_free", "communication:hearing_loop", reply="online")
    )

    assert unmet == {}


def test_needs_bsl_interpreter_needed_online_too():
    plan = _plan(format=checks.ONLINE, venue=None)

    assert _unmet(plan, _person(1, "communication:bsl_interpreter")) == {
        "communication:bsl_interpreter": (1,)
    }
    assert (
        _unmet(
            _plan(format=checks.ONLINE, arrangements=frozenset({"bsl_interpreter"})),
            _person(1, "communication:bsl_interpreter"),
        )
        == {}
    )


def test_needs_captions_for_online_meeting_met_when_arranged():
    plan = _plan(format=checks.ONLINE, venue=None, arrangements=frozenset({"captions"}))

    assert _unmet(plan, _person(1, "communication:captions")) == {}


def test_needs_join_remotely_not_met_by_meeting_in_person_only():
    assert _unmet(_plan(), _person(1, "support:join_remotely")) == {"support:join_remotely": (1,)}
    assert _unmet(_plan(format=checks.BOTH), _person(1, "support:join_remotely")) == {}


def test_needs_reminders_wanted_only_as_days_before_is_a_need():
    person = _person(1, wants_reminders=True)

    assert _unmet(_plan(), person) == {checks.REMINDER_WANTED: (1,)}
    assert _unmet(_plan(arrangements=frozenset({"reminders"})), person) == {}


def test_needs_people_with_the_same_unmet_need_are_listed_together():
    venue = VenueAudit("Town Hall", {**ALL_YES, "step_free": checks.NO}, TODAY)

    result = checks.needs_check(
        plan=_plan(venue=venue),
        invitees=[_person(1, "mobility:step_free"), _person(2, "mobility:step_free")],
    )

    assert [(n.code, n.who) for n in result.unmet] == [("mobility:step_free", (1, 2))]
    assert result.people_with_unmet == 2


def test_needs_changed_keeps_the_check_not_ready():
    result = checks.needs_check(plan=_plan(), invitees=[_person(3, needs_changed=True)])

    assert (result.all_met, result.needs_changed) == (False, (3,))


def test_needs_papers_early_needs_papers_a_week_before():
    late_paper = PaperPlan(1, "Agenda", send_by=MEETS_ON - datetime.timedelta(days=3))
    early_paper = PaperPlan(2, "Agenda", send_by=MEETS_ON - datetime.timedelta(days=7))

    assert _unmet(_plan(papers=(late_paper,)), _person(1, "support:papers_early")) == {
        "support:papers_early": (1,)
    }
    assert _unmet(_plan(papers=(early_paper,)), _person(1, "support:papers_early")) == {}


# Food ----------------------------------------------------------------------------------------


def _food_plan(**fields) -> MeetingPlan:
    return _plan(food=checks.FOOD_PROVIDED, has_caterer=True, **fields)


def test_catering_summary_counts_dietary_needs_with_no_names():
    people = [
        _person(1, "dietary:vegan", "dietary:gluten_free", reply="in_person"),
        _person(2, "dietary:vegan"),
        _person(3, "dietary:halal", reply="not_coming"),
        _person(4, "dietary:kosher", reply="online"),
        _person(5, dietary_notes="Sesame allergy"),
    ]

    summary = checks.catering_summary(plan=_food_plan(), invitees=people)

    assert (summary.coming, summary.not_replied, summary.people) == (1, 2, 3)
    assert summary.counts == (
        ("dietary:vegan", "Vegan", 2),
        ("dietary:gluten_free", "No gluten (for example, coeliac disease)", 1),
    )
    assert summary.notes == ("Sesame allergy",)
    assert "Vegan: 2" in summary.as_text(heading="Lunch")


def test_dietary_need_unmet_until_the_caterer_has_the_summary():
    people = [_person(1, "dietary:vegan")]
    summary = checks.catering_summary(plan=_food_plan(), invitees=people)

    before = _unmet(_food_plan(), *people)
    after = _unmet(_food_plan(catering_sent=summary.snapshot()), *people)

    assert (before, after) == ({"dietary:vegan": (1,)}, {})


def test_dietary_need_unmet_again_when_more_people_need_it_than_the_caterer_knows():
    sent = checks.catering_summary(plan=_food_plan(), invitees=[_person(1, "dietary:vegan")])
    plan = _food_plan(catering_sent=sent.snapshot())

    result = checks.needs_check(
        plan=plan, invitees=[_person(1, "dietary:vegan"), _person(2, "dietary:vegan")]
    )

    assert [(n.why, n.who) for n in result.unmet] == [
        ("The numbers have changed since the caterer was told", (1, 2))
    ]


def test_food_line_notices_a_change_since_the_caterer_was_told():
    sent = checks.catering_summary(plan=_food_plan(), invitees=[_person(1)])
    plan = _food_plan(catering_sent=sent.snapshot())

    line = _check(
        checks.meeting_readiness(plan=plan, invitees=[_person(1), _person(2)], today=TODAY),
        "food",
    )

    assert (line.ready, line.next_step) == (False, "Send the new catering summary to the caterer.")


def test_food_not_decided_is_not_ready():
    line = _check(checks.meeting_readiness(plan=_plan(), invitees=[], today=TODAY), "food")

    assert line.ready is False


def test_food_check_left_out_for_an_online_meeting():
    readiness = checks.meeting_readiness(
        plan=_plan(format=checks.ONLINE, venue=None), invitees=[], today=TODAY
    )

    assert _check(readiness, "food") is None


# Joining online ------------------------------------------------------------------------------


def test_remote_online_meeting_without_joining_details_is_not_ready():
    plan = _plan(format=checks.ONLINE, venue=None)

    line = _check(checks.meeting_readiness(plan=plan, invitees=[], today=TODAY), "remote")

    assert (line.ready, line.next_step) == (
        False,
        "Add how to join (a link or phone number) and help for people joining online before "
        "the invitations go out on 20 January 2027.",
    )


def test_remote_ready_with_joining_details_and_support():
    plan = _plan(format=checks.BOTH, has_joining_details=True, has_remote_support=True)

    line = _check(checks.meeting_readiness(plan=plan, invitees=[], today=TODAY), "remote")

    assert line.ready is True


def test_remote_someone_replied_online_to_a_meeting_in_person_only():
    line = _check(
        checks.meeting_readiness(plan=_plan(), invitees=[_person(1, reply="online")], today=TODAY),
        "remote",
    )

    assert line.ready is False


def test_remote_check_left_out_for_in_person_with_no_online_replies():
    readiness = checks.meeting_readiness(plan=_plan(), invitees=[_person(1)], today=TODAY)

    assert _check(readiness, "remote") is None


# Papers ---------------------------------------------------------------------------------------


def test_paper_sent_by_its_date_in_every_format_asked_for_is_ready():
    paper = PaperPlan(
        1,
        "Agenda",
        send_by=datetime.date(2027, 2, 1),
        formats=frozenset({"standard", "large_print"}),
        sent_on=datetime.date(2027, 1, 30),
    )

    found = checks.paper_check(paper, asked={"large_print": 2}, today=TODAY)

    assert (found.state, found.missing_formats, found.is_ready) == (PaperState.SENT, (), True)


def test_paper_missing_a_format_someone_asked_for_is_not_ready():
    paper = PaperPlan(
        1, "Agenda", send_by=datetime.date(2027, 2, 1), sent_on=datetime.date(2027, 1, 30)
    )

    found = checks.paper_check(paper, asked={"easy_read": 1}, today=TODAY)

    assert (found.missing_formats, found.is_ready) == ((("easy_read", 1),), False)


def test_paper_not_sent_after_its_date_is_late():
    paper = PaperPlan(1, "Agenda", send_by=datetime.date(2027, 1, 9))

    assert checks.paper_check(paper, asked={}, today=TODAY).state is PaperState.LATE


def test_formats_asked_leave_out_people_not_coming():
    people = [
        _person(1, formats=frozenset({"braille"}), reply="not_coming"),
        _person(2, formats=frozenset({"easy_read"})),
    ]

    assert dict(checks.formats_asked(invitees=people)) == {"easy_read": 1}


# The whole list -------------------------------------------------------------------------------


def test_readiness_a_well_planned_meeting_is_ready():
    people = [_person(1, "communication:hearing_loop", "dietary:vegan", reply="in_person")]
    plan = _food_plan(
        has_facilitator=True,
        has_payment_plan=True,
        risk_assessment=checks.RISK_DONE,
        paperwork=(("agenda", "Copies of the agenda", checks.PAPERWORK_READY),),
        papers=(
            PaperPlan(
                1,
                "Agenda",
                datetime.date(2027, 2, 1),
                frozenset({"standard"}),
                datetime.date(2027, 1, 9),
            ),
        ),
    )
    plan = _food_plan(
        **{
            name: getattr(plan, name)
            for name in ("has_facilitator", "has_payment_plan", "risk_assessment", "paperwork")
        },
        papers=plan.papers,
        catering_sent=checks.catering_summary(plan=plan, invitees=people).snapshot(),
    )

    readiness = checks.meeting_readiness(plan=plan, invitees=people, today=TODAY)

    assert [c.key for c in readiness.not_ready] == []
    assert readiness.ready is True


def test_readiness_a_new_meeting_lists_what_to_do():
    readiness = checks.meeting_readiness(
        plan=_plan(venue=None, invitations_on=None), invitees=[], today=TODAY
    )

    assert [c.key for c in readiness.not_ready] == [
        "notice",
        "venue",
        "invited",
        "food",
        "risk",
        "staffing",
        "payment",
    ]
    assert all(c.next_step for c in readiness.not_ready)


def test_readiness_venue_with_no_audit_yet_is_not_ready():
    readiness = checks.meeting_readiness(
        plan=_plan(venue=VenueAudit("New Hall")), invitees=[], today=TODAY
    )

    line = _check(readiness, "venue")
    assert (line.ready, line.summary) == (
        False,
        "Nobody has checked how accessible New Hall is.",
    )


def test_readiness_venue_checked_over_a_year_ago_is_checked_again():
    venue = VenueAudit("Town Hall", ALL_YES, datetime.date(2025, 12, 1))

    readiness = checks.meeting_readiness(plan=_plan(venue=venue), invitees=[], today=TODAY)
    line = _check(readiness, "venue")

    assert line.ready is False


def test_needs_someone_replying_in_person_to_an_online_meeting_needs_no_venue():
    plan = _plan(format=checks.ONLINE, venue=None)

    assert _unmet(plan, _person(1, "mobility:wheelchair", reply="in_person")) == {}


def test_papers_whose_send_by_date_is_after_a_moved_meeting_are_not_ready():
    paper = PaperPlan(1, "Agenda", send_by=MEETS_ON + datetime.timedelta(days=3))

    line = _check(
        checks.meeting_readiness(plan=_plan(papers=(paper,)), invitees=[], today=TODAY), "papers"
    )

    assert (line.ready, line.next_step) == (False, "Change the send-by date of ‘Agenda’.")


# The overview's shortcut (issue 16) ---------------------------------------------------


@given(
    format_=st.sampled_from([checks.IN_PERSON, checks.ONLINE, checks.BOTH]),
    has_venue=st.booleans(),
    invitations_in=st.one_of(st.none(), st.integers(min_value=-60, max_value=60)),
    has_facilitator=st.booleans(),
    has_payment_plan=st.booleans(),
    risk=st.sampled_from([checks.RISK_TO_DO, checks.RISK_DONE]),
    paperwork=st.sampled_from([checks.PAPERWORK_TO_DO, checks.PAPERWORK_READY]),
    people=st.lists(
        st.tuples(
            st.sampled_from(["no_reply", "in_person", "online", "not_coming"]),
            st.sets(st.sampled_from(["communication:hearing_loop", "dietary:vegan"])),
        ),
        max_size=3,
    ),
)
def test_plan_not_ready_means_not_ready_whoever_is_invited(
    format_, has_venue, invitations_in, has_facilitator, has_payment_plan, risk, paperwork, people
):
    plan = _plan(
        format=format_,
        venue=VenueAudit("Town Hall", ALL_YES, datetime.date(2027, 1, 5)) if has_venue else None,
        invitations_on=None
        if invitations_in is None
        else TODAY + datetime.timedelta(days=invitations_in),
        has_facilitator=has_facilitator,
        has_payment_plan=has_payment_plan,
        risk_assessment=risk,
        paperwork=(("agenda", "Copies of the agenda", paperwork),),
    )
    invitees = [
        _person(key, *needs, reply=reply) for key, (reply, needs) in enumerate(people, start=1)
    ]

    readiness = checks.meeting_readiness(plan=plan, invitees=invitees, today=TODAY)

    if checks.plan_not_ready(plan=plan, today=TODAY):
        assert readiness.ready is False
