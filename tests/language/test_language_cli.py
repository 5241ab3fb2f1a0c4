"""`coplan check-language FILE`: findings as lines or JSON, exit status for pipelines."""

import io
import json

from coplan.language.cli import main


def run(argv, stdin_text=""):
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(argv, stdin=io.StringIO(stdin_text), stdout=stdout, stderr=stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_findings_are_printed_with_line_and_column(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Sam,\n\nGoing forward, the SCIA team will help.\n", "utf-8")

    status, printed, summary = run([str(letter)])

    assert status == 1
    assert printed.splitlines() == [
        "3:1 jargon 'Going forward' is jargon. Not everyone will know what it means. "
        "-> from now on; in future",
        "3:20 acronym 'SCIA' is an acronym. Not everyone will know what SCIA stands for. "
        "-> service and community impact assessment",
    ]
    assert summary.startswith("2 findings. 9 words in 2 sentence(s). Reading age")


def test_windows_line_endings_give_the_same_lines_and_columns(tmp_path):
    letter = tmp_path / "letter.txt"
    letter.write_bytes(b"Dear Sam,\r\n\r\nGoing forward, we meet.\r\n")

    _, printed, _ = run([str(letter)])

    assert printed.startswith("3:1 jargon 'Going forward'")


def test_clean_text_from_standard_input_exits_zero():
    status, printed, _ = run(["-"], "Please come to our meeting on Tuesday.")

    assert (status, printed) == (0, "")


def test_json_has_findings_with_lines_columns_and_scores():
    status, printed, _ = run(["--json", "-"], "We will signpost you.")

    report = json.loads(printed)
    assert status == 1
    assert report["file"] == "-"
    assert [(f["kind"], f["text"], f["line"], f["column"]) for f in report["findings"]] == [
        ("jargon", "signpost", 1, 9)
    ]
    assert report["readability"]["reading_age"] is not None


def test_easy_read_is_stricter():
    plain_status, _, _ = run(["-"], "The meeting lasts two hours.")
    easy_status, printed, _ = run(["--easy-read", "-"], "The meeting lasts two hours.")

    assert (plain_status, easy_status) == (0, 1)
    assert printed == (
        "1:19 number_as_word Write 'two' as a number. Numbers are easier to read as digits. -> 2\n"
    )


def test_allowed_words_are_not_reported():
    status, printed, _ = run(["--allow", "signpost", "-"], "We will signpost you.")

    assert (status, printed) == (0, "")


def test_organisation_word_list_is_used(tmp_path):
    terms = tmp_path / "terms.toml"
    terms.write_text('[nouns]\n"widget panel" = "the group"\n', "utf-8")

    status, printed, _ = run(["--terms", str(terms), "-"], "The widget panels met.")

    assert status == 1
    assert printed.endswith("-> the group\n")


def test_a_missing_file_is_a_clear_error_with_status_two(tmp_path):
    status, printed, problem = run([str(tmp_path / "missing.txt")])

    assert (status, printed) == (2, "")
    assert problem.startswith("check-language: cannot read")


def test_a_broken_word_list_is_a_clear_error(tmp_path):
    terms = tmp_path / "terms.toml"
    terms.write_text("[nouns\n", "utf-8")

    status, _, problem = run(["--terms", str(terms), "-"], "Hello.")

    assert status == 2
    assert "cannot read" in problem


def test_html_file_findings_point_into_the_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>Hello.</p>\n<p>We <b>signpost</b> people.</p>\n", "utf-8")

    _, printed, _ = run([str(page)])

    assert printed.startswith("2:10 jargon 'signpost'")
