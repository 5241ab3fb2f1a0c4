"""Answers survive a new version of a guide where questions keep their ids."""

import pytest

from coplan.guides.engine import (
    Answer,
    AnswerState,
    GuideVersionError,
    MigrationNote,
    Resolution,
    answers_migrate,
    guide_read,
)


@pytest.fixture
def new_version(small_guide_text):
    text = (
        small_guide_text.replace("version = 1", "version = 2")
        .replace(
            'id = "budget"\ntext = "How much money is there?"\nkind = "money"',
            'id = "budget"\ntext = "Is there a budget?"\nkind = "yes-no"',
        )
        .replace(
            ', { id = "loop-system", text = "loop system" }',
            ', { id = "lighting", text = "lighting" }',
        )
        .replace(
            '[{ id = "all", text = "All" }, { id = "some", text = "Some" }]',
            '[{ id = "all", text = "All" }, { id = "part", text = "Part" }]',
        )
        .replace(
            'id = "helpers"\ntext = "Who do I know who has done co-production?"',
            'id = "experienced-people"\ntext = "Who do I know who has done co-production?"',
        )
        .replace('answer = "helpers"', 'answer = "experienced-people"')
        .replace('blocks_from = "helpers"', 'blocks_from = "experienced-people"')
        .replace('id = "not-fully"', 'id = "partly-co-produced"')
    )
    return guide_read(text, file="small-v2.toml")


def test_answers_to_surviving_questions_are_kept(small_guide, new_version):
    answers = {
        "how-much-time": Answer("1 year", note="Agreed with Jo"),
        "management-support": Answer(None, AnswerState.NOT_SURE_YET, note="Asking"),
    }

    migration = answers_migrate(old_guide=small_guide, new_guide=new_version, answers=answers)

    assert migration.answers == answers
    assert migration.dropped == ()
    assert migration.changed == ()


def test_answers_to_removed_or_changed_questions_are_dropped_and_reported(small_guide, new_version):
    answers = {
        "helpers": Answer(["Sam"]),
        "budget": Answer("500"),
        "scope": Answer("some"),
    }

    migration = answers_migrate(old_guide=small_guide, new_guide=new_version, answers=answers)

    assert migration.answers == {}
    assert migration.dropped == (
        MigrationNote(
            "helpers",
            "Who do I know who has done co-production?",
            "the question is no longer in the guide",
        ),
        MigrationNote(
            "budget",
            "How much money is there?",
            "the answer no longer fits the question (Choose yes, no or not sure)",
        ),
        MigrationNote(
            "scope",
            "Can all aspects be co-produced?",
            "the answer no longer fits the question (Choose one of the options)",
        ),
    )


def test_checklist_keeps_ticks_for_items_still_on_it(small_guide, new_version):
    answers = {"venue": Answer(["parking", "loop-system"])}

    migration = answers_migrate(old_guide=small_guide, new_guide=new_version, answers=answers)

    assert migration.answers == {"venue": Answer(["parking"])}
    assert migration.changed == (
        MigrationNote(
            "venue",
            "Is it appropriate/ accessible?",
            "ticks for items no longer on the checklist were taken off",
        ),
    )


def test_chosen_ways_forward_survive_when_their_ids_do(small_guide, new_version):
    kept = Resolution("too-short", "more-time")
    gone = Resolution("too-short", "not-fully", "Jo")

    migration = answers_migrate(
        old_guide=small_guide, new_guide=new_version, answers={}, resolutions=[kept, gone]
    )

    assert migration.resolutions == (kept,)
    assert migration.dropped_resolutions == (gone,)


def test_a_different_guide_is_not_a_new_version(small_guide, small_guide_text):
    other = guide_read(small_guide_text.replace('id = "small"', 'id = "other"'), file="other.toml")

    with pytest.raises(GuideVersionError) as raised:
        answers_migrate(old_guide=small_guide, new_guide=other, answers={})

    assert str(raised.value) == (
        '"A small guide" is not a new version of "A small guide": their ids differ.'
    )
