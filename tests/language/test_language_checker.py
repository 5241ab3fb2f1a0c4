"""The checker on single sentences: what it finds, and what it leaves alone."""

import pytest

from coplan.language import (
    ACRONYM,
    EASY_READ,
    JARGON,
    LONG_SENTENCE,
    LONG_WORD,
    NUMBER_AS_WORD,
    PASSIVE_VOICE,
    SEVERAL_IDEAS,
    Checker,
    Term,
    check,
)
from coplan.language.findings import CHANGE, NOTE


def found(text, mode="plain", **options):
    return [(finding.kind, finding.text) for finding in check(text, mode, **options).findings]


def test_check_finds_jargon_and_acronym_with_exact_spans():
    text = "Going forward, please contact the SCIAs team."

    report = check(text)

    assert [(f.kind, f.start, f.end, text[f.start : f.end]) for f in report.findings] == [
        (JARGON, 0, 13, "Going forward"),
        (ACRONYM, 34, 39, "SCIAs"),
    ]


def test_jargon_finding_has_plain_message_and_suggestion():
    finding = check("We will signpost you.").findings[0]

    assert finding.message == "'signpost' is jargon. Not everyone will know what it means."
    assert finding.suggestion == "point you to; tell you about"


@pytest.mark.parametrize(
    ("text", "jargon"),
    [
        ("We will signpost you.", "signpost"),
        ("Staff signposted her to a group.", "signposted"),
        ("Signposting is part of the job.", "Signposting"),
        ("We asked our stakeholders.", "stakeholders"),
        ("Each stakeholder's view counts.", "stakeholder"),
        ("The service users said no.", "service users"),
        ("This is about capacity building.", "capacity building"),
        ("We rolled out the app.", "rolled out"),
        ("It is a multi agency team.", "multi agency"),
        ("We will prioritize this.", "prioritize"),
    ],
)
def test_jargon_is_found_in_its_inflected_and_spelling_forms(text, jargon):
    assert (JARGON, jargon) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Here is the agenda for the meeting.",
        "We deliver parcels on Fridays.",
        "The bus journey takes an hour.",
        "Wait on platform 2 for the train.",
        "The key is at the front desk.",
        "We co-produce this plan with you.",
        "The Care Quality Commission checks care homes.",
    ],
)
def test_ordinary_words_in_ordinary_company_are_not_jargon(text):
    assert found(text) == []


def test_deliver_is_jargon_next_to_services():
    assert found("We deliver better services.") == [(JARGON, "deliver")]


@pytest.mark.parametrize(
    "text",
    [
        "Your GP can help.",
        "The NHS will pay.",
        "Come at 10AM or 10 AM.",
        "Mrs PATEL will meet you.",
        "Write to OX1 1ND or SW1A 2AA.",
        "Read Part II and Phase IV.",
        "The walk is 5 KM long.",
        "PLEASE BRING THIS LETTER WITH YOU.",
        "We are NOT able to pay.",
        "J.R. Smith will chair.",
        "We meet in BANBURY.",
        "It is on TV and the BBC.",
        "Go to A&E in an emergency.",
    ],
)
def test_hard_negatives_are_not_acronyms(text):
    assert [kind for kind, _ in found(text) if kind == ACRONYM] == []


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Bring your EHCP.", "EHCP"),
        ("The SCIAs are ready.", "SCIAs"),
        ("Ask the C.Q.C. about it.", "C.Q.C."),
        ("The DfE sets the rules.", "DfE"),
        ("Your SEND plan.", "SEND"),
        ("The QRM report is due.", "QRM"),
        ("Contact IT for help.", "IT"),
    ],
)
def test_acronyms_are_found(text, acronym):
    assert (ACRONYM, acronym) in found(text)


@pytest.mark.parametrize(
    ("text", "kind", "words", "plainer"),
    [
        ("Your support plan says what help you get.", JARGON, "support plan",
         "plan for the help you get"),
        ("We made two support plans.", JARGON, "support plans", "plan for the help you get"),
        ("We have mapped the services in the town.", JARGON, "mapped",
         "looked at; listed; found out"),
        ("Ask the SENCo about extra help.", ACRONYM, "SENCo",
         "special educational needs co-ordinator"),
        ("Ask the SENDCo about extra help.", ACRONYM, "SENDCo",
         "special educational needs co-ordinator"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("mode", ["plain", EASY_READ])
def test_school_and_support_words_are_found_with_plainer_words(text, kind, words, plainer, mode):
    findings = [
        (finding.kind, finding.text, finding.suggestion) for finding in check(text, mode).findings
    ]

    assert (kind, words, plainer) in findings


@pytest.mark.parametrize("text", ["You will get a map of the building.", "Plan your support."])
def test_a_map_and_a_plan_alone_are_ordinary_words(text):
    assert found(text) == []


def test_spelled_out_acronym_is_a_note_in_plain_mode_with_its_meaning():
    finding = check("The Care Quality Commission (CQC) checks care homes.").findings[0]

    assert (finding.kind, finding.text, finding.severity) == (ACRONYM, "CQC", NOTE)
    assert finding.suggestion == "Care Quality Commission"


def test_acronym_spelled_out_after_it_is_found_too():
    finding = check("The QRM (quarterly risk meeting) is on Monday.").findings[0]

    assert (finding.text, finding.severity, finding.suggestion) == (
        "QRM",
        NOTE,
        "quarterly risk meeting",
    )


def test_spelled_out_acronym_is_a_change_in_easy_read_mode():
    finding = check("The Care Quality Commission (CQC) checks homes.", EASY_READ).findings[0]

    assert (finding.kind, finding.severity) == (ACRONYM, CHANGE)


def test_scia_means_what_the_guide_says():
    finding = check("Please read the SCIA before the meeting.").findings[0]

    assert finding.suggestion == "service and community impact assessment"


@pytest.mark.parametrize(
    ("text", "acronym", "meanings"),
    [
        ("Ask the PC at the front desk.", "PC", ["police constable", "personal computer"]),
        ("Your SAR has been received.", "SAR", ["subject access request", "Safeguarding Adults"]),
        ("Check your NI record.", "NI", ["National Insurance", "Northern Ireland"]),
        ("Talk to the SLT about it.", "SLT", ["speech and language", "senior leadership team"]),
    ],
)
def test_acronym_with_several_meanings_gets_no_suggestion_but_names_them(text, acronym, meanings):
    report = check(text, EASY_READ if acronym == "PC" else "plain")
    [finding] = [finding for finding in report.findings if finding.kind == ACRONYM]

    assert (finding.kind, finding.text, finding.suggestion) == (ACRONYM, acronym, None)
    assert "can stand for" in finding.message
    assert all(meaning in finding.message for meaning in meanings)


def test_acronym_with_several_meanings_spelled_out_takes_the_words_the_text_uses():
    text = "The Human Rights Act (HRA) protects you. The HRA applies to councils."

    findings = check(text).findings

    assert [(f.text, f.severity, f.suggestion) for f in findings] == [
        ("HRA", NOTE, "Human Rights Act"),
        ("HRA", NOTE, "Human Rights Act"),
    ]
    assert all("can stand for" not in f.message for f in findings)


def test_acronyms_the_word_list_counts_as_words_are_still_acronyms():
    assert (ACRONYM, "AWOL") in found("The dog went AWOL.")
    assert (ACRONYM, "ASAP") in found("PLEASE REPLY ASAP")


def test_well_known_acronyms_are_flagged_in_easy_read_only():
    assert found("Your GP can help.") == []
    assert found("Your GP can help.", EASY_READ) == [(ACRONYM, "GP")]


def test_long_sentence_is_flagged_over_25_words_in_plain_mode():
    sentence = " ".join(["word"] * 25) + "."
    longer = " ".join(["word"] * 26) + "."

    assert found(sentence) == []
    assert found(longer) == [(LONG_SENTENCE, longer)]


def test_long_sentence_is_flagged_over_15_words_in_easy_read():
    sentence = " ".join(["cat"] * 15) + "."
    longer = " ".join(["cat"] * 16) + "."

    assert [kind for kind, _ in found(sentence, EASY_READ)] == []
    assert (LONG_SENTENCE, longer) in found(longer, EASY_READ)


def test_passive_voice_is_found_but_states_are_not():
    assert found("You will be paid for your time.") == [(PASSIVE_VOICE, "be paid")]
    assert found("We are interested in your views.") == []


def test_formal_word_has_an_everyday_suggestion():
    finding = check("Please utilise the form.").findings[0]

    assert (finding.kind, finding.text, finding.suggestion) == (LONG_WORD, "utilise", "use")


def test_very_long_word_is_flagged_unless_everyday():
    assert found("It was incomprehensibility itself.") == [(LONG_WORD, "incomprehensibility")]
    assert found("Tell us about accessibility.") == []


@pytest.mark.parametrize(
    ("text", "number", "digits"),
    [
        ("The meeting lasts two hours.", "two", "2"),
        ("There are twenty-five places.", "twenty-five", "25"),
        ("About two hundred and fifty people came.", "two hundred and fifty", "250"),
        ("One person came.", "One", "1"),
    ],
)
def test_numbers_in_words_are_flagged_in_easy_read_with_digits(text, number, digits):
    findings = [f for f in check(text, EASY_READ).findings if f.kind == NUMBER_AS_WORD]

    assert [(f.text, f.suggestion) for f in findings] == [(number, digits)]


@pytest.mark.parametrize(
    "text", ["No one has to speak.", "One of us will help.", "Pick one of them."]
)
def test_one_meaning_someone_is_not_a_number(text):
    assert [kind for kind, _ in found(text, EASY_READ) if kind == NUMBER_AS_WORD] == []


def test_numbers_in_words_are_fine_in_plain_mode():
    assert found("The meeting lasts two hours.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bring your lunch and we will bring drinks.",
        "We want you to come because your ideas matter.",
        "The room is upstairs; there is a lift.",
        "If you cannot come, we will send the notes.",
        "We will pay for your taxi, which you can book yourself.",
        "The room which we used was too hot.",
    ],
)
def test_several_ideas_in_one_sentence_are_flagged_in_easy_read(text):
    assert (SEVERAL_IDEAS, text) in found(text, EASY_READ)


def test_one_idea_is_fine_in_easy_read():
    assert found("You can come with your mum or dad.", EASY_READ) == []


@pytest.mark.parametrize(
    "text", ["Which meeting was it?", "Which is the way in?", "Tell us which day is best."]
)
def test_which_asking_a_question_is_one_idea_in_easy_read(text):
    assert found(text, EASY_READ) == []


def test_readability_and_counts():
    report = check("The cat sat on the mat. The dog sat too.")

    assert (report.word_count, report.sentence_count) == (10, 2)
    # 10 words of one syllable in 2 sentences: 206.835 - 1.015 * 5 - 84.6 * 1
    assert report.readability.flesch_reading_ease == pytest.approx(117.16, abs=0.01)
    # 0.39 * 5 + 11.8 * 1 - 15.59, and the UK reading age is 5 more
    assert report.readability.flesch_kincaid_grade == pytest.approx(-1.84, abs=0.01)
    assert report.readability.reading_age == pytest.approx(3.2, abs=0.05)


def test_empty_text_has_no_scores():
    report = check("")

    assert (report.findings, report.word_count, report.sentence_count) == ([], 0, 0)
    assert report.readability.flesch_reading_ease is None


def test_allowed_words_are_never_reported_in_any_form():
    text = "Our stakeholders and the SCIA team."

    assert found(text, allowed=["stakeholder", "SCIA"]) == []


def test_organisation_terms_are_found_with_their_plural():
    checker = Checker(extra_terms={"widget panel": "the group"})

    findings = checker.check("The widget panels met.").findings

    assert [(f.kind, f.text, f.suggestion) for f in findings] == [
        (JARGON, "widget panels", "the group")
    ]
    assert "list of words to avoid" in findings[0].message


def test_organisation_terms_as_term_objects_replace_shipped_meaning():
    term = Term("going forward", "from today", forms=("going forward",))

    findings = Checker(extra_terms=[term]).check("Going forward, we meet.").findings

    assert [f.suggestion for f in findings] == ["from today"]


def test_checker_allowed_words_apply_to_every_check():
    checker = Checker(allowed=["service user"])

    assert checker.check("Ask the service users.").findings == []


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode must be one of"):
        check("Hello.", "shouty")


def test_report_as_dict_is_plain_data():
    data = check("We will signpost you.").as_dict()

    assert data["findings"][0]["label"] == "jargon"
    assert data["readability"]["reading_age"] is not None


def test_check_with_extra_terms_reuses_its_checker():
    first = check("The widget panel met.", extra_terms={"widget panel": "the group"})
    second = check("The widget panels met.", extra_terms={"widget panel": "the group"})

    assert [f.text for f in first.findings + second.findings] == ["widget panel", "widget panels"]
