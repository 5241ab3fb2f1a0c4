"""Each permission and predicate of coplan.feedback.rules, and the general feeling's words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coplan.feedback import bank, rules
from coplan.feedback.models import FeedbackQuestion
from coplan.feedback.selectors import AnswerCount, feeling_sentence
from coplan.projects.roles import Role

STAFF_SEE = {Role.LEAD, Role.FACILITATOR, Role.MANAGER}
RUN = {Role.LEAD, Role.FACILITATOR}


@pytest.mark.parametrize(
    ("permission", "roles"),
    [
        (rules.VIEW_FEEDBACK, STAFF_SEE),
        (rules.MANAGE_FEEDBACK, RUN),
        (rules.VIEW_YOU_SAID_WE_DID, set(Role)),
        (rules.EDIT_YOU_SAID_WE_DID, RUN),
        (rules.SEND_YOU_SAID_WE_DID, {Role.LEAD}),
        (rules.WRITE_REFLECTION, RUN),
        (rules.VIEW_REFLECTIONS, set(Role)),
        (rules.VIEW_LESSONS, set(Role)),
        (rules.ADD_LESSONS, RUN),
    ],
)
def test_permission_allows_exactly_its_roles(permission, roles):
    assert {role for role in Role if permission.allows(role)} == roles


def test_a_reflection_is_read_by_its_author_or_once_shared():
    assert rules.reflection_may_read(user_id=1, author_id=1, is_shared=False)
    assert not rules.reflection_may_read(user_id=2, author_id=1, is_shared=False)
    assert rules.reflection_may_read(user_id=2, author_id=1, is_shared=True)


def test_only_its_author_changes_a_reflection_even_when_shared():
    assert rules.reflection_may_change(user_id=1, author_id=1)
    assert not rules.reflection_may_change(user_id=2, author_id=1)


def test_every_bank_question_has_easy_read_words_and_a_known_kind():
    for question in bank.question_bank():
        assert question.kind in bank.KINDS
        assert question.easy_read
        assert (question.kind == bank.FEELING) == bool(question.feeling)


def test_every_picture_has_a_text_alternative():
    names = {choice.picture for kind in bank.KINDS.values() for choice in kind.choices}
    assert {name: bool(bank.picture_title(name)) for name in names} == dict.fromkeys(names, True)


@given(
    counts=st.lists(st.integers(min_value=0, max_value=10_000), min_size=3, max_size=3),
    kind=st.sampled_from([bank.FEELING, bank.YES_NO]),
    with_phrase=st.booleans(),
)
def test_general_feeling_never_fails_and_names_the_top_answer(counts, kind, with_phrase):
    question = FeedbackQuestion(
        kind=kind,
        standard="Q?",
        easy_read="Q?",
        feeling="said it was" if with_phrase else "",
    )
    choices = bank.KINDS[kind].choices
    shown = tuple(
        AnswerCount(choice.value, choice.label, choice.picture, count)
        for choice, count in zip(choices, counts, strict=True)
    )
    answered = sum(counts)

    sentence = feeling_sentence(question, shown, answered)

    if not answered:
        assert sentence == ""
    else:
        top = max(counts)
        assert f"{top:,}" in sentence
        assert sentence.endswith(".")
