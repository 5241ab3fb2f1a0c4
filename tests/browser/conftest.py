"""Browser tests: Playwright for Python driving Debian's Chromium, with axe-core.

Never a downloaded browser: Chromium is the system one at /usr/bin/chromium.
In CI (CI=true) a missing browser fails the run; elsewhere it is skipped, loudly.
"""

import os
import re
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL_PATH = "/__test__/axe.min.js"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

axe_checked_pages: list[str] = []

# Visible text that looks like markup: a tag ("<span", "</p", "<!--") or an entity
# ("&lt;", "&amp;", "&#39;", "&#x27;"). On a page it means text was escaped twice, or
# markup was passed where words were expected.
VISIBLE_MARKUP = re.compile(r"<[a-zA-Z/!]|&[a-zA-Z][a-zA-Z0-9]*;|&#[0-9]+;|&#x[0-9a-fA-F]+;")
# Every page that loads sends its visible text back, so pages a test only passes
# through are checked too.
_SEND_VISIBLE_TEXT = """
window.addEventListener("load", () => {
  if (document.body && window.__coplanVisibleText) {
    window.__coplanVisibleText(location.href, document.body.innerText);
  }
});
"""


# The page's scrolling width, and what is seen past the screen's left or right edge:
# elements and lines of text, at most 8, each named by its tag, classes and first words.
_MEASURE_WHAT_SPILLS = """
async (screen) => {
  await document.fonts.ready;
  const slack = 0.5;
  const verdicts = new Map();
  // Whether what is in `element` can be seen past the screen: not when it is hidden,
  // clipped for screen readers only, or inside a box that scrolls or clips on purpose.
  const canSpill = (element) => {
    if (verdicts.has(element)) return verdicts.get(element);
    let verdict = true;
    const style = getComputedStyle(element);
    if (style.clip !== "auto" || style.clipPath !== "none") verdict = false;
    else if (element.classList.contains("govuk-visually-hidden")) verdict = false;
    else {
      const parent = element.parentElement;
      if (parent && parent !== document.body && parent !== document.documentElement) {
        const parentStyle = getComputedStyle(parent);
        verdict = parentStyle.overflowX === "visible" && canSpill(parent);
      }
    }
    verdicts.set(element, verdict);
    return verdict;
  };
  const name = (element) => {
    const classes = [...element.classList].slice(0, 3).map((c) => "." + c).join("");
    const words = (element.innerText || "").trim().split(/\\s+/).join(" ").slice(0, 40);
    return `<${element.tagName.toLowerCase()}${classes}> "${words}"`;
  };
  // Only the outermost of what spills is named: not each cell of a table that does.
  const spilling = new Set();
  const spills = [];
  const note = (element, rect, what) => {
    const left = Math.round(rect.left + window.scrollX);
    const right = Math.round(rect.right + window.scrollX);
    if (rect.width > 0 && (right > screen || left < 0)) {
      const seen = spilling.has(element) || spilling.has(element.parentElement);
      spilling.add(element);
      if (!seen) spills.push(`${what} ${name(element)} from ${left}px to ${right}px`);
    }
  };
  const visible = (element) =>
    element.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
    canSpill(element);
  for (const element of document.body.querySelectorAll("*")) {
    if (visible(element)) note(element, element.getBoundingClientRect(), "");
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (!text.data.trim() || !parent || !visible(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    for (const rect of range.getClientRects()) note(parent, rect, "text in");
  }
  return {
    pageWidth: document.documentElement.scrollWidth,
    spills: [...new Set(spills.map((s) => s.trim()))].slice(0, 8),
  };
}
"""


def _need(condition: bool, reason: str) -> None:
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI needs this and it is missing: {reason}", pytrace=False)
    pytest.skip(f"SKIPPED BROWSER TESTS: {reason}")


@pytest.fixture(scope="session")
def browser():
    _need(CHROMIUM.exists(), f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    _need(AXE.exists(), f"no axe-core at {AXE} (npm ci)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


class Visit:
    """A browser page with helpers: go to a path, check it with axe, read its errors.

    Every page loaded is also checked for visible text that looks like markup
    (`VISIBLE_MARKUP`): in `assert_accessible`, and when the test ends.
    """

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.console_errors: list[str] = []
        self.markup_seen: list[str] = []
        self._typed: list[str] = []
        page.expose_binding(
            "__coplanVisibleText", lambda _source, url, text: self._check_text(url, text)
        )
        page.add_init_script(_SEND_VISIBLE_TEXT)
        page.on("console", self._on_console)
        page.on("response", self._on_response)
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.route(
            f"{base_url}{AXE_URL_PATH}",
            lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"),
        )

    def _on_console(self, message) -> None:
        # A page answered with 4xx on purpose (e.g. 429 when locked out) logs
        # "Failed to load resource"; failed sub-resources are caught in _on_response.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _on_response(self, response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.console_errors.append(f"{response.status} for {response.url}")

    def allow_typed(self, text: str) -> None:
        """Text the test types that looks like markup, and must be shown just as typed."""
        self._typed.append(text)

    def _check_text(self, url: str, text: str) -> None:
        for typed in self._typed:
            text = text.replace(typed, "")
        for found in VISIBLE_MARKUP.finditer(text):
            around = " ".join(text[max(found.start() - 30, 0) : found.end() + 40].split())
            self.markup_seen.append(f"{url}: …{around}…")

    def assert_no_visible_markup(self) -> None:
        """No page loaded so far, nor the page as it is now, shows markup as text."""
        if not self.page.is_closed() and self.page.url.startswith(self.base_url):
            self._check_text(self.page.url, self.page.inner_text("body"))
        seen = list(dict.fromkeys(self.markup_seen))
        self.markup_seen.clear()  # reported once, not again when the test ends
        assert seen == [], "Markup shown as text: " + "; ".join(seen)

    def assert_fits_the_screen(self) -> None:
        """Nothing spills past the screen's edges, so nothing needs scrolling sideways.

        Measured against the width the page was opened with (320px for `phone_visit`),
        never against the browser's own idea of the page's width: on a phone Chromium
        widens the page to whatever is too wide for it, so `scrollWidth` and `innerWidth`
        grow together and could never disagree. Every element and every line of text is
        measured too, so a long word or a wide table that spills over is named. Not
        counted: text hidden for screen readers only (clipped), and what is inside a box
        that scrolls or clips on purpose (a wide table in a scrolling region): that box is
        measured itself.

        Measured once the page, its styles and its fonts have loaded: a click returns as
        soon as the new page's text is there, and on a busy machine its stylesheet can
        still be on its way, when everything is as wide as its longest line."""
        self.page.wait_for_load_state("load")
        screen = self.page.viewport_size["width"]
        found = self.page.evaluate(_MEASURE_WHAT_SPILLS, screen)
        fits = found["pageWidth"] <= screen and found["spills"] == []
        assert fits, (
            f"{self.page.url} is {found['pageWidth']}px wide on a {screen}px screen; "
            f"past its edges: {found['spills']}"
        )

    def go(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    def _add_axe(self) -> None:
        """Put axe-core on the page, once the page a click led to has loaded. A click that
        starts a navigation returns before the new page has a <head>; on a busy machine
        axe can arrive in between, so wait for the page and try again."""
        from playwright.sync_api import Error

        for attempt in range(3):
            self.page.wait_for_load_state("load")
            try:
                self.page.add_script_tag(url=self.base_url + AXE_URL_PATH)
            except Error:
                if attempt == 2:
                    raise
                self.page.wait_for_timeout(200)
            else:
                return

    def assert_accessible(self) -> None:
        """Zero axe-core violations on the page as it is now, and no script errors."""
        self._add_axe()
        violations = self.page.evaluate(
            """async (tags) => {
                const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                return results.violations.map(v => ({
                    id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))
                }));
            }""",
            AXE_TAGS,
        )
        axe_checked_pages.append(self.page.title())
        assert violations == [], f"{self.page.url}: {violations}"
        assert self.console_errors == [], f"{self.page.url}: {self.console_errors}"
        self.assert_no_visible_markup()


@pytest.fixture
def visit(browser, live_server):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    visiting = Visit(page, live_server.url)
    yield visiting
    try:
        visiting.assert_no_visible_markup()
    finally:
        context.close()


@pytest.fixture
def phone_visit(browser, live_server):
    context = browser.new_context(
        viewport={"width": 320, "height": 640},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    visiting = Visit(page, live_server.url)
    yield visiting
    try:
        visiting.assert_no_visible_markup()
    finally:
        context.close()
