"""A broken guide file fails with messages naming the file, the place and the problem."""

import pytest

from coplan.guides.engine import GuideFileError, GuideProblem, guide_load, guide_read

MINIMAL = """
[guide]
id = "tiny"
title = "Tiny"
version = 1

[[sections]]
id = "only"
title = "Only section"

[[sections.questions]]
id = "answer-me"
text = "Answer me?"
kind = "yes-no"
"""


def _broken(small_guide_text: str, old: str, new: str) -> str:
    assert old in small_guide_text
    return small_guide_text.replace(old, new, 1)


def _one(problems: list[GuideProblem]) -> GuideProblem:
    assert len(problems) == 1, [str(problem) for problem in problems]
    return problems[0]


def test_unknown_answer_kind_names_file_question_and_kind(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'kind = "yes-no"', 'kind = "yesno"')

    problem = _one(read_problems(text))

    assert problem.file == "broken.toml"
    assert problem.place == 'sections[0].questions[1].kind (question "management-support")'
    assert problem.problem.startswith('the answer kind "yesno" is not known; use one of: text,')


def test_rule_naming_missing_question_names_rule_and_question(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'answer = "helpers", is_empty', 'answer = "helper", is_empty')

    problem = _one(read_problems(text))

    assert problem.place == 'rules[1].when.answer (rule "nobody-to-help")'
    assert problem.problem == 'names question "helper", which is not in this guide'


def test_rule_about_missing_question_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'about = "management-support"', 'about = "support"')

    problem = _one(read_problems(text))

    assert problem.place == 'rules[3].about (rule "no-support")'
    assert problem.problem == 'names question "support", which is not in this guide'


def test_rule_naming_unlisted_fact_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, '{ fact = "project-end" }', '{ fact = "project-finish" }')

    problem = _one(read_problems(text))

    assert problem.place == 'rules[0].when.any[1].time_between[1].fact (rule "too-short")'
    assert problem.problem == (
        'names fact "project-finish", which is not listed in this guide\'s [[facts]]'
    )


def test_duplicate_question_id_across_sections_names_both_places(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'id = "budget"', 'id = "venue"')

    problems = read_problems(text)

    assert [str(problem) for problem in problems] == [
        'broken.toml, sections[1].questions[1]: the question id "venue" '
        "is used twice (first at sections[0].questions[2])"
    ]


def test_duplicate_section_id_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'id = "second"', 'id = "first"')

    problem = _one(read_problems(text))

    assert problem.place == "sections[1]"
    assert problem.problem == 'the section id "first" is used twice (first at sections[0])'


def test_duplicate_rule_id_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'id = "venue-checks"', 'id = "no-support"')

    problem = _one(read_problems(text))

    assert problem.place == "rules[3]"
    assert problem.problem == 'the rule id "no-support" is used twice (first at rules[2])'


def test_duplicate_checklist_item_id_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, '{ id = "loop-system", text', '{ id = "parking", text')

    problem = _one(read_problems(text))

    assert problem.place == 'sections[0].questions[2].items[1] (question "venue")'
    assert problem.problem.startswith('the item id "parking" is used twice')


def test_duplicate_way_forward_id_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'id = "not-fully"', 'id = "more-time"')

    problem = _one(read_problems(text))

    assert problem.place == 'rules[0].ways_forward[1] (rule "too-short")'
    assert problem.problem.startswith('the way forward id "more-time" is used twice')


@pytest.mark.parametrize(
    ("old", "new", "place", "message"),
    [
        (
            'text = "Do I have support from management?"\n',
            "",
            'sections[0].questions[1] (question "management-support")',
            '"text" is missing',
        ),
        ('title = "A small guide"\n', "", "guide", '"title" is missing'),
        ("version = 1\n", "", "guide", '"version" is missing'),
        (
            'message = "Nobody to help."\n',
            "",
            'rules[1] (rule "nobody-to-help")',
            '"message" is missing',
        ),
        (
            'when = { answer = "helpers", is_empty = true }\n',
            "",
            'rules[1] (rule "nobody-to-help")',
            '"when" is missing: say when this rule applies',
        ),
        ('level = "reminder"\n', "", 'rules[2] (rule "venue-checks")', '"level" is missing'),
    ],
)
def test_missing_required_key_is_named(small_guide_text, read_problems, old, new, place, message):
    problem = _one(read_problems(_broken(small_guide_text, old, new)))

    assert (problem.place, problem.problem) == (place, message)


def test_missing_guide_table_is_a_problem(read_problems):
    text = MINIMAL.replace('[guide]\nid = "tiny"\ntitle = "Tiny"\nversion = 1\n', "")

    problems = read_problems(text)

    assert str(problems[0]) == (
        "broken.toml, the top of the file: "
        "the [guide] table is missing (with id, title and version)"
    )


def test_choice_with_one_option_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, ', { id = "some", text = "Some" }', "")

    problem = _one(read_problems(text))

    assert problem.place == 'sections[1].questions[2].options (question "scope")'
    assert problem.problem == "a choice question needs at least two options, each with id and text"


def test_checklist_without_items_is_a_problem(read_problems):
    text = MINIMAL.replace('kind = "yes-no"', 'kind = "checklist"')

    problem = _one(read_problems(text))

    assert problem.place == 'sections[0].questions[0].items (question "answer-me")'
    assert problem.problem == "a checklist question needs at least one item, each with id and text"


def test_options_on_a_yes_no_question_are_a_problem(read_problems):
    text = MINIMAL + 'options = [{ id = "a", text = "A" }, { id = "b", text = "B" }]\n'

    problem = _one(read_problems(text))

    assert problem.place == 'sections[0].questions[0].options (question "answer-me")'
    assert problem.problem == 'only a choice question has "options", not a yes-no one'


def test_option_without_text_and_bad_id_are_both_problems(small_guide_text, read_problems):
    text = _broken(small_guide_text, '{ id = "some", text = "Some" }', '{ id = "Some Things" }')

    problems = read_problems(text)

    assert [(p.place, p.problem) for p in problems] == [
        (
            'sections[1].questions[2].options[1].id (question "scope")',
            'the id "Some Things" should use only small letters, numbers and single dashes, '
            'like "venue-booked"',
        ),
        ('sections[1].questions[2].options[1] (question "scope")', '"text" is missing'),
    ]


def test_misspelt_key_suggests_the_right_word(read_problems):
    text = MINIMAL.replace('kind = "yes-no"', 'kind = "yes-no"\nguidence = "Think first."')

    problem = _one(read_problems(text))

    assert problem.place == 'sections[0].questions[0] (question "answer-me")'
    assert problem.problem == '"guidence" is not a word guides use here; did you mean "guidance"?'


@pytest.mark.parametrize(
    ("when", "place", "message"),
    [
        (
            '{ answer = "answer-me", les_than = 3 }',
            "rules[0].when",
            '"les_than" is not a word guides use here; did you mean "less_than"?',
        ),
        (
            '{ answer = "answer-me", is = "no", is_not = "yes" }',
            "rules[0].when",
            "a check needs exactly one check word, such as is, less_than or is_empty "
            "(found is, is_not)",
        ),
        (
            '{ answer = "answer-me" }',
            "rules[0].when",
            "a check needs exactly one check word, such as is, less_than or is_empty",
        ),
        (
            '{ is = "no" }',
            "rules[0].when",
            "a check needs exactly one of: answer, fact or time_between",
        ),
        (
            '{ any = [{ answer = "answer-me", is = "no" }], all = [] }',
            "rules[0].when",
            '"all" must stand alone in its table; put the other checks inside it',
        ),
        ("{ any = [] }", "rules[0].when.any", '"any" should be a list of one or more conditions'),
        (
            '"answer-me is no"',
            "rules[0].when",
            'a condition (such as { answer = "budget", is = "no" }) should be a table, not text',
        ),
        (
            '{ answer = "answer-me", less_than = 3 }',
            "rules[0].when.less_than",
            '"less_than" does not work with question "answer-me" (yes-no answer)',
        ),
        (
            '{ answer = "answer-me", is = "maybe" }',
            "rules[0].when.is",
            'Choose yes, no or not sure (checking question "answer-me" (yes-no answer))',
        ),
        (
            '{ answer = "answer-me", state = "done" }',
            "rules[0].when.state",
            '"state" should be one of: answered, not sure yet, not answered '
            '(checking question "answer-me" (yes-no answer))',
        ),
        (
            '{ not = { any = [{ answer = "answer-me", includes = "x" }] } }',
            "rules[0].when.not.any[0].includes",
            '"includes" does not work with question "answer-me" (yes-no answer)',
        ),
        (
            '{ time_between = [{ answer = "answer-me" }, { answer = "answer-me" }], '
            'less_than = "6 months" }',
            "rules[0].when.time_between[0]",
            'time_between needs dates, but question "answer-me" (yes-no answer) is not a date',
        ),
    ],
)
def test_bad_condition_is_named_with_its_place(read_problems, when, place, message):
    text = MINIMAL + f'\n[[rules]]\nid = "r"\nlevel = "warning"\nmessage = "M."\nwhen = {when}\n'

    problems = read_problems(text)

    assert [(p.place, p.problem) for p in problems][:1] == [(f'{place} (rule "r")', message)]


def test_bad_duration_in_condition_says_how_to_write_it(small_guide_text, read_problems):
    text = _broken(
        small_guide_text,
        'less_than = "6 months" },\n  { time',
        'less_than = "six months" },\n  { time',
    )

    problem = _one(read_problems(text))

    assert problem.place == 'rules[0].when.any[0].less_than (rule "too-short")'
    assert problem.problem.startswith(
        "'six months' is not a length of time: write a number and days, weeks, months or years"
    )


def test_checklist_item_not_on_the_checklist_is_a_problem(small_guide_text, read_problems):
    text = small_guide_text + (
        '\n[[rules]]\nid = "no-loop"\nlevel = "warning"\nmessage = "No loop."\n'
        'when = { answer = "venue", excludes = "hearing-loop" }\n'
    )

    problem = _one(read_problems(text))

    assert problem.place == 'rules[4].when.excludes (rule "no-loop")'
    assert problem.problem.startswith('"hearing-loop" is not an item of this checklist')


def test_unknown_level_is_a_problem(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'level = "reminder"', 'level = "danger"')

    problem = _one(read_problems(text))

    assert problem.place == 'rules[2].level (rule "venue-checks")'
    assert problem.problem == 'the level "danger" is not known; use one of: stop, warning, reminder'


def test_only_a_stop_can_block(small_guide_text, read_problems):
    text = _broken(small_guide_text, 'level = "stop"', 'level = "warning"')

    problem = _one(read_problems(text))

    assert problem.place == 'rules[0].blocks_from (rule "too-short")'
    assert problem.problem == "only a stop can block questions"


def test_a_single_way_forward_is_not_a_choice(small_guide_text, read_problems):
    text = _broken(
        small_guide_text,
        '[[rules.ways_forward]]\nid = "more-time"\ntext = "Ask for more time"\n',
        "",
    )

    problem = _one(read_problems(text))

    assert problem.place == 'rules[0].ways_forward (rule "too-short")'
    assert problem.problem == "give at least two ways forward to choose between, or none"


def test_link_that_is_not_a_web_address_is_a_problem(read_problems):
    text = MINIMAL + 'links = [{ text = "Click", url = "javascript:alert(1)" }]\n'

    problem = _one(read_problems(text))

    assert problem.place == 'sections[0].questions[0].links[0].url (question "answer-me")'
    assert problem.problem == 'the address "javascript:alert(1)" should start with https://'


def test_version_must_be_a_whole_number(read_problems):
    problem = _one(read_problems(MINIMAL.replace("version = 1", 'version = "1.0"')))

    assert (problem.place, problem.problem) == (
        "guide.version",
        "the version should be a whole number, 1 or more",
    )


def test_section_without_questions_is_a_problem(read_problems):
    text = MINIMAL + '\n[[sections]]\nid = "empty"\ntitle = "Empty"\nquestions = []\n'

    problem = _one(read_problems(text))

    assert problem.place == 'sections[1].questions (section "empty")'
    assert problem.problem == "a section needs at least one question"


def test_toml_syntax_error_names_line_and_column(read_problems):
    problem = _one(read_problems(MINIMAL.replace('title = "Tiny"', "title = Tiny")))

    assert problem.place == "line 4, column 9"
    assert problem.problem.startswith("this is not valid TOML: ")


def test_every_problem_is_reported_at_once(small_guide_text):
    text = small_guide_text.replace('kind = "yes-no"', 'kind = "yesno"').replace(
        'id = "budget"', 'id = "venue"'
    )
    text = text.replace('answer = "helpers", is_empty', 'answer = "helper", is_empty')

    with pytest.raises(GuideFileError) as raised:
        guide_read(text, file="many.toml")

    assert str(raised.value).splitlines()[0] == "many.toml has 3 problems:"
    assert len(raised.value.problems) == 3
    assert all(line.startswith("- many.toml, ") for line in str(raised.value).splitlines()[1:])


def test_loading_a_broken_file_names_the_file(tmp_path):
    path = tmp_path / "our-guide.toml"
    path.write_text(MINIMAL.replace('kind = "yes-no"', 'kind = "yesno"'), encoding="utf-8")

    with pytest.raises(GuideFileError) as raised:
        guide_load(path)

    assert str(raised.value).startswith("our-guide.toml has 1 problem:\n- our-guide.toml, ")


def test_loading_a_missing_file_is_a_guide_problem(tmp_path):
    with pytest.raises(GuideFileError) as raised:
        guide_load(tmp_path / "missing.toml")

    assert str(raised.value.problems[0]) == (
        "missing.toml, the top of the file: the file cannot be read (FileNotFoundError)"
    )
