"""How feedback is shown: charts as accessible SVG, QR codes, and CSV."""

import csv
import io
from collections.abc import Iterable, Iterator

from markupsafe import Markup, escape

from coplan.core.govuk_forms import field_params
from coplan.core.presenters import Tag
from coplan.core.spreadsheets import cell_text
from coplan.feedback import bank
from coplan.feedback.selectors import QuestionResult, Results

BAR_LEFT = 130
BAR_WIDTH = 300
ROW = 44
BLACK = "#0b0c0c"
BLUE = "#1d70b8"
LIGHT = "#f3f2f1"


def chart_svg(result: QuestionResult, *, number: int) -> Markup:
    """A bar for each answer, with its words and its number written beside it, and a
    title and description that say the same as the table under it."""
    answered = result.answered
    described = "; ".join(f"{count.label}: {count.count} of {answered}" for count in result.counts)
    title_id, desc_id = f"chart-{number}-title", f"chart-{number}-desc"
    height = ROW * len(result.counts) + 16
    width = BAR_LEFT + BAR_WIDTH + 130
    parts = [
        f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" class="app-feedback-chart" '
        'font-family="arial, sans-serif">',
        f'<title id="{title_id}">{escape(result.question.standard)}</title>',
        f'<desc id="{desc_id}">{escape(described)}. {answered} people answered.</desc>',
    ]
    for index, count in enumerate(result.counts):
        y = 8 + index * ROW
        bar = round(BAR_WIDTH * count.count / answered) if answered else 0
        parts.append(
            f'<text x="{BAR_LEFT - 10}" y="{y + 25}" text-anchor="end" font-size="16" '
            f'fill="{BLACK}">{escape(count.label)}</text>'
        )
        parts.append(
            f'<rect x="{BAR_LEFT}" y="{y + 6}" width="{BAR_WIDTH}" height="28" '
            f'fill="{LIGHT}" stroke="{BLACK}" stroke-width="1"/>'
        )
        if bar:
            parts.append(
                f'<rect x="{BAR_LEFT}" y="{y + 6}" width="{bar}" height="28" fill="{BLUE}"/>'
            )
        parts.append(
            f'<text x="{BAR_LEFT + BAR_WIDTH + 10}" y="{y + 25}" font-size="16" '
            f'fill="{BLACK}">{count.count} ({count.percent(answered)}%)</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every piece of text is escaped above  # nosec B704


RESULTS_HEADINGS = ("Question", "Answer", "Number of people", "Out of")
TOO_FEW = "Too few answers to show"


def results_rows(results: Results, words: Iterable[tuple[int, str]]) -> Iterator[list]:
    """One row per answer count, then one row per free-text answer (`words`: question
    id and words, in order). A closed box's questions with too few answers say so
    instead, and their words are left out. Rows never link one person's answers to
    each other."""
    hidden = set()
    for result in results.questions:
        question = result.question
        if result.suppressed:
            hidden.add(question.pk)
            yield [question.standard, TOO_FEW, None, None]
        elif question.kind == bank.WORDS:
            yield [question.standard, "Answers in words (listed below)", result.answered, None]
        else:
            for count in result.counts:
                yield [question.standard, count.label, count.count, result.answered]
    by_id = {result.question.pk: result.question for result in results.questions}
    for question_id, text in words:
        if question_id not in hidden and question_id in by_id:
            yield [by_id[question_id].standard, text, None, None]


def results_csv(results: Results, words: list[tuple[int, str]]) -> str:
    """A form's results as CSV (`results_rows`), every cell safe from formulas."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(RESULTS_HEADINGS)
    for row in results_rows(results, words):
        writer.writerow([cell_text(value) for value in row])
    return out.getvalue()


def picture_radios(bound_field, question) -> dict:
    """GOV.UK radios for an Easy Read screen: big words, each answer with its picture.

    The picture is hidden from screen readers, because the words beside it say the
    same (a picture and words in one label are read once, as the words)."""
    _, params = field_params(bound_field, heading=True)
    choices = {choice.value: choice for choice in bank.KINDS[question.kind].choices}
    items = []
    for item in params["items"]:
        choice = choices.get(item["value"])
        if choice is None:
            continue
        label = escape(item.pop("text"))
        item["html"] = Markup(  # noqa: S704 - our picture and escaped words  # nosec B704
            f'<span class="app-feedback-answer">{bank.picture_svg(choice.picture)}'
            f'<span class="app-feedback-answer__words">{label}</span></span>'
        )
        item["label"] = {"classes": "govuk-label--m"}
        items.append(item)
    params["items"] = items
    params["fieldset"]["legend"]["classes"] = "govuk-fieldset__legend--xl"
    params["classes"] = "app-feedback-radios"
    return params


def loop_tag(loop) -> Tag:
    """Whether everyone who gave feedback has heard back, as a tag."""
    if loop.is_closed:
        return Tag("Everyone has heard back", "green")
    return Tag("People are waiting to hear back", "yellow")
