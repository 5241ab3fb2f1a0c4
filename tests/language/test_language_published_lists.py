"""The word lists grown from published guidance (issue 15): the GOV.UK style guide's words
to avoid, officialese, plain English alternatives, the NHS content style guide's words and
Easy Read words. Every listed word is found; known clean sentences stay clean."""

import pytest

from coplan.language import check
from coplan.language.corpus import corpus_folder, read_corpus
from coplan.language.findings import EASY_READ, PLAIN
from coplan.language.wordlists import WORD_LISTS, data_file, terms_from_mapping

PUBLISHED = (
    "words_to_avoid.toml",
    "officialese.toml",
    "plain_alternatives.toml",
    "nhs_words.toml",
    "easy_read_words.toml",
)


def _entries():
    for name, kind, group in WORD_LISTS:
        if name in PUBLISHED:
            for term in terms_from_mapping(data_file(name), kind=kind, group=group):
                yield pytest.param(term, id=f"{name}:{term.phrase}")


def _sentence_with(term):
    # A word that is only a problem in some company gets that company.
    company = f" {sorted(term.near)[0]}" if term.near else ""
    return f"Sam said: {term.phrase}{company} now.", len("Sam said: ")


@pytest.mark.parametrize("term", list(_entries()))
def test_every_listed_word_is_found_with_the_word_to_use(term):
    mode = PLAIN if PLAIN in term.modes else EASY_READ
    text, start = _sentence_with(term)

    found = [f for f in check(text, mode).findings if f.start == start and f.kind == term.kind]

    assert found, f"{term.phrase!r} is not found in {text!r}"
    assert found[0].text.lower() == term.phrase.lower()
    assert found[0].suggestion == term.suggestion


@pytest.mark.parametrize(
    ("text", "found", "message"),
    [
        (
            "We will tackle loneliness.",
            "tackle",
            "'tackle' is on the GOV.UK style guide's list of words to avoid. Say what you will do.",
        ),
        (
            "Please find attached the notes.",
            "Please find attached",
            "'Please find attached' is officialese. Say it as you would to someone in front "
            "of you.",
        ),
        (
            "Tell us about pain in your abdomen.",
            "abdomen",
            "'abdomen' is a medical or NHS word. The NHS content style guide asks for the "
            "everyday word.",
        ),
    ],
)
def test_a_finding_says_which_list_it_is_on(text, found, message):
    findings = check(text).findings

    assert [(f.text, f.message) for f in findings] == [(found, message)]


@pytest.mark.parametrize(
    "text",
    [
        "Here is the agenda for the meeting.",
        "We will send the minutes after the meeting.",
        "This is a co-production project and the venue has a lift.",
        "The facilitator will welcome you.",
    ],
)
def test_easy_read_words_are_left_alone_in_plain_mode(text):
    assert [f.text for f in check(text).findings if f.kind == "jargon"] == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Here is the agenda for the meeting.", "agenda"),
        ("We will send the minutes after the meeting.", "the minutes"),
        ("This is about co-production.", "co-production"),
        ("The facilitator will help.", "facilitator"),
        ("You will get reimbursement for the bus.", "reimbursement"),
    ],
)
def test_easy_read_words_are_found_in_easy_read(text, found):
    findings = check(text, EASY_READ).findings

    assert found in [f.text for f in findings if f.kind == "jargon"]
    assert "hard word for Easy Read" in next(f.message for f in findings if f.text == found)


def _clean_lines():
    for name in ("test.txt", "dev.txt", "easy_read_test.txt", "easy_read_dev.txt"):
        for sentence in read_corpus(corpus_folder() / name):
            if sentence.category in {"clean", "negative"} or (
                sentence.category == "easy_read" and not sentence.expected
            ):
                yield pytest.param(sentence, id=f"{name}:{sentence.line}")


@pytest.mark.parametrize("sentence", list(_clean_lines()))
def test_a_known_clean_sentence_is_not_flagged(sentence):
    assert check(sentence.text, sentence.mode).findings == []


@pytest.mark.parametrize(
    "text",
    [
        "Sam is a foster carer.",
        "The children learn to tackle in rugby.",
        "We pay in advance for the room.",
        "The meeting takes 30 minutes.",
        "The fatigue clinic is on the second floor.",
        "Cease Street is next to the station.",
        "Look at the frequently asked questions first.",
        "There is room for my assistance dog.",
        "She made a commitment of two hours a week.",
        "We will turn the old shop into a cafe.",
    ],
)
def test_ordinary_uses_of_listed_words_are_not_flagged(text):
    assert check(text).findings == []
