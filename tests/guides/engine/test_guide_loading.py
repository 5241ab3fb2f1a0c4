"""Loading guides: the default guides and an organisation's own file."""

import pytest

from coplan.guides.engine import (
    DEFAULT_GUIDES_FOLDER,
    AnswerKind,
    Guide,
    Level,
    Link,
    Option,
    default_guides,
    guide_load,
)


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    return {guide.id: guide for guide in default_guides()}


def test_default_guides_are_the_seed_sheets_and_key_essentials(guides):
    assert [(g.id, g.title, g.version) for g in guides.values()] == [
        ("at-the-start", "At the start", 1),
        ("planning-meetings", "Planning meetings and workshops", 1),
        ("key-essentials", "Managing meetings and workshops: key essentials", 1),
    ]


def test_at_the_start_has_the_seed_sections(guides):
    assert [section.title for section in guides["at-the-start"].sections] == [
        "Getting started: motive and scope",
        "Budget, legal factors and governance",
        "Getting the right people along",
        "Representation and involvement",
        "Timing and communication",
        "Finally…",
    ]


def test_planning_meetings_has_the_seed_sections(guides):
    assert [section.title for section in guides["planning-meetings"].sections] == [
        "Practical matters (venue, catering, resources)",
        "Accessibility and involvement",
        "Managing the session(s)",
        "Feedback and learning",
    ]


@pytest.mark.parametrize(
    ("guide_id", "question_id", "kind", "choices"),
    [
        ("at-the-start", "how-much-time", AnswerKind.DURATION, 0),
        ("at-the-start", "who-has-done-co-production", AnswerKind.PEOPLE, 0),
        ("at-the-start", "management-support", AnswerKind.YES_NO, 0),
        ("at-the-start", "which-aspects", AnswerKind.CHOICE, 3),
        ("at-the-start", "policies-known", AnswerKind.CHECKLIST, 5),
        ("at-the-start", "initial-communication", AnswerKind.CHECKLIST, 9),
        ("planning-meetings", "venue-accessible", AnswerKind.CHECKLIST, 7),
        ("planning-meetings", "paperwork", AnswerKind.CHECKLIST, 8),
        ("planning-meetings", "needs-asked", AnswerKind.CHECKLIST, 4),
        ("planning-meetings", "when-to-send", AnswerKind.DATE, 0),
        ("key-essentials", "essentials", AnswerKind.CHECKLIST, 14),
    ],
)
def test_default_questions_have_sensible_answer_kinds(guides, guide_id, question_id, kind, choices):
    question = guides[guide_id].question(question_id)

    assert (question.kind, len(question.choices)) == (kind, choices)


def test_the_first_rule_is_the_seed_time_frame_stop(guides):
    rule = guides["at-the-start"].rules[0]

    assert (rule.id, rule.level, rule.blocks_from) == (
        "time-frame-too-short",
        Level.STOP,
        "management-support",
    )
    assert [(way.id, way.needs_agreement) for way in rule.ways_forward] == [
        ("more-time", True),
        ("not-fully-co-produced", True),
    ]


def test_the_if_there_is_enough_time_heading_comes_before_management_support(guides):
    question = guides["at-the-start"].question("management-support")

    assert question.heading == "If there is enough time for the project to be co-produced:"


def test_facilitation_tool_links_are_web_addresses(guides):
    section = guides["planning-meetings"].sections[2]

    assert section.links_intro == "For tools to facilitate meetings and workshops, see:"
    assert section.links[0] == Link(
        "Seeds for Change: tools", "https://seedsforchange.org.uk/tools"
    )


def test_an_organisations_own_guide_loads_from_a_file(tmp_path, small_guide_text):
    path = tmp_path / "our-guide.toml"
    path.write_text(small_guide_text, encoding="utf-8")

    guide = guide_load(path)

    assert (guide.id, guide.file, len(guide.questions), len(guide.rules)) == (
        "small",
        "our-guide.toml",
        6,
        4,
    )
    assert guide.question("scope").options == (Option("all", "All"), Option("some", "Some"))


def test_default_guides_folder_holds_only_the_default_guides():
    names = sorted(path.name for path in DEFAULT_GUIDES_FOLDER.glob("*.toml"))

    assert names == ["at-the-start.toml", "key-essentials.toml", "planning-meetings.toml"]
