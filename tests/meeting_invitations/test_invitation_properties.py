"""Property tests for building invitations: never raises, every seed item is either in
the invitation or pointed out as missing, and the text for reading holds every section."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from coplan.meeting_invitations.invitations import (
    ITEM_KEYS,
    MeetingFacts,
    PersonFacts,
    Wording,
    invitation_build,
    text_for_reading,
)

words = st.text(max_size=60)
facts = st.builds(
    MeetingFacts,
    project_name=st.text(min_size=1, max_size=40),
    project_description=words,
    project_starts=st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 1, 1)),
    project_ends=st.dates(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)),
    key_dates=st.just(()),
    title=st.text(min_size=1, max_size=40),
    purpose=words,
    format=st.sampled_from(["in_person", "online", "both"]),
    meets_on=st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 1)),
    starts_at=st.times(),
    length_minutes=st.integers(1, 12 * 60),
    zone=st.just("Europe/London"),
    venue_name=words,
    venue_address=words,
    joining_details=words,
    food=st.sampled_from(["not_decided", "provided", "drinks_only", "none"]),
    payment_on_the_day=words,
)
wording = st.builds(
    Wording,
    message=words,
    how_it_affects=words,
    getting_involved=words,
    commitment=words,
    training=words,
    payment=words,
)
person = st.one_of(st.none(), st.builds(PersonFacts, name=st.text(min_size=1, max_size=30)))


@given(facts=facts, wording=wording, person=person)
def test_every_item_is_in_the_invitation_or_pointed_out(facts, wording, person):
    invitation = invitation_build(facts=facts, wording=wording, person=person)

    present = {section.key for section in invitation.sections}
    missing = {item.key for item in invitation.missing}
    expected = set(ITEM_KEYS) if person is not None else set(ITEM_KEYS) - {"role"}
    assert (present | missing) >= expected
    assert {"project", "key_dates", "when", "length"} <= present
    text = text_for_reading(invitation, reply_link="https://example.org/r/")
    assert all(section.heading in text for section in invitation.sections)
    assert "https://example.org/r/" in text
