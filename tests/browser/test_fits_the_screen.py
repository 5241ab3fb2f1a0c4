"""The check that a page fits a phone's screen can fail: what spills past a 320px
screen is caught, though the phone's browser widens the page to make room for it."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _add(phone_visit, html: str) -> None:
    """Add to the page's main part. The app's pages allow no style attributes, so a
    `data-style` is applied from a script instead."""
    phone_visit.page.evaluate(
        """(html) => {
            document.querySelector("main").insertAdjacentHTML("beforeend", html);
            for (const element of document.querySelectorAll("[data-style]")) {
                element.style.cssText = element.dataset.style;
            }
        }""",
        html,
    )


def _browser_widths(phone_visit) -> tuple[int, int]:
    return phone_visit.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def test_something_wider_than_the_phone_is_caught_though_the_browser_makes_room(phone_visit):
    phone_visit.go("/sign-in/")
    phone_visit.assert_fits_the_screen()

    _add(phone_visit, '<div id="too-wide" data-style="width: 600px">A box 600px wide</div>')

    # The browser's own two widths agree, as they would whatever spilled over: comparing
    # them could never catch this.
    page_width, inner_width = _browser_widths(phone_visit)
    assert page_width == inner_width > 320
    with pytest.raises(AssertionError, match=r"is \d+px wide on a 320px screen.*A box 600px"):
        phone_visit.assert_fits_the_screen()


def test_a_long_word_that_spills_over_is_named(phone_visit):
    phone_visit.go("/sign-in/")
    word = "someone.with.a.very.long.name@an-organisation-with-a-long-name.example.org"
    _add(phone_visit, f'<p class="govuk-body">Write to {word}</p>')

    with pytest.raises(AssertionError, match=re.escape('text in <p.govuk-body> "Write to')):
        phone_visit.assert_fits_the_screen()


def test_a_wide_table_in_a_region_that_scrolls_on_purpose_fits(phone_visit):
    phone_visit.go("/sign-in/")
    _add(
        phone_visit,
        '<div data-style="overflow-x: auto" role="region" aria-label="Wide table" tabindex="0">'
        '<table data-style="width: 900px"><tr><td>Wide</td><td>table</td></tr></table></div>',
    )
    _add(
        phone_visit,
        '<span class="govuk-visually-hidden">'
        "a-very-long-word-read-only-by-screen-readers-that-is-never-seen-on-the-screen</span>",
    )

    region_width = phone_visit.page.get_by_role("region", name="Wide table").evaluate(
        "(region) => region.scrollWidth"
    )
    assert region_width > 320  # the table is wider than the phone: the region scrolls
    phone_visit.assert_fits_the_screen()
